import { expect, type Page } from '@playwright/test'

/** Select a passage of a section's text node with a DOM Range, as a mouse drag would. */
export async function selectInSection(page: Page, ordinal: number, passage: string): Promise<void> {
  await page.evaluate(
    ({ ordinal, passage }) => {
      const element = document.querySelector(`[data-ordinal="${ordinal}"]`)
      const node = element?.firstChild
      if (!(node instanceof Text)) throw new Error(`¶${ordinal} has no text node`)
      const at = node.data.indexOf(passage)
      if (at < 0) throw new Error(`¶${ordinal} does not contain ${passage}`)
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + passage.length)
      element!.scrollIntoView({ block: 'center' })
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
    },
    { ordinal, passage },
  )
}

/** Ranges in a named CSS highlight (0 when it is not registered). */
export function highlightSize(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, name)
}

export async function expectHighlight(page: Page, name: string, size: number): Promise<void> {
  await expect.poll(() => highlightSize(page, name)).toBe(size)
}

/** The text covered by a named highlight's ranges, joined. */
export function highlightText(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (name) => [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString()).join('|'),
    name,
  )
}

/**
 * From here on, keep the text of every flash the reader draws: a flash lasts 1.6 s, and a busy
 * machine can pass that before a check gets to read CSS.highlights. See `flashes`.
 */
export async function recordFlashes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { glossFlashes?: string[] }
    if (w.glossFlashes) {
      w.glossFlashes.length = 0
      return
    }
    const seen: string[] = (w.glossFlashes = [])
    const registry = CSS.highlights
    const set = registry.set.bind(registry)
    registry.set = (name: string, highlight: Highlight) => {
      if (name === 'gloss-flash') seen.push([...highlight].map((r) => (r as Range).toString()).join('|'))
      return set(name, highlight)
    }
  })
}

/** The flashes drawn since `recordFlashes`, each as its ranges' text joined by "|". */
export const flashes = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { glossFlashes?: string[] }).glossFlashes ?? [])

export async function waitForArticle(page: Page): Promise<void> {
  await expect(page.locator('article.article [data-ordinal]').first()).toBeVisible()
}

/** Open an article from its library row and wait until the reader shows its text. */
export async function openArticle(page: Page, id: string): Promise<void> {
  await page.locator(`[data-article-id="${id}"] .article-item`).click()
  await expect(page.locator('article.article')).toHaveAttribute('data-article-id', id)
  await waitForArticle(page)
}

/** Call a contract operation over the web shell's HTTP API (to seed data). */
/** Reload, open the Notes tab and the note titled `title`; its editor, once shown. */
export async function openNote(page: Page, title: string) {
  await page.reload()
  await waitForArticle(page)
  await page.getByRole('tab', { name: 'Notes' }).click()
  await page
    .getByRole('list', { name: 'All notes' })
    .getByRole('button', { name: new RegExp(`^${title}(\\s|$)`) })
    .click()
  const editor = page.getByRole('textbox', { name: 'Note text' })
  await expect(editor).toBeVisible()
  return editor
}

export async function callApi<T = unknown>(
  server: { origin: string; token: string },
  name: string,
  input: unknown = {},
): Promise<T> {
  const response = await fetch(`${server.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gloss-token': server.token },
    body: JSON.stringify(input),
  })
  const reply = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } }
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`)
  return reply.value as T
}

/** Give the sample article a few colored, commented, tagged excerpts. */
export async function seedExcerpts(server: { origin: string; token: string }): Promise<void> {
  const [article] = await callApi<{ id: string }[]>(server, 'listArticles')
  if (!article) throw new Error('no sample article')
  const seeds = [
    {
      quote: 'They held three landmark summits between 2018 and 2019',
      color: 'yellow',
      comment: 'Singapore, Hanoi, DMZ',
      tags: ['summits'],
    },
    {
      quote: 'it signed a mutual defense pact with Russia',
      color: 'pink',
      comment: 'The big shift since 2019.',
      tags: ['countries/Russia', 'alliances'],
    },
    {
      quote: 'will Trump seek to re-engage with Kim?',
      color: 'blue',
      comment: '',
      tags: ['people/Kim Jong Un', 'people/Donald Trump'],
    },
    {
      quote: 'potentially worthy of a Nobel Peace Prize',
      color: 'green',
      comment: 'Klingner on symbolic wins',
      tags: ['people/Bruce Klingner'],
    },
    {
      quote: 'North Korea does not seem to care who is in the White House',
      color: 'purple',
      comment: '',
      tags: [],
    },
  ]
  for (const seed of seeds) await callApi(server, 'createExcerpt', { articleId: article.id, ...seed })
}
