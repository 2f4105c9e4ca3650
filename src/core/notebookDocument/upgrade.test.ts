import { describe, expect, test } from 'vitest'
import { GlossError } from '../../shared/errors'
import {
  NOTEBOOK_FORMAT,
  NOTEBOOK_UPGRADES,
  NOTEBOOK_VERSION,
  upgradeNotebookDocument,
  type UpgradeChain,
} from './upgrade'

const refusal = (fn: () => unknown): GlossError => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(GlossError)
    return error as GlossError
  }
  throw new Error('expected a refusal')
}

/** A document of today's shape as some older version wrote it. */
const v1 = () => ({ format: NOTEBOOK_FORMAT, version: 1, notes: [{ id: 'n1', name: 'Old field' }] })

// A synthetic future: v2 renamed each note's `name` to `title`, v3 added `tags` to notes.
const synthetic: UpgradeChain = {
  current: 3,
  steps: {
    1: (doc) => ({
      ...doc,
      notes: (doc.notes as Array<{ id: string; name: string }>).map(({ name, ...rest }) => ({
        ...rest,
        title: name,
      })),
    }),
    2: (doc) => ({
      ...doc,
      notes: (doc.notes as object[]).map((note) => ({ ...note, tags: [] })),
    }),
  },
}

describe('the notebook document upgrade chain', () => {
  test('has a step from every version before the current one', () => {
    for (let v = 1; v < NOTEBOOK_UPGRADES.current; v++)
      expect(NOTEBOOK_UPGRADES.steps[v], `v${v}`).toBeTypeOf('function')
    expect(NOTEBOOK_UPGRADES.current).toBe(NOTEBOOK_VERSION)
  })

  test('takes a current document as it is', () => {
    const doc = { ...v1(), version: NOTEBOOK_VERSION }
    expect(upgradeNotebookDocument(doc)).toEqual(doc)
  })

  test('1 → 2: version 1 articles had no other version and no caption; their excerpts were verbatim', () => {
    const doc = {
      format: NOTEBOOK_FORMAT,
      version: 1,
      articles: [{ id: 'a1', sections: [{ id: 's1' }] }],
      excerpts: [{ id: 'e1' }],
      notes: [],
    }
    expect(upgradeNotebookDocument(doc)).toEqual({
      format: NOTEBOOK_FORMAT,
      version: 2,
      articles: [
        { id: 'a1', version: 1, versionImportedAt: null, versions: [], sections: [{ id: 's1', role: null }] },
      ],
      excerpts: [{ id: 'e1', verbatim: true, reviewedAt: null }],
      notes: [],
    })
    // what is not a list is left for the schema to refuse, by name
    expect(upgradeNotebookDocument({ format: NOTEBOOK_FORMAT, version: 1, articles: 'x' })).toEqual({
      format: NOTEBOOK_FORMAT,
      version: 2,
      articles: 'x',
    })
  })

  test('brings an older document through every step, in order, without editing it', () => {
    const doc = v1()
    expect(upgradeNotebookDocument(doc, synthetic)).toEqual({
      format: NOTEBOOK_FORMAT,
      version: 3,
      notes: [{ id: 'n1', title: 'Old field', tags: [] }],
    })
    expect(doc).toEqual(v1())
    // from the middle of the chain: only the steps after it
    const v2 = { format: NOTEBOOK_FORMAT, version: 2, notes: [{ id: 'n1', title: 'T' }] }
    expect(upgradeNotebookDocument(v2, synthetic)).toMatchObject({
      version: 3,
      notes: [{ title: 'T', tags: [] }],
    })
  })

  test('refuses a version newer than this build, naming both', () => {
    const error = refusal(() => upgradeNotebookDocument({ ...v1(), version: NOTEBOOK_VERSION + 1 }))
    expect(error).toMatchObject({ code: 'future_schema', field: 'document.version' })
    expect(error.message).toContain(
      `version ${NOTEBOOK_VERSION + 1}; this Gloss reads up to ${NOTEBOOK_VERSION}`,
    )
    expect(refusal(() => upgradeNotebookDocument({ ...v1(), version: 4 }, synthetic)).code).toBe(
      'future_schema',
    )
  })

  test.each([
    ['not an object', [], 'document'],
    ['another format', { format: 'other', version: 1 }, 'document.format'],
    ['no version', { format: NOTEBOOK_FORMAT }, 'document.version'],
    ['a version that is not a whole number', { format: NOTEBOOK_FORMAT, version: '1' }, 'document.version'],
    ['version 0', { format: NOTEBOOK_FORMAT, version: 0 }, 'document.version'],
  ])('refuses %s', (_what, raw, field) => {
    expect(refusal(() => upgradeNotebookDocument(raw))).toMatchObject({ code: 'invalid_input', field })
  })

  test('a chain missing a step is a bug, not a bad document', () => {
    const gap: UpgradeChain = { current: 3, steps: { 2: synthetic.steps[2]! } }
    expect(refusal(() => upgradeNotebookDocument(v1(), gap))).toMatchObject({ code: 'internal' })
  })
})
