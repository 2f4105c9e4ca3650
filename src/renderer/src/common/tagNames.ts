/** 'people/Kim Jong Un' → 'people / Kim Jong Un' for display. */
export function displayTag(name: string): string {
  return name.split('/').join(' / ')
}

/** What a person typed → a tag name: ' people / Kim ' → 'people/Kim'. */
export function normalizeTag(input: string): string {
  return input
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .join('/')
    .trim()
}

/** A tag filter matches the tag itself and everything nested below it. */
export function tagMatches(filter: string, name: string): boolean {
  return name === filter || name.startsWith(filter + '/')
}
