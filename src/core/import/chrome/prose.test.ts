/**
 * Hiding a real paragraph is worse than showing a junk line: ordinary articles, in several
 * languages and shapes, keep every paragraph, list item and heading, tricky words and all.
 */
import { describe, expect, it } from 'vitest'
import { hidden, importPage } from './testing'

const ARTICLES: Record<string, string> = {
  'English news story': `
    <h1>Council approves the new tram line after a long night</h1>
    <p>By the time the vote came, shortly after midnight, most of the public gallery had gone home.</p>
    <p>The council approved the new tram line by 31 votes to 19 on Tuesday, ending a debate that had run for more than a decade and cost two mayors their jobs.</p>
    <p>“We have waited long enough,” said Maria Santos, who chairs the transport committee. “Read the report and you will see why.”</p>
    <p>Subscriptions to the council’s newsletter tripled during the consultation, officials said.</p>
    <p>Related problems remain: the depot, the bridge and the cost of the rails themselves.</p>
    <p>Image rights for the design were sold to a Dutch firm in 2019.</p>
    <p>Share prices of the main contractor rose 4 percent.</p>
    <p>The first trams are due in 2027.</p>
    <h2>What happens next</h2>
    <p>Construction starts in spring. The route will close in stages, beginning with the stretch between the station and the university.</p>
    <ul><li>Phase one: station to university</li><li>Phase two: university to the hospital</li><li>Phase three: the airport</li></ul>
    <p>Comments made by the opposition leader on Monday were described as unhelpful by the mayor.</p>
    <p>More on the route will be published next week, the council said.</p>`,
  'article français': `
    <h1>Le conseil approuve la nouvelle ligne de tramway</h1>
    <p>Le conseil municipal a approuvé mardi la nouvelle ligne de tramway par 31 voix contre 19, au terme d’un débat qui aura duré plus de dix ans.</p>
    <p>« Nous avons assez attendu », a déclaré Maria Santos, présidente de la commission des transports.</p>
    <p>La publicité en ligne pour le projet a coûté 2 millions d’euros, selon la Cour des comptes.</p>
    <p>Les abonnés au bulletin municipal ont été informés le 12 novembre 2024 à Genève.</p>
    <p>Lire le rapport complet prend environ une heure.</p>
    <h2>Et maintenant ?</h2>
    <p>Les travaux commenceront au printemps. La ligne fermera par tronçons, en commençant par la gare.</p>`,
  'deutscher Artikel': `
    <h1>Stadtrat beschließt neue Straßenbahnlinie</h1>
    <p>Der Stadtrat hat am Dienstag die neue Straßenbahnlinie mit 31 zu 19 Stimmen beschlossen, nach einer Debatte, die mehr als zehn Jahre dauerte.</p>
    <p>„Wir haben lange genug gewartet“, sagte Maria Santos, die Vorsitzende des Verkehrsausschusses.</p>
    <p>Die Zeitung erscheint seit 1946 jeden Morgen und hat ihre Abonnenten schon damals informiert.</p>
    <p>Von der Opposition kam scharfe Kritik an den Kosten des Projekts.</p>
    <h2>Wie es weitergeht</h2>
    <p>Die Bauarbeiten beginnen im Frühjahr. Die Strecke wird abschnittsweise gesperrt.</p>`,
  'artículo en español': `
    <h1>El concejo aprueba la nueva línea de tranvía</h1>
    <p>El concejo municipal aprobó el martes la nueva línea de tranvía por 31 votos contra 19, tras un debate de más de diez años.</p>
    <p>«Ya esperamos bastante», dijo María Santos, presidenta de la comisión de transporte.</p>
    <p>La publicidad en línea creció un 12 por ciento en 2023, según el informe.</p>
    <p>Por la noche, la mayoría del público ya se había ido.</p>
    <h2>Lo que viene</h2>
    <p>Las obras comenzarán en primavera. La línea cerrará por tramos, empezando por la estación.</p>`,
  'artigo em português': `
    <h1>Câmara aprova a nova linha de bonde</h1>
    <p>A câmara municipal aprovou na terça-feira a nova linha de bonde por 31 votos a 19, depois de um debate de mais de dez anos.</p>
    <p>“Já esperamos o suficiente”, disse Maria Santos, presidente da comissão de transportes.</p>
    <p>A assinatura do contrato foi adiada para dezembro.</p>
    <p>Veja o mapa da linha na página da prefeitura, onde também estão os horários.</p>
    <h2>Os próximos passos</h2>
    <p>As obras começam na primavera. A linha será fechada por trechos, a partir da estação.</p>`,
  'encyclopedia page': `
    <h1>Tramways in Europe</h1>
    <p>Tramways were built in most European cities in the late 19th century.[1] Many closed after 1950, and some reopened after 1980.</p>
    <h2>History</h2>
    <p>The first horse-drawn tram ran in 1832.[2]</p>
    <h2>See also</h2>
    <ul><li><a href="/wiki/Light_rail">Light rail</a></li><li><a href="/wiki/Trolleybus">Trolleybus</a></li></ul>
    <h2>References</h2>
    <ol><li>^ Smith, John (2001). Trams. London: Penguin. p. 12.</li><li>^ "History of trams". Transport Museum. Retrieved 4 May 2019.</li></ol>
    <h2>External links</h2>
    <ul><li><a href="https://example.org">Tramway museum</a></li><li><a href="https://example.net">European tram map</a></li></ul>`,
  'how-to with steps': `
    <h1>How to build a terrarium</h1>
    <p>Glass terrariums are easy to care for, as they keep much of their own moisture and give plants a warm place to grow.</p>
    <h3>What you'll need</h3>
    <ul><li>Cloche</li><li>Small plants</li><li>Moss</li><li>Tweezers</li></ul>
    <p>Step 1</p>
    <p>Measure the cloche and cut the foam about 2 cm smaller. Soak it until it sinks.</p>
    <p>Step 2</p>
    <p>Insert your plant into the hole.</p>
    <p>That's it!</p>`,
  'blog post with code': `
    <h1>Standalone WebAssembly</h1>
    <p>Emscripten can now emit a Wasm file that runs by itself. Here is how.</p>
    <pre><code>emcc -O3 add.c -o add.wasm</code></pre>
    <p>Running that prints 42 as expected:</p>
    <pre>$ wasmer run add.wasm
42</pre>
    <p>Questions? Comments? File a bug.</p>
    <p>Posted in December, this note is already out of date.</p>`,
}

describe('ordinary articles keep every paragraph', () => {
  it.each(Object.entries(ARTICLES))('%s', (_name, body) => {
    const a = importPage(body)
    expect(hidden(a).map((s) => `${s.text} (${s.quarantineReason})`)).toEqual([])
    expect(a.sections.filter((s) => s.role === 'caption').map((s) => s.text)).toEqual([])
    expect(a.sections.length).toBeGreaterThan(4)
  })
})
