/**
 * Layouts leave the text alone: the section texts of documents full of structure are byte for
 * byte those the import made before layouts existed (fixtures/section-texts.json, written by that
 * build), so every excerpt, search hit and ¶ number stays where it was.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from './index'
import { layoutProblem } from './layout'
import { layoutDocuments } from './testing/layoutDocuments'

const before = JSON.parse(
  readFileSync(new URL('./fixtures/section-texts.json', import.meta.url), 'utf8'),
) as Record<string, unknown[]>

describe('section texts with layouts', () => {
  for (const doc of layoutDocuments()) {
    it(`${doc.name}: the same sections, texts byte for byte, and valid layouts on them`, async () => {
      const article = await parseDocument({ bytes: doc.bytes, fileName: doc.fileName })
      const sections = article.sections.map((s) => [
        s.kind,
        s.level ?? null,
        s.role ?? null,
        s.quarantineReason ?? null,
        s.text,
      ])
      expect(sections).toEqual(before[doc.name])
      const laid = article.sections.filter((s) => s.layout !== undefined)
      expect(laid.length).toBeGreaterThan(0)
      for (const s of laid) expect(layoutProblem(s.layout, s.text.length)).toBeNull()
    })
  }
})
