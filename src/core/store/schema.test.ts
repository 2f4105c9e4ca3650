/**
 * The migration list is the schema's history: a notebook at version N runs every later entry in
 * list order, so an entry added out of order would be skipped by notebooks already past it.
 */
import { expect, test } from 'vitest'
import { LATEST_SCHEMA_VERSION, migrations } from './schema'

test('migrations are listed in strictly ascending version order, the last one the latest', () => {
  const versions = migrations.map((m) => m.version)
  expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b))
  expect(LATEST_SCHEMA_VERSION).toBe(Math.max(...versions))
})
