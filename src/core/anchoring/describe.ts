import { GlossError } from '../../shared/errors'
import type { QuoteSelector } from './types'

export const CONTEXT_CHARS = 32

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff

/** Context never starts or ends in the middle of a surrogate pair. */
function prefixBefore(text: string, start: number): string {
  const prefix = text.slice(Math.max(0, start - CONTEXT_CHARS), start)
  return isLowSurrogate(prefix.charCodeAt(0)) ? prefix.slice(1) : prefix
}

function suffixAfter(text: string, end: number): string {
  const suffix = text.slice(end, end + CONTEXT_CHARS)
  return isHighSurrogate(suffix.charCodeAt(suffix.length - 1)) ? suffix.slice(0, -1) : suffix
}

/** Quote and position selectors for text[start, end), with up to 32 characters of context. */
export function describeRange(text: string, start: number, end: number): QuoteSelector {
  if (!Number.isInteger(start) || start < 0 || start > text.length) {
    throw new GlossError(
      'invalid_input',
      `The start offset ${start} is outside the article (0–${text.length}).`,
      'start',
    )
  }
  if (!Number.isInteger(end) || end <= start || end > text.length) {
    throw new GlossError(
      'invalid_input',
      `The end offset ${end} must be after the start (${start}) and within the article (${text.length}).`,
      'end',
    )
  }
  return {
    exact: text.slice(start, end),
    prefix: prefixBefore(text, start),
    suffix: suffixAfter(text, end),
    start,
    end,
  }
}
