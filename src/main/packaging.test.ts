/**
 * electron-builder.yml flips the Electron fuses that harden the packaged app. Checked against
 * electron-builder's own schema (app-builder-lib/scheme.json) so a misspelt key, which
 * electron-builder would refuse only at `npm run dist` time, fails here.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = new URL('../../', import.meta.url)
const config = parse(readFileSync(new URL('electron-builder.yml', ROOT), 'utf8')) as {
  electronFuses?: Record<string, unknown>
}
const scheme = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8'),
) as {
  properties: Record<string, unknown>
  definitions: { FuseOptionsV1: { properties: Record<string, { type: string }> } }
}

it('sets the hardening fuses', () => {
  expect(config.electronFuses).toEqual({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  })
})

it("uses electron-builder's own key names for them", () => {
  expect(scheme.properties).toHaveProperty('electronFuses')
  const known = scheme.definitions.FuseOptionsV1.properties
  for (const [key, value] of Object.entries(config.electronFuses ?? {})) {
    expect(known, `electronFuses.${key}`).toHaveProperty(key)
    expect(typeof value).toBe(known[key]!.type)
  }
})
