import { isGlossErrorData } from '../../../shared/errors'

/** Any thrown value as words a person can read. */
export function errorMessage(error: unknown): string {
  if (isGlossErrorData(error)) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}
