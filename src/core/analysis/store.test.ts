import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempNotebook, type TempNotebook } from '../testing/tempNotebook'
import { IMPORT_ANALYSIS_MAX_CHARS } from './store'

const ARTICLE = [
  'Harbour workers walk out',
  '',
  'Maria Okafor runs the harbour office. “The cranes have been idle for a week,” Okafor said. “Nobody here remembers a longer strike.”',
  '',
  'The port authority said the talks would resume last month. “We expect a deal before the summer,” the authority said.',
  '',
  'A shipping agent, who asked not to be named, said that “the backlog will take months to clear.”',
].join('\n')

let nb: TempNotebook
beforeEach(() => {
  nb = openTempNotebook({ samplePath: null })
})
afterEach(() => nb.cleanup())

const importArticle = (content = ARTICLE, fileName = 'harbour.txt') =>
  nb.call('importContent', { content, encoding: 'utf8', fileName })

describe('research analysis in the notebook', () => {
  it('analyses an article at import: its quotations with speakers, and the time it took', async () => {
    const { article } = await importArticle()
    const quotes = await nb.call('listQuotes', { articleId: article.id })
    expect(quotes.map((q) => [q.text, q.speaker.kind, q.speaker.name ?? q.speaker.description])).toEqual([
      ['The cranes have been idle for a week,', 'person', 'Maria Okafor'],
      ['Nobody here remembers a longer strike.', 'person', 'Maria Okafor'],
      ['We expect a deal before the summer,', 'organization', 'the authority'],
      ['the backlog will take months to clear.', 'unnamed', 'a shipping agent, who asked not to be named'],
    ])
    const { text } = nb.notebook.db.prepare(`SELECT text FROM articles WHERE id = ?`).get(article.id) as {
      text: string
    }
    expect(text.slice(quotes[0]!.start, quotes[0]!.end)).toBe(quotes[0]!.text)
    expect(text.slice(quotes[0]!.cue.start!, quotes[0]!.cue.end!)).toBe('Okafor said')
    const row = nb.notebook.db
      .prepare(`SELECT version, ms FROM analyses WHERE article_id = ?`)
      .get(article.id) as {
      version: number
      ms: number
    }
    expect(row.version).toBe(1)
    // a second article, with the language model loaded, as a notebook in use has it
    const second = await importArticle(ARTICLE.replace('Harbour workers', 'Dock workers'), 'dock.txt')
    const ms = (
      nb.notebook.db.prepare(`SELECT ms FROM analyses WHERE article_id = ?`).get(second.article.id) as {
        ms: number
      }
    ).ms
    expect(ms).toBeLessThan(200)
  })

  it('keeps a corrected speaker across a new version of the article', async () => {
    const { article } = await importArticle()
    const [first] = await nb.call('listQuotes', { articleId: article.id })
    const fixed = await nb.call('setQuoteSpeaker', {
      id: first!.id,
      speaker: { kind: 'person', name: 'Maria Okafor-Reyes' },
    })
    expect(fixed).toMatchObject({
      speaker: { kind: 'person', name: 'Maria Okafor-Reyes' },
      corrected: true,
      confidence: 1,
    })
    await nb.call('importVersion', {
      articleId: article.id,
      content: ARTICLE.replace('Nobody here remembers', 'No one here remembers'),
      encoding: 'utf8',
      fileName: 'harbour.txt',
    })
    const quotes = await nb.call('listQuotes', { articleId: article.id })
    expect(quotes[0]).toMatchObject({ speaker: { name: 'Maria Okafor-Reyes' }, corrected: true })
    expect(quotes[1]).toMatchObject({ text: 'No one here remembers a longer strike.', corrected: false })
    // and back to what the analysis finds
    const reset = await nb.call('setQuoteSpeaker', { id: quotes[0]!.id, speaker: null })
    expect(reset).toMatchObject({ speaker: { name: 'Maria Okafor' }, corrected: false })
  })

  it('refuses a person without a name, and an unknown quotation, naming the field', async () => {
    const { article } = await importArticle()
    const [first] = await nb.call('listQuotes', { articleId: article.id })
    await expect(
      nb.call('setQuoteSpeaker', { id: first!.id, speaker: { kind: 'person' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/name/),
    })
    await expect(nb.call('setQuoteSpeaker', { id: 'nope', speaker: null })).rejects.toMatchObject({
      code: 'not_found',
      field: 'id',
    })
  })

  it('lists entities across the notebook, with their articles, quotations and a search', async () => {
    await importArticle()
    await importArticle(
      'Cranes\n\nMaria Okafor visited Rotterdam. “The port is half empty,” she said.',
      'cranes.txt',
    )
    const people = await nb.call('listEntities', { kind: 'person' })
    const maria = people.find((e) => e.name === 'Maria Okafor')!
    expect(maria.articles.map((a) => a.title).sort()).toEqual(['Cranes', 'Harbour workers walk out'])
    expect(maria.quoteCount).toBe(3)
    expect(maria.aliases).toContain('Okafor')
    expect((await nb.call('listEntities', { query: 'rotter' })).map((e) => [e.name, e.kind])).toEqual([
      ['Rotterdam', 'place'],
    ])
    const byMaria = await nb.call('listQuotes', { speaker: 'Maria Okafor' })
    expect(byMaria).toHaveLength(3)
  })

  it('dates events against the import date, flagged as guesses, when the article has no date', async () => {
    const { article } = await importArticle()
    const events = await nb.call('listTimeline', { articleId: article.id })
    expect(events.map((e) => [e.text, e.guessed])).toEqual([['last month', true]])
    expect(events[0]!.sentence).toBe('The port authority said the talks would resume last month.')
  })

  it('analyses a notebook from before in the background, reporting progress', async () => {
    await importArticle()
    await importArticle(ARTICLE.replace('Harbour', 'Harbor'), 'harbor.txt')
    nb.notebook.db.exec(`DELETE FROM analyses; DELETE FROM quotes`)
    expect(await nb.call('researchStatus', {})).toEqual({ analyzed: 0, total: 2 })
    const seen: number[] = []
    await nb.notebook.analyzeGradually(async () => {
      seen.push((await nb.call('researchStatus', {})).analyzed)
    })
    expect(seen).toEqual([1, 2])
    expect(await nb.call('listQuotes', {})).toHaveLength(8)
  })

  it('leaves a big article to the background pass once one runs: the import returns first', async () => {
    await importArticle()
    await nb.notebook.analyzeGradually(async () => {})
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    // nothing to analyse yet: the pass ends, its pause kept for the next import's
    await nb.notebook.analyzeGradually(() => gate)
    const big = Array(Math.ceil(IMPORT_ANALYSIS_MAX_CHARS / ARTICLE.length) + 1)
      .fill(ARTICLE)
      .join('\n\n')
    const { article } = await importArticle(big, 'big.txt')
    expect(await nb.call('researchStatus', {})).toEqual({ analyzed: 1, total: 2 })
    release()
    // the pass the import woke, still running, until nothing is left
    await nb.notebook.analyzeGradually(() => gate)
    expect(await nb.call('researchStatus', {})).toEqual({ analyzed: 2, total: 2 })
    const quotes = await nb.call('listQuotes', { articleId: article.id })
    expect(quotes.length).toBe(4 * (big.split('Harbour workers walk out').length - 1))
    // a small one is still analysed at import
    await importArticle(ARTICLE.replace('Harbour', 'Harbor'), 'harbor.txt')
    expect(await nb.call('researchStatus', {})).toEqual({ analyzed: 3, total: 3 })
  })

  it('analyses the sample on first start', async () => {
    const fresh = openTempNotebook()
    try {
      await fresh.notebook.analyzeGradually(async () => {})
      const quotes = await fresh.call('listQuotes', {})
      expect(quotes).toHaveLength(7)
      expect(quotes.find((q) => q.text.startsWith('Kim has made'))!.speaker.name).toBe('Duyeon Kim')
    } finally {
      fresh.cleanup()
    }
  })
})
