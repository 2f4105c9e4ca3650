import { operationNames, type GlossApi, type OperationName } from '../../../shared/contract'
import { isGlossErrorData, type GlossErrorData } from '../../../shared/errors'
import { takeToken } from './token'

type Reply = { ok: true; value: unknown } | { ok: false; error: GlossErrorData }

function failure(message: string): GlossErrorData {
  return { code: 'internal', message }
}

/** The contract over HTTP, for the web shell (`gloss serve`). */
export function createHttpApi(token: string = takeToken(), base = '/api/'): GlossApi {
  async function call(name: OperationName, input: unknown): Promise<unknown> {
    let response: Response
    try {
      const body = JSON.stringify(input ?? {})
      response = await fetch(base + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gloss-token': token },
        body,
        // the reading place is written as the page closes (readingState.ts): it must outlive the
        // page. Only it: the browser fails keepalive requests past 64 KB in flight altogether
        keepalive: name === 'setReadingPosition',
      })
    } catch {
      throw failure('Could not reach the Gloss server. Is “gloss serve” still running?')
    }
    let reply: Reply | undefined
    try {
      reply = (await response.json()) as Reply
    } catch {
      reply = undefined
    }
    if (reply && reply.ok === true) return reply.value
    if (reply && reply.ok === false && isGlossErrorData(reply.error)) throw reply.error
    if (response.status === 401 || response.status === 403) {
      throw failure(
        token
          ? 'The Gloss server refused this page’s access token. Open the address that “gloss serve” printed.'
          : 'This page has no access token. Open the address that “gloss serve” printed, including its ?token= part.',
      )
    }
    throw failure(`The Gloss server answered with an error (HTTP ${response.status}).`)
  }
  const api = {} as Record<OperationName, (input: unknown) => Promise<unknown>>
  for (const name of operationNames) api[name] = (input) => call(name, input)
  return api as unknown as GlossApi
}
