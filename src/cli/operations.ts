/** The contract's operations as `gloss help` and `gloss call --help` list them. */
import { contract, operationNames } from '../shared/contract'

/** One line per operation: name, whether it reads or writes the notebook, and its summary. */
export function operationList(indent = '  '): string {
  const width = Math.max(...operationNames.map((name) => name.length))
  return operationNames
    .map(
      (name) =>
        `${indent}${name.padEnd(width)}  ${contract[name].effect.padEnd(5)}  ${contract[name].summary}`,
    )
    .join('\n')
}
