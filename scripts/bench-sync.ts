/**
 * Sync figures: the Yjs documents' size for the sample notebook and for a bench-sized notebook
 * (1,000 variants of the sample article, as bench/run.ts builds them, with excerpts and notes),
 * the time sync takes to start on it (its first upload into the documents), and the time from a
 * keystroke saved on one notebook to its text being in the other's SQLite, through a real
 * Hocuspocus server on loopback.
 *
 *   node_modules/node/bin/node bin/run-ts.mjs scripts/bench-sync.ts
 *   SYNC_BENCH_ARTICLES (1000), SYNC_BENCH_EXCERPTS (10000), SYNC_BENCH_KEYS (60)
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { emptyNoteContent } from '../src/shared/notes/schema'
import { defaultSamplePath } from '../src/core/paths'
import { openSampleNotebook } from '../src/core/testing/sampleNotebook'
import { openTempNotebook, tempDir, type TempNotebook } from '../src/core/testing/tempNotebook'
import { startSyncServer } from '../src/core/sync/server'
import { notebookToken } from '../src/core/sync/tokens'
import { paragraphNode } from '../src/shared/notes/testing/lexicalJson'

const ARTICLES = Number(process.env.SYNC_BENCH_ARTICLES ?? 1000)
const EXCERPTS = Number(process.env.SYNC_BENCH_EXCERPTS ?? 10_000)
const KEYS = Number(process.env.SYNC_BENCH_KEYS ?? 60)
const NOTES = 20

const sample = readFileSync(defaultSamplePath(), 'utf8')
/** bench/run.ts's variant: its own opening line and a shifted sentence order in one paragraph */
function variant(i: number): string {
  const lines = sample.split('\n')
  lines.unshift(`Dispatch ${i}: a report filed on day ${i % 365} from desk ${(i * 7919) % 1000}.`)
  const middle = lines[4 + (i % 6)]!.split('. ')
  lines[4 + (i % 6)] = [...middle.slice(i % middle.length), ...middle.slice(0, i % middle.length)].join('. ')
  return lines.join('\n')
}

/** this process's CPU time since `from` (the machine may be shared: wall time then says more about the others) */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(from)
  return (user + system) / 1000
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const noteContent = (...texts: string[]) => {
  const c = emptyNoteContent()
  c.root.children = texts.map(paragraphNode) as never
  return c
}

const server = await startSyncServer({ dataDir: tempDir('gloss-sync-bench-server-') })
// the sample notebook syncs as a notebook of its own, apart from the big one and the one joining it
const tokens = {
  sample: notebookToken(server.secret, 'sample'),
  bench: notebookToken(server.secret, 'bench'),
}

async function until(probe: () => boolean | Promise<boolean>, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setImmediate(r))
  }
}

async function enable(nb: TempNotebook, name: string, token = tokens.bench): Promise<number> {
  const t = performance.now()
  await nb.call('setSyncSettings', { enabled: true, serverUrl: server.url, token, name })
  const started = performance.now() - t
  await until(async () => (await nb.call('getSyncStatus', {})).state === 'synced')
  return started
}

async function sizes(nb: TempNotebook) {
  const client = (await nb.notebook.sync.ready())!
  const whole = Y.encodeStateAsUpdate(client.nd.doc).byteLength
  let blobs = 0
  for (const v of client.nd.blobs.values()) blobs += Buffer.byteLength(v)
  const stored = nb.notebook.db
    .prepare(`SELECT doc LIKE 'note:%' AS note, sum(length(data)) AS bytes FROM sync_updates GROUP BY 1`)
    .all() as Array<{ note: number; bytes: number }>
  return { whole, blobs, stored }
}

// — the sample notebook
const sampleNb = await openSampleNotebook({ syncConnect: true })
await enable(sampleNb, 'sample', tokens.sample)
const s = await sizes(sampleNb)
console.log(`sample notebook: notebook document ${kb(s.whole)} (article text ${kb(s.blobs)} of it)`)

// — a bench-sized notebook, built with sync off, then sync turned on (its first upload)
const big = openTempNotebook({ samplePath: null, syncConnect: true })
let t = performance.now()
const articleIds: string[] = []
for (let i = 0; i < ARTICLES; i++)
  articleIds.push((await big.call('importContent', { content: variant(i), format: 'text' })).article.id)
const spans = new Map(
  articleIds.map((id) => [
    id,
    big.notebook.db
      .prepare(
        `SELECT start_offset AS start, end_offset AS "end" FROM sections WHERE article_id = ? AND kind != 'quarantined'`,
      )
      .all(id) as Array<{ start: number; end: number }>,
  ]),
)
for (let n = 0; n < EXCERPTS; n++) {
  const articleId = articleIds[n % articleIds.length]!
  const list = spans.get(articleId)!
  const section = list[n % list.length]!
  const start = section.start
  const end = Math.min(section.end, start + 80)
  await big.call('createExcerpt', {
    articleId,
    start,
    end,
    color: 'yellow',
    tags: [`tag ${n % 10}`],
    comment: `note ${n}`,
  })
}
for (let n = 0; n < NOTES; n++)
  await big.call('createNote', {
    title: `Note ${n}`,
    content: noteContent(...Array.from({ length: 20 }, (_, k) => `Paragraph ${k} of note ${n}.`)),
  })
console.log(
  `built ${ARTICLES} articles, ${EXCERPTS} excerpts, ${NOTES} notes in ${((performance.now() - t) / 1000).toFixed(1)} s`,
)
const startMs = await enable(big, 'big')
const b = await sizes(big)
const storedNotes = b.stored.find((r) => r.note === 1)?.bytes ?? 0
console.log(
  `${ARTICLES}-article notebook: notebook document ${kb(b.whole)} (article text ${kb(b.blobs)} of it); ` +
    `${NOTES} note bodies ${kb(storedNotes)}; sync start (first upload) ${startMs.toFixed(0)} ms`,
)

// a write outside notes and excerpts re-reads every row to find what changed
t = performance.now()
const renameCpu = process.cpuUsage()
await big.call('renameArticle', { id: articleIds[0]!, title: 'Renamed for the bench' })
console.log(
  `renameArticle on it, sync on: ${(performance.now() - t).toFixed(1)} ms (CPU ${cpuMs(renameCpu).toFixed(1)} ms)`,
)

// — keystroke to appearance, on the big notebook and a second one joining it
const other = openTempNotebook({ samplePath: null, syncConnect: true })
t = performance.now()
const joinCpu = process.cpuUsage()
await enable(other, 'other')
const noteId = (big.notebook.db.prepare(`SELECT id FROM notes LIMIT 1`).pluck().get() as string)!
await until(
  () => other.notebook.db.prepare(`SELECT 1 FROM notes WHERE id = ?`).pluck().get(noteId) !== undefined,
)
console.log(
  `a second notebook joining it: ${((performance.now() - t) / 1000).toFixed(1)} s to have everything ` +
    `(CPU ${(cpuMs(joinCpu) / 1000).toFixed(1)} s, server and both notebooks)`,
)
const textOf = other.notebook.db.prepare<[string], string>(`SELECT text FROM notes WHERE id = ?`).pluck()
const lags: number[] = []
let typed = 'Typed: '
for (let k = 0; k < KEYS; k++) {
  typed += 'abcdefghij'[k % 10]
  const start = performance.now()
  await big.call('saveNote', { id: noteId, content: noteContent(typed, 'Second paragraph.') })
  await until(() => textOf.get(noteId)!.startsWith(typed + '\n'), 10_000)
  lags.push(performance.now() - start)
}
lags.sort((x, y) => x - y)
const pct = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))]!.toFixed(1)
console.log(
  `keystroke (saveNote) to the other notebook's SQLite: median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms (${KEYS} keys)`,
)

for (const nb of [sampleNb, big, other]) nb.cleanup()
await server.stop()
