/** The note's title line: back to the list, the title field, Delete. */
interface NoteHeaderProps {
  titleId: string
  title: string
  onTitle: (value: string) => void
  onTitleBlur?: () => void
  onBack?: () => void
  onDelete?: () => void
  readOnly?: boolean
}

export function NoteHeader({
  titleId,
  title,
  onTitle,
  onTitleBlur,
  onBack,
  onDelete,
  readOnly,
}: NoteHeaderProps) {
  return (
    <div className="gloss-note-header">
      {onBack && (
        <button
          type="button"
          className="icon-button gloss-note-back"
          aria-label="Back to all notes"
          title="All notes"
          onClick={onBack}
        >
          ‹
        </button>
      )}
      <input
        id={titleId}
        className="gloss-note-title"
        type="text"
        aria-label="Note title"
        placeholder="Untitled note"
        value={title}
        maxLength={500}
        readOnly={readOnly}
        onChange={(event) => onTitle(event.target.value)}
        onBlur={onTitleBlur}
      />
      {onDelete && (
        <button type="button" className="small gloss-note-delete" onClick={onDelete}>
          Delete
        </button>
      )}
    </div>
  )
}
