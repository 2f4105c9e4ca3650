import { describe, expect, it } from 'vitest'
import { parseText } from '../index'
import { lineReason } from './lines'
import { hidden, importPage, paragraphs, prose, reasonFor, shown } from './testing'

describe('chrome lines, by their words, in five languages', () => {
  const cases: Array<[string, string]> = [
    ['SIGN UP FOR OUR NEWSLETTER', 'newsletter prompt'],
    ['Inscrivez-vous à notre newsletter', 'newsletter prompt'],
    ['Melden Sie sich für unseren Newsletter an', 'newsletter prompt'],
    ['Suscríbete a nuestro boletín', 'newsletter prompt'],
    ['Assine nossa newsletter e receba as notícias na sua caixa de entrada.', 'newsletter prompt'],
    ['Read more: Why the talks collapsed', 'related links'],
    ['Related: The summit, a year on', 'related links'],
    ['Lire aussi : Le sommet, un an après', 'related links'],
    ['Lesen Sie auch: Der Gipfel', 'related links'],
    ['Lee también: La cumbre', 'related links'],
    ['Leia também: A cúpula', 'related links'],
    ['See also: The summit', 'related links'],
    ['Photo: Jane Roe/Reuters', 'photo credit'],
    ['Foto: LA NACION', 'photo credit'],
    ['(Bild: Hersteller)', 'photo credit'],
    ['Crédit photo : AFP', 'photo credit'],
    ['Photo by James Martin/CNET', 'photo credit'],
    ['Getty Images', 'photo credit'],
    ['Image', 'image placeholder'],
    ['Photo', 'image placeholder'],
    ['Foto', 'image placeholder'],
    ['View gallery', 'image placeholder'],
    ['1 / 5', 'gallery counter'],
    ['Photo 3 of 12', 'gallery counter'],
    ['Foto 2 de 9', 'gallery counter'],
    ['___', 'separator'],
    ['* * *', 'separator'],
    ['12 November 2024', 'dateline'],
    ['Sept. 25, 2018', 'dateline'],
    ['Sunday, Feb 1, 2015 11:57 AM UTC', 'dateline'],
    ['30 avril 2015 à 07:19', 'dateline'],
    ['21.dez.2018 às 12h55', 'dateline'],
    ['27. Juli 2017', 'dateline'],
    ['21 de diciembre de 2018', 'dateline'],
    ['Updated 1:39 PM ET', 'dateline'],
    ['By Jane Roe', 'byline'],
    ['Par Sébastien Farcis', 'byline'],
    ['Von Hans Müller', 'byline'],
    ['Por Juan Pérez y María López', 'byline'],
    ['By Nathan Willis March 25, 2015', 'byline'],
    ['Subscribe to continue reading', 'paywall'],
    ['Already a subscriber? Log in', 'paywall'],
    ['Abonnez-vous pour lire la suite', 'paywall'],
    ['Jetzt abonnieren', 'paywall'],
    ['Suscríbete para seguir leyendo', 'paywall'],
    ['Já é assinante? Entre', 'paywall'],
    ['$1 for 6 months', 'paywall'],
    ['€9,99 par mois', 'paywall'],
    ['Advertisement', 'advertisement'],
    ['Publicité', 'advertisement'],
    ['Anzeige', 'advertisement'],
    ['Publicidad', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['Continue reading the main story', 'navigation'],
    ['Back to top', 'navigation'],
    ['Share on Facebook', 'share link'],
    ['Facebook Twitter WhatsApp Email', 'share link'],
    ['Partager sur Facebook', 'share link'],
    ['Comments (5 posted)', 'comments'],
    ['Leave a comment', 'comments'],
    ['Kommentare', 'comments'],
    ['A version of this article appears in print on Nov. 12, 2024, Section A, Page 1', 'print edition'],
    ['EXCLUSIVE', 'kicker'],
    [
      'Share this with Email Facebook Messenger Twitter Pinterest WhatsApp LinkedIn Copy this link',
      'share link',
    ],
    ['Image copyright', 'image placeholder'],
    ['Media playback is unsupported on your device', 'image placeholder'],
    ['Image credit: Devindra Hardawar/Engadget', 'photo credit'],
    ['Courtesy of the family', 'photo credit'],
    ['Supported by', 'advertisement'],
    ['5 min read', 'reading time'],
    ['Lesezeit: 4 Minuten', 'reading time'],
    ['12 November 2024 · 5 min read', 'dateline'],
    ['Prev Next', 'navigation'],
    ['Your subscription supports journalism that matters.', 'paywall'],
    ['Article réservé aux abonnés', 'paywall'],
    [
      'All products recommended by Engadget are selected by our editorial team. If you buy something through one of these links, we may earn an affiliate commission.',
      'affiliate disclosure',
    ],
    ['Was this article helpful?', 'feedback prompt'],
    ['Signaler une erreur', 'feedback prompt'],
    ['© 2024 Example News. All rights reserved.', 'copyright notice'],
    ['Tous droits réservés', 'copyright notice'],
  ]
  it.each(cases)('%s → %s', (text, reason) => {
    expect(lineReason(text)).toBe(reason)
  })

  const prosey = [
    'The newsletter was first printed in 1998 by a group of teachers in Leeds.',
    'Subscriptions to the paper fell by half over the decade, the report found.',
    'By then, the talks had stalled for months.',
    'Related problems followed: the budget, the staff, and the building itself.',
    'Read more widely, the report suggests a different story altogether.',
    'Photos of the meeting were never published, two officials said.',
    'Image rights are a growing business for agencies.',
    'The service costs $10 a month, a price the company says it will keep.',
    'Credit card debt rose again in the spring.',
    'Comments made by the minister on Tuesday angered the opposition.',
    'Le sommet aura lieu le 12 novembre 2024 à Genève, selon le ministère.',
    'Die Zeitung erscheint seit 1946 jeden Morgen.',
    'La publicidad en línea creció un 12 por ciento en 2023, según el informe.',
    'A assinatura do acordo foi adiada para dezembro.',
    'Exclusive interviews with the three candidates are planned for the autumn.',
    'Share prices fell sharply after the announcement.',
    'Foto de archivo de la manifestación en Madrid.',
    'Courtesy of a friend, he got tickets for the final and flew to Paris the next morning.',
    'Supported by the unions, the strike spread to the ports.',
    'Next week the vote goes to the senate.',
    'Threads',
    '?',
  ]
  it.each(prosey)('leaves prose alone: %s', (text) => {
    expect(lineReason(text)).toBeUndefined()
  })
})

describe('chrome anywhere in a web page', () => {
  it('hides a newsletter prompt in the middle of the article, with the rest of its box', () => {
    const a = importPage(`
      <h1>The summit</h1>
      ${paragraphs('the summit', 'the agenda')}
      <div class="newsletter-signup"><h3>SIGN UP FOR OUR NEWSLETTER</h3><p>The best stories of the day, every morning.</p></div>
      ${paragraphs('the budget', 'the vote')}`)
    expect(reasonFor(a, 'SIGN UP FOR OUR NEWSLETTER')).toBe('newsletter prompt')
    expect(reasonFor(a, 'The best stories of the day, every morning.')).toBe('newsletter prompt')
    expect(reasonFor(a, prose('the vote'))).toBeUndefined()
  })

  it('in a short story, a newsletter line goes alone: the headline and prose beside it stay', () => {
    const first =
      'The harbour reopened on Monday after three weeks of repairs to the outer wall, and the first ferries came in on time.'
    const a = importPage(`<h1>Harbour report</h1><p>${first}</p>
      <p>SIGN UP FOR OUR NEWSLETTER</p>${paragraphs('the quay')}`)
    expect(reasonFor(a, 'SIGN UP FOR OUR NEWSLETTER')).toBe('newsletter prompt')
    expect(hidden(a).map((s) => s.text)).toEqual(['SIGN UP FOR OUR NEWSLETTER'])
    expect(a.sections.map((s) => s.text)).toContain(first)
    // all of it short sentences: still the line alone (not the whole story, which would then all be kept)
    const last =
      'The harbour master said the wall should now hold against the winter storms for another fifty years.'
    const b = importPage(
      `<h1>Harbour report</h1><p>${first}</p><p>SIGN UP FOR OUR NEWSLETTER</p><p>${last}</p>`,
    )
    expect(hidden(b).map((s) => s.text)).toEqual(['SIGN UP FOR OUR NEWSLETTER'])
  })

  it('hides "Read more:", "Lire aussi :" lines and the headline list after a related title', () => {
    const a = importPage(`
      ${paragraphs('the summit', 'the agenda')}
      <p><strong>Lire aussi :</strong> <a href="/a">Le sommet, un an après</a></p>
      ${paragraphs('the budget')}
      <p>More world news:</p>
      <p><a href="/1">Floods close roads across the north of the country</a></p>
      <p><a href="/2">Ministers agree on a new plan for the railways</a></p>
      ${paragraphs('the vote', 'the result')}`)
    expect(reasonFor(a, 'Lire aussi : Le sommet, un an après')).toBe('related links')
    expect(reasonFor(a, 'More world news:')).toBe('related links')
    expect(reasonFor(a, 'Floods close roads across the north of the country')).toBe('related links')
    expect(reasonFor(a, 'Ministers agree on a new plan for the railways')).toBe('related links')
    expect(reasonFor(a, prose('the vote'))).toBeUndefined()
  })

  it('hides headlines dropped between two paragraphs, each a whole link', () => {
    const a = importPage(`
      ${paragraphs('the summit', 'the agenda')}
      <p><a href="/1">Pizza Man Makes a Special Delivery to the Troops</a></p>
      <p><a href="/2">Redesigned Scopes Fail to Stop Outbreaks</a></p>
      ${paragraphs('the budget', 'the vote')}`)
    expect(reasonFor(a, 'Pizza Man Makes a Special Delivery to the Troops')).toBe('related links')
    expect(reasonFor(a, 'Redesigned Scopes Fail to Stop Outbreaks')).toBe('related links')
  })

  it('hides a paywall and its pricing block, line by line', () => {
    const pricing = [
      'Subscribe to continue reading',
      'Digital Access',
      '$1 for 4 weeks',
      'Then $15.99 every 4 weeks',
      'Cancel anytime',
      'Print + Digital',
      '$4.99/week',
      'Best value',
      'Unlimited access to every article',
      'Subscribe now',
      'Already a subscriber? Log in',
    ]
    const a = importPage(`
      ${paragraphs('the summit', 'the agenda', 'the budget')}
      <div>${pricing.map((l) => `<p>${l}</p>`).join('')}</div>`)
    for (const line of pricing) expect(reasonFor(a, line), line).toBe('paywall')
    expect(shown(a).map((s) => s.text)).toEqual([
      prose('the summit'),
      prose('the agenda'),
      prose('the budget'),
    ])
  })

  it('hides a table of contents whose items are the article’s own headings', () => {
    const headings = ['Early life', 'Career', 'Later years', 'Legacy']
    const a = importPage(`
      ${paragraphs('the introduction')}
      <p>Contents</p><ul>${headings.map((h, i) => `<li>${i + 1} ${h}</li>`).join('')}</ul>
      ${headings.map((h, i) => `<h2 id="h${i}">${h}<span class="mw-editsection">[<a href="?edit">edit</a>]</span></h2>${paragraphs(h)}`).join('')}`)
    expect(reasonFor(a, 'Contents')).toBe('table of contents')
    for (const [i, h] of headings.entries()) expect(reasonFor(a, `${i + 1} ${h}`)).toBe('table of contents')
    // "[edit]" is stripped from the headings: it is not prose
    const heads = a.sections.filter((s) => s.kind === 'heading').map((s) => s.text)
    expect(heads).toEqual(headings)
  })

  it('keeps section titles that link back to the contents, and a chapter called "Comments"', () => {
    const a = importPage(`
      ${paragraphs('the introduction')}
      <h2><a class="toc-backref" href="#id1">Sharing with a single developer</a></h2>${paragraphs('sharing')}
      <h2>Comments</h2>${paragraphs('comments in code', 'doc comments')}
      <h2><a class="toc-backref" href="#id2">Conclusion</a></h2>${paragraphs('the conclusion')}`)
    expect(hidden(a)).toEqual([])
    expect(a.sections.filter((s) => s.kind === 'heading').map((s) => s.text)).toEqual([
      'Sharing with a single developer',
      'Comments',
      'Conclusion',
    ])
  })

  it('strips "[edit]", "[modifier]", "¶" and "#" from headings written as text', () => {
    const a = importPage(`
      ${paragraphs('the introduction')}
      <h2>History [edit]</h2>${paragraphs('history')}
      <h2>Histoire [modifier | modifier le code]</h2>${paragraphs('histoire')}
      <h2>Geschichte¶</h2>${paragraphs('Geschichte')}
      <h2>Usage <a class="anchor" href="#usage">#</a></h2>${paragraphs('usage')}`)
    expect(a.sections.filter((s) => s.kind === 'heading').map((s) => s.text)).toEqual([
      'History',
      'Histoire',
      'Geschichte',
      'Usage',
    ])
  })

  it('hides a print-edition footer the page split into pieces', () => {
    const pieces = [
      'A version of this article appears in print on',
      ', Section',
      'A',
      ', Page',
      '1',
      'of the New York edition',
      'with the headline:',
      'Talks Stall Again',
      'Order Reprints | Today’s Paper | Subscribe',
    ]
    const a = importPage(
      `${paragraphs('the summit', 'the agenda', 'the budget')}${pieces.map((p) => `<div>${p}</div>`).join('')}`,
    )
    for (const p of pieces) expect(reasonFor(a, p), p).toBeDefined()
    expect(reasonFor(a, pieces[0]!)).toBe('print edition')
  })

  it('hides a standalone dateline, and takes the published date from it', () => {
    const a = importPage(
      `<h1>Talks resume</h1><p>12 November 2024</p>${paragraphs('the summit', 'the agenda')}`,
    )
    expect(reasonFor(a, '12 November 2024')).toBe('dateline')
    expect(a.publishedAt).toBe('2024-11-12')
  })

  it('hides separators, gallery counters, placeholders and credits; keeps the caption', () => {
    const a = importPage(`
      ${paragraphs('the summit')}
      <figure><span class="visually-hidden">Image</span><img src="a.jpg"><figcaption><span class="caption">Leaders arrive at the summit.</span><span class="credit">Jane Roe/Reuters</span></figcaption></figure>
      <p>___</p>
      <div class="gallery"><img src="b.jpg"><p>1 / 5</p></div>
      ${paragraphs('the agenda', 'the budget')}`)
    expect(reasonFor(a, 'Image')).toBe('image placeholder')
    expect(reasonFor(a, 'Jane Roe/Reuters')).toBe('photo credit')
    expect(reasonFor(a, '___')).toBe('separator')
    expect(reasonFor(a, '1 / 5')).toBe('gallery counter')
    const caption = a.sections.find((s) => s.text === 'Leaders arrive at the summit.')
    expect(caption).toMatchObject({ kind: 'paragraph', role: 'caption' })
  })

  it('keeps a caption clean of its screen-reader labels, "Enlarge" links and credits', () => {
    const a = importPage(`
      ${paragraphs('the summit')}
      <figure><span class="image-and-copyright-container"><img src="a.jpg"><span class="off-screen">Image copyright</span><span class="story-image-copyright">Getty Images</span></span>
        <figcaption class="media-caption"><span class="off-screen">Image caption</span><span class="media-caption__text">Delegates arrive in Geneva</span></figcaption></figure>
      ${paragraphs('the agenda')}
      <figure><img src="b.jpg"><figcaption class="caption"><div class="caption-text"><a class="enlarge-link" href="b.jpg">Enlarge</a> <span class="sep">/</span> The hall, before the vote.</div><div class="caption-credit">Jane Roe</div></figcaption></figure>
      ${paragraphs('the budget')}`)
    expect(a.sections.find((s) => s.text === 'Delegates arrive in Geneva')).toMatchObject({ role: 'caption' })
    expect(a.sections.find((s) => s.text === 'The hall, before the vote.')).toMatchObject({ role: 'caption' })
    for (const chrome of ['Image copyright', 'Getty Images', 'Image caption', 'Enlarge /', 'Jane Roe']) {
      expect(reasonFor(a, chrome), chrome).toBeDefined()
    }
  })

  it('makes captions their own kind: figcaption, caption classes, a picture’s lone line, table captions', () => {
    const a = importPage(`
      ${paragraphs('the summit')}
      <figure><img src="a.jpg"><figcaption>The delegates, on Tuesday. (AP)</figcaption></figure>
      ${paragraphs('the agenda')}
      <div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">La salle du sommet, à Genève.</p></div>
      ${paragraphs('the budget')}
      <div><img src="c.jpg"><div>Die Delegierten am Dienstag</div></div>
      ${paragraphs('the vote')}
      <table><caption>Votes by country</caption><tr><td>France</td><td>12</td></tr><tr><td>Spain</td><td>9</td></tr></table>
      ${paragraphs('the result')}`)
    for (const text of [
      'The delegates, on Tuesday. (AP)',
      'La salle du sommet, à Genève.',
      'Die Delegierten am Dienstag',
      'Votes by country',
    ]) {
      expect(
        a.sections.find((s) => s.text === text),
        text,
      ).toMatchObject({ kind: 'paragraph', role: 'caption' })
    }
    // body paragraphs are never captions
    for (const s of a.sections.filter((x) => x.text.startsWith('The committee')))
      expect(s.role).toBeUndefined()
  })

  it('an infobox row of pictures each named under it is a caption; a row of words is not', () => {
    const picture = (src: string, name: string) =>
      `<div><div><a href="/f/${src}"><img src="${src}.png" alt="" width="80" height="60"></a></div><div><a href="/w/${src}">${name}</a></div></div>`
    const a = importPage(`
      ${paragraphs('the country')}
      <table><tr><th colspan="2">New Zealand</th></tr>
      <tr><td colspan="2"><div style="display:table">${picture('flag', 'Flag')}${picture('arms', 'Coat of arms')}</div></td></tr>
      <tr><td>Motto</td><td>God defend the land, the anthem of the country since 1940</td></tr>
      <tr><td>Capital</td><td>Wellington, on the southern tip of the North Island</td></tr></table>
      ${paragraphs('the capital')}`)
    // the names apart, though no space separates their boxes in the markup
    expect(a.sections.find((s) => s.text === 'Flag Coat of arms')).toMatchObject({ role: 'caption' })
    expect(a.sections.filter((s) => s.role === 'caption')).toHaveLength(1)
  })

  it('hides a readers’ comment thread at the end', () => {
    const a = importPage(`
      ${paragraphs('the summit', 'the agenda', 'the budget', 'the vote')}
      <h3>2 comments on “The summit”</h3>
      <p>Post a comment</p>
      <h4>Alan wrote on December 24, 2020 at 3:53 am:</h4>
      <p>I disagree with most of this, and I think the committee was right to wait for the figures before deciding anything at all.</p>
      <p>Reply</p>`)
    expect(reasonFor(a, '2 comments on “The summit”')).toBe('comments')
    expect(reasonFor(a, 'Reply')).toBe('comments')
    expect(
      reasonFor(
        a,
        'I disagree with most of this, and I think the committee was right to wait for the figures before deciding anything at all.',
      ),
    ).toBe('comments')
    expect(reasonFor(a, prose('the vote'))).toBeUndefined()
  })

  it('quarantines, never removes: every line is still in the text, restorable', () => {
    const a = importPage(`${paragraphs('the summit')}<p>Advertisement</p>${paragraphs('the agenda')}`)
    expect(a.text).toContain('Advertisement')
    expect(hidden(a).map((s) => s.text)).toEqual(['Advertisement'])
    for (const s of a.sections) expect(a.text.slice(s.start, s.end)).toBe(s.text)
  })

  it('hides nothing when everything would go', () => {
    const a = parseText('<html><body><p>Advertisement</p><p>Share on Facebook</p></body></html>', {
      format: 'html',
    })
    expect(a.sections.map((s) => s.kind)).toEqual(['paragraph', 'paragraph'])
  })
})
