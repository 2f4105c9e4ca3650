/** The words attribution rules look for: speech verbs, what may stand between a speaker and the verb, and the heads of descriptions. */
const VERBS = `say says said saying tell tells told explain explains explained add adds added note notes noted
continue continues continued recall recalls recalled write writes wrote written ask asks asked reply replies replied
remark remarks remarked suggest suggests suggested argue argues argued insist insists insisted warn warns warned
state states stated declare declares declared observe observes observed comment comments commented
acknowledge acknowledges acknowledged admit admits admitted claim claims claimed reflect reflects reflected
describe describes described call calls called tweet tweets tweeted respond responds responded answer answers answered
conclude concludes concluded emphasize emphasizes emphasized emphasise emphasises emphasised maintain maintains maintained
announce announces announced testify testifies testified caution cautions cautioned concede concedes conceded
predict predicts predicted agree agrees agreed joke jokes joked muse muses mused wonder wonders wondered urge urges urged
complain complains complained boast boasts boasted lament laments lamented confirm confirms confirmed
counter counters countered recount recounts recounted stress stresses stressed think thinks thought shout shouts shouted
exclaim exclaims exclaimed quip quips quipped scoff scoffs scoffed sigh sighs sighed elaborate elaborates elaborated
allege alleges alleged vow vows vowed promise promises promised pledge pledges pledged reiterate reiterates reiterated
summed sums adding noting explaining arguing warning insisting telling recalling asking`.split(/\s+/)
export const VERB = new Set(VERBS)
/** between a speaker and the verb ("Lorenz had written", "Rothman recalls thinking") */
export const AUX = new Set(
  'had has have would will also later then once now previously recently simply just further finally again often always never long still'.split(
    ' ',
  ),
)
export const DETERMINER =
  /^(?:a|an|the|one|another|some|several|two|three|many|his|her|their|its|this|that)\b/i
export const ORG_NOUNS = new Set(
  `company firm ministry department agency government administration police military army navy campaign organization organisation
  group university institute council committee hospital school commission office bureau board court team club party union
  embassy newspaper network channel publisher airline carrier bank retailer manufacturer automaker studio city county state
  district league federation association society institution regulator tribunal parliament
  senate congress white house kremlin pentagon authority authorities service operator utility charity
  statement spokesman spokeswoman spokesperson`.split(/\s+/),
)
/** a spokesperson speaks for an organisation, but is an unnamed person in the labelling we follow */
export const UNNAMED_ORG_HEADS = new Set(['spokesman', 'spokeswoman', 'spokesperson'])
export const PREPOSITIONS = new Set(['of', 'from', 'at', 'in', 'with', 'for', 'on', 'who', 'which'])
/** a person described, not named: "a former official", "one survey respondent", "another resident" */
export const SOURCE = new RegExp(
  String.raw`\b(?:a|an|the|one|another)\s+(?:[\p{Ll}-]+\s+){0,3}?(?:` +
    `official|source|poster|person|member|spokesman|spokeswoman|spokesperson|resident|witness|aide|diplomat|` +
    `officer|analyst|expert|user|commenter|reader|viewer|observer|respondent|participant|employee|worker|` +
    `student|parent|teacher|customer|voter|patient|researcher|insider|executive|neighbou?r|relative|colleague` +
    String.raw`)s?\b[^,.;:“”"]*`,
  'iu',
)
/** the description ends before what it does ("one survey respondent identified …") */
export const cutSource = (text: string) =>
  text.split(/\s+(?:put|and|who|which|that|[\p{Ll}]+ed|[\p{Ll}]+s)\b(?=\s|$)/u)[0]!.trim()
