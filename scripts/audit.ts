/**
 * `npm run audit`: the fault load at the size of a hardening audit — random contract calls over
 * several seeds and a writer killed with SIGKILL a hundred times — printed as counts. The tests
 * run the same load small (src/core/robustness.test.ts). AUDIT_CALLS (6300), AUDIT_KILLS (100).
 */
import { join } from 'node:path'
import { fuzzContract, killDuringWrites } from '../src/core/testing/faultLoad'
import { openTempNotebook, tempDir } from '../src/core/testing/tempNotebook'

const CALLS = Number(process.env.AUDIT_CALLS ?? 6300)
const KILLS = Number(process.env.AUDIT_KILLS ?? 100)

const nb = openTempNotebook()
const [sample] = await nb.call('listArticles', {})
for (const section of (await nb.call('listSections', { articleId: sample!.id })).slice(0, 6))
  await nb.call('createExcerpt', {
    articleId: sample!.id,
    start: section.start,
    end: section.start + 30,
    tags: ['t/u'],
  })
await nb.call('createNote', { title: 'A note' })
let crashes = 0
let refused = 0
let succeeded = 0
for (let seed = 1; seed <= 7; seed++) {
  const report = await fuzzContract(nb, Math.ceil(CALLS / 7), seed)
  crashes += report.crashes.length
  refused += report.refused
  succeeded += report.succeeded
  for (const crash of report.crashes.slice(0, 3))
    console.error(`crash in ${crash.name}: ${crash.error.split('\n')[0]}`)
}
const damage = (await nb.call('notebookInfo', {})).damage
nb.cleanup()
console.log(
  `contract fuzz: ${succeeded + refused + crashes} calls, ${succeeded} answered, ${refused} refused with a typed error, ${crashes} crashes; notebook ${damage ? 'DAMAGED' : 'sound'}`,
)

const kill = await killDuringWrites(join(tempDir('gloss-audit-'), 'gloss.db'), KILLS, 11)
console.log(
  `SIGKILL during writes: ${kill.kills} kills, ${kill.acknowledged} acknowledged writes, ${kill.lost} lost, ${kill.damaged} notebooks damaged`,
)
process.exitCode = crashes || kill.lost || kill.damaged || damage ? 1 : 0
