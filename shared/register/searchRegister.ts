/**
 * The register's text search. A stakeholder matches when every word of the query occurs in
 * what the register knows about it: name, category and kind (as labelled in the reader's
 * language), country or region, interests, concerns, notes, the note on vulnerability, and
 * its impacts' topics and descriptions. Case and accents are ignored ("cote" finds "Côte
 * d'Ivoire"). Contacts are personal data and never searched.
 */
import { CATEGORY_LABELS, KIND_LABELS } from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import type { StakeholderWithoutContacts } from '../stakeholder/Stakeholder'

/** `text` in lower case without accents, for comparing. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en')
}

/** The words of a query, folded; none for a blank query. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean)
}

/** True when every word of `words` (from {@link searchWords}) occurs in the record. */
export function matchesRegisterSearch(
  stakeholder: StakeholderWithoutContacts,
  words: readonly string[],
  locale: LabelLocale,
): boolean {
  if (words.length === 0) return true
  const text = foldForSearch(
    [
      stakeholder.name,
      CATEGORY_LABELS[locale][stakeholder.category],
      KIND_LABELS[locale][stakeholder.kind],
      stakeholder.countryOrRegion,
      stakeholder.interests,
      stakeholder.concerns,
      stakeholder.notes,
      stakeholder.vulnerabilityNote,
      ...stakeholder.impacts.flatMap((impact) => [impact.topic, impact.description]),
    ].join('\n'),
  )
  return words.every((word) => text.includes(word))
}
