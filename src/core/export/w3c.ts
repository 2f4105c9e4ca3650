/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: an
 * AnnotationCollection whose first (only) page holds one Annotation per excerpt.
 *
 * - id: `urn:uuid:<excerpt id>`; target.source: the article's URL, else `urn:uuid:<article id>`.
 * - target.selector: a TextQuoteSelector (exact/prefix/suffix) and a TextPositionSelector.
 *   The model counts positions in Unicode code points, while Gloss stores UTF-16 offsets, so
 *   offsets are converted (they only differ after characters outside the BMP, e.g. emoji).
 * - motivation: "commenting" when there is a comment, else "highlighting".
 * - body: a TextualBody with purpose "commenting" for the comment, one with purpose
 *   "tagging" per tag. The highlight color is the target's styleClass ("gloss-yellow").
 */
import { randomUUID } from 'node:crypto'
import type { ArticleRecord, Snapshot } from '../snapshot/records'
import { generatorName } from './version'
import { visibleExcerpts } from './visible'

const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A URN for a Gloss id: urn:uuid: for UUIDs (all ids Gloss makes), urn:gloss: otherwise. */
function urnFor(kind: 'excerpt' | 'article', id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:gloss:${kind}:${encodeURIComponent(id)}`
}

/** UTF-16 offset → code point offset in `text`. */
export function codePointOffset(text: string, utf16Offset: number): number {
  let points = 0
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16Offset) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    points++
  }
  return points
}

/** Code point offset → UTF-16 offset in `text` (the inverse of codePointOffset). */
export function utf16Offset(text: string, codePoints: number): number {
  let i = 0
  for (let n = 0; n < codePoints && i < text.length; n++) {
    const code = text.codePointAt(i)!
    i += code > 0xffff ? 2 : 1
  }
  return i
}

export interface TextualBody {
  type: 'TextualBody'
  value: string
  purpose: 'commenting' | 'tagging'
  format?: 'text/plain'
}

export interface WebAnnotation {
  '@context'?: string
  id: string
  type: 'Annotation'
  motivation: 'highlighting' | 'commenting'
  created: string
  modified: string
  /** the software that wrote the annotation: "Gloss 0.1.0" */
  generator: { type: 'Software'; name: string }
  body?: TextualBody[]
  target: {
    source: string
    styleClass: string
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ]
  }
}

export interface AnnotationCollection {
  '@context': string
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] }
}

function articleSource(article: Pick<ArticleRecord, 'id' | 'sourceUrl'>): string {
  return article.sourceUrl ?? urnFor('article', article.id)
}

function buildAnnotations(data: Snapshot, generator: string): AnnotationCollection {
  const articles = new Map(data.articles.map((a) => [a.id, a]))
  const items = visibleExcerpts(data).map((e): WebAnnotation => {
    const article = articles.get(e.articleId)!
    const body: TextualBody[] = []
    if (e.comment.trim())
      body.push({ type: 'TextualBody', value: e.comment, format: 'text/plain', purpose: 'commenting' })
    for (const tag of e.tags) body.push({ type: 'TextualBody', value: tag.name, purpose: 'tagging' })
    const annotation: WebAnnotation = {
      id: urnFor('excerpt', e.id),
      type: 'Annotation',
      motivation: e.comment.trim() ? 'commenting' : 'highlighting',
      created: e.createdAt,
      modified: e.updatedAt,
      generator: { type: 'Software', name: generator },
      target: {
        source: articleSource(article),
        styleClass: `gloss-${e.color}`,
        selector: [
          { type: 'TextQuoteSelector', exact: e.quote.exact, prefix: e.quote.prefix, suffix: e.quote.suffix },
          {
            type: 'TextPositionSelector',
            start: codePointOffset(article.text, e.position.start),
            end: codePointOffset(article.text, e.position.end),
          },
        ],
      },
    }
    if (body.length) annotation.body = body
    return annotation
  })
  const scope = data.scope
  const label =
    scope.kind === 'notebook'
      ? 'Gloss notebook: all excerpts'
      : scope.kind === 'article'
        ? `Excerpts of “${data.articles[0]?.title ?? ''}”`
        : `Excerpts cited in “${data.notes[0]?.title || 'Untitled note'}”`
  return {
    '@context': ANNOTATION_CONTEXT,
    // the collection is this export, not the article or note: a fresh id each time
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  }
}

export function renderW3c(data: Snapshot, options: { generator?: string } = {}): string {
  return JSON.stringify(buildAnnotations(data, options.generator ?? generatorName()), null, 2) + '\n'
}
