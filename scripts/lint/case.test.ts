import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { caseClashes } from './path-case.js'
import gloss from './plugin.js'

const SCRIPT = join(import.meta.dirname, 'path-case.js')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-case-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

// can this machine hold `a` and `A` side by side?
function caseSensitiveFs(): boolean {
  writeFileSync(join(dir, 'probe'), '')
  return !existsSync(join(dir, 'PROBE'))
}

describe('gloss/import-case', () => {
  /** Writes `text` to `file` and lints it. */
  const lint = (file: string, text: string) => {
    write({ [file]: text })
    const linter = new Linter({ configType: 'flat', cwd: dir })
    const config: Linter.Config[] = [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tseslint.parser },
        plugins: { gloss },
        rules: { 'gloss/import-case': 'error' },
      },
    ]
    return linter.verify(text, config, { filename: join(dir, file) }).map((m) => m.message)
  }

  it('refuses an import spelled in another case than the file, or its folder', () => {
    write({ 'src/common/toastStore.ts': '', 'src/common/Dialog.tsx': '', 'src/notes/index.ts': '' })
    const found = lint(
      'src/app/App.tsx',
      [
        "import { a } from '../common/toaststore'",
        "import { b } from '../Common/Dialog'",
        "import { c } from '../Notes'",
        "import { d } from '../common/toastStore'",
        "import { e } from '../common/Dialog'",
        "import { f } from '../notes'",
        "import { g } from '../common/missing'",
      ].join('\n'),
    )
    expect(found).toHaveLength(3)
    expect(found[0]).toContain('resolves to src/common/toastStore.ts')
    expect(found[1]).toContain('resolves to src/common/Dialog.tsx')
    expect(found[2]).toContain('resolves to src/notes/index.ts')
  })

  it('refuses an import that a case-insensitive file system resolves to another file', (ctx) => {
    if (!caseSensitiveFs()) ctx.skip() // the two files below cannot both exist here
    write({ 'src/common/toasts.ts': '', 'src/common/Toasts.tsx': '' })
    const found = lint(
      'src/app/App.tsx',
      "import { Toasts } from '../common/Toasts'\nimport { useToasts } from '../common/toasts'\n",
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toContain("'../common/Toasts' resolves to src/common/toasts.ts")
  })
})

describe('path-case.js', () => {
  /** A git repository whose index holds `paths` (no files needed, so any file system will do). */
  function repo(paths: string[]) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' })
    git('init', '-q')
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: 'x' })
      .toString()
      .trim()
    for (const path of paths) git('update-index', '--add', '--cacheinfo', `100644,${blob},${path}`)
  }
  const run = () => spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' })

  it('passes a repository with no clash', () => {
    repo([
      'src/common/Toasts.tsx',
      'src/common/toastStore.ts',
      'src/common/toasts.css',
      'src/preload/index.d.ts',
      'src/preload/index.ts',
    ])
    const result = run()
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('fails on files, folders or modules equal but for case', () => {
    repo([
      'README.md',
      'readme.md',
      'src/Common/a.ts',
      'src/common/b.ts',
      'src/ui/Toasts.tsx',
      'src/ui/toasts.ts',
    ])
    const result = run()
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      'path-case: README.md and readme.md are one path on a case-insensitive file system',
      'path-case: src/Common/ and src/common/ are one path on a case-insensitive file system',
      'path-case: src/ui/Toasts.* and src/ui/toasts.* are one path on a case-insensitive file system',
    ])
  })

  it('does not take a stylesheet for the module of the same name', () => {
    expect(caseClashes(['a/Toasts.tsx', 'a/toasts.css', 'a/b.json', 'a/B.md'])).toEqual([])
    expect(caseClashes(['a/data.json', 'a/Data.ts'])).toEqual([['a/Data.*', 'a/data.*']])
  })
})
