/**
 * Typing `[[` or `@` in a note opens a picker of sections and excerpts: the open article's
 * excerpts and sections first, then other articles' sections (fetched lazily with getArticle
 * when the picker first opens). Choosing a section inserts a chip (SectionLinkNode); choosing
 * an excerpt inserts an excerpt card block.
 */
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuTextMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin'
import {
  $createTextNode,
  $getSelection,
  $insertNodes,
  $isParagraphNode,
  $isRangeSelection,
  type TextNode,
} from 'lexical'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import type { GlossApi } from '../../../../../shared/contract'
import type { ArticleDetail, ArticleSummary } from '../../../../../shared/model'
import { firstWords } from '../../../../../shared/notes/labels'
import { $createSectionLinkNode } from '../../../../../shared/notes/nodes'
import { colorVar } from '../../../common/colors'
import { useGloss } from '../../../state/glossContext'
import { cardFromExcerpt } from '../../../state/dnd'
import { useArticleExcerpts, useArticles, useOpenArticle } from '../../../state/hooks'
import { $insertExcerptCard } from '../excerptCards'
import { excerptPicks, filterPicks, pickLabel, sectionPicks, type Pick } from '../pickerData'

const TRIGGER = /(^|\s|\()(\[\[|@)([^[\]@\n]{0,60})$/
const OTHER_ARTICLES_LIMIT = 25

/** Matches "[[query" or "@query" right before the caret (after a space, "(" or line start). */
function matchPickerTrigger(text: string): MenuTextMatch | null {
  const match = TRIGGER.exec(text)
  if (!match) return null
  const lead = match[1] ?? ''
  const trigger = match[2] ?? ''
  const query = match[3] ?? ''
  if (query.startsWith(' ') || /\s\s/.test(query)) return null
  return { leadOffset: match.index + lead.length, matchingString: query, replaceableString: trigger + query }
}

class PickOption extends MenuOption {
  constructor(readonly pick: Pick) {
    super(pick.key)
  }
}

/** Article details by `${id}:${contentHash}:${hiddenCount}`, per API, for the whole session. */
const detailCache = new WeakMap<GlossApi, Map<string, Promise<ArticleDetail | null>>>()
function loadDetail(api: GlossApi, summary: ArticleSummary): Promise<ArticleDetail | null> {
  let cache = detailCache.get(api)
  if (!cache) detailCache.set(api, (cache = new Map()))
  const key = `${summary.id}:${summary.contentHash}:${summary.hiddenCount}`
  let found = cache.get(key)
  if (!found) {
    found = api.getArticle({ id: summary.id }).catch(() => null)
    cache.set(key, found)
  }
  return found
}

export function SectionPickerPlugin() {
  const { api } = useGloss()
  const { article } = useOpenArticle()
  const excerpts = useArticleExcerpts(article?.id ?? null)
  const articles = useArticles().list
  const listId = useId()
  const [query, setQuery] = useState<string | null>(null)
  const [others, setOthers] = useState<ArticleDetail[]>([])
  const [wantOthers, setWantOthers] = useState(false)

  useEffect(() => {
    if (!wantOthers) return
    let alive = true
    void (async () => {
      const wanted = articles.filter((a) => a.id !== article?.id).slice(0, OTHER_ARTICLES_LIMIT)
      const details = await Promise.all(wanted.map((a) => loadDetail(api, a)))
      if (alive) setOthers(details.filter((d): d is ArticleDetail => d !== null))
    })()
    return () => {
      alive = false
    }
  }, [wantOthers, api, articles, article?.id])

  const picks = useMemo(
    () => [
      ...excerptPicks(excerpts),
      ...(article ? sectionPicks(article, true) : []),
      ...others.filter((a) => a.id !== article?.id).flatMap((a) => sectionPicks(a, false)),
    ],
    [excerpts, article, others],
  )
  const options = useMemo(
    () => (query === null ? [] : filterPicks(picks, query, 30).map((pick) => new PickOption(pick))),
    [picks, query],
  )

  const onSelectOption = useCallback(
    (option: PickOption, nodeToReplace: TextNode | null, closeMenu: () => void) => {
      const pick = option.pick
      if (pick.kind === 'section') {
        const chip = $createSectionLinkNode({
          articleId: pick.articleId,
          sectionId: pick.sectionId,
          ordinal: pick.ordinal,
          label: pickLabel(pick),
        })
        if (nodeToReplace) nodeToReplace.replace(chip)
        else $insertNodes([chip])
        const space = $createTextNode(' ')
        chip.insertAfter(space)
        space.select(1, 1)
      } else {
        const block = nodeToReplace?.getTopLevelElement() ?? null
        nodeToReplace?.remove()
        const payload = cardFromExcerpt(pick.excerpt)
        if (block && $isParagraphNode(block) && block.getTextContent().trim() === '') {
          const before = block.getPreviousSibling()
          block.remove()
          $insertExcerptCard(payload, before)
        } else if (block) {
          $insertExcerptCard(payload, block)
        } else {
          const selection = $getSelection()
          $insertExcerptCard(payload, $isRangeSelection(selection) ? selection.anchor.getNode() : null)
        }
      }
      closeMenu()
    },
    [],
  )

  return (
    <LexicalTypeaheadMenuPlugin<PickOption>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      onOpen={() => setWantOthers(true)}
      triggerFn={matchPickerTrigger}
      anchorClassName="gloss-picker-anchor"
      menuRenderFn={(
        anchorRef,
        { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex, options: shown },
      ) => {
        if (!anchorRef.current) return null
        const menu = (
          <div className="gloss-picker">
            {shown.length === 0 ? (
              <p className="gloss-picker-empty">
                {query ? `No section or excerpt matches “${query}”` : 'No sections to link yet'}
              </p>
            ) : (
              <ul id={listId} role="listbox" aria-label="Link a section or excerpt">
                {shown.map((option, index) => (
                  <li
                    key={option.key}
                    id={`${listId}-${index}`}
                    ref={(el) => option.setRefElement(el)}
                    role="option"
                    aria-selected={selectedIndex === index}
                    className={`gloss-picker-option${selectedIndex === index ? ' selected' : ''}`}
                    onMouseMove={() => selectedIndex !== index && setHighlightedIndex(index)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      setHighlightedIndex(index)
                      selectOptionAndCleanUp(option)
                    }}
                  >
                    <PickRow pick={option.pick} />
                  </li>
                ))}
              </ul>
            )}
            <p className="gloss-picker-hint" aria-hidden="true">
              ↑↓ choose · Enter insert · Esc close
            </p>
          </div>
        )
        return createPortal(menu, anchorRef.current)
      }}
    />
  )
}

function PickRow({ pick }: { pick: Pick }) {
  if (pick.kind === 'excerpt') {
    const e = pick.excerpt
    return (
      <span className="gloss-pick gloss-pick-excerpt">
        <span className="gloss-pick-swatch" style={{ background: colorVar(e.color) }} aria-hidden="true" />
        <span className="gloss-pick-ordinal">¶{e.sectionOrdinal}</span>
        <span className="gloss-pick-text">“{firstWords(e.quote.exact, 70)}”</span>
        <span className="gloss-pick-kind">excerpt</span>
      </span>
    )
  }
  return (
    <span className="gloss-pick gloss-pick-section">
      <span className="gloss-pick-ordinal">¶{pick.ordinal}</span>
      <span className="gloss-pick-text">{firstWords(pick.text, 70)}</span>
      {!pick.current && <span className="gloss-pick-kind">{firstWords(pick.articleTitle, 24)}</span>}
    </span>
  )
}
