/** Names shared by the main-process modules. No Electron import: safe for unit tests. */

/** The privileged scheme the production renderer is served from: app://gloss/index.html */
export const APP_SCHEME = 'app'
export const APP_HOST = 'gloss'
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** File types the Import… dialog offers and the command line / second instance accepts. */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'pdf', 'epub', 'docx'] as const

export const APP_ID = 'app.gloss.notebook'

/** The article a new notebook starts with (resources/samples; extraResources when packaged). */
export const SAMPLE_FILE = 'trump-kim-diplomacy.txt'
