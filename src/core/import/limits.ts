/**
 * The guards that keep one hostile or huge file from freezing the notebook. Figures measured on
 * the 2-core dev machine are in the comments; see parsePool.ts for how the worker enforces them.
 */

/**
 * Deepest element nesting an HTML import may have. Browsers stop nesting at 512 (Blink's parser
 * cap); 1,000 nested <div> took 18.6 s in Readability and 10,000 nested <b> overflowed the stack.
 */
export const MAX_HTML_DEPTH = 500

/**
 * Past this depth Readability is skipped and the whole page (minus chrome) is sectioned:
 * Readability's scoring grows with the cube of the depth (200 nested divs 0.7 s, 500 took 5.8 s),
 * while real pages rarely nest deeper than 60.
 */
export const READABILITY_MAX_DEPTH = 128

/**
 * Deepest list/quote nesting a Markdown import may have: marked lexes nested lists in time cubic
 * in the depth (250 deep 0.46 s, 500 deep 2.3 s, 3,000 deep never finished); real notes nest < 10.
 */
export const MAX_MARKDOWN_DEPTH = 100

/**
 * Largest page markup, counted without scripts, styles, comments and embedded data: images: the
 * part jsdom and Readability walk. They take ~1.5 s per MB (8 MB: 12.4 s on a busy 2-core machine),
 * so a 19 MB page is refused at once instead of running into the time limit.
 */
export const MAX_HTML_MARKUP_CHARS = 8 * 1024 * 1024

/** A parse that takes longer than this is stopped (its worker terminated) and the import refused. */
export const PARSE_TIMEOUT_MS = 20_000

/**
 * V8 old-generation heap of a parse worker. jsdom needs ~100 MB per MB of markup; without a cap a
 * 19 MB page took 3.1 GB. Past the cap the worker dies alone and the import is refused.
 */
export const PARSE_MEMORY_MB = 1024

/** Largest picture stored with an article (a data: URI, an EPUB's or .docx's image, a file next to an import). */
export const MAX_PICTURE_BYTES = 8 * 1024 * 1024

/** All the pictures one article may store; past it the rest keep only their alt text. */
export const MAX_ARTICLE_PICTURE_BYTES = 64 * 1024 * 1024
