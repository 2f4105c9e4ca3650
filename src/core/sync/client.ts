/**
 * A notebook's sync: its Yjs documents (the notebook's, one per note body), kept in SQLite
 * (`sync_updates`) and carried to a Hocuspocus server over one WebSocket.
 *
 * Two-way bridge: after each local write `afterWrite` writes what changed into the documents;
 * each update arriving is stored and applied to SQLite in one transaction. Updates are stored
 * as they happen, so edits made offline are sent when the connection returns.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import type { SerializedEditorState } from 'lexical'
import * as Y from 'yjs'
import type { NoteJson } from '../../shared/notes/reconcile'
import {
  presenceColor,
  syncSocketUrl,
  type NoteCaret,
  type NotePeer,
  type SyncSettings,
  type SyncStatus,
} from '../../shared/sync'
import type { Db } from '../store/open'
import {
  isPurged,
  notebookDoc,
  PURGE_KEPT_DAYS,
  splitTagLink,
  type EntityKind,
  type NotebookDoc,
} from './doc'
import { createPush, type Bodies, type PushOptions } from './local'
import { NoteBody } from './noteBody'
import { createApply, type Applied } from './remote'
import { noteDocName, notebookDocName, notebookOfToken } from './tokens'

/** origins of the notebook document's transactions that are not the server's */
const LOCAL = Symbol('local write')
const LOADED = Symbol('loaded from the notebook')
/** a local save merged with what arrived since its editor read the note */
const MERGED = Symbol('local save merged')
/** a window that has not said where it is for this long is gone from its note (it says so every 20 s) */
const PRESENCE_EXPIRES_MS = 45_000
/** stored updates of one document merged into one row past this many */
const COMPACT_AFTER = 200

type Push = ReturnType<typeof createPush>
type Scope = (
  push: Push,
  keep: PushOptions,
  input: Record<string, unknown>,
  result: Record<string, unknown>,
) => void

const note: Scope = (push, _keep, _input, result) => push.note(String(result.id))
const excerpt: Scope = (push, keep, _input, result) => push.excerpt(String(result.id), keep)
/** one article's fields; with its excerpts when its trashing or a new version changed them */
const oneArticle =
  (
    id: (input: Record<string, unknown>, result: Record<string, unknown>) => unknown,
    excerpts = false,
  ): Scope =>
  (push, keep, input, result) => {
    const articleId = String(id(input, result))
    push.articles(keep, articleId)
    if (excerpts) push.excerptsOf(articleId)
  }
const byId = oneArticle((input) => input.id)
const byArticleId = oneArticle((input) => input.articleId)
/** an import, or a new version of an article here (any import may be one): its notes' chips renumbered too */
const imported: Scope = (push, keep, input, result) => {
  const id = (result.article as { id: string }).id
  oneArticle(() => id, true)(push, keep, input, result)
  if (result.version) push.notesCiting(id)
}
const tags: Scope = (push, keep) => push.tags(keep)

/** What each write can have changed, so a keystroke saved does not re-read the notebook; the rest: everything. */
const SCOPES: Record<string, Scope> = {
  createNote: note,
  saveNote: note,
  renameNote: note,
  deleteNote: note,
  restoreNote: note,
  createExcerpt: excerpt,
  updateExcerpt: excerpt,
  deleteExcerpt: excerpt,
  restoreExcerpt: excerpt,
  renameArticle: byId,
  updateArticle: byId,
  quarantineSections: byArticleId,
  restoreSections: byArticleId,
  deleteArticle: oneArticle((input) => input.id, true),
  restoreArticle: oneArticle((input) => input.id, true),
  importFile: imported,
  importContent: imported,
  importUrl: imported,
  importVersion: imported,
  resolveReview: (push, keep, input) => push.excerpt(String(input.excerptId), keep),
  createTag: tags,
  renameTag: tags,
  recolorTag: tags,
  mergeTags: tags,
  deleteTag: tags,
  restoreTags: tags,
}

interface OpenBody {
  body: NoteBody
  provider: HocuspocusProvider | null
}

export class SyncClient {
  readonly nd: NotebookDoc
  private readonly bodies = new Map<string, OpenBody>()
  private readonly waiting = new Map<string, string>()
  private readonly dirty = new Map<EntityKind, Set<string>>()
  private readonly push: Push
  private readonly apply: ReturnType<typeof createApply>
  private socket: HocuspocusProviderWebsocket | null = null
  private provider: HocuspocusProvider | null = null
  private connection: 'connecting' | 'connected' | 'disconnected' = 'disconnected'
  private failure: string | null = null
  private lastSyncedAt: string | null = null
  private received = 0
  private readonly stored: { all(doc: string): unknown[] }
  private readonly store: { run(doc: string, data: Uint8Array): unknown }

  constructor(
    private readonly db: Db,
    private readonly settings: SyncSettings,
    /** an article's text was replaced by a version that arrived */
    textChanged: (articleId: string) => void = () => {},
  ) {
    this.stored = db.prepare(`SELECT data FROM sync_updates WHERE doc = ? ORDER BY seq`).pluck()
    this.store = db.prepare(`INSERT INTO sync_updates (doc, data) VALUES (?, ?)`)
    this.nd = notebookDoc(new Y.Doc())
    const bodies: Bodies = {
      write: (id, content) => this.writeBody(id, content),
      remove: (id) => this.closeBody(id, true),
    }
    this.push = createPush(db, this.nd, bodies)
    this.apply = createApply(db, this.nd, {
      bodyOf: (id) => {
        const open = this.bodies.get(id)
        return open && !open.body.empty ? open.body.content() : null
      },
      textChanged,
    })
    this.load('notebook', this.nd.doc)
    for (const [id, entry] of this.nd.notes) if (!isPurged(entry)) this.openBody(id)
    this.observe()
    this.catchUp()
  }

  /** Connect to the server (again): the documents exchange what the other lacks. */
  connect(): void {
    const { serverUrl, token, name } = this.settings
    const notebook = notebookOfToken(token)
    if (!notebook) {
      this.failure = 'the token is not a Gloss sync token (run `gloss sync-server token <notebook>`)'
      return
    }
    this.socket = new HocuspocusProviderWebsocket({
      url: syncSocketUrl(serverUrl),
      // keep trying while offline, at most every 10 s
      maxDelay: 10_000,
      onStatus: ({ status }) => {
        this.connection = status as typeof this.connection
      },
    })
    this.provider = this.attach(notebookDocName(notebook), this.nd.doc)
    this.provider.setAwarenessField('user', { name })
    for (const [id, open] of this.bodies)
      open.provider ??= this.attach(noteDocName(notebook, id), open.body.doc)
  }

  private attach(name: string, document: Y.Doc): HocuspocusProvider {
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket!,
      name,
      document,
      token: this.settings.token,
      onAuthenticationFailed: ({ reason }) => {
        this.failure = `the server refused the token: ${reason}`
      },
      onAuthenticated: () => {
        this.failure = null
      },
      onSynced: () => this.noteSynced(),
      onUnsyncedChanges: () => this.noteSynced(),
    })
    provider.attach()
    return provider
  }

  private noteSynced(): void {
    if (this.providers().every((p) => p.isSynced && !p.hasUnsyncedChanges))
      this.lastSyncedAt = new Date().toISOString()
  }

  private providers(): HocuspocusProvider[] {
    const list = this.provider ? [this.provider] : []
    for (const open of this.bodies.values()) if (open.provider) list.push(open.provider)
    return list
  }

  status(): Pick<
    SyncStatus,
    | 'state'
    | 'reason'
    | 'unsynced'
    | 'waiting'
    | 'peers'
    | 'lastSyncedAt'
    | 'received'
    | 'noteChanges'
    | 'presence'
  > {
    const providers = this.providers()
    const unsynced = providers.filter((p) => !p.isSynced || p.hasUnsyncedChanges).length
    const waiting = [...this.waiting].map(([entry, reason]) => ({ entry, reason }))
    const own = this.nd.doc.clientID
    const peers = this.provider
      ? [...this.provider.awareness!.getStates()]
          .filter(([client]) => client !== own)
          .map(([, state]) => (state.user as { name?: string } | undefined)?.name ?? 'someone')
      : []
    const base = {
      unsynced,
      waiting,
      peers,
      lastSyncedAt: this.lastSyncedAt,
      received: this.received,
      noteChanges: Object.fromEntries(this.arrivals),
      presence: this.presence(),
    }
    if (this.failure) return { ...base, state: 'error', reason: this.failure }
    if (this.connection !== 'connected')
      return {
        ...base,
        state: 'offline',
        reason: `no connection to ${this.settings.serverUrl}; changes are kept and sent when it returns`,
      }
    return { ...base, state: unsynced === 0 ? 'synced' : 'syncing', reason: null }
  }

  // — presence: who is in which note, through each note body's awareness —

  private here: { noteId: string; expires: ReturnType<typeof setTimeout> } | null = null

  /** This window is in this note (null: in none), its caret there; returns the others in it. */
  setPresence(noteId: string | null, caret: NoteCaret | null): NotePeer[] {
    if (this.here) {
      clearTimeout(this.here.expires)
      if (this.here.noteId !== noteId)
        this.bodies.get(this.here.noteId)?.provider?.setAwarenessField('here', null)
      this.here = null
    }
    if (noteId === null) return []
    const provider = this.bodies.get(noteId)?.provider
    const { name } = this.settings
    provider?.setAwarenessField('user', { name, color: presenceColor(name) })
    provider?.setAwarenessField('here', { caret })
    const expires = setTimeout(() => this.setPresence(null, null), PRESENCE_EXPIRES_MS)
    expires.unref?.()
    this.here = { noteId, expires }
    return this.peersIn(noteId)
  }

  private peersIn(noteId: string): NotePeer[] {
    const awareness = this.bodies.get(noteId)?.provider?.awareness
    if (!awareness) return []
    const peers: NotePeer[] = []
    for (const [client, state] of awareness.getStates()) {
      const here = state.here as { caret: NoteCaret | null } | null | undefined
      if (client === awareness.clientID || !here) continue
      const user = (state.user ?? {}) as { name?: string; color?: string }
      const name = user.name ?? 'someone'
      peers.push({ name, color: user.color ?? presenceColor(name), caret: here.caret ?? null })
    }
    return peers
  }

  private presence(): Record<string, NotePeer[]> {
    const all: Record<string, NotePeer[]> = {}
    for (const id of this.bodies.keys()) {
      const peers = this.peersIn(id)
      if (peers.length > 0) all[id] = peers
    }
    return all
  }

  /** A local operation succeeded: write what it changed into the documents. */
  afterWrite(operation: string, input: unknown, result: unknown): void {
    const keep = { keep: this.waitingIds() }
    const scope = SCOPES[operation]
    this.nd.doc.transact(() => {
      if (scope)
        scope(
          this.push,
          keep,
          (input ?? {}) as Record<string, unknown>,
          (result ?? {}) as Record<string, unknown>,
        )
      else this.push.all(keep)
    }, LOCAL)
  }

  /** Every comment text this excerpt has had, newest first (what a concurrent edit replaced among them). */
  commentHistory(excerptId: string) {
    const m = this.nd.excerpts.get(excerptId)
    return m
      ? ((m.get('comments') as Y.Array<{ text: string; at: string }> | undefined)?.toArray() ?? [])
      : []
  }

  close(): void {
    if (this.here) clearTimeout(this.here.expires)
    for (const p of this.providers()) p.destroy()
    this.socket?.destroy()
    for (const open of this.bodies.values()) open.body.destroy()
    this.nd.doc.destroy()
  }

  // — storage —

  private load(name: string, doc: Y.Doc): void {
    const rows = this.stored.all(name) as Uint8Array[]
    if (rows.length === 0) return
    Y.applyUpdate(doc, Y.mergeUpdates(rows), LOADED)
    if (rows.length > COMPACT_AFTER)
      this.db.transaction(() => {
        this.db.prepare(`DELETE FROM sync_updates WHERE doc = ?`).run(name)
        this.store.run(name, Y.encodeStateAsUpdate(doc))
      })()
  }

  private observe(): void {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the maps hold different values
    const tops: Array<[EntityKind, Y.Map<any>]> = [
      ['tags', this.nd.tags],
      ['blobs', this.nd.blobs],
      ['articles', this.nd.articles],
      ['excerpts', this.nd.excerpts],
      ['tagLinks', this.nd.tagLinks],
      ['notes', this.nd.notes],
    ]
    for (const [kind, map] of tops) {
      map.observeDeep((events, transaction) => {
        if (transaction.origin === LOCAL || transaction.origin === LOADED) return
        const ids = this.dirty.get(kind) ?? new Set<string>()
        for (const event of events) {
          if (event.target === map) for (const key of event.changes.keys.keys()) ids.add(key)
          else ids.add(String(event.path[0]))
        }
        this.dirty.set(kind, ids)
      })
    }
    this.nd.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOADED) return
      if (origin === LOCAL) {
        this.store.run('notebook', update)
        return
      }
      const dirty = new Map(this.dirty)
      this.dirty.clear()
      this.applying(() => {
        this.store.run('notebook', update)
        this.applyDirty(dirty)
      })
      this.received++
      const replaced = this.apply.takeReplaced()
      if (replaced.length > 0)
        this.nd.doc.transact(() => replaced.forEach((id) => this.nd.articles.delete(id)), LOCAL)
    })
  }

  /** One update into SQLite, in one transaction; a failure is the status's error (not stored, so the server sends it again on the next start). */
  private applying(write: () => void): void {
    try {
      this.db.transaction(write)()
    } catch (error) {
      this.failure = `a change from the server could not be saved here: ${error instanceof Error ? error.message : String(error)}`
    }
  }

  /** Apply what changed, dependencies first; then retry what waited (its dependency may be here now). */
  private applyDirty(dirty: ReadonlyMap<EntityKind, Set<string>>): void {
    const run = (kind: EntityKind, id: string) => {
      const key = `${kind}:${id}`
      let why: Applied
      switch (kind) {
        case 'tags':
          why = this.apply.tag(id)
          break
        case 'articles':
          why = this.apply.article(id)
          break
        case 'excerpts':
          why = this.apply.excerpt(id)
          break
        case 'tagLinks':
          why = this.apply.tagLink(id)
          break
        case 'notes':
          why = this.apply.note(id)
          if (this.live(this.nd.notes, id)) this.openBody(id)
          else this.closeBody(id, true)
          break
        default:
          return
      }
      if (why) this.waiting.set(key, why)
      else this.waiting.delete(key)
    }
    const order: EntityKind[] = ['tags', 'articles', 'excerpts', 'tagLinks', 'notes']
    for (const kind of order) for (const id of dirty.get(kind) ?? []) run(kind, id)
    for (const key of [...this.waiting.keys()]) {
      const at = key.indexOf(':')
      run(key.slice(0, at) as EntityKind, key.slice(at + 1))
    }
  }

  /**
   * When sync starts: what arrived is in SQLite already (applied with its update), so entries
   * the document has and SQLite lacks are applied (they waited), and then everything SQLite
   * has is written into the document (writes made while sync was off).
   */
  private catchUp(): void {
    const missing = (table: string) => {
      const here = this.db.prepare<[string], number>(`SELECT 1 FROM ${table} WHERE id = ?`).pluck()
      return (ids: Iterable<string>) => new Set([...ids].filter((id) => !here.get(id)))
    }
    const linkHere = this.db
      .prepare<[string, string], number>(`SELECT 1 FROM excerpt_tags WHERE excerpt_id = ? AND tag_id = ?`)
      .pluck()
    const dirty = new Map<EntityKind, Set<string>>([
      ['tags', missing('tags')(this.nd.tags.keys())],
      ['articles', missing('articles')(this.nd.articles.keys())],
      ['excerpts', missing('excerpts')(this.nd.excerpts.keys())],
      ['tagLinks', new Set([...this.nd.tagLinks.keys()].filter((k) => !linkHere.get(...splitTagLink(k))))],
      ['notes', missing('notes')(this.nd.notes.keys())],
    ])
    this.db.transaction(() => this.applyDirty(dirty))()
    this.apply.takeReplaced() // the push below removes them from the document
    this.nd.doc.transact(() => this.push.all({ keep: this.waitingIds() }), LOCAL)
    this.forgetOldPurges()
  }

  private live(map: Y.Map<Y.Map<unknown>>, id: string): boolean {
    const entry = map.get(id)
    return entry !== undefined && !isPurged(entry)
  }

  /** Purge marks older than PURGE_KEPT_DAYS go for good (./doc.ts): an edit offline that long is lost. */
  private forgetOldPurges(): void {
    const before = new Date(Date.now() - PURGE_KEPT_DAYS * 86_400_000).toISOString()
    this.nd.doc.transact(() => {
      for (const map of [this.nd.articles, this.nd.excerpts, this.nd.notes])
        for (const [id, entry] of map)
          if (isPurged(entry) && String(entry.get('purgedAt')) < before) map.delete(id)
    }, LOCAL)
  }

  /** entries waiting here are not deletions: a push keeps them in the document */
  private waitingIds(): Set<string> {
    return new Set([...this.waiting.keys()].map((key) => key.slice(key.indexOf(':') + 1)))
  }

  // — note bodies —

  private openBody(id: string): OpenBody {
    const found = this.bodies.get(id)
    if (found) return found
    const doc = new Y.Doc()
    const body = new NoteBody(doc)
    const name = `note:${id}`
    this.load(name, doc)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOADED) return
      if (origin === body.origin) {
        this.store.run(name, update)
        return
      }
      // from the server, or a merged local save: SQLite gets the merged body
      this.applying(() => {
        this.store.run(name, update)
        this.apply.noteBody(id, body.content())
      })
      if (origin !== MERGED) {
        this.received++
        this.arrivals.set(id, (this.arrivals.get(id) ?? 0) + 1)
      }
    })
    const notebook = notebookOfToken(this.settings.token)
    const open: OpenBody = {
      body,
      provider: this.socket && notebook ? this.attach(noteDocName(notebook, id), doc) : null,
    }
    this.bodies.set(id, open)
    return open
  }

  /**
   * What the local editor's saves are edits of: the body as it last saved it, and as it last
   * read it since (getNote). A save is an edit of one of them, so when changes arrived since,
   * it is merged with them instead of replacing them. Usually the read: the editor took it. But
   * an editor reloading a body that arrived (see the renderer's RemoteBodyPlugin) skips a read
   * when keys were typed during it; its next save is then an edit of its last save. Which one:
   * the one whose text is nearer the save's.
   */
  private readonly bases = new Map<string, { read: Base | null; saved: Base | null }>()

  /** The note was read (its editor opened): its next save is likely an edit of what it holds now. */
  noteRead(id: string): void {
    const open = this.bodies.get(id)
    if (!open) return
    const read = { state: Y.encodeStateAsUpdate(open.body.doc), text: textOf(open.body.content().root) }
    this.bases.set(id, { read, saved: this.bases.get(id)?.saved ?? null })
  }

  /** Only one side seeds a body: the one introducing the note; elsewhere an empty body waits for it. */
  private writeBody(id: string, content: string): void {
    const { body } = this.openBody(id)
    if (body.empty && this.nd.notes.has(id)) {
      this.waiting.set(`notes:${id}`, 'its body has not arrived; local edits wait for it')
      return
    }
    const json = JSON.parse(content) as SerializedEditorState
    const text = textOf(json.root)
    const { read, saved } = this.bases.get(id) ?? { read: null, saved: null }
    const base =
      read && saved
        ? distance(saved.text, text) < distance(read.text, text)
          ? saved
          : read
        : (read ?? saved)
    const current = Y.encodeStateVector(body.doc)
    let state: Uint8Array | null = null
    if (base && !sameBytes(Y.encodeStateVectorFromUpdate(base.state), current)) {
      state = body.writeFrom(base.state, json, MERGED)
    } else {
      body.write(json)
      if (base) state = Y.encodeStateAsUpdate(body.doc)
    }
    if (state) this.bases.set(id, { read: null, saved: { state, text } })
  }

  /** Remote body changes applied per note since this notebook opened (an open editor reloads on a new one). */
  private readonly arrivals = new Map<string, number>()

  private closeBody(id: string, forget: boolean): void {
    const open = this.bodies.get(id)
    if (!open) return
    this.bases.delete(id)
    open.provider?.destroy()
    open.body.destroy()
    this.bodies.delete(id)
    if (forget) this.db.prepare(`DELETE FROM sync_updates WHERE doc = ?`).run(`note:${id}`)
  }
}

interface Base {
  /** the body's whole state then */
  state: Uint8Array
  text: string
}

/** A note's text: its text nodes' in order, a line apart per element. */
function textOf(node: NoteJson): string {
  return node.text ?? (node.children ?? []).map(textOf).join('\n')
}

/** How far apart two texts are: the length of what differs between their common ends. */
function distance(a: string, b: string): number {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++
  return Math.max(a.length, b.length) - start - end
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i])
