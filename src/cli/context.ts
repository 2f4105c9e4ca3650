/** What a CLI command is and gets to work with; its own module so commands, main and serve form no cycle. */
import type { ParseArgsConfig } from 'node:util'
import type { InputOf, OperationName, OutputOf } from '../shared/contract'
import { GlossError } from '../shared/errors'

export interface CliContext {
  call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>
  json: boolean
  dbPath: string
  print(text: string): void
  /** keep the process (and notebook) alive, e.g. for `serve` */
  keepOpen(): void
}

export function requireArg(positionals: string[], index: number, name: string): string {
  const value = positionals[index]
  if (value === undefined) throw new GlossError('invalid_input', `missing <${name}>`, name)
  return value
}

export interface Command {
  name: string
  usage: string
  summary: string
  options: ParseArgsConfig['options']
  /** more for `gloss <command> --help`, after the usage and summary */
  help?: () => string
  run(ctx: CliContext, positionals: string[], values: Record<string, unknown>): Promise<void>
}
