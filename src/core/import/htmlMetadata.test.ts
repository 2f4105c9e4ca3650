import { describe, expect, it } from 'vitest'
import { importPage, paragraphs } from './chrome/testing'
import { chooseHeadline, stripSiteTail } from './title'

const body = (extra = '') => `${extra}${paragraphs('the summit', 'the agenda', 'the budget')}`
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`

describe('headlines without the site’s tail', () => {
  it('strips a tail naming the site (og:site_name, the host, the publisher)', () => {
    expect(stripSiteTail('Talks resume in Geneva - BBC News', ['BBC News'])).toBe('Talks resume in Geneva')
    expect(stripSiteTail('Talks resume in Geneva - Breitbart', ['Breitbart'])).toBe('Talks resume in Geneva')
    expect(stripSiteTail('Talks resume | World news | The Guardian', ['The Guardian', 'World news'])).toBe(
      'Talks resume',
    )
    expect(stripSiteTail('Une solution - 07.12.2017 - LA NACION', ['LA NACION'])).toBe('Une solution')
    expect(stripSiteTail('Silicon Exposed: Open Verilog flow', ['Silicon Exposed'])).toBe('Open Verilog flow')
    // " - " inside the headline itself stays
    expect(
      stripSiteTail('Raspberry Pi 3 - The credit card sized PC - All-time bestseller - SimplyFound', [
        'SIMPLYFOUND.COM',
      ]),
    ).toBe('Raspberry Pi 3 - The credit card sized PC - All-time bestseller')
    expect(stripSiteTail('Content Depth — Write About Your Core Topics', ['topicseed'])).toBe(
      'Content Depth — Write About Your Core Topics',
    )
  })

  it('strips an author tail: "Headline | Eleanor Ainge Roy"', () => {
    const a = importPage(
      body(),
      `<title>Kiwi numbers rise | Eleanor Ainge Roy | The Guardian</title>
       <meta property="og:title" content="Kiwi numbers rise | Eleanor Ainge Roy">
       <meta name="author" content="Eleanor Ainge Roy">`,
    )
    expect(a.title).toBe('Kiwi numbers rise')
    expect(a.byline).toBe('Eleanor Ainge Roy')
  })

  it('prefers the <h1> when it is the head of the title: "New Zealand - Wikipedia"', () => {
    expect(
      chooseHeadline({
        metadata: [],
        documentTitle: 'New Zealand - Wikipedia',
        h1s: ['New Zealand'],
        siteNames: [],
        authors: [],
        readability: 'New Zealand - Wikipedia',
      }),
    ).toBe('New Zealand')
    expect(
      chooseHeadline({
        metadata: ['トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」（CNET Japan） - Yahoo!ニュース'],
        documentTitle: null,
        h1s: ['トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」'],
        siteNames: ['Yahoo!ニュース'],
        authors: [],
        readability: null,
      }),
    ).toBe('トレンドマイクロ、アプリ「フリーWi-Fiプロテクション」')
  })

  it('never takes the site’s name or slogan for the headline', () => {
    // the blog's name is the <h1>; the <title> is "Blog: Headline"
    const blog = importPage(
      body(),
      `<title>Silicon Exposed: Open Verilog flow for GreenPak4</title>
       <meta property="og:title" content="Open Verilog flow for GreenPak4">`,
    )
    expect(blog.title).toBe('Open Verilog flow for GreenPak4')
    // only a slogan in the metadata; the article's <h1> is the headline
    const slogan = importPage(
      `<h1 class="entry-title">Council approves the new tram line</h1>${body()}`,
      `<title>Example Herald | News you can trust</title><meta property="og:site_name" content="Example Herald">`,
    )
    expect(slogan.title).toBe('Council approves the new tram line')
  })

  it('cleans the <h1> of edit links and permalinks', () => {
    const a = importPage(
      `<h1>Evolve: Shared Mutable History<a class="headerlink" href="#top">¶</a></h1>${body()}`,
      '<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>',
    )
    expect(a.title).toBe('Evolve: Shared Mutable History')
  })
})

describe('metadata precedence', () => {
  it('byline: JSON-LD, then microdata, then <meta>, then the page’s byline element', () => {
    const head = `<meta name="author" content="Meta Person">${jsonLd({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'The summit',
      author: [{ '@type': 'Person', name: 'Jane Roe' }],
    })}`
    expect(importPage(body(), head).byline).toBe('Jane Roe')
    const microdata = `<div itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Maria Silva</span></div>`
    expect(importPage(body(microdata), '<meta name="author" content="Meta Person">').byline).toBe(
      'Maria Silva',
    )
    expect(importPage(body(), '<meta name="author" content="Meta Person">').byline).toBe('Meta Person')
    expect(importPage(body('<p class="byline">By Ana Sandoiu</p>')).byline).toBe('Ana Sandoiu')
    expect(importPage(body('<footer><p>Posted by Alon Zakai.</p></footer>')).byline).toBe('Alon Zakai')
  })

  it('byline: a teaser’s byline is not the article’s; a wire agency is when no person is named', () => {
    const a = importPage(
      body(`<span class="author" itemprop="author" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">AFP</span></span>
        <aside class="related"><ul><li><a href="/x">Another story</a><span class="author">Par Sébastien Farcis</span></li></ul></aside>`),
    )
    expect(a.byline).toBe('AFP')
  })

  it('byline: a username gives way to the fuller name the page has', () => {
    const a = importPage(
      body('<p class="byline">By <a href="/about/editors/devindra-hardawar/">Devindra Hardawar</a></p>'),
      '<meta name="author" content="devindra">',
    )
    expect(a.byline).toBe('Devindra Hardawar')
  })

  it('byline: dates, counts and roles come off', () => {
    expect(importPage(body('<div class="byline">Lucas Nolan22 Dec 2016651</div>')).byline).toBe('Lucas Nolan')
    expect(
      importPage(
        body(
          '<p class="author">Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project</p>',
        ),
      ).byline,
    ).toBe('Daniel Kahn Gillmor')
  })

  it('published date: JSON-LD, then article:published_time, then <meta> date, then <time>, then the dateline', () => {
    const ld = jsonLd({ '@type': 'Article', headline: 'x', datePublished: '2024-01-02T03:04:05Z' })
    const og = '<meta property="article:published_time" content="2024-02-03T00:00:00Z">'
    const meta = '<meta name="date" content="2024-03-04">'
    const time = '<time datetime="2024-04-05">5 April</time>'
    expect(importPage(body(time), ld + og + meta).publishedAt).toBe('2024-01-02T03:04:05Z')
    expect(importPage(body(time), og + meta).publishedAt).toBe('2024-02-03T00:00:00Z')
    expect(importPage(body(time), meta).publishedAt).toBe('2024-03-04')
    expect(importPage(body(time)).publishedAt).toBe('2024-04-05')
    expect(importPage(`<p>12 novembre 2024</p>${body()}`).publishedAt).toBe('2024-11-12')
    expect(importPage(`<p>Feb. 23, 2015 -- ${paragraphs('the allergy').slice(3)}`).publishedAt).toBe(
      '2015-02-23',
    )
  })

  it('headline: an <h1> the metadata confirms, then og:title, then JSON-LD', () => {
    const ld = jsonLd({ '@type': 'NewsArticle', headline: 'LD headline', name: 'Site name' })
    expect(
      importPage(`<h1>Og headline</h1>${body()}`, `<meta property="og:title" content="Og headline">${ld}`)
        .title,
    ).toBe('Og headline')
    expect(importPage(body(), `<meta property="og:title" content="Og headline">${ld}`).title).toBe(
      'Og headline',
    )
    expect(importPage(body(), `<title>Doc title</title>${ld}`).title).toBe('LD headline')
  })
})
