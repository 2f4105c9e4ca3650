/**
 * The Gloss notebook document: a scope as one versioned JSON file (./schema.ts describes it),
 * written by the `json` export and read back by the importNotebook operation.
 */
export { importNotebook } from './importNotebook'
export { readNotebookDocument } from './read'
export { renderNotebookJson } from './render'
