/** Every name run of a text, with what the text around it says of it (a modifier, a description). */
import { nameKind, nameRuns, type NameKind, type NameRun } from '../names'

export interface NameMention {
  run: NameRun
  kind: NameKind
  inQuote: boolean
  /** a name used as a modifier ("the Obama administration"): no antecedent for a pronoun */
  modifier: boolean
  /** after "the" without a title ("the Virginia Democrat"): a description, not a name */
  described: boolean
}

/** Nouns a name modifies rather than heads: "Trump administration", "Carter era". */
const MODIFIED = new Set(
  `administration government campaign era presidency team camp family officials aides supporters allies policy policies
  doctrine years cabinet regime tenure legacy style plan deal voters loyalists critics associates advisers advisors`.split(
    /\s+/,
  ),
)

export function mentionsIn(text: string, offset: number, inQuote: boolean): NameMention[] {
  return nameRuns(text, offset).map((run) => {
    const following = /^\s+([\p{L}]+)/u.exec(text.slice(run.end - offset))?.[1] ?? ''
    // "the Virginia Democrat": a description, whatever its words
    const described =
      !run.titles.length &&
      /\bthe\s+$/i.test(text.slice(Math.max(0, run.start - offset - 5), run.start - offset))
    return {
      run,
      kind: nameKind(run),
      inQuote,
      described,
      modifier: described || MODIFIED.has(following.toLowerCase()),
    }
  })
}
