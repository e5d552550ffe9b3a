/**
 * Names of a stakeholder record's fields in English and Dutch, as the audit trail, the
 * version compare and the import panel print them (keyed by the field table's `label`). The words are the editor's (client/i18n `field.*`), so a
 * field reads the same in the form, in the audit trail and in a comparison of versions.
 * Keys are the record's keys, the document's flattened keys (`engagementStatus`,
 * `engagementLog`, `contactName`), the diff's dotted keys (`engagement.status`) and the audit trail's own
 * (`record`, `confidential`, `contacts`).
 */
import { FIELD_VALUE_LABELS, type LabelLocale } from './modelLabels'

const en: Readonly<Record<string, string>> = {
  record: 'Stakeholder',
  schemaVersion: 'Record version',
  id: 'Id',
  name: 'Name',
  kind: 'Kind',
  category: 'Category',
  valueChainPosition: 'Position in the value chain',
  countryOrRegion: 'Country or region',
  affected: 'Affected stakeholder (rightsholder)',
  vulnerable: 'Vulnerable or marginalised',
  vulnerabilityNote: 'Why vulnerable',
  represents: 'Represents or advocates for',
  power: 'Power',
  legitimacy: 'Legitimacy',
  urgency: 'Urgency',
  influence: 'Influence on the company',
  impact: 'Impact of the company',
  attitude: 'Attitude',
  interests: 'Interests',
  concerns: 'Concerns',
  impacts: 'Adverse impacts',
  engagementStatus: 'Engagement: status',
  'engagement.status': 'Engagement: status',
  engagementLevel: 'Engagement: intended level',
  'engagement.intendedLevel': 'Engagement: intended level',
  engagementLog: 'Engagement log',
  'engagement.log': 'Engagement log',
  notes: 'Notes',
  contacts: 'Contacts',
  contactName: 'Contact name',
  contactRole: 'Contact role',
  contactOrganisation: 'Contact organisation',
  contactEmail: 'Contact e-mail',
  contactPhone: 'Contact phone',
  confidential: 'Confidential part (contacts, confidential log entries)',
  stakeholderAnswer: "The stakeholder's answer (confirmation link)",
  createdAt: 'Created',
  updatedAt: 'Last changed',
}

const nl: Readonly<Record<string, string>> = {
  record: 'Stakeholder',
  schemaVersion: 'Versie van het record',
  id: 'Id',
  name: 'Naam',
  kind: 'Soort',
  category: 'Categorie',
  valueChainPosition: 'Plaats in de keten',
  countryOrRegion: 'Land of regio',
  affected: 'Geraakte stakeholder (rechthebbende)',
  vulnerable: 'Kwetsbaar of gemarginaliseerd',
  vulnerabilityNote: 'Waarom kwetsbaar',
  represents: 'Vertegenwoordigt of komt op voor',
  power: 'Macht',
  legitimacy: 'Legitimiteit',
  urgency: 'Urgentie',
  influence: 'Invloed op het bedrijf',
  impact: 'Impact van het bedrijf',
  attitude: 'Houding',
  interests: 'Belangen',
  concerns: 'Zorgen',
  impacts: 'Negatieve impact',
  engagementStatus: 'Betrokkenheid: status',
  'engagement.status': 'Betrokkenheid: status',
  engagementLevel: 'Betrokkenheid: beoogd niveau',
  'engagement.intendedLevel': 'Betrokkenheid: beoogd niveau',
  engagementLog: 'Dialooglogboek',
  'engagement.log': 'Dialooglogboek',
  notes: 'Notities',
  contacts: 'Contactpersonen',
  contactName: 'Naam contactpersoon',
  contactRole: 'Functie contactpersoon',
  contactOrganisation: 'Organisatie contactpersoon',
  contactEmail: 'E-mail contactpersoon',
  contactPhone: 'Telefoon contactpersoon',
  confidential: 'Vertrouwelijk deel (contactpersonen, vertrouwelijke logboekregels)',
  stakeholderAnswer: 'Antwoord van de stakeholder (bevestigingslink)',
  createdAt: 'Aangemaakt',
  updatedAt: 'Laatst gewijzigd',
}

/** Names of a stakeholder's fields per language (see the module comment for the keys). */
export const STAKEHOLDER_FIELD_LABELS: Readonly<
  Record<LabelLocale, Readonly<Record<string, string>>>
> = { en, nl }

/** The name of a stakeholder field; an unknown key is shown as it is. */
export function stakeholderFieldLabel(field: string, locale: LabelLocale): string {
  return Object.hasOwn(STAKEHOLDER_FIELD_LABELS[locale], field)
    ? (STAKEHOLDER_FIELD_LABELS[locale][field] ?? field)
    : field
}

type ValueLabels = Readonly<Record<LabelLocale, Readonly<Record<string, string>>>>

/** Words for the values of the vocabulary fields, also under the diff's dotted keys. */
const CODE_LABELS: Readonly<Record<string, ValueLabels>> = {
  ...FIELD_VALUE_LABELS,
  'engagement.status': FIELD_VALUE_LABELS.engagementStatus,
  'engagement.intendedLevel': FIELD_VALUE_LABELS.engagementLevel,
}

const WORDS = {
  en: { yes: 'yes', no: 'no', none: '—' },
  nl: { yes: 'ja', no: 'nee', none: '—' },
} as const

/**
 * A scalar value of a stakeholder field in words: a code of a classification by its label,
 * a yes/no in the language, a number with the language's decimal sign, no value as "—".
 */
export function stakeholderValueLabel(field: string, value: unknown, locale: LabelLocale): string {
  if (value === null || value === undefined || value === '') return WORDS[locale].none
  if (typeof value === 'boolean') return value ? WORDS[locale].yes : WORDS[locale].no
  if (typeof value === 'number') {
    return locale === 'nl' ? String(value).replace('.', ',') : String(value)
  }
  if (typeof value === 'string') {
    const codes = CODE_LABELS[field]?.[locale]
    return codes !== undefined && Object.hasOwn(codes, value) ? (codes[value] ?? value) : value
  }
  return JSON.stringify(value)
}
