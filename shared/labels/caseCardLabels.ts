/**
 * Names of the case card's fields (shared/workshop/caseCard.ts) in English and Dutch, for the
 * board and any export of the card.
 */
import type { CaseCardField } from '../workshop/caseCard'
import type { LabelLocale } from './modelLabels'

/** The label of each field of the case card. */
export const CASE_CARD_FIELD_LABELS: Readonly<
  Record<LabelLocale, Readonly<Record<CaseCardField, string>>>
> = {
  en: {
    title: 'Case',
    sector: 'Sector',
    topic: 'Topic',
    risks: 'Risks',
    chain: 'Value chain',
    country: 'Country',
    circumstances: 'Circumstances',
    counterparts: 'Kinds of counterparts',
    challenges: 'Their challenges',
  },
  nl: {
    title: 'Casus',
    sector: 'Sector',
    topic: 'Onderwerp',
    risks: 'Risico’s',
    chain: 'Keten',
    country: 'Land',
    circumstances: 'Omstandigheden',
    counterparts: 'Type gesprekspartners',
    challenges: 'Hun uitdagingen',
  },
}
