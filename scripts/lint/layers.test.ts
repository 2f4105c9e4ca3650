import { posix } from 'node:path'
import { Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import { LAYERS } from './layers.js'
import gloss from './plugin.js'

// a repository that need not exist: gloss/layers reads paths, never the disk
const root = '/repo'
const linter = new Linter({ configType: 'flat', cwd: root })
const config: Linter.Config[] = [
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { gloss },
    rules: { 'gloss/layers': 'error' },
  },
]

/** The gloss/layers messages for `code` in the file `from` (relative to the root). */
function problems(from: string, code: string): string[] {
  return linter
    .verify(code, config, { filename: posix.join(root, from) })
    .map((m) => (m.ruleId === 'gloss/layers' ? m.message : `not the rule: ${m.message}`))
}

const importOf = (from: string, to: string) => {
  const spec = posix.relative(posix.dirname(from), to)
  return `import { x } from '${spec.startsWith('.') ? spec : './' + spec}'\n`
}

const pairs = LAYERS.flatMap((from) => LAYERS.map((to) => [from, to] as const))

describe('gloss/layers: between layers', () => {
  it.each(pairs.filter(([from, to]) => !from.layers.includes(to.name)).map(([f, t]) => [f.name, t.name]))(
    '%s may not import %s',
    (fromName, toName) => {
      const from = LAYERS.find((l) => l.name === fromName)!
      const to = LAYERS.find((l) => l.name === toName)!
      const file = `${from.dir}/feature/probe.ts`
      const found = problems(file, importOf(file, `${to.dir}/thing`))
      expect(found).toHaveLength(1)
      expect(found[0]).toContain(`${from.dir} may not import ${to.dir}`)
    },
  )

  it.each(pairs.filter(([from, to]) => from.layers.includes(to.name)).map(([f, t]) => [f.name, t.name]))(
    '%s may import %s',
    (fromName, toName) => {
      const from = LAYERS.find((l) => l.name === fromName)!
      const to = LAYERS.find((l) => l.name === toName)!
      const file = `${from.dir}/feature/probe.ts`
      expect(problems(file, importOf(file, `${to.dir}/thing`))).toEqual([])
    },
  )

  it('refuses what a deny-list let through (shared → core/cli/web, renderer → core/main, main → renderer)', () => {
    expect(problems('src/shared/notes/x.ts', "import '../../core/notebook'")).toHaveLength(1)
    expect(problems('src/shared/x.ts', "import { main } from '../cli/main'")).toHaveLength(1)
    expect(problems('src/shared/x.ts', "export * from '../web/server'")).toHaveLength(1)
    expect(
      problems('src/renderer/src/app/x.tsx', "import type { Db } from '../../../core/store/open'"),
    ).toHaveLength(1)
    expect(
      problems('src/renderer/src/app/x.ts', "const m = await import('../../../main/menu')"),
    ).toHaveLength(1)
    expect(problems('src/main/x.ts', "import { App } from '../renderer/src/app/App'")).toHaveLength(1)
  })

  it('refuses files in no layer, but lets main bundle its icon', () => {
    expect(problems('src/core/x.ts', "import '../../bench/run'")).toHaveLength(1)
    expect(problems('src/core/x.ts', "import '../../../elsewhere/x'")).toHaveLength(1)
    expect(problems('src/main/x.ts', "import icon from '../../resources/icons/512x512.png?asset'")).toEqual(
      [],
    )
    expect(problems('src/core/x.ts', "import icon from '../../resources/icons/512x512.png'")).toHaveLength(1)
  })
})

describe('gloss/layers: inside the renderer', () => {
  const ui = 'src/renderer/src'
  const allowed: Array<[string, string]> = [
    // a feature: itself, state/, common/, api/
    ['reader/ArticleView.tsx', 'reader/offsets'],
    ['reader/ArticleView.tsx', 'state/hooks'],
    ['notes/editor/plugins/BlurPlugin.tsx', 'notes/editor/links'],
    ['notes/NotesPanel.tsx', 'common/dom'],
    ['export/ExportDialog.tsx', 'api/errors'],
    // app/ composes the features; the entry file starts the app
    ['app/Workspace.tsx', 'reader/ArticleView'],
    ['app/App.tsx', 'state/stores'],
    ['main.tsx', 'app/App'],
    ['state/stores.ts', 'api/errors'],
  ]
  it.each(allowed)('%s may import %s', (from, to) => {
    expect(problems(`${ui}/${from}`, importOf(`${ui}/${from}`, `${ui}/${to}`))).toEqual([])
  })

  const refused: Array<[string, string, string]> = [
    ['reader/ArticleView.tsx', 'notes/NotesPanel', 'the feature reader/ may not import notes/'],
    ['excerpts/ExcerptItem.tsx', 'app/App', 'the feature excerpts/ may not import app/'],
    ['palette/CommandPalette.tsx', 'search/search.css', 'the feature palette/ may not import search/'],
    ['state/hooks.ts', 'reader/offsets', 'state/ may not import reader/'],
    ['state/hooks.ts', 'common/dom', 'state/ may not import common/'],
    ['common/Dialog.tsx', 'state/glossContext', 'common/ may not import state/'],
    ['api/http.ts', 'state/glossContext', 'api/ may not import state/'],
    ['tags/TagRow.tsx', 'main', 'the feature tags/ may not import the entry files'],
  ]
  it.each(refused)('%s may not import %s', (from, to, message) => {
    const found = problems(`${ui}/${from}`, importOf(`${ui}/${from}`, `${ui}/${to}`))
    expect(found).toHaveLength(1)
    expect(found[0]).toContain(message)
  })
})

describe('gloss/layers: Node built-ins and packages', () => {
  const refused: Array<[string, string]> = [
    ['src/shared/x.ts', 'node:fs'],
    ['src/shared/x.ts', 'path'],
    ['src/shared/x.ts', 'electron'],
    ['src/shared/x.ts', 'react'],
    ['src/shared/notes/x.ts', '@lexical/react/LexicalComposer'],
    ['src/shared/x.ts', 'better-sqlite3'],
    ['src/core/x.ts', 'electron'],
    ['src/core/x.ts', 'react-dom/client'],
    ['src/core/x.ts', '@lexical/react/LexicalComposer'],
    ['src/preload/x.ts', 'node:fs'],
    ['src/preload/x.ts', 'better-sqlite3'],
    ['src/web/x.ts', 'electron'],
    ['src/cli/x.ts', 'react'],
    ['src/renderer/src/x.ts', 'node:path'],
    ['src/renderer/src/x.ts', 'electron'],
    ['src/renderer/src/x.ts', 'better-sqlite3'],
    ['src/renderer/src/x.ts', 'jsdom'],
    // a test tool, outside a test
    ['src/core/x.ts', 'vitest'],
  ]
  it.each(refused)('%s may not import %s', (file, specifier) => {
    expect(problems(file, `import '${specifier}'`)).toHaveLength(1)
  })

  const allowed: Array<[string, string]> = [
    ['src/shared/x.ts', 'zod'],
    ['src/shared/notes/x.ts', 'lexical'],
    ['src/shared/notes/x.ts', '@lexical/rich-text'],
    ['src/core/x.ts', 'node:fs'],
    ['src/core/x.ts', 'better-sqlite3'],
    ['src/core/x.ts', 'jsdom'],
    ['src/main/x.ts', 'electron'],
    ['src/main/x.ts', 'node:path'],
    ['src/preload/x.ts', 'electron'],
    ['src/web/x.ts', 'node:http'],
    ['src/renderer/src/x.tsx', 'react-dom/client'],
    ['src/renderer/src/x.tsx', '@lexical/react/LexicalComposer'],
    ['src/renderer/src/x.ts', 'dompurify'],
    ['src/core/x.test.ts', 'vitest'],
    ['src/core/export/testing/golden.ts', 'vitest'],
    ['src/renderer/src/x.test.ts', 'vitest'],
  ]
  it.each(allowed)('%s may import %s', (file, specifier) => {
    expect(problems(file, `import '${specifier}'`)).toEqual([])
  })

  it('sees every form of import: re-exports, dynamic, type-only, import types and require', () => {
    const file = 'src/shared/x.ts'
    for (const code of [
      "export { readFile } from 'node:fs'",
      "export * from 'node:fs'",
      "const fs = await import('node:fs')",
      "import type { BrowserWindow } from 'electron'",
      "type Fs = typeof import('node:fs')",
      "import fs = require('node:fs')",
      "const fs = require('node:fs')",
    ])
      expect(problems(file, code), code).toHaveLength(1)
  })

  it('leaves e2e, bench, scripts and configs free', () => {
    expect(problems('e2e/x.spec.ts', "import '../src/core/notebook'\nimport 'electron'")).toEqual([])
    expect(problems('bench/run.ts', "import '../src/main/index'")).toEqual([])
    expect(problems('electron.vite.config.ts', "import './src/shared/contract'")).toEqual([])
  })
})
