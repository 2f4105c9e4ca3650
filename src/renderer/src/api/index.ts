import type { GlossApi } from '../../../shared/contract'
import { createHttpApi } from './http'

let instance: GlossApi | undefined

/** The notebook: the preload's bridge in Electron, HTTP in the browser. */
export function getApi(): GlossApi {
  instance ??= window.gloss ?? createHttpApi()
  return instance
}

export { errorMessage } from './errors'
