/**
 * Sync end to end: a real Hocuspocus server on loopback (its own SQLite in a temp folder) and
 * notebooks in temp folders, each with its own sync client over a real WebSocket.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $createTextNode, $getRoot, type SerializedEditorState } from 'lexical'
import { sectionLinkLabel } from '../../shared/notes/labels'
import { $createSectionLinkNode, NOTE_NODES } from '../../shared/notes/nodes'
import { emptyNoteContent } from '../../shared/notes/schema'
import { openTempNotebook, tempDir, type TempNotebook } from '../testing/tempNotebook'
import { startSyncServer, type RunningSyncServer } from './server'
import { presenceColor } from '../../shared/sync'
import { PNG } from '../import/testing/documents'
import { notebookToken } from './tokens'

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
})
const content = (...texts: string[]): SerializedEditorState => {
  const state = emptyNoteContent()
  state.root.children = texts.map(paragraph) as never
  return state
}
/** A note whose one paragraph cites a section by a chip ('See ¶3 …'). */
function citing(
  articleId: string,
  section: { id: string; ordinal: number; text: string },
): SerializedEditorState {
  const editor = createHeadlessEditor({
    nodes: NOTE_NODES,
    onError: (e) => {
      throw e
    },
  })
  editor.update(
    () => {
      const chip = $createSectionLinkNode({
        articleId,
        sectionId: section.id,
        ordinal: section.ordinal,
        label: sectionLinkLabel(section.ordinal, section.text),
      })
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('See '), chip))
    },
    { discrete: true },
  )
  return editor.getEditorState().toJSON()
}
const ARTICLE = [
  '# Talks in Singapore',
  '',
  'The two leaders met on Sentosa island and signed a short statement.',
  '',
  'Analysts doubted that the statement would lead to disarmament.',
].join('\n')

async function until<T>(what: string, probe: () => Promise<T> | T, ms = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms
  let last: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value) return value as NonNullable<T>
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

const open: TempNotebook[] = []
let server: RunningSyncServer | null = null
const serverDir = () => tempDir('gloss-sync-server-')

afterEach(async () => {
  for (const nb of open.splice(0)) nb.cleanup()
  await server?.stop()
  server = null
})

async function joined(url: string, token: string): Promise<TempNotebook> {
  const nb = openTempNotebook({ samplePath: null, syncConnect: true })
  open.push(nb)
  await nb.call('setSyncSettings', { enabled: true, serverUrl: url, token, name: `machine ${open.length}` })
  await until('synced', async () => (await nb.call('getSyncStatus', {})).state === 'synced')
  return nb
}

/** A server on loopback and two notebooks synced through it (their sample not imported). */
async function pair(): Promise<{
  a: TempNotebook
  b: TempNotebook
  token: string
  server: RunningSyncServer
}> {
  server = await startSyncServer({ dataDir: serverDir() })
  const token = notebookToken(server.secret, 'research')
  const a = await joined(server.url, token)
  const b = await joined(server.url, token)
  return { a, b, token, server }
}

const noteText = async (nb: TempNotebook, id: string) => (await nb.call('getNote', { id })).text

describe('sync', () => {
  it('carries a note typed on one notebook to the other, searchable there', async () => {
    const { a, b } = await pair()

    const note = await a.call('createNote', { title: 'Summit notes', content: content('Kim arrived first.') })
    expect(await until('the note on b', () => noteText(b, note.id).catch(() => ''))).toBe(
      'Kim arrived first.',
    )
    expect((await b.call('getNote', { id: note.id })).title).toBe('Summit notes')

    await a.call('saveNote', { id: note.id, content: content('Kim arrived first, by train.') })
    await until('the edit on b', async () => (await noteText(b, note.id)) === 'Kim arrived first, by train.')
    const found = await b.call('search', { query: 'train' })
    expect(found.hits.filter((h) => h.kind === 'note').map((h) => h.id)).toEqual([note.id])
  })

  it('keeps one copy of the sample both notebooks imported: the one with the smaller id', async () => {
    server = await startSyncServer({ dataDir: serverDir() })
    const token = notebookToken(server.secret, 'research')
    const first = openTempNotebook({ syncConnect: true })
    const second = openTempNotebook({ syncConnect: true })
    open.push(first, second)
    const ids = [first, second].map(
      (nb) => nb.notebook.db.prepare(`SELECT id FROM articles`).pluck().get() as string,
    )
    for (const nb of [first, second])
      await nb.call('setSyncSettings', { enabled: true, serverUrl: server.url, token })
    const kept = [...ids].sort()[0]
    for (const nb of [first, second]) {
      await until('one sample', async () => {
        const list = await nb.call('listArticles', {})
        return list.length === 1 && list[0]!.id === kept
      })
      await until('nothing waiting', async () => (await nb.call('getSyncStatus', {})).waiting.length === 0)
    }
  })

  it('merges both edits of one paragraph made while one side was offline', async () => {
    const { a, b } = await pair()
    const note = await a.call('createNote', {
      title: 'Draft',
      content: content('The summit was held.', 'Second.'),
    })
    await until('the note on b', () => noteText(b, note.id).catch(() => ''))

    await b.call('setSyncSettings', { enabled: false })
    await b.call('saveNote', { id: note.id, content: content('The summit was held in June.', 'Second.') })
    await a.call('saveNote', { id: note.id, content: content('The first summit was held.', 'Second.') })
    await until('a synced', async () => (await a.call('getSyncStatus', {})).state === 'synced')
    expect(await noteText(b, note.id)).toBe('The summit was held in June.\n\nSecond.')

    await b.call('setSyncSettings', { enabled: true })
    const merged = 'The first summit was held in June.\n\nSecond.'
    await until('b merged', async () => (await noteText(b, note.id)) === merged)
    await until('a merged', async () => (await noteText(a, note.id)) === merged).catch(async (e) => {
      throw new Error(`${e}: ${JSON.stringify(await noteText(a, note.id))}`)
    })
  })

  it('merges a save from an editor that had not seen an edit arriving meanwhile', async () => {
    const { a, b } = await pair()
    const note = await a.call('createNote', { title: 'Open on both', content: content('Shared line.') })
    await until('the note on b', () => noteText(b, note.id).catch(() => ''))
    await a.call('getNote', { id: note.id }) // a's editor opens it
    // read a's SQLite directly from here on: getNote is what the editor calls when it opens a note
    const textOnA = () =>
      a.notebook.db.prepare(`SELECT text FROM notes WHERE id = ?`).pluck().get(note.id) as string

    await b.call('saveNote', { id: note.id, content: content('Shared line.', 'Added on b.') })
    await until('b’s paragraph on a', async () => textOnA().includes('Added on b.'))
    // a's editor still shows only its own text, and saves its typing
    await a.call('saveNote', { id: note.id, content: content('Shared line, typed on a.') })
    const merged = 'Shared line, typed on a.\n\nAdded on b.'
    await until('a merged', () => textOnA() === merged)
    await until('b merged', async () => (await noteText(b, note.id)) === merged)
    // and a's next save builds on what its editor has, not on the merge
    await a.call('saveNote', { id: note.id, content: content('Shared line, typed on a!') })
    await until(
      'b has the next save',
      async () => (await noteText(b, note.id)) === 'Shared line, typed on a!\n\nAdded on b.',
    )
  })

  it('tells which note bodies changed, and merges a save from an editor that skipped a read (keys typed while it read)', async () => {
    const { a, b } = await pair()
    const note = await a.call('createNote', { title: 'Open on both', content: content('Shared line.') })
    await until('the note on b', () => noteText(b, note.id).catch(() => ''))
    await a.call('getNote', { id: note.id })
    const textOnA = () =>
      a.notebook.db.prepare(`SELECT text FROM notes WHERE id = ?`).pluck().get(note.id) as string
    const changesOnA = async () =>
      ((await a.call('getSyncStatus', {})) as { noteChanges: Record<string, number> }).noteChanges[note.id] ??
      0
    const before = await changesOnA()

    await b.call('saveNote', { id: note.id, content: content('Shared line.', 'Added on b.') })
    await until('b’s paragraph on a', async () => textOnA().includes('Added on b.'))
    expect(await changesOnA()).toBe(before + 1)
    // a's editor saves its typing (merged), reads the merged body, but keys were typed while it
    // read, so it does not take it: its next save is an edit of its own last save, not of the read
    await a.call('saveNote', { id: note.id, content: content('Shared line, typed on a.') })
    await a.call('getNote', { id: note.id })
    await a.call('saveNote', { id: note.id, content: content('Shared line, typed on a. More.') })
    const merged = 'Shared line, typed on a. More.\n\nAdded on b.'
    await until('a merged', () => textOnA() === merged)
    await until('b merged', async () => (await noteText(b, note.id)) === merged)
    // a merged save is no change arriving
    expect(await changesOnA()).toBe(before + 1)
    // the editor took the read after all: its saves are edits of it
    await a.call('getNote', { id: note.id })
    await a.call('saveNote', {
      id: note.id,
      content: content('Shared line, typed on a. More!', 'Added on b.'),
    })
    await until(
      'b keeps its paragraph',
      async () => (await noteText(b, note.id)) === merged.replace('.\n', '!\n'),
    )
    await a.call('saveNote', { id: note.id, content: content('Shared line.', 'Added on b.') })
    await until(
      'a’s deletion on b',
      async () => (await noteText(b, note.id)) === 'Shared line.\n\nAdded on b.',
    )
  })

  it('converges articles, excerpts, tags and deletions; delete against edit keeps the edit in the trash', async () => {
    const { a, b } = await pair()

    const { article } = await a.call('importContent', { content: ARTICLE, fileName: 'talks.md' })
    const sections = await a.call('listSections', { articleId: article.id, includeQuarantined: false })
    await a.call('quarantineSections', { articleId: article.id, sectionIds: [sections[0]!.id] })
    const excerpt = await a.call('createExcerpt', {
      articleId: article.id,
      quote: 'signed a short statement',
      color: 'yellow',
      comment: 'the text of it',
      tags: ['people/Kim'],
    })
    const onB = await until('the excerpt on b', () =>
      b.call('getExcerpt', { id: excerpt.id }).catch(() => null),
    )
    expect(onB.quote.exact).toBe('signed a short statement')
    expect(onB.tags.map((t) => t.name)).toEqual(['people/Kim'])
    expect((await b.call('getArticle', { id: article.id })).title).toBe(article.title)
    const hiddenOnB = await b.call('listSections', { articleId: article.id, includeQuarantined: true })
    expect(hiddenOnB.find((s) => s.id === sections[0]!.id)!.kind).toBe('quarantined')
    expect(
      (await b.call('search', { query: 'Sentosa' })).hits.filter((h) => h.kind === 'section'),
    ).toHaveLength(1)

    const kim = (await b.call('listTags', {})).find((t) => t.name === 'people/Kim')!
    await b.call('renameTag', { id: kim.id, name: 'people/Kim Jong Un' })
    await until('the rename on a', async () =>
      (await a.call('getExcerpt', { id: excerpt.id })).tags.some((t) => t.name === 'people/Kim Jong Un'),
    )

    // b deletes the excerpt while offline; a edits its comment meanwhile
    await b.call('setSyncSettings', { enabled: false })
    await b.call('deleteExcerpt', { id: excerpt.id })
    await a.call('updateExcerpt', { id: excerpt.id, comment: 'signed, not ratified' })
    await b.call('setSyncSettings', { enabled: true })
    for (const nb of [a, b]) {
      const e = await until('the merge', async () => {
        const got = await nb.call('getExcerpt', { id: excerpt.id })
        return got.deletedAt && got.comment === 'signed, not ratified' ? got : null
      })
      expect(e.deletedAt).not.toBeNull()
    }

    // the trash emptied on one side empties it on the other
    await a.call('emptyTrash', {})
    await until(
      'the purge on b',
      async () =>
        await b.call('getExcerpt', { id: excerpt.id }).then(
          () => false,
          () => true,
        ),
    )
  })

  it('converges a note trashed and a tag deleted on one side', async () => {
    const { a, b } = await pair()
    const { article } = await a.call('importContent', { content: ARTICLE, fileName: 'talks.md' })
    const excerpt = await a.call('createExcerpt', {
      articleId: article.id,
      quote: 'Sentosa island',
      color: 'blue',
      comment: '',
      tags: ['places/Sentosa'],
    })
    const note = await a.call('createNote', { title: 'To trash', content: content('Soon gone.') })
    await until(
      'both on b',
      async () => (await b.call('getExcerpt', { id: excerpt.id }).catch(() => null))?.tags.length === 1,
    )
    await until('the note on b', () => noteText(b, note.id).catch(() => ''))

    const tag = (await b.call('listTags', {})).find((t) => t.name === 'places/Sentosa')!
    await b.call('deleteTag', { id: tag.id })
    await b.call('deleteNote', { id: note.id })
    await until(
      'the tag gone on a',
      async () => (await a.call('getExcerpt', { id: excerpt.id })).tags.length === 0,
    )
    expect((await a.call('listTags', {})).map((t) => t.name)).not.toContain('places/Sentosa')
    await until(
      'the note in a’s trash',
      async () => (await a.call('getNote', { id: note.id })).deletedAt !== null,
    )
    expect((await a.call('listNotes', {})).map((n) => n.id)).not.toContain(note.id)
  })

  it('keeps the last writer’s comment and the other text recoverable', async () => {
    const { a, b } = await pair()
    const { article } = await a.call('importContent', { content: ARTICLE, fileName: 'talks.md' })
    const excerpt = await a.call('createExcerpt', {
      articleId: article.id,
      quote: 'doubted',
      color: 'green',
      comment: '',
      tags: [],
    })
    await until('on b', () => b.call('getExcerpt', { id: excerpt.id }).catch(() => null))

    await b.call('setSyncSettings', { enabled: false })
    await a.call('updateExcerpt', { id: excerpt.id, comment: 'written on a' })
    await new Promise((r) => setTimeout(r, 5))
    await b.call('updateExcerpt', { id: excerpt.id, comment: 'written on b, later' })
    await b.call('setSyncSettings', { enabled: true })
    for (const nb of [a, b])
      await until(
        'b’s comment',
        async () => (await nb.call('getExcerpt', { id: excerpt.id })).comment === 'written on b, later',
      )
    const replaced = a.notebook.db.prepare(`SELECT excerpt_id, text FROM sync_replaced_comments`).all()
    expect(replaced).toEqual([{ excerpt_id: excerpt.id, text: 'written on a' }])
    const history = (await a.notebook.sync.ready())!.commentHistory(excerpt.id).map((c) => c.text)
    expect(history).toContain('written on a')
  })

  it('loses nothing across a server restart, edits made meanwhile included', async () => {
    const dataDir = serverDir()
    server = await startSyncServer({ dataDir })
    const { port } = server
    const token = notebookToken(server.secret, 'research')
    const a = await joined(server.url, token)
    const note = await a.call('createNote', { title: 'Kept', content: content('Before the restart.') })
    await until('stored', async () => (await a.call('getSyncStatus', {})).state === 'synced')
    await server.stop()
    await until('a offline', async () => (await a.call('getSyncStatus', {})).state === 'offline')
    await a.call('saveNote', { id: note.id, content: content('Before the restart.', 'While it was down.') })

    server = await startSyncServer({ dataDir, port })
    await until('a back', async () => (await a.call('getSyncStatus', {})).state === 'synced', 20_000)
    const c = await joined(server.url, token)
    await until(
      'both paragraphs on c',
      async () =>
        (await noteText(c, note.id).catch(() => '')) === 'Before the restart.\n\nWhile it was down.',
    )
  }, 30_000)

  it('a backup restored on one side takes nothing from the other; what came after it syncs back', async () => {
    const { a, b } = await pair()
    const backup = join(a.dir, 'before.db')
    await a.call('backupNotebook', { path: backup })
    const note = await a.call('createNote', { title: 'After the backup', content: content('Written later.') })
    await until('the note on b', () => noteText(b, note.id).catch(() => ''))

    await a.call('restoreNotebook', { path: backup })
    await until('the note back on a', () => noteText(a, note.id).catch(() => ''))
    expect(await noteText(b, note.id)).toBe('Written later.')
  })

  it('carries a new version: its text once, its sections, re-anchored excerpts, the version list, the chips of notes citing it', async () => {
    const { a, b, token } = await pair()
    const { article } = await a.call('importContent', { content: ARTICLE, fileName: 'talks.md' })
    const excerpt = await a.call('createExcerpt', {
      articleId: article.id,
      quote: 'doubted that the statement',
      color: 'green',
      comment: 'a hedge',
      tags: [],
    })
    const last = (await a.call('listSections', { articleId: article.id, includeQuarantined: false })).at(-1)!
    const note = await a.call('createNote', { title: 'Cites', content: citing(article.id, last) })
    await until('the excerpt on b', () => b.call('getExcerpt', { id: excerpt.id }).catch(() => null))
    await until('the note on b', () => noteText(b, note.id).catch(() => ''))

    const revised = ARTICLE.replace(
      '\n\nAnalysts',
      '\n\nA later paragraph, added in the revision.\n\nAnalysts',
    ).replace('a short statement', 'a brief statement')
    const result = await a.call('importVersion', {
      articleId: article.id,
      content: revised,
      fileName: 'talks.md',
    })
    expect(result.version?.number).toBe(2)

    const versionsOf = (nb: TempNotebook) => nb.call('listVersions', { articleId: article.id })
    await until('version 2 on b', async () => (await b.call('getArticle', { id: article.id })).version === 2)
    expect(await versionsOf(b)).toEqual(await versionsOf(a))
    const past = await b.call('getVersion', { articleId: article.id, number: 1 })
    expect(past.text).toBe((await a.call('getVersion', { articleId: article.id, number: 1 })).text)
    expect(past.text).toContain('a short statement')
    const sectionsOf = (nb: TempNotebook) =>
      nb.call('listSections', { articleId: article.id, includeQuarantined: true })
    expect(await sectionsOf(b)).toEqual(await sectionsOf(a))
    const placed = (nb: TempNotebook) => nb.call('getExcerpt', { id: excerpt.id })
    const [onA, onB] = [await placed(a), await placed(b)]
    expect(onB.position.start).toBeGreaterThan(excerpt.position.start) // the added paragraph moved it
    expect(onB).toEqual(onA)
    expect(
      (await b.call('search', { query: 'revision' })).hits.filter((h) => h.kind === 'section'),
    ).toHaveLength(1)
    expect(
      (await b.call('search', { query: 'short' })).hits.filter((h) => h.kind === 'section'),
    ).toHaveLength(0)
    // the text travelled once per version: one blob each
    const client = (await b.notebook.sync.ready())!
    expect(client.nd.blobs.size).toBe(2)
    // the chip renumbered on a (¶3 is now ¶4) is renumbered on b
    const chipText = (await noteText(a, note.id)).replace('See ', '')
    expect(chipText).toMatch(/^¶4/)
    await until('the chip on b', async () => (await noteText(b, note.id)) === `See ${chipText}`)

    // a notebook joining later builds the version list from the blobs
    const c = await joined(server!.url, token)
    await until(
      'version 2 on c',
      async () => (await c.call('getArticle', { id: article.id }).catch(() => null))?.version === 2,
    )
    expect(await versionsOf(c)).toEqual(await versionsOf(a))
    expect((await c.call('getVersion', { articleId: article.id, number: 1 })).text).toBe(past.text)
    expect(await placed(c)).toEqual(onA)
  })

  it('emptying the trash while the other side edits an excerpt in it keeps the excerpt, with the edit, in the trash', async () => {
    const { a, b } = await pair()
    const { article } = await a.call('importContent', { content: ARTICLE, fileName: 'talks.md' })
    const excerpt = await a.call('createExcerpt', {
      articleId: article.id,
      quote: 'Sentosa island',
      color: 'blue',
      comment: 'where',
      tags: [],
    })
    const untouched = await a.call('createExcerpt', {
      articleId: article.id,
      quote: 'two leaders',
      color: 'blue',
      comment: '',
      tags: [],
    })
    await until('both on b', () => b.call('getExcerpt', { id: untouched.id }).catch(() => null))

    await b.call('setSyncSettings', { enabled: false })
    await a.call('deleteExcerpt', { id: excerpt.id })
    await a.call('deleteExcerpt', { id: untouched.id })
    await a.call('emptyTrash', {})
    await until('a synced', async () => (await a.call('getSyncStatus', {})).state === 'synced')
    await b.call('updateExcerpt', { id: excerpt.id, comment: 'where, on the island' })
    await b.call('setSyncSettings', { enabled: true })

    for (const nb of [a, b]) {
      const kept = await until('the edit kept', () =>
        nb.call('getExcerpt', { id: excerpt.id }).catch(() => null),
      )
      expect(kept.comment).toBe('where, on the island')
      expect(kept.deletedAt).not.toBeNull()
      // the one nobody edited is gone on both
      await until('the other purged', () =>
        nb.call('getExcerpt', { id: untouched.id }).then(
          () => false,
          () => true,
        ),
      )
    }

    // emptied again, now that both have seen the edit, it goes on both
    await b.call('emptyTrash', {})
    await until('purged on a', () =>
      a.call('getExcerpt', { id: excerpt.id }).then(
        () => false,
        () => true,
      ),
    )
    await expect(b.call('getExcerpt', { id: excerpt.id })).rejects.toThrow()

    // the marks stay in the document for 30 days, then go when sync starts
    const marked = (await b.notebook.sync.ready())!.nd.excerpts.get(excerpt.id)!
    expect(marked.get('purgedSeen')).toBeDefined()
    marked.set('purgedAt', new Date(Date.now() - 31 * 86_400_000).toISOString())
    await b.call('setSyncSettings', { enabled: false })
    await b.call('setSyncSettings', { enabled: true })
    await until(
      'the mark gone on a',
      async () => !(await a.notebook.sync.ready())!.nd.excerpts.has(excerpt.id),
    )
  })

  it('shows who else is in a note and their caret, through the note’s awareness', async () => {
    const { a, b } = await pair()
    const note = await a.call('createNote', { title: 'Together', content: content('Kim arrived first.') })
    const other = await a.call('createNote', { title: 'Elsewhere', content: content('Nobody here.') })
    await until('both notes on b', () => noteText(b, other.id).catch(() => ''))

    expect(await a.call('setNotePresence', { noteId: note.id, caret: { block: 0, offset: 3 } })).toEqual([])
    const seen = await until('a in the note, seen from b', async () => {
      const status = await b.call('getSyncStatus', {})
      return status.presence[note.id]
    })
    expect(seen).toEqual([
      { name: 'machine 1', color: presenceColor('machine 1'), caret: { block: 0, offset: 3 } },
    ])
    expect((await b.call('getSyncStatus', {})).presence[other.id]).toBeUndefined()
    // b opens it: told a is there; a sees b (no caret yet)
    const withB = await b.call('setNotePresence', { noteId: note.id })
    expect(withB.map((p) => p.name)).toEqual(['machine 1'])
    await until(
      'b seen from a',
      async () => (await a.call('getSyncStatus', {})).presence[note.id]?.[0]?.name === 'machine 2',
    )

    // a's caret moves; then a goes to the other note
    await a.call('setNotePresence', { noteId: note.id, caret: { block: 0, offset: 10 } })
    await until(
      'the caret moved',
      async () => (await b.call('getSyncStatus', {})).presence[note.id]?.[0]?.caret?.offset === 10,
    )
    await a.call('setNotePresence', { noteId: other.id, caret: null })
    await until(
      'a left the note',
      async () => (await b.call('getSyncStatus', {})).presence[note.id] === undefined,
    )
    expect((await b.call('getSyncStatus', {})).presence[other.id]?.map((p) => p.name)).toEqual(['machine 1'])
  })

  it('carries an article’s section layouts and its pictures with its text, for a new version too', async () => {
    const { a, b } = await pair()
    const picture = `data:image/png;base64,${PNG.toString('base64')}`
    const prose = (topic: string) =>
      `This paragraph about ${topic} has enough words to read as article prose. `.repeat(3)
    const page = (extra: string) => `<!doctype html><html><head><title>Pictures</title></head><body><article>
      <h1>Pictures</h1><p>${prose('the dot')} with <em>emphasis</em>.</p>
      <figure><img src="${picture}" alt="A dot"><figcaption>The dot.</figcaption></figure>
      <ul><li>${prose('a list item')}</li></ul>${extra}</article></body></html>`
    const { article } = await a.call('importContent', { content: page(''), fileName: 'pictures.html' })
    const layouts = async (nb: TempNotebook) =>
      (await nb.call('getArticle', { id: article.id })).sections.map((s) => ({
        id: s.id,
        text: s.text,
        layout: s.layout,
      }))
    await until('the article on b', () => b.call('getArticle', { id: article.id }).catch(() => null))
    const onA = await layouts(a)
    expect(onA.some(({ layout }) => layout?.block?.type === 'item')).toBe(true)
    expect(await layouts(b)).toEqual(onA)
    const mediaId = onA.flatMap(({ layout }) => layout?.images ?? []).find((i) => i.mediaId)!.mediaId!
    const got = await b.call('getMedia', { id: mediaId })
    expect(Buffer.from(got.base64, 'base64').equals(PNG)).toBe(true)

    await a.call('importVersion', {
      articleId: article.id,
      content: page(`<p>${prose('a new <strong>strong</strong> ending')}</p>`),
      fileName: 'pictures.html',
    })
    await until('version 2 on b', async () => (await b.call('getArticle', { id: article.id })).version === 2)
    expect(await layouts(b)).toEqual(await layouts(a))
    expect((await b.call('getVersion', { articleId: article.id, number: 1 })).sections).toEqual(
      (await a.call('getVersion', { articleId: article.id, number: 1 })).sections,
    )
  })

  it('emptying the trash while the other side writes in a note in it keeps the note, with the writing, in the trash', async () => {
    const { a, b } = await pair()
    const note = await a.call('createNote', { title: 'Draft', content: content('First line.') })
    await until('the note on b', () => noteText(b, note.id).catch(() => ''))

    await b.call('setSyncSettings', { enabled: false })
    await a.call('deleteNote', { id: note.id })
    await a.call('emptyTrash', {})
    await until('a synced', async () => (await a.call('getSyncStatus', {})).state === 'synced')
    await expect(a.call('getNote', { id: note.id })).rejects.toThrow()
    await b.call('saveNote', { id: note.id, content: content('First line.', 'Written on b meanwhile.') })
    await b.call('setSyncSettings', { enabled: true })

    for (const nb of [a, b]) {
      const kept = await until('the note kept', async () => {
        const got = await nb.call('getNote', { id: note.id }).catch(() => null)
        return got?.text === 'First line.\n\nWritten on b meanwhile.' ? got : null
      })
      expect(kept.deletedAt).not.toBeNull()
    }
  })

  it('costs nothing while off: no document is kept and Yjs is not started', async () => {
    const nb = openTempNotebook({ samplePath: null, syncConnect: true })
    open.push(nb)
    await nb.call('createNote', { title: 'Plain', content: content('No sync here.') })
    expect((await nb.call('getSyncStatus', {})).state).toBe('off')
    expect(await nb.notebook.sync.ready()).toBeNull()
    expect(nb.notebook.db.prepare(`SELECT count(*) FROM sync_updates`).pluck().get()).toBe(0)
  })

  it('refuses a wrong token, saying why', async () => {
    server = await startSyncServer({ dataDir: serverDir() })
    const nb = openTempNotebook({ samplePath: null, syncConnect: true })
    open.push(nb)
    const forged = notebookToken('not the secret', 'research')
    await nb.call('setSyncSettings', { enabled: true, serverUrl: server.url, token: forged })
    const status = await until('refused', async () => {
      const s = await nb.call('getSyncStatus', {})
      return s.state === 'error' ? s : null
    })
    expect(status.reason).toMatch(/refused the token/)
  })

  it('takes a server address only as ws, wss, http or https, without credentials, and says which field is wrong', async () => {
    server = await startSyncServer({ dataDir: serverDir() })
    const nb = openTempNotebook({ samplePath: null, syncConnect: true })
    open.push(nb)
    const token = notebookToken(server.secret, 'research')
    const refused: Array<[string, RegExp]> = [
      [
        'file:///etc/passwd',
        /^setSyncSettings: serverUrl: "file:\/\/\/etc\/passwd" must start with ws:\/\/, wss:\/\/, http:\/\/ or https:\/\/ \(not file:\/\/\)$/,
      ],
      ['javascript:alert(1)', /must start with ws:\/\//],
      ['ws://someone:secret@127.0.0.1:4455', /must not carry a user name or password/],
      ['localhost:4455', /must start with ws:\/\/.*\(not localhost:\/\/\)/],
      ['not an address', /is not an address/],
    ]
    for (const [serverUrl, why] of refused) {
      const attempt = nb.call('setSyncSettings', { enabled: true, serverUrl, token })
      await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', field: 'serverUrl' })
      await expect(attempt).rejects.toThrow(why)
    }
    expect((await nb.call('getSyncStatus', {})).state).toBe('off') // nothing refused was kept
    await expect(nb.call('setSyncSettings', { enabled: true, serverUrl: '', token })).rejects.toThrow(
      /serverUrl is required/,
    )
    // http is the same server's address, spelled for a browser
    await nb.call('setSyncSettings', { enabled: true, serverUrl: server.url.replace('ws:', 'http:'), token })
    await until('synced over http://', async () => (await nb.call('getSyncStatus', {})).state === 'synced')
  })
})
