import { Worker } from 'node:worker_threads'
import { GlossError } from '../../shared/errors'
import type { Reply, WorkerOptions } from './messages'

export interface NotebookHost {
  /** Rejects with a GlossError. */
  dispatch(name: string, input: unknown): Promise<unknown>
  /** Stop every import being parsed (each rejects as cancelled); resolves to how many there were. */
  cancelImports(): Promise<number>
  close(): Promise<void>
}

export interface HostOptions extends WorkerOptions {
  /** the built (or, with a loader in execArgv, source) notebook-worker file */
  workerPath: string | URL
  execArgv?: string[]
}

/** Starts the notebook in a worker thread; resolves once the database is open (or rejects with why not). */
export function startNotebookHost(options: HostOptions): Promise<NotebookHost> {
  const { workerPath, execArgv, ...workerData } = options
  const worker = new Worker(workerPath, { workerData, execArgv })
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>()
  let nextId = 1
  let closed = false

  const send = (message: { name: string; input?: unknown }): Promise<unknown> => {
    if (closed) return Promise.reject(new GlossError('internal', 'The notebook is closed.'))
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      worker.postMessage({ id, ...message })
    })
  }

  const failAll = (error: GlossError) => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }

  return new Promise((resolveHost, rejectHost) => {
    worker.on('error', (error) => {
      const wrapped = new GlossError('internal', `The notebook stopped: ${error.message}`)
      failAll(wrapped)
      rejectHost(wrapped)
    })
    worker.on('exit', () => {
      closed = true
      failAll(new GlossError('internal', 'The notebook is closed.'))
    })
    worker.on('message', (reply: Reply) => {
      if (reply.type === 'failed') return rejectHost(GlossError.from(reply.error))
      if (reply.type === 'ready') {
        return resolveHost({
          dispatch(name, input) {
            // the worker's own messages (__close, __cancelImports) are no operation of a caller's;
            // every other name the worker's dispatcher checks against the contract
            if (name.startsWith('__')) {
              const shown = JSON.stringify(name)
              return Promise.reject(
                new GlossError('invalid_input', `Unknown operation ${shown}.`, 'operation'),
              )
            }
            return send({ name, input })
          },
          async cancelImports() {
            return (await send({ name: '__cancelImports' })) as number
          },
          async close() {
            if (closed) return
            const id = nextId++
            await new Promise((resolve, reject) => {
              pending.set(id, { resolve, reject })
              worker.postMessage({ id, name: '__close' })
            })
            await worker.terminate()
            closed = true
          },
        })
      }
      const waiter = pending.get(reply.id)
      if (!waiter) return
      pending.delete(reply.id)
      if (reply.ok) waiter.resolve(reply.value)
      else waiter.reject(GlossError.from(reply.error))
    })
  })
}
