/**
 * Sends a large request off the page's thread. fetch() spends 15–37 ms of synchronous time on
 * the page's thread handing over a 1 MB body (a long note's save), and a key typed meanwhile
 * waits for it; handing the body to this worker costs about 1 ms. See http.ts.
 */
import type { PostReply, PostRequest } from './postMessages'

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<PostRequest>) => void) | null
  postMessage(reply: PostReply): void
}

scope.onmessage = (event) => {
  const { id, url, headers, body } = event.data
  fetch(url, { method: 'POST', headers, body }).then(
    async (response) => {
      let reply: unknown
      try {
        reply = await response.json()
      } catch {
        reply = undefined
      }
      scope.postMessage({ id, sent: true, status: response.status, reply })
    },
    () => scope.postMessage({ id, sent: false }),
  )
}
