import { expect, test } from 'vitest'
import { contract, operationNames } from '../shared/contract'
import { main } from './main'

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** The line of the operations list in `text` that names `name`, split into its columns. */
function row(text: string, name: string): string[] | undefined {
  const list = text.split('\n').slice(text.split('\n').findIndex((l) => l.startsWith('Operations')))
  return list
    .find((l) => l.trimStart().startsWith(name + ' '))
    ?.trim()
    .split(/ {2,}/)
}

test.each([['help'], ['call', '--help']])(
  '`gloss %s` lists every operation with whether it writes and its summary',
  async (...argv) => {
    const { code, out, err } = await run(...argv)
    expect(code).toBe(0)
    expect(err).toBe('')
    for (const name of operationNames)
      expect(row(out, name), name).toEqual([name, contract[name].effect, contract[name].summary])
  },
)

test('`gloss call --help` starts with its usage', async () => {
  const { out } = await run('call', '--help')
  expect(out.split('\n').slice(0, 2)).toEqual([
    'Usage: gloss call <operation> [JSON]',
    'Call any contract operation with a JSON input (see the list below)',
  ])
})
