import { createRequire } from 'node:module'

// not named `require`: electron-vite's ESM output declares its own `require` shim in the same scope
const load = createRequire(import.meta.url)

/**
 * A package loaded on its first use, synchronously (Node ≥ 22.12 requires ES modules too), for
 * the heavy parsers: jsdom alone costs a second, and `gloss articles` or a server start needs
 * none of them. Import the package's types with `import type` beside the call.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= load(name) as T)
}
