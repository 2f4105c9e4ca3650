/**
 * Page chrome recognised by its words alone, in English, French, German, Spanish and Portuguese
 * (and some Italian, Dutch and Czech): one line at a time, wherever it stands in the article.
 * Every rule is bounded by length: a paragraph of prose that happens to contain "newsletter" or
 * "read more" is never chrome. A reason names what the line is ("newsletter prompt").
 */
import { cleanByline } from '../byline'
import { isDateline } from '../dates'

export interface LineRule {
  reason: string
  pattern: RegExp
  /** longest line the rule applies to, in words (default 8) */
  maxWords?: number
  /** shortest line the rule applies to, in words */
  minWords?: number
  /** only for a line that does not end as a sentence does (".", "!", "?") */
  unpunctuated?: boolean
  /** only for a line written in capitals */
  upperCase?: boolean
  /** not for an item of a list (a book's contents may have a chapter "More about Cargo") */
  notListItem?: boolean
}

/** The line as rules see it: lower case, NFC, no trailing punctuation, arrows or bullets. */
export function lineKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[’`´]/g, "'")
    .replace(/[\s.:!?…»›→>|•·,;-]+$/u, '')
    .replace(/^[\s«‹←<|•·»›→-]+/u, '')
    .trim()
}

// "Read more", "Lire aussi", "Lesen Sie auch", "Lee también", "Leia também"…: a line that sends the
// reader to other articles, alone or followed by a headline
const RELATED_LEAD = String.raw`(?:read (?:more|also|next)|also read|related(?: (?:articles?|stories|posts|content|coverage|reading|links|news|topics?))?|more (?:stories|articles|news|coverage|reading)|more\b[^:]{0,30}\bnews|learn more|recommended(?: (?:for you|reading|stories|articles))?|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|don't miss|most (?:popular|read|viewed|shared)|trending(?: now)?|top stories|editor's picks|other people are reading|continue reading|keep reading|lire (?:aussi|également|la suite)|à lire (?:aussi|également)|a lire (?:aussi|également)|sur le même sujet|les plus lus|à voir aussi|notre sélection|lesen sie (?:auch|mehr|hier)|mehr zum thema|mehr dazu|auch interessant|das könnte sie (?:auch )?interessieren|weitere artikel|meistgelesen|lee (?:también|mas|más)|lea (?:también|más)|leer más|te puede interesar|también te puede interesar|noticias relacionadas|más información|lo más (?:leído|visto)|leia (?:também|mais)|veja mais|saiba mais|mais lidas|relacionad[oa]s?|leggi anche|potrebbe interessarti|lees ook|čtěte (?:také|též)|související)`

// "See also", "Voir aussi", "Siehe auch": a wiki's own section when alone; a related link with a colon
const SEE_ALSO = String.raw`(?:see also|voir aussi|siehe auch|ver también|véase también|veja também|ver também|vedi anche|zie ook)`

export const LINE_RULES: LineRule[] = [
  {
    reason: 'newsletter prompt',
    pattern:
      /\b(?:newsletters?|infolettre|lettre d'information|boletín|boletim|e-?mail updates|daily digest|(?:enter|your) e-?mail(?: address)?|votre (?:adresse )?e-?mail|ihre e-?mail|tu (?:correo|email)|seu e-?mail)\b/,
    maxWords: 10,
    unpunctuated: true,
  },
  {
    reason: 'newsletter prompt',
    pattern:
      /\b(?:sign up|subscribe|get|receive|join|keep up|stay (?:informed|up to date|in the know)|delivered|don't miss|inscrivez-vous|abonnez-vous|recevez|inscris-toi|melden sie sich|abonnieren sie|bestellen sie|suscríbete|suscribite|regístrate|recibe|recibí|assine|inscreva-se|receba|cadastre-se|iscriviti)\b.*\b(?:newsletters?|infolettre|boletín|boletim|inbox|bandeja de entrada|caixa de entrada|boîte (?:mail|de réception)|posteingang)\b/,
    maxWords: 40,
  },
  {
    reason: 'paywall',
    pattern:
      /^(?:subscribe(?: now| today| for| to (?:continue|read|keep|unlock))?|already (?:a subscriber|have an account|subscribed)|become a (?:subscriber|member)|subscribers? only|for subscribers|this (?:article|story|content) is (?:for|available to|reserved for) (?:subscribers|members)|unlock (?:this|the full|unlimited)|start (?:your|a) free trial|free trial|cancel anytime|unlimited (?:digital )?access|continue reading with|to continue reading|abonnez-vous|s'abonner|je m'abonne|découvrir (?:les|nos) offres|déjà abonné|(?:article |contenu )?réservé aux abonnés|(?:cet |cette |l')?article (?:est )?réservé|offre (?:spéciale|d'abonnement)|jetzt (?:abonnieren|testen|weiterlesen)|bereits abonnent|nur für abonnenten|exklusiv für abonnenten|weiterlesen mit|abo (?:abschließen|testen)|suscríbete(?: para)?|ya (?:eres|sos) suscriptor|exclusivo para suscriptores|contenido exclusivo|assine(?: já| agora)?|já é assinante|exclusivo para assinantes|conteúdo exclusivo|abbonati)\b/,
    maxWords: 16,
  },
  {
    reason: 'paywall',
    // "$1 for 6 months", "€9.99/month", "£4.99 a week", "12,90 € par mois", "R$ 1,90 no primeiro mês"
    pattern:
      /^(?:(?:r\$|us\$|[$€£¥])\s?\d+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?\s?(?:[$€£]|eur|usd|chf))\s*(?:\/|per|a|an|every|for|par|pro|por|al|ao|no|im|le|la|el|each)\s*(?:\d+\s*)?(?:month|months|mo|week|weeks|wk|year|years|yr|day|mois|semaine|semaines|an|ans|année|monat|monate|woche|wochen|jahr|mes|meses|semana|semanas|año|ano|primeiro mês|primer mes|premier mois|ersten monat)\b/,
    maxWords: 14,
  },
  {
    reason: 'login link',
    pattern:
      /^(?:log ?in|log ?out|sign ?in|sign ?out|sign ?up|register|create an? account|my account|se connecter|connexion|s'identifier|mon compte|anmelden|einloggen|abmelden|mein konto|registrieren|iniciar sesión|inicia sesión|mi cuenta|regístrate|entrar|fazer login|minha conta|cadastre-se|accedi|registrati)(?: (?:to (?:comment|continue|reply|your account|read|post)|with (?:google|facebook|apple|email)|now|here|or (?:register|sign up|log ?in|sign in)|\/ (?:register|sign up|log ?in|sign in)|pour commenter|pour continuer|um zu kommentieren|para comentar|para continuar))?$/,
  },
  {
    reason: 'share link',
    pattern:
      /^(?:share|tweet|email|e-mail|print|pin it|partager|partagez|imprimer|envoyer|teilen|drucken|compartir|compartilhar|compartilhe|imprimir|condividi)(?: (?:this|on|via|to|article|story|page|sur|par|cet article|auf|per|en|no|por|este artículo|esta matéria)\b.*)?$/,
  },
  {
    reason: 'share link',
    pattern:
      /^(?:share|partager|teilen|compartir|compartilhar)?(?:\s*(?:this|with|via|on|sur|auf|en|no|story|article|link|page))*(?:\s*(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|mail|pinterest|reddit|print|messenger|telegram|copy(?: this)? link|copy|flipboard|tumblr|sms|threads|bluesky|mastodon|google\+?|xing|share|partager|teilen|compartir|compartilhar)\b)+$/,
    maxWords: 20,
    minWords: 2,
  },
  {
    reason: 'cookie notice',
    pattern:
      /^cookies?$|\b(?:we use cookies|uses cookies|cookie (?:policy|settings|preferences|notice|consent)|accept (?:all|cookies)|manage (?:cookies|preferences)|nous utilisons des cookies|accepter (?:les cookies|tout)|wir verwenden cookies|alle akzeptieren|utilizamos cookies|aceptar (?:todas|cookies)|usamos cookies|aceitar (?:todos|cookies))\b/,
    maxWords: 30,
  },
  {
    reason: 'advertisement',
    pattern:
      /^(?:advertisement|advertising|advert|ads?|supported by|ad feedback|sponsored(?: content| post| story| by .*)?|promoted(?: content| by .*)?|paid (?:content|post|partner)|partner content|publicité|pub|annonce|contenu sponsorisé|sponsorisé|anzeige|werbung|gesponsert|publicidad|anuncio|contenido patrocinado|patrocinado|publicidade|conteúdo patrocinado|pubblicità|advertentie|reklama|(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)|(?:la )?suite (?:après|de l'article après) (?:cette )?publicité|weiter nach der anzeige|artikel geht nach der anzeige weiter|continúa después de la publicidad|continua (?:depois|após) (?:a )?publicidade)$/,
  },
  {
    reason: 'navigation',
    pattern:
      /^(?:skip to (?:main )?content|skip navigation|menu|main menu|navigation|toggle navigation|open menu|close menu|back to top|go to top|top of page|previous (?:article|post|page|story)|next (?:article|post|page|story)(?: ?:.*)?|next page ?:.*|page \d+ of \d+|continue reading the main story|retour en haut|aller au contenu|article (?:précédent|suivant)|zurück nach oben|zum inhalt springen|nächster artikel|vorheriger artikel|volver arriba|ir al contenido|artículo (?:anterior|siguiente)|voltar ao topo|ir para o conteúdo|(?:próxima|anterior) (?:matéria|notícia)|order reprints(?: .*)?|today's paper(?: .*)?|(?:prev(?:ious)?|next|précédent|suivant|anterior|siguiente|próximo|vorherige[sr]?|nächste[sr]?|zurück|weiter)(?: (?:prev(?:ious)?|next|précédent|suivant|anterior|siguiente|próximo|vorherige[sr]?|nächste[sr]?))?|close|fermer|schließen|cerrar|fechar)$/,
    maxWords: 12,
  },
  {
    reason: 'related links',
    pattern: new RegExp(
      `^${RELATED_LEAD}(?:$|\\s*[:：]|\\s+(?:here|ici|hier|aquí|aqui)$|\\s+about\\b.*\\bhere$)`,
    ),
    maxWords: 30,
  },
  { reason: 'related links', pattern: new RegExp(`^${SEE_ALSO}\\s*[:：]\\s*\\S`), maxWords: 30 },
  {
    // "More about the federal debt and the economy", "More from Science": a box of links' title
    reason: 'related links',
    pattern: /^more (?:about|on|from|in|of) \S.*[^.!?"”]$/,
    maxWords: 10,
    unpunctuated: true,
    notListItem: true,
  },
  {
    // "Tech Enabled: CNET chronicles tech's role… Check it out here.": a titled promo ending in a link
    reason: 'promotion',
    pattern:
      /^[^:.!?]{2,40}:\s.*(?:^|[.!?:]\s+)(?:(?:check it out|read (?:it|more|them)|see (?:it|more)|watch (?:it|now)|find out more|learn more|more|listen|get (?:it|yours)|details|sign up|subscribe|join us|donate)\s+)?(?:here|now)$/,
    maxWords: 40,
  },
  {
    // "5 min read", "Lesezeit: 4 Minuten", "3 minutes de lecture"
    reason: 'reading time',
    pattern:
      /^(?:(?:reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura)\s*[:：]?\s*)?(?:about |ca\. |env\. )?\d+(?:\s*[-–]\s*\d+)?\s*(?:min(?:ute)?s?|minuten|mins?)\.?(?:\s+(?:read|reading|de lecture|lesezeit|de lectura|de leitura|leitura|lectura))?$/,
    maxWords: 6,
  },
  {
    reason: 'kicker',
    // a lone label above or inside a story: "EXCLUSIVE", "BREAKING NEWS", "EXKLUSIV"
    pattern:
      /^(?:exclusive|breaking(?: news)?|just in|developing(?: story)?|update[ds]?|live|watch|exklusiv|eilmeldung|exclusif|exclusivité|dernière minute|exclusiva|última hora|urgente|exclusivo)$/,
    maxWords: 3,
    upperCase: true,
  },
  {
    reason: 'comments',
    pattern:
      /^(?:comments?(?: \(\d+(?: posted)?\))?|\d+ (?:comments?|responses?|replies)(?: on .*)?|(?:leave|post|add|write|view|show|read|see) (?:a |all |the )?(?:comments?|reply|response)s?|reply|join the (?:conversation|discussion)|commentaires?|\d+ commentaires?|réagir|répondre|laisser un commentaire|kommentare?|\d+ kommentare?|kommentieren|antworten|comentarios?|\d+ comentarios?|comentar|responder|deja (?:un|tu) comentario|comentários?|\d+ comentários?|deixe (?:um|seu) comentário|commenti|rispondi)$/,
    maxWords: 14,
  },
  {
    reason: 'copyright notice',
    pattern:
      /©|\(c\) \d{4}|\bcopyright\b|\ball rights reserved\b|^reuse this content$|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati/,
    maxWords: 16,
  },
  {
    reason: 'feedback prompt',
    pattern:
      /^(?:found this helpful|was this (?:article |page |answer )?helpful|did you find this (?:article )?helpful|(?:report|flag) (?:an? )?(?:error|typo|mistake|problem|abuse)|suggest a correction|spotted an error|cet article vous a-t-il été utile|signaler (?:une erreur|un abus|un contenu)|fehler (?:gefunden|melden)|war dieser artikel hilfreich|reportar (?:un )?error|¿te ha (?:resultado|sido) útil|esta (?:notícia|matéria) foi útil|comunicar erro|reportar erro)\b/,
    maxWords: 12,
  },
  {
    reason: 'feedback prompt',
    // "If you spotted a mistake or a typo in the article, let us know…"; Czech, as aktualne.cz words it
    pattern:
      /\b(?:if you (?:spot|notice|see|find)(?:ted)? (?:an? )?(?:error|mistake|typo)|si vous (?:avez )?(?:repéré|constaté|trouvé) une (?:erreur|faute)|wenn sie einen fehler|si (?:has|ha) (?:encontrado|visto) (?:un|algún) error|se você (?:encontrou|viu) (?:um|algum) erro|zaznamenali chybu|chybu nebo překlep)\b/,
    maxWords: 40,
  },
  {
    // "Your subscription supports journalism that matters", "Support our journalism": an appeal
    reason: 'paywall',
    pattern:
      /\b(?:your (?:subscription|support|membership|contribution) (?:supports?|makes|helps|keeps|funds)|support (?:our|independent|quality) (?:journalism|reporting)|become a (?:member|supporter|subscriber) today|soutenez (?:notre|le) journalisme|unterstützen sie (?:unseren|unabhängigen) journalismus|apoya (?:el|nuestro) periodismo|apoie o jornalismo)\b/,
    maxWords: 30,
  },
  {
    // "We may earn a commission when you buy through links on our site": the shop's notice
    reason: 'affiliate disclosure',
    pattern:
      /\b(?:we may (?:earn|receive|get) (?:an? )?(?:small )?(?:affiliate )?(?:commission|share of sales)|affiliate (?:links?|commissions?)|as an amazon associate|contains affiliate links|nous (?:pouvons|pourrions) (?:percevoir|toucher) une commission|liens? (?:d'affiliation|affiliés?)|provisions?-?links|affiliate-links?|erhalten wir (?:ggf\. )?eine provision|enlaces de afiliados|links? de afiliados|podemos (?:ganar|recibir|receber) (?:una |uma )?comisi[oó]n|podemos receber (?:uma )?comissão)\b/,
    maxWords: 70,
  },
  {
    reason: 'print edition',
    pattern:
      /^(?:a version of this (?:article|story|review|column) (?:appears|appeared) in print|this (?:article|story) (?:appeared|appears) in (?:the )?print|une version de cet article|dieser (?:artikel|beitrag) erschien (?:in der|auch in der) (?:print|gedruckt)|este artículo (?:apareció|se publicó) en la edición impresa|versão impressa)/,
    maxWords: 80,
  },
]

// picture chrome: a credit, a placeholder where a picture was, a slideshow's counter
const CREDIT =
  /^(?:\(?\s*(?:photos?|photograph(?:s|y)?|pictures?|images?|credits?|foto(?:s|grafía|grafia)?|bild(?:er)?|illustrations?|crédits?(?: photo)?|crédito(?:s)?|imagem|imagen)\s*(?::|©|by\b|par\b|por\b)|©|\(?(?:getty images|reuters|ap photo|afp|dpa|epa|shutterstock|istock|alamy|picture alliance)\b)/u
// complete on their own, followed by a name: "Image credit Jane Roe", "Courtesy of the family"
const CREDIT_LEAD =
  /^\(?\s*(?:(?:photos?|image|picture|header image|lead image|top image|featured image|video|illustration)\s+credits?|photo courtesy(?: of)?|courtesy of)\b/u

const PLACEHOLDER =
  /^(?:image|images|photo|photos|picture|video|videos|foto|fotos|bild|bilder|imagen|imagem|vidéo|vídeo|gallery|galerie|galería|galeria|slideshow|diaporama|view (?:photo|photos|gallery|image|slideshow|video)|ver (?:foto|fotos|galería|galeria|vídeo)|voir (?:la photo|les photos|la vidéo|le diaporama)|zur (?:bildergalerie|galerie)|enlarge(?: (?:image|photo))?|click to enlarge|tap to (?:enlarge|expand)|zoom|expand|fullscreen|full screen|play(?: video)?|watch(?: (?:video|now))?|regarder(?: la vidéo)?|video abspielen|reproducir|assistir|open (?:gallery|image)|launch (?:gallery|slideshow)|hide caption|show caption|toggle caption|caption|image caption|media caption|photo caption|image copyright|copyright|view this (?:image|photo|video|gallery)|view larger(?: image)?|media playback is unsupported on your device|your browser does not support (?:the )?(?:video|audio)(?: tag| element)?|this video (?:is|was) (?:not available|unavailable))$/
const COUNTER =
  /^(?:(?:image|photo|picture|slide|foto|bild|imagen|imagem|diapositive)\s*)?\d{1,3}\s*(?:\/|of|de|von|sur|di|van|z|из)\s*\d{1,3}$/

const SEPARATOR = /^[\s\-_*=~•·.|/\\#+◆◇■□▪▫●○◦★☆⁂※❧❦✦✧—–―…]+$/u
const ARROWS = /^[\s←→↑↓⟵⟶❮❯❰❱‹›«»<>⇐⇒▲▼◀▶]+$/u

/** Why a line looks like chrome by its words, or undefined. Headings go through the same rules. */
export function lineReason(text: string, where: { listItem?: boolean } = {}): string | undefined {
  const raw = text.trim()
  if (raw === '') return undefined
  const words = raw.split(/\s+/).length
  // rules and ornaments: "___", "* * *", "• • •", "◆◆◆"; arrows are buttons
  if (SEPARATOR.test(raw) && raw.length <= 40) return 'separator'
  if (ARROWS.test(raw)) return 'navigation'
  const key = lineKey(raw)
  if (words <= 14 && isBylineLine(raw)) return 'byline'
  if (words <= 12 && isDateline(raw)) return 'dateline'
  if (words <= 8 && PLACEHOLDER.test(key)) return 'image placeholder'
  if (words <= 6 && COUNTER.test(key)) return 'gallery counter'
  if ((words <= 40 && CREDIT.test(key)) || (words <= 10 && CREDIT_LEAD.test(key))) {
    // "Photos by cmgirl (Shutterstock), Macrovector…": a credit line; "Photo: …" likewise
    if (!/[.!?]["”]?\s+\p{Lu}/u.test(raw) || /^\(?\s*photos? (?:by|:)/.test(key)) return 'photo credit'
  }
  for (const rule of LINE_RULES) {
    if (words > (rule.maxWords ?? 8) || words < (rule.minWords ?? 1)) continue
    if (rule.unpunctuated && /[.!?]["”’]?$/.test(raw)) continue
    if (rule.upperCase && raw !== raw.toUpperCase()) continue
    if (rule.notListItem && where.listItem) continue
    if (rule.pattern.test(key)) return rule.reason
  }
  return undefined
}

// "By Jane Roe", "Par Sébastien Farcis", "Von Hans Müller", "Por Juan Pérez", "Posted by …",
// "Page editor: Jonathan Corbet", "Texto: Ana Silva", and the same with a date after the name
const BYLINE_LEAD =
  /^(?:by|par|por|von|door|(?:posted|written|reported|words|photos and words|text|story|edited|compiled) by|(?:page |managing |copy )?editor|texto|texte|text|autor|autora|auteur|reportage|redacción|redação)\s*[:：]?\s+\S/i

/** The names of a byline line ("By Jane Roe March 25, 2015", "Page editor: Jane Roe"), or null. */
export function bylineOfLine(text: string): string | null {
  const t = text.trim()
  if (!BYLINE_LEAD.test(t)) return null
  // a sentence, not a byline: "By then, the talks had stalled. Nobody…"
  if (/[.!?]\s+\p{Lu}/u.test(t.replace(/\b\p{Lu}\.\s/gu, ''))) return null
  return cleanByline(t.replace(/^(?:page |managing |copy )?editor\s*[:：]\s*/i, 'By '))
}

/** True for a line that is a byline: a "By" word and people's names (dates allowed after them). */
export function isBylineLine(text: string): boolean {
  return bylineOfLine(text) !== null
}
