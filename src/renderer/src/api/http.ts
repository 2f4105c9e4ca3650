import { operationNames, type GlossApi, type OperationName } from '../../../shared/contract'
import { isGlossErrorData, type GlossErrorData } from '../../../shared/errors'
import type { PostReply, PostRequest } from './postMessages'
import { takeToken } from './token'

type Reply = { ok: true; value: unknown } | { ok: false; error: GlossErrorData }

function failure(message: string): GlossErrorData {
  return { code: 'internal', message }
}

/** A body this long is handed to postWorker.ts rather than sent from the page's thread. */
const LARGE_BODY = 64 * 1024

interface Sent {
  status: number
  reply: unknown
}

/**
 * Sends large bodies from postWorker.ts; resolves null where no worker can run (the page then
 * sends it itself). A worker that fails to load has sent nothing it was given.
 */
function createOffThreadPost(): (request: Omit<PostRequest, 'id'>) => Promise<PostReply | null> {
  let worker: Worker | null | undefined
  const waiting = new Map<number, (reply: PostReply | null) => void>()
  let next = 0
  const start = (): Worker | null => {
    if (worker !== undefined) return worker
    try {
      worker = new Worker(new URL('./postWorker.ts', import.meta.url), { type: 'module' })
    } catch {
      return (worker = null)
    }
    worker.onmessage = (event: MessageEvent<PostReply>) => {
      waiting.get(event.data.id)?.(event.data)
      waiting.delete(event.data.id)
    }
    worker.onerror = () => {
      worker = null
      for (const resolve of waiting.values()) resolve(null)
      waiting.clear()
    }
    return worker
  }
  return (request) => {
    const running = start()
    if (!running) return Promise.resolve(null)
    const id = next++
    return new Promise((resolve) => {
      waiting.set(id, resolve)
      running.postMessage({ id, ...request } satisfies PostRequest)
    })
  }
}

const UNREACHABLE = 'Could not reach the Gloss server. Is “gloss serve” still running?'

/** The contract over HTTP, for the web shell (`gloss serve`). */
export function createHttpApi(token: string = takeToken(), base = '/api/'): GlossApi {
  const offThread = typeof Worker === 'undefined' ? null : createOffThreadPost()

  async function send(name: OperationName, body: string): Promise<Sent> {
    const url = new URL(base + name, location.href).href
    const headers = { 'content-type': 'application/json', 'x-gloss-token': token }
    if (offThread && body.length >= LARGE_BODY) {
      const posted = await offThread({ url, headers, body })
      if (posted && !posted.sent) throw failure(UNREACHABLE)
      if (posted) return posted
    }
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        // the reading place is written as the page closes (readingState.ts): it must outlive the
        // page. Only it: the browser fails keepalive requests past 64 KB in flight altogether
        keepalive: name === 'setReadingPosition',
      })
    } catch {
      throw failure(UNREACHABLE)
    }
    let reply: unknown
    try {
      reply = await response.json()
    } catch {
      reply = undefined
    }
    return { status: response.status, reply }
  }

  async function call(name: OperationName, input: unknown): Promise<unknown> {
    const { status, reply: sent } = await send(name, JSON.stringify(input ?? {}))
    const reply = sent as Reply | undefined
    if (reply && reply.ok === true) return reply.value
    if (reply && reply.ok === false && isGlossErrorData(reply.error)) throw reply.error
    if (status === 401 || status === 403) {
      throw failure(
        token
          ? 'The Gloss server refused this page’s access token. Open the address that “gloss serve” printed.'
          : 'This page has no access token. Open the address that “gloss serve” printed, including its ?token= part.',
      )
    }
    throw failure(`The Gloss server answered with an error (HTTP ${status}).`)
  }
  const api = {} as Record<OperationName, (input: unknown) => Promise<unknown>>
  for (const name of operationNames) api[name] = (input) => call(name, input)
  return api as unknown as GlossApi
}
