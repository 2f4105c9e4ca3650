/**
 * Short ids. Ids are UUIDv7 (src/core/store/clock.ts): their start is the time, shared by
 * everything made in the same minute, so the CLI shows an id by its random end and takes an
 * id, a unique start (as git takes commits) or a unique end of one.
 */
export const shortId = (id: string) => id.slice(-8)

export function idMatches(id: string, ref: string): boolean {
  return id.startsWith(ref) || id.endsWith(ref)
}
