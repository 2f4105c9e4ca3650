import { describe, expect, it } from 'vitest'
import { jsonLdArticle } from './jsonld'

const script = (body: string) => `<script type="application/ld+json">${body}</script>`

describe('JSON-LD metadata, read from the raw page', () => {
  it('finds the article node, in a @graph or an array, with its people and the site', () => {
    const html = `<html><head>${script(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Example News' },
          {
            '@type': 'NewsArticle',
            headline: 'Talks resume',
            datePublished: '2024-11-12T08:00:00Z',
            author: [
              { '@type': 'Person', name: 'Jane Roe' },
              { '@type': 'Organization', name: 'AFP' },
            ],
            publisher: { '@type': 'Organization', name: 'Example Media' },
          },
        ],
      }),
    )}</head></html>`
    expect(jsonLdArticle(html)).toEqual({
      headline: 'Talks resume',
      name: null,
      people: ['Jane Roe'],
      organizations: ['AFP'],
      datePublished: '2024-11-12T08:00:00Z',
      siteNames: ['Example News', 'Example Media'],
    })
  })

  it('reads a block wrapped in CDATA or a comment, and one with raw line breaks in a string', () => {
    const a = jsonLdArticle(script('<![CDATA[ {"@type":"Article","headline":"A\nB"} ]]>'))
    expect(a?.headline).toBe('A B')
    expect(jsonLdArticle(script('<!-- {"@type":"BlogPosting","headline":"C"} -->'))?.headline).toBe('C')
  })

  it('gives null for a page without any, and ignores a broken block', () => {
    expect(jsonLdArticle('<html><script>var x = 1</script></html>')).toBeNull()
    expect(jsonLdArticle(script('{not json'))).toBeNull()
  })
})
