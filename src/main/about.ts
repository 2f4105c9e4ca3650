/** Text of the About Gloss dialog. Pure. */

export interface AboutVersions {
  gloss: string
  electron: string
  chrome: string
  node: string
  v8: string
}

export function aboutDetail(versions: AboutVersions, dbPath: string): string {
  return [
    `Gloss ${versions.gloss}`,
    `Electron ${versions.electron}`,
    `Chromium ${versions.chrome}`,
    `Node.js ${versions.node}`,
    `V8 ${versions.v8}`,
    '',
    'Notebook database:',
    dbPath,
  ].join('\n')
}
