/** localStorage that never throws (it can be disabled or full). */
export function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key)
    return raw === null ? fallback : ({ ...fallback, ...JSON.parse(raw) } as T)
  } catch {
    return fallback
  }
}

export function save(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // not fatal: the preference lasts for this session only
  }
}
