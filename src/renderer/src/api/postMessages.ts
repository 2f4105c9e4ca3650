/** Between http.ts and postWorker.ts: one POST, and what came back. */
export interface PostRequest {
  id: number
  url: string
  headers: Record<string, string>
  body: string
}

export type PostReply =
  | { id: number; sent: true; status: number; reply: unknown }
  /** the request never reached the server (network error) */
  | { id: number; sent: false }
