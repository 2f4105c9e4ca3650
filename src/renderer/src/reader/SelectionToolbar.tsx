import { COLOR_LABELS, EXCERPT_COLORS, colorVar, type ExcerptColor } from '../common/colors'

interface Props {
  top: number
  left: number
  onHighlight: (color: ExcerptColor) => void
  onComment: () => void
  onTag: () => void
  /** set while an excerpt of the review queue waits for its new text */
  onReattach?: (() => void) | undefined
}

/** Floats over a selection in the article: five colors, Comment, Tag. */
export function SelectionToolbar({ top, left, onHighlight, onComment, onTag, onReattach }: Props) {
  return (
    <div
      role="toolbar"
      aria-label="Highlight selection"
      className="selection-toolbar"
      style={{ top, left }}
      // keep the text selection when a button is pressed
      onMouseDown={(event) => event.preventDefault()}
    >
      {onReattach && (
        <>
          <button type="button" className="toolbar-button reattach-button" onClick={onReattach}>
            Re-attach here
          </button>
          <span className="toolbar-divider" aria-hidden="true" />
        </>
      )}
      {EXCERPT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className="swatch"
          style={{ background: colorVar(color) }}
          aria-label={`Highlight ${COLOR_LABELS[color].toLowerCase()}`}
          title={`Highlight ${COLOR_LABELS[color].toLowerCase()}${color === 'yellow' ? ' (H)' : ''}`}
          onClick={() => onHighlight(color)}
        />
      ))}
      <span className="toolbar-divider" aria-hidden="true" />
      <button type="button" className="toolbar-button" title="Highlight and comment (C)" onClick={onComment}>
        Comment
      </button>
      <button type="button" className="toolbar-button" title="Highlight and tag (T)" onClick={onTag}>
        Tag
      </button>
    </div>
  )
}
