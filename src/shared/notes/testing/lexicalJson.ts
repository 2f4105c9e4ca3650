/** Lexical's serialized nodes, written by hand for tests and benches that seed notes. */

export const textNode = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

export const elementNode = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  children,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
})

export const paragraphNode = (value: string) =>
  elementNode('paragraph', value ? [textNode(value)] : [], { textFormat: 0, textStyle: '' })
