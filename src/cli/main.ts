import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { OutputOf } from '../shared/contract'
import type { Dispatch } from '../shared/dispatch'
import { toErrorData } from '../shared/errors'
import type { Notebook } from '../core/notebook'
import { defaultDbPath } from '../core/paths'
import type { CliContext, Command } from './context'
import { serveCommand } from './serveCommand'

// The contract (zod), the notebook (SQLite) and the commands' modules load when a command needs
// them: `gloss serve` prints its URL without them, its worker loads them beside it.
const LIGHT_COMMANDS: Command[] = [serveCommand]
const allCommands = async () => (await import('./commands')).commands

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options']

export async function usage(): Promise<string> {
  const commands = await allCommands()
  const { operationList } = await import('./operations')
  const width = Math.max(...commands.map((c) => c.usage.length))
  return [
    'Usage: gloss <command> [options]   (every command takes --json and --db PATH)',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Operations for `gloss call <operation> [JSON]` (read or write the notebook):',
    operationList(),
    '',
    'The notebook is GLOSS_DB, or gloss.db in the Gloss user-data folder, unless --db is given.',
  ].join('\n')
}

async function findCommand(argv: string[]): Promise<{ command: Command; rest: string[] } | null> {
  const find = (commands: Command[]) => {
    for (const command of commands) {
      const words = command.name.split(' ')
      if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) }
    }
    return null
  }
  return find(LIGHT_COMMANDS) ?? find(await allCommands())
}

/** Runs one CLI invocation; returns the exit code. Errors print one line. */
export async function main(
  argv: string[],
  out = (s: string) => console.log(s),
  err = (s: string) => console.error(s),
): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    out(await usage())
    return 0
  }
  const found = await findCommand(argv)
  if (!found) {
    err(`gloss: unknown command "${argv[0]}" (see \`gloss help\`)`)
    return 2
  }
  const { command, rest } = found
  let notebook: Notebook | null = null
  let keepOpen = false
  let json = false
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    })
    const values = parsed.values as Record<string, unknown>
    json = values.json === true
    if (values.help) {
      out(
        [
          `Usage: gloss ${command.usage}`,
          command.summary,
          ...(command.help ? ['', command.help()] : []),
        ].join('\n'),
      )
      return 0
    }
    const dbPath = (values.db as string | undefined) ?? defaultDbPath()
    let dispatch: Dispatch | null = null
    const context: CliContext = {
      json,
      dbPath,
      print: out,
      keepOpen: () => {
        keepOpen = true
      },
      call: async (name, input) => {
        if (!dispatch) {
          const [{ openNotebook }, { createDispatcher }] = await Promise.all([
            import('../core/notebook'),
            import('../shared/dispatch'),
          ])
          notebook = openNotebook({ path: dbPath })
          dispatch = createDispatcher(notebook.handlers)
        }
        return (await dispatch(name, input)) as OutputOf<typeof name>
      },
    }
    await command.run(context, parsed.positionals, values)
    return 0
  } catch (error) {
    const data =
      error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
        ? { code: 'invalid_input' as const, message: `${error.message} (see gloss ${command.name} --help)` }
        : toErrorData(error)
    if (json) err(JSON.stringify({ ok: false, error: data }))
    else err(`gloss: ${data.message}`)
    return data.code === 'invalid_input' ? 2 : 1
  } finally {
    if (!keepOpen) (notebook as Notebook | null)?.close()
  }
}
