/**
 * Placeholder for the notes list and Lexical editor (another engineer replaces this file).
 * It is mounted as the "Notes" tab of the right panel.
 */
export function NotesPanel() {
  return (
    <section className="notes-panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="pane-heading">
        Notes
      </h2>
    </section>
  )
}
