import { memo } from 'react'
import type { NoteRef, Section } from '../../../shared/model'
import { SectionBacklinks } from '../common/BacklinkBadges'

/**
 * One section: its text is the element's only child text node (offsets depend on it);
 * the ¶N in the margin is CSS generated content from data-ordinal.
 */
const SectionText = memo(function SectionText({ section }: { section: Section }) {
  const props = {
    className: `section section-${section.kind}${section.role === 'caption' ? ' section-caption' : ''}`,
    'data-section-id': section.id,
    'data-ordinal': section.ordinal,
    id: `section-${section.id}`,
  }
  if (section.kind === 'heading') {
    const level = Math.min(6, Math.max(2, (section.level ?? 1) + 1))
    const Tag = `h${level}` as 'h2'
    return <Tag {...props}>{section.text}</Tag>
  }
  return <p {...props}>{section.text}</p>
})

interface BlockProps {
  section: Section
  /** the PDF page this section starts, when it is the first on that page */
  newPage: number | null
  notes: readonly NoteRef[] | undefined
  onOpenNote: (noteId: string) => void
  onHide: (section: Section) => void
}

/**
 * A readable section plus, when notes link to it, a badge listing them, and a Hide action in its
 * ¶ margin (both outside the text element, whose only child is the text).
 */
export const SectionBlock = memo(function SectionBlock({
  section,
  newPage,
  notes,
  onOpenNote,
  onHide,
}: BlockProps) {
  return (
    <div className="section-block">
      {newPage !== null && (
        <span className="section-page" aria-label={`Page ${newPage}`}>
          p. {newPage}
        </span>
      )}
      <SectionText section={section} />
      <button
        type="button"
        className={`section-hide section-hide-${section.kind}`}
        aria-label={`Hide ¶${section.ordinal}`}
        title={`Hide ¶${section.ordinal} from the reading text (restorable)`}
        onClick={() => onHide(section)}
      >
        Hide
      </button>
      {notes && notes.length > 0 && (
        <SectionBacklinks notes={notes} onOpenNote={onOpenNote} className="section-backlinks" />
      )}
    </div>
  )
})

interface QuarantinedProps {
  section: Section
  onRestore: (section: Section) => void
}

export function QuarantinedSection({ section, onRestore }: QuarantinedProps) {
  return (
    <div className="quarantined">
      <p
        className="section section-quarantined"
        data-section-id={section.id}
        data-ordinal={section.ordinal}
        id={`section-${section.id}`}
      >
        {section.text}
      </p>
      <div className="quarantined-actions">
        {section.quarantineReason && (
          <span className="quarantine-reason">
            {section.quarantineReason === 'hidden by you'
              ? 'Hidden by you'
              : `Hidden as ${section.quarantineReason.replace(/^scrape junk: /, '')}`}
          </span>
        )}
        <button type="button" className="small" onClick={() => onRestore(section)}>
          Restore
        </button>
      </div>
    </div>
  )
}

interface HiddenBarProps {
  count: number
  shown: boolean
  onToggle: () => void
  onRestoreAll: () => void
}

export function HiddenSectionsBar({ count, shown, onToggle, onRestoreAll }: HiddenBarProps) {
  return (
    <div className="hidden-bar">
      <button type="button" className="small" aria-expanded={shown} onClick={onToggle}>
        {`${shown ? 'Hide ' : ''}${count} hidden ${count === 1 ? 'section' : 'sections'}`}
      </button>
      {shown && (
        <button type="button" className="small" onClick={onRestoreAll}>
          Restore all
        </button>
      )}
    </div>
  )
}
