/**
 * The upgrade chain: a saved document is untrusted JSON of any version this or an earlier Gloss
 * wrote. Before it is validated it is brought to the current version one step at a time,
 * steps[v] turning version v into v+1 (as Excalidraw's restore does), so the schema and the
 * merge only ever see the current shape. A version newer than this build is refused.
 *
 * To change the document: bump NOTEBOOK_VERSION and add the step from the previous version.
 */
import { GlossError } from '../../shared/errors'

export const NOTEBOOK_FORMAT = 'gloss-notebook'
/** The version this build writes. */
export const NOTEBOOK_VERSION = 2

export type DocumentJson = Record<string, unknown>

/** Returns a new document of the next version; never edits its argument (the caller's object). */
export type UpgradeStep = (doc: DocumentJson) => DocumentJson

export interface UpgradeChain {
  current: number
  steps: Readonly<Record<number, UpgradeStep>>
}

const records = (value: unknown): DocumentJson[] =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === 'object' && item !== null ? item : {}) as DocumentJson)
    : []

/**
 * 1 → 2 (articles that change, captions): an article of version 1 held its only version and
 * no caption; an excerpt's words were the article's (verbatim) and nothing awaited review.
 * A value that is not a list is left for the schema to refuse, naming it.
 */
const toVersion2: UpgradeStep = (doc) => {
  const next: DocumentJson = { ...doc }
  if (Array.isArray(doc.articles)) {
    next.articles = records(doc.articles).map((a) => ({
      ...a,
      version: 1,
      versionImportedAt: null,
      versions: [],
      sections: Array.isArray(a.sections)
        ? records(a.sections).map((s) => ({ ...s, role: null }))
        : a.sections,
    }))
  }
  if (Array.isArray(doc.excerpts))
    next.excerpts = records(doc.excerpts).map((e) => ({ ...e, verbatim: true, reviewedAt: null }))
  return next
}

export const NOTEBOOK_UPGRADES: UpgradeChain = { current: NOTEBOOK_VERSION, steps: { 1: toVersion2 } }

function notADocument(message: string, field: string): GlossError {
  return new GlossError('invalid_input', `This is not a Gloss notebook document: ${message}`, field)
}

/** `raw` at `chain.current`, through every step from its own version; throws GlossError naming the field. */
export function upgradeNotebookDocument(raw: unknown, chain: UpgradeChain = NOTEBOOK_UPGRADES): DocumentJson {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw notADocument('expected a JSON object.', 'document')
  let doc = raw as DocumentJson
  if (doc.format !== NOTEBOOK_FORMAT) {
    throw notADocument(
      `format is ${JSON.stringify(doc.format)}, expected "${NOTEBOOK_FORMAT}".`,
      'document.format',
    )
  }
  const version = doc.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new GlossError(
      'invalid_input',
      `The notebook document is invalid at version: ${JSON.stringify(version) ?? 'nothing'} is not a version (1 to ${chain.current}).`,
      'document.version',
    )
  }
  if (version > chain.current) {
    throw new GlossError(
      'future_schema',
      `This notebook document was written by a newer Gloss (version ${version}; this Gloss reads up to ${chain.current}). Update Gloss to import it.`,
      'document.version',
    )
  }
  for (let v = version; v < chain.current; v++) {
    const step = chain.steps[v]
    if (!step) throw new GlossError('internal', `No upgrade from notebook document version ${v} to ${v + 1}.`)
    doc = { ...step(doc), version: v + 1 }
  }
  return doc
}
