import { z } from 'zod'
import { contract, isOperationName, type Handlers, type OperationName } from './contract'
import { GlossError } from './errors'

/** Every shell's check of a name it was handed (IPC, HTTP path, CLI argument, worker message). */
export function assertOperationName(name: unknown): asserts name is OperationName {
  if (!isOperationName(name))
    throw new GlossError('invalid_input', `Unknown operation ${JSON.stringify(String(name))}.`, 'operation')
}

/** Validate an operation's raw input against the contract; throws a GlossError naming the field. */
export function parseInput<K extends OperationName>(
  name: K,
  raw: unknown,
): z.output<(typeof contract)[K]['input']> {
  const result = contract[name].input.safeParse(raw ?? {})
  if (result.success) return result.data as z.output<(typeof contract)[K]['input']>
  const issue = result.error.issues[0]!
  const field = issue.path.map(String).join('.') || '(input)'
  throw new GlossError('invalid_input', `${name}: ${field}: ${issue.message}`, field)
}

/**
 * The one entry point every shell calls: checks the name, validates the input,
 * runs the handler. Shells differ only in how they carry `name` and `raw`.
 */
export function createDispatcher(handlers: Handlers) {
  return async function dispatch(name: unknown, raw: unknown): Promise<unknown> {
    assertOperationName(name)
    const input = parseInput(name, raw)
    const handler = handlers[name] as (input: unknown) => unknown
    return handler(input)
  }
}

export type Dispatch = ReturnType<typeof createDispatcher>
