/** The options page's root view. */
export function OptionsApp() {
  return (
    <main class="options">
      <h1>IOM Lens options</h1>
      <p>IOM Lens reads pages only on this device and never sends page content anywhere.</p>
    </main>
  );
}
