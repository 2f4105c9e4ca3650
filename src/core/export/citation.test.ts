import { describe, expect, test } from 'vitest'
import { bylineAuthors } from './citation'

describe('citations', () => {
  test('authors from bylines', () => {
    expect(bylineAuthors('By Jane Doe and John Smith')).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'John', family: 'Smith' },
    ])
    expect(bylineAuthors('Doe, Jane; Smith, John')).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'John', family: 'Smith' },
    ])
    expect(bylineAuthors('Reuters')).toEqual([{ literal: 'Reuters' }])
    expect(bylineAuthors(null)).toEqual([])
  })
})
