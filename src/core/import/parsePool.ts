/**
 * Parses imports in worker threads of their own (parse-worker.ts), each job bounded in time and
 * memory, so no file can freeze the thread that owns the notebook: it only awaits a message.
 * A worker that times out, runs out of memory or is cancelled is terminated; the next job gets a
 * fresh one. One warm worker is kept idle for a while, since starting one costs jsdom's load time.
 */
import { Worker } from 'node:worker_threads'
import { GlossError } from '../../shared/errors'
import { PARSE_MEMORY_MB, PARSE_TIMEOUT_MS } from './limits'
import { describeJob, type ParsedFile, type ParseJob, type ParseOutcome } from './parseJob'
import { parseWorkerEntry, type ParseWorkerEntry } from './parseWorkerUrl'
import { checkImportFile } from './readFile'
import { FETCH_TIMEOUT_MS } from './url'
import { maxBytesFor, refuseImport } from './validate'

export interface ParsePoolOptions {
  /** per job, from the moment a ready worker takes it (default PARSE_TIMEOUT_MS) */
  timeoutMs?: number
  /** added to an address's job for its download (default FETCH_TIMEOUT_MS, which url.ts enforces) */
  fetchTimeoutMs?: number
  /** old-generation heap of each worker (default PARSE_MEMORY_MB) */
  memoryMb?: number
  /** jobs parsed at once; more wait their turn (default 2) */
  maxWorkers?: number
  /** how long an idle worker is kept warm (default 30 s) */
  idleMs?: number
  /** the worker entry (default parseWorkerEntry(), read when a worker starts) */
  entry?: ParseWorkerEntry
}

export interface ParsePool {
  /** Rejects with a GlossError naming the file and the reason; never hangs past the time-out. */
  parse(job: ParseJob, options?: { signal?: AbortSignal }): Promise<ParsedFile>
  /** Stop every queued and running parse; each rejects saying it was cancelled. Returns how many. */
  cancelAll(): number
  /** Cancel everything and stop the workers; later parses reject. */
  close(): Promise<void>
}

interface Task {
  job: ParseJob
  resolve(parsed: ParsedFile): void
  reject(error: GlossError): void
  signal?: AbortSignal
  onAbort?: () => void
}

interface Slot {
  worker: Worker
  /** its modules (jsdom…) have loaded: time limits count from here */
  ready: boolean
  task: Task | null
  taskId: number
  timer?: NodeJS.Timeout
  idleTimer?: NodeJS.Timeout
}

/** A worker whose heap grew past this after a job is retired instead of kept warm. */
const RETIRE_HEAP_MB = 256
/** Loading jsdom and friends takes 0.5-3 s; a worker not ready by then never will be. */
const STARTUP_TIMEOUT_MS = 60_000

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const timeoutMs = options.timeoutMs ?? PARSE_TIMEOUT_MS
  const fetchTimeoutMs = options.fetchTimeoutMs ?? FETCH_TIMEOUT_MS
  const memoryMb = options.memoryMb ?? PARSE_MEMORY_MB
  const maxWorkers = options.maxWorkers ?? 2
  const idleMs = options.idleMs ?? 30_000
  const slots = new Set<Slot>()
  // file jobs whose path is being checked, before they queue for a worker
  const checking = new Set<Task>()
  const queue: Task[] = []
  let nextId = 1
  let closed = false

  const seconds = (ms: number) => `${+(ms / 1000).toFixed(1)} ${ms === 1000 ? 'second' : 'seconds'}`
  const memory = memoryMb >= 1024 ? `${+(memoryMb / 1024).toFixed(1)} GB` : `${memoryMb} MB`

  function settle(task: Task, outcome: { parsed: ParsedFile } | { error: GlossError }): void {
    if (task.signal && task.onAbort) task.signal.removeEventListener('abort', task.onAbort)
    if ('parsed' in outcome) task.resolve(outcome.parsed)
    else task.reject(outcome.error)
  }

  /** Terminate a slot's worker and fail its task (if any) with `error`. */
  function discard(slot: Slot, error?: GlossError): void {
    if (!slots.delete(slot)) return
    clearTimeout(slot.timer)
    clearTimeout(slot.idleTimer)
    const task = slot.task
    slot.task = null
    void slot.worker.terminate()
    if (task !== null && error !== undefined) settle(task, { error })
    pump()
  }

  function spawn(): Slot {
    const entry = options.entry ?? parseWorkerEntry()
    const worker = new Worker(entry.url, {
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    })
    const slot: Slot = { worker, ready: false, task: null, taskId: 0 }
    slot.timer = setTimeout(() => {
      const source = slot.task === null ? 'the file' : describeJob(slot.task.job)
      discard(slot, new GlossError('internal', `Cannot import ${source}: the import worker did not start.`))
    }, STARTUP_TIMEOUT_MS)
    slot.timer.unref()
    worker.on('message', (reply: { ready: true } | { id: number; outcome: ParseOutcome; heapMb: number }) => {
      if ('ready' in reply) {
        slot.ready = true
        clearTimeout(slot.timer)
        if (slot.task !== null) startTimer(slot, slot.task)
        return
      }
      const task = slot.task
      if (task === null || reply.id !== slot.taskId) return
      clearTimeout(slot.timer)
      slot.task = null
      const { outcome } = reply
      settle(task, outcome.ok ? { parsed: outcome.parsed } : { error: GlossError.from(outcome.error) })
      if (reply.heapMb > RETIRE_HEAP_MB) discard(slot)
      else release(slot)
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const task = slot.task
      const source = task === null ? 'the file' : describeJob(task.job)
      discard(
        slot,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refuseImport(source, `reading it needed more than ${memory} of memory, so it was stopped.`)
          : new GlossError(
              'internal',
              `Cannot import ${source}: the import worker failed (${error.message}).`,
            ),
      )
    })
    worker.on('exit', (code) => {
      const source = slot.task === null ? 'the file' : describeJob(slot.task.job)
      discard(
        slot,
        new GlossError('internal', `Cannot import ${source}: the import worker stopped (exit code ${code}).`),
      )
    })
    slots.add(slot)
    return slot
  }

  function release(slot: Slot): void {
    const idle = [...slots].filter((s) => s.task === null && s !== slot)
    if (idle.length > 0 && queue.length === 0) return discard(slot) // one warm worker is enough
    slot.worker.unref() // an idle worker never keeps the process alive
    slot.idleTimer = setTimeout(() => discard(slot), idleMs)
    slot.idleTimer.unref()
    pump()
  }

  function run(slot: Slot, task: Task): void {
    clearTimeout(slot.idleTimer)
    slot.task = task
    slot.taskId = nextId++
    slot.worker.ref()
    // a message sent before the worker is ready waits in its queue; the clock starts at ready
    if (slot.ready) startTimer(slot, task)
    slot.worker.postMessage({ id: slot.taskId, job: task.job })
  }

  function startTimer(slot: Slot, task: Task): void {
    // an address first downloads (url.ts stops that on its own, with its own message), then parses
    const limit = task.job.kind === 'url' ? timeoutMs + fetchTimeoutMs : timeoutMs
    slot.timer = setTimeout(() => {
      discard(
        slot,
        refuseImport(
          describeJob(task.job),
          `reading it took longer than ${seconds(limit)}, so it was stopped.`,
        ),
      )
    }, limit)
  }

  function enqueue(task: Task): void {
    if (closed) return settle(task, { error: new GlossError('internal', 'The notebook is closed.') })
    queue.push(task)
    pump()
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      let slot = [...slots].find((s) => s.task === null)
      if (slot === undefined) {
        if (slots.size >= maxWorkers) return
        slot = spawn()
      }
      run(slot, queue.shift()!)
    }
  }

  function cancelled(task: Task): GlossError {
    return refuseImport(describeJob(task.job), 'the import was cancelled.')
  }

  function cancel(task: Task): boolean {
    if (checking.delete(task)) {
      settle(task, { error: cancelled(task) })
      return true
    }
    const queued = queue.indexOf(task)
    if (queued !== -1) {
      queue.splice(queued, 1)
      settle(task, { error: cancelled(task) })
      return true
    }
    const slot = [...slots].find((s) => s.task === task)
    if (slot === undefined) return false
    discard(slot, cancelled(task))
    return true
  }

  return {
    parse(job, { signal } = {}) {
      if (closed) return Promise.reject(new GlossError('internal', 'The notebook is closed.'))
      return new Promise<ParsedFile>((resolve, reject) => {
        const task: Task = { job, resolve, reject, signal }
        if (signal?.aborted) return reject(cancelled(task))
        if (signal) {
          task.onAbort = () => void cancel(task)
          signal.addEventListener('abort', task.onAbort, { once: true })
        }
        if (job.kind !== 'file') return enqueue(task)
        // a pipe, device or folder is refused from a stat, without starting a worker
        checking.add(task)
        // (unless it was cancelled meanwhile: then it is no longer in `checking`)
        checkImportFile(job.path, maxBytesFor(job.path)).then(
          () => {
            if (checking.delete(task)) enqueue(task)
          },
          (error: GlossError) => {
            if (checking.delete(task)) settle(task, { error })
          },
        )
      })
    },

    cancelAll() {
      const running = [...slots].flatMap((s) => (s.task === null ? [] : [s.task]))
      const tasks = [...checking, ...queue, ...running]
      return tasks.filter(cancel).length
    },

    async close() {
      closed = true
      const error = new GlossError('internal', 'The notebook is closed.')
      for (const task of [...checking, ...queue.splice(0)]) settle(task, { error })
      checking.clear()
      const workers = [...slots].map((s) => s.worker)
      for (const slot of [...slots]) discard(slot, error)
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}

let shared: ParsePool | undefined

/** This thread's pool, made on first use. */
export function defaultParsePool(): ParsePool {
  shared ??= createParsePool()
  return shared
}

/** Stop this thread's pool (on notebook close); a later import makes a new one. */
export async function closeDefaultParsePool(): Promise<void> {
  const pool = shared
  shared = undefined
  await pool?.close()
}

export type { ParsedFile, ParseJob } from './parseJob'
