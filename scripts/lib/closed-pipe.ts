/**
 * A command-line tool whose output is piped into `head` (or any reader that stops early) gets EPIPE on
 * its next write. That is the reader saying "enough", not a failure: end quietly, as Unix tools do,
 * instead of printing a stack trace. Imported for its effect by the tools that print to stdout.
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
