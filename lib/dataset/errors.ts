/** One problem found in the data: where it is and what is wrong. */
export interface DatasetIssue {
  /** Data file the record lives in, relative to the project root (data/claims/un.json). */
  file: string;
  /** Id of the record (claim, source, decision, fact), or #index when the record has no usable id. */
  id: string;
  /** Field of the record that is wrong (value.date, source, evidence, …). */
  field: string;
  /** What is wrong, in a sentence. */
  message: string;
}

/** One line per issue: `file: record "id", field "f": message`. */
export function formatIssue(issue: DatasetIssue): string {
  return `${issue.file}: record "${issue.id}", field "${issue.field}": ${issue.message}`;
}

/** Thrown when the data does not validate; lists every problem found, not just the first. */
export class DatasetBuildError extends Error {
  /** Every problem found. */
  readonly issues: readonly DatasetIssue[];

  constructor(issues: readonly DatasetIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      `The dataset does not validate (${count}):\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    );
    this.name = 'DatasetBuildError';
    this.issues = issues;
  }
}
