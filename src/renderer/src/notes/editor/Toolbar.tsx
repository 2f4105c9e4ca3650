/** The note editor's toolbar: block type, text formats, lists, link, rule, excerpt, undo/redo. */
import { $createCodeNode, $isCodeNode } from '@lexical/code'
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/extension'
import { $isLinkNode } from '@lexical/link'
import {
  $isListNode,
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
  type HeadingTagType,
} from '@lexical/rich-text'
import { $setBlocksType } from '@lexical/selection'
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils'
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type TextFormatType,
  UNDO_COMMAND,
} from 'lexical'
import { useCallback, useEffect, useId, useState } from 'react'
import { shortcutLabel } from '../../common/dom'
import { ExcerptMenu } from './ExcerptMenu'
import { LinkForm } from './LinkForm'

type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'code' | 'bullet' | 'number' | 'check' | 'other'

const BLOCK_LABELS: Array<[BlockType, string]> = [
  ['paragraph', 'Paragraph'],
  ['h1', 'Heading 1'],
  ['h2', 'Heading 2'],
  ['h3', 'Heading 3'],
  ['quote', 'Quote'],
  ['code', 'Code block'],
]

const FORMATS: Array<{ format: TextFormatType; label: string; text: string; shortcut?: string }> = [
  { format: 'bold', label: 'Bold', text: 'B', shortcut: 'Mod+B' },
  { format: 'italic', label: 'Italic', text: 'I', shortcut: 'Mod+I' },
  { format: 'underline', label: 'Underline', text: 'U', shortcut: 'Mod+U' },
  { format: 'strikethrough', label: 'Strikethrough', text: 'S' },
  { format: 'code', label: 'Inline code', text: '</>' },
]

interface ToolbarState {
  block: BlockType
  formats: Partial<Record<TextFormatType, boolean>>
  link: string | null
}

const INITIAL: ToolbarState = { block: 'paragraph', formats: {}, link: null }

function $readState(): ToolbarState | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const anchor = selection.anchor.getNode()
  const top =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (e) => {
          const parent = e.getParent()
          return parent !== null && $isRootOrShadowRoot(parent)
        }) ?? anchor.getTopLevelElement())
  let block: BlockType = 'other'
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top
    block = list.getListType()
  } else if ($isHeadingNode(top)) {
    const tag = top.getTag()
    block = tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'other'
  } else if ($isQuoteNode(top)) block = 'quote'
  else if ($isCodeNode(top)) block = 'code'
  else if (top?.getType() === 'paragraph') block = 'paragraph'
  const formats: ToolbarState['formats'] = {}
  for (const { format } of FORMATS) formats[format] = selection.hasFormat(format)
  const linkNode = $findMatchingParent(anchor, $isLinkNode)
  return { block, formats, link: $isLinkNode(linkNode) ? linkNode.getURL() : null }
}

function sameState(a: ToolbarState, b: ToolbarState): boolean {
  return (
    a.block === b.block &&
    a.link === b.link &&
    FORMATS.every(({ format }) => Boolean(a.formats[format]) === Boolean(b.formats[format]))
  )
}

/** Arrow keys (and Home/End) move between toolbar controls, as in the ARIA toolbar pattern. */
function onToolbarKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return
  if ((event.target as HTMLElement).tagName === 'SELECT' || (event.target as HTMLElement).tagName === 'INPUT')
    return
  const controls = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>('[data-toolbar-item]'),
  ).filter((el) => !(el as HTMLButtonElement).disabled)
  const index = controls.indexOf(document.activeElement as HTMLElement)
  const next =
    event.key === 'ArrowRight'
      ? (index + 1) % controls.length
      : event.key === 'ArrowLeft'
        ? (index - 1 + controls.length) % controls.length
        : event.key === 'Home'
          ? 0
          : controls.length - 1
  event.preventDefault()
  controls[next]?.focus()
}

export function Toolbar() {
  const [editor] = useLexicalComposerContext()
  const [state, setState] = useState<ToolbarState>(INITIAL)
  const [canUndo, setCanUndo] = useState(false)
  const [canRedo, setCanRedo] = useState(false)
  const [panel, setPanel] = useState<'link' | 'excerpt' | null>(null)
  const blockId = useId()

  useEffect(() => {
    // a new state only when it differs: each React commit while the caret is in the note walks
    // the note's DOM up to the caret (React saves and restores the selection around a commit),
    // which in a long note costs more than the keystroke itself
    const show = (next: ToolbarState | null) => {
      if (next) setState((old) => (sameState(old, next) ? old : next))
    }
    const update = () => show(editor.getEditorState().read(() => $readState()))
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => show(editorState.read(() => $readState()))),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          update()
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (value) => {
          setCanUndo(value)
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (value) => {
          setCanRedo(value)
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
    )
  }, [editor])

  const setBlock = useCallback(
    (block: BlockType) => {
      editor.update(() => {
        const selection = $getSelection()
        if (!$isRangeSelection(selection)) return
        if (block === 'paragraph') $setBlocksType(selection, () => $createParagraphNode())
        else if (block === 'h1' || block === 'h2' || block === 'h3')
          $setBlocksType(selection, () => $createHeadingNode(block as HeadingTagType))
        else if (block === 'quote') $setBlocksType(selection, () => $createQuoteNode())
        else if (block === 'code') $setBlocksType(selection, () => $createCodeNode())
      })
      editor.focus()
    },
    [editor],
  )

  const toggleList = (type: 'bullet' | 'number' | 'check') => {
    if (state.block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)
    else if (type === 'bullet') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)
    else if (type === 'number') editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)
    else editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined)
  }

  const blockValue = BLOCK_LABELS.some(([b]) => b === state.block) ? state.block : ''

  return (
    <div className="gloss-note-toolbar-wrap">
      <div className="gloss-note-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onToolbarKeyDown}>
        <label htmlFor={blockId} className="visually-hidden">
          Block type
        </label>
        <div className="gloss-tb-group">
          <select
            id={blockId}
            data-toolbar-item
            className="gloss-note-block-select"
            value={blockValue}
            onChange={(event) => setBlock(event.target.value as BlockType)}
          >
            {blockValue === '' && <option value="">{state.block === 'other' ? 'Other' : 'List'}</option>}
            {BLOCK_LABELS.map(([block, label]) => (
              <option key={block} value={block}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="gloss-tb-group">
          {FORMATS.map(({ format, label, text, shortcut }) => (
            <button
              key={format}
              type="button"
              data-toolbar-item
              className={`gloss-tb gloss-tb-${format}`}
              aria-label={label}
              title={shortcut ? `${label} (${shortcutLabel(shortcut)})` : label}
              aria-pressed={!!state.formats[format]}
              onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
            >
              <span aria-hidden="true">{text}</span>
            </button>
          ))}
        </div>
        <div className="gloss-tb-group gloss-tb-history">
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb"
            aria-label="Undo in note"
            title={`Undo in note (${shortcutLabel('Mod+Z')})`}
            disabled={!canUndo}
            onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
          >
            <span aria-hidden="true">↶</span>
          </button>
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb"
            aria-label="Redo in note"
            title={`Redo in note (${shortcutLabel('Mod+Shift+Z')})`}
            disabled={!canRedo}
            onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
          >
            <span aria-hidden="true">↷</span>
          </button>
        </div>
        <div className="gloss-tb-group">
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb"
            aria-label="Bulleted list"
            title="Bulleted list"
            aria-pressed={state.block === 'bullet'}
            onClick={() => toggleList('bullet')}
          >
            <span aria-hidden="true">•≡</span>
          </button>
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb"
            aria-label="Numbered list"
            title="Numbered list"
            aria-pressed={state.block === 'number'}
            onClick={() => toggleList('number')}
          >
            {/* drawn by CSS: a visible "1" that is not in the name would fail label-in-name */}
            <span className="gloss-tb-numbered-icon" aria-hidden="true" />
          </button>
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb"
            aria-label="Checklist"
            title="Checklist"
            aria-pressed={state.block === 'check'}
            onClick={() => toggleList('check')}
          >
            <span aria-hidden="true">☑</span>
          </button>
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb"
            aria-label="Quote"
            title="Quote"
            aria-pressed={state.block === 'quote'}
            onClick={() => setBlock(state.block === 'quote' ? 'paragraph' : 'quote')}
          >
            <span aria-hidden="true">❝</span>
          </button>
        </div>
        <div className="gloss-tb-group">
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb gloss-tb-text"
            aria-label={state.link ? 'Edit link' : 'Link'}
            title="Link"
            aria-pressed={!!state.link}
            aria-expanded={panel === 'link'}
            onClick={() => setPanel(panel === 'link' ? null : 'link')}
          >
            Link
          </button>
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb"
            aria-label="Horizontal rule"
            title="Horizontal rule"
            onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}
          >
            <span aria-hidden="true">―</span>
          </button>
          <button
            type="button"
            data-toolbar-item
            className="gloss-tb gloss-tb-text"
            aria-label="Insert excerpt…"
            title="Insert an excerpt from this article"
            aria-expanded={panel === 'excerpt'}
            onClick={() => setPanel(panel === 'excerpt' ? null : 'excerpt')}
          >
            Excerpt…
          </button>
        </div>
      </div>
      {panel === 'link' && <LinkForm current={state.link} onDone={() => setPanel(null)} />}
      {panel === 'excerpt' && <ExcerptMenu onDone={() => setPanel(null)} />}
    </div>
  )
}
