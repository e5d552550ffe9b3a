/**
 * The text search of the dialogue-plan and commitment registers, as the stakeholder
 * register's (searchRegister.ts): a record matches when every word of the query occurs in
 * its texts or in the names of the stakeholders it involves; case and accents are ignored.
 */
import type { Commitment } from '../dialogue/Commitment'
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import { foldForSearch } from './searchRegister'

function matches(texts: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return true
  const text = foldForSearch(texts.join('\n'))
  return words.every((word) => text.includes(word))
}

/** True when every word of `words` (from `searchWords`) occurs in the plan. */
export function matchesPlanSearch(
  plan: DialoguePlan,
  words: readonly string[],
  stakeholderNames: ReadonlyMap<string, string>,
): boolean {
  const invited = plan.invited.flatMap((invitation) =>
    [invitation.stakeholderId, invitation.representedBy]
      .filter((id): id is string => id !== null)
      .map((id) => stakeholderNames.get(id) ?? ''),
  )
  return matches(
    [plan.title, plan.goal, plan.whyNow, plan.place, plan.language, plan.notes, ...invited],
    words,
  )
}

/** True when every word of `words` occurs in the commitment or its stakeholder's name. */
export function matchesCommitmentSearch(
  commitment: Commitment,
  words: readonly string[],
  stakeholderNames: ReadonlyMap<string, string>,
): boolean {
  return matches(
    [
      commitment.what,
      commitment.owner,
      commitment.evidence,
      commitment.droppedReason,
      stakeholderNames.get(commitment.stakeholderId) ?? '',
    ],
    words,
  )
}
