import { memo, type CSSProperties, type ReactNode } from 'react'
import type { NoteRef, Section, SectionImage } from '../../../shared/model'
import { SectionBacklinks } from '../common/BacklinkBadges'
import { inlineTree, safeHref, type InlineNode } from './layoutTree'
import { useMediaUrl } from './media'

/** A section's text with its marks: every character in one text node, in order (offsets.ts). */
function renderInline(nodes: readonly InlineNode[], key = ''): ReactNode[] {
  return nodes.map((node, i) => {
    const k = `${key}${i}`
    if (node.kind === 'text') return node.text
    const children = renderInline(node.children, `${k}.`)
    if (node.kind === 'cell')
      return (
        <span key={k} className="section-cell">
          {children}
        </span>
      )
    if (node.kind === 'gap')
      return (
        <span key={k} className="section-cell-gap">
          {children}
        </span>
      )
    const { mark } = node
    if (mark.type === 'link') {
      const href = safeHref(mark.href)!
      return (
        // target _blank: the system browser (main's window-open handler checks the address);
        // the title shows where it goes, as the desktop app has no status bar
        <a key={k} href={href} title={href} target="_blank" rel="noopener noreferrer" draggable={false}>
          {children}
        </a>
      )
    }
    const Tag = mark.type
    return <Tag key={k}>{children}</Tag>
  })
}

/**
 * One section: the element holds exactly its text (plain: one text node; with a layout, the
 * text inside its marks); the ¶N in the margin and list markers are CSS generated content.
 */
const SectionText = memo(function SectionText({ section }: { section: Section }) {
  const { layout } = section
  const block = layout?.block
  const classes = ['section', `section-${section.kind}`]
  if (section.role === 'caption') classes.push('section-caption')
  if (block) classes.push(block.type === 'row' ? 'section-table-row' : `section-${block.type}`)
  if (block?.type === 'row' && block.header) classes.push('section-table-header')
  const props = {
    className: classes.join(' '),
    'data-section-id': section.id,
    'data-ordinal': section.ordinal,
    id: `section-${section.id}`,
  }
  const content = layout ? renderInline(inlineTree(section.text, layout)) : section.text
  if (section.kind === 'heading') {
    const level = Math.min(6, Math.max(2, (section.level ?? 1) + 1))
    const Tag = `h${level}` as 'h2'
    return <Tag {...props}>{content}</Tag>
  }
  switch (block?.type) {
    case 'item': {
      const List = block.ordered ? 'ol' : 'ul'
      const depth = Math.max(1, Math.min(8, block.depth))
      return (
        <List
          className={`section-list section-list-depth-${((depth - 1) % 3) + 1}`}
          style={{ '--depth': depth } as CSSProperties}
        >
          <li {...props} value={block.ordered ? block.number : undefined}>
            {content}
          </li>
        </List>
      )
    }
    case 'quote':
      return <blockquote {...props}>{content}</blockquote>
    case 'code':
      return <pre {...props}>{content}</pre>
    case 'row':
      return (
        <div
          {...props}
          style={{ gridTemplateColumns: `repeat(${Math.max(1, block.cells.length)}, minmax(0, 1fr))` }}
        >
          {content}
        </div>
      )
    default:
      return <p {...props}>{content}</p>
  }
})

/** A picture stored with the article, from the notebook as a blob: URL (media.ts). */
function StoredPicture({ id, alt }: { id: string; alt: string }) {
  const media = useMediaUrl(id)
  if (media.status === 'ready')
    return (
      <figure className="section-picture">
        <img src={media.url} alt={alt} />
      </figure>
    )
  return (
    <figure className="section-picture section-picture-missing" aria-busy={media.status === 'loading'}>
      <span className="section-picture-alt">{alt || 'A picture'}</span>
      {media.status === 'failed' && (
        <span className="section-picture-note">The picture could not be read from the notebook.</span>
      )}
    </figure>
  )
}

/**
 * A picture that stood before the section. A stored one is shown from the notebook; a remote
 * one is never fetched (reading is offline): its alt text and address are shown instead.
 */
function SectionPicture({ image }: { image: SectionImage }) {
  if (image.mediaId) return <StoredPicture id={image.mediaId} alt={image.alt} />
  return (
    <figure className="section-picture section-picture-missing">
      <span className="section-picture-alt">{image.alt || 'A picture'}</span>
      <span className="section-picture-note">
        {image.remoteUrl ? (
          <>
            Not loaded (a picture on the web, never fetched while reading):{' '}
            <span className="section-picture-url">{image.remoteUrl}</span>
          </>
        ) : (
          'Not stored with the article.'
        )}
      </span>
    </figure>
  )
}

interface BlockProps {
  section: Section
  /** the PDF page this section starts, when it is the first on that page */
  newPage: number | null
  notes: readonly NoteRef[] | undefined
  onOpenNote: (noteId: string) => void
  onHide: (section: Section) => void
}

/**
 * A readable section plus its pictures, when notes link to it a badge listing them, and a Hide
 * action in its ¶ margin (all outside the text element, which holds only the text).
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
      {section.layout?.images?.map((image, i) => (
        <SectionPicture key={i} image={image} />
      ))}
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
