/**
 * Guesses which record field each column of an imported stakeholder list holds, from its
 * header, in Dutch or English. The headers of our own register export (both languages) are
 * recognised exactly, so an exported register can be imported again; its derived columns
 * (salience class, quadrant, alerts, ...) are ignored, because derived values are computed,
 * never imported.
 */
import { normaliseLabel, containsPhrase } from './normaliseLabel'
import { REGISTER_LABELS, REGISTER_LOCALES } from './registerLabels'
import type { RegisterColumn } from './registerLabels'
import { IMPORT_FIELDS, fieldOfExportColumn } from '../stakeholder/stakeholderFields'
import type { ImportField } from '../stakeholder/stakeholderFields'

export { IMPORT_FIELDS } from '../stakeholder/stakeholderFields'
export type { ImportField } from '../stakeholder/stakeholderFields'

/** For each column, the field it fills, or `null` when the column is ignored. */
export type ColumnMapping = (ImportField | null)[]

/**
 * Header words per field (compared after `normaliseLabel`). The order of this object is the
 * order of the fuzzy pass: more specific fields first, so "E-mail contactpersoon" is an
 * e-mail address and "Toelichting kwetsbaarheid" a note, not a yes/no.
 */
const HEADER_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  contactEmail: ['e mail', 'email', 'e mailadres', 'emailadres', 'mail', 'mailadres'],
  contactPhone: ['telefoon', 'telefoonnummer', 'tel', 'phone', 'telephone', 'mobiel', 'mobile'],
  contactOrganisation: ['organisatie contactpersoon', 'contact organisation'],
  contactRole: ['functie', 'rol', 'role', 'job title', 'functie contactpersoon', 'contact role'],
  contactName: ['contactpersoon', 'contactpersonen', 'contact', 'contact person', 'contact name'],
  vulnerabilityNote: ['toelichting kwetsbaarheid', 'kwetsbaarheid', 'vulnerability note'],
  affected: [
    'geraakt',
    'geraakte stakeholder',
    'rechthebbende',
    'rechthebbenden',
    'affected',
    'affected stakeholder',
    'rightsholder',
    'rights holder',
  ],
  vulnerable: ['kwetsbaar', 'kwetsbare groep', 'gemarginaliseerd', 'vulnerable', 'marginalised'],
  power: ['macht', 'power'],
  legitimacy: ['legitimiteit', 'legitimacy'],
  urgency: ['urgentie', 'urgency'],
  influence: ['invloed', 'influence'],
  engagementLevel: ['niveau', 'beoogd niveau', 'participatieniveau', 'engagement level'],
  engagementStatus: ['status', 'engagement status', 'status dialoog'],
  valueChainPosition: [
    'waardeketen',
    'ketenpositie',
    'keten',
    'value chain',
    'value chain position',
  ],
  impact: ['impact', 'impact score', 'impact op stakeholder'],
  attitude: ['houding', 'attitude', 'standpunt', 'stance'],
  interests: ['belangen', 'belang', 'interests', 'interest'],
  concerns: ['zorgen', 'zorgpunten', 'knelpunten', 'concerns', 'issues'],
  countryOrRegion: ['land', 'country', 'regio', 'region', 'locatie', 'location', 'plaats'],
  kind: ['soort actor', 'kind', 'actortype', 'type actor', 'actor type'],
  category: ['categorie', 'category', 'type', 'soort', 'stakeholdertype', 'stakeholdergroep'],
  notes: ['opmerkingen', 'opmerking', 'notities', 'notes', 'toelichting', 'comments', 'remarks'],
  name: ['naam', 'name', 'stakeholder', 'stakeholders', 'naam stakeholder', 'partij', 'actor'],
}

/** "Organisation" names the stakeholder in most lists, the contact's employer in others. */
const ORGANISATION_WORDS = ['organisatie', 'organisation', 'organization', 'organisatienaam']

/** The field a register column fills; derived or counted columns (and the id) are ignored. */
function importFieldOfColumn(column: RegisterColumn): ImportField | null {
  const field = fieldOfExportColumn(column)
  return (IMPORT_FIELDS as readonly string[]).includes(field ?? '') ? (field as ImportField) : null
}

/** Exact header → field (or `null` for a known column to ignore). */
const EXACT = new Map<string, ImportField | null>()
for (const [field, words] of Object.entries(HEADER_SYNONYMS) as [ImportField, string[]][]) {
  for (const word of words) if (!EXACT.has(word)) EXACT.set(word, field)
}
for (const locale of REGISTER_LOCALES) {
  const columns = REGISTER_LABELS[locale].columns
  for (const [column, label] of Object.entries(columns) as [RegisterColumn, string][]) {
    EXACT.set(normaliseLabel(label), importFieldOfColumn(column))
  }
}

/** How sure a guess is: an exact header beats a header that only contains the word. */
interface Guess {
  field: ImportField | null
  strength: number
  organisation: boolean
}

function guessHeader(header: string): Guess {
  // "Macht (1-5)" → "macht": units and scales in brackets say nothing about the field.
  const variants = [
    normaliseLabel(header),
    normaliseLabel(header.replace(/\([^)]*\)|\[[^\]]*\]/g, '')),
  ]
  for (const [index, variant] of variants.entries()) {
    if (variant === '') continue
    if (ORGANISATION_WORDS.includes(variant)) {
      return { field: 'name', strength: 1, organisation: true }
    }
    if (EXACT.has(variant)) {
      return { field: EXACT.get(variant) ?? null, strength: 3 - index, organisation: false }
    }
  }
  const text = variants[0] ?? ''
  for (const [field, words] of Object.entries(HEADER_SYNONYMS) as [ImportField, string[]][]) {
    if (words.some((word) => containsPhrase(text, word))) {
      return { field, strength: 1, organisation: false }
    }
  }
  if (ORGANISATION_WORDS.some((word) => containsPhrase(text, word))) {
    return { field: 'name', strength: 0, organisation: true }
  }
  return { field: null, strength: 0, organisation: false }
}

/**
 * For each header, the record field the column probably holds, or `null` to ignore it.
 * Case, accents and punctuation do not matter. Each field is used once: the surest guess
 * wins, then the leftmost column. A column headed "Organisation" names the stakeholder
 * unless another column does; then it is the contact's organisation.
 */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const guesses = headers.map((header) => guessHeader(typeof header === 'string' ? header : ''))
  const mapping: ColumnMapping = guesses.map(() => null)
  const winner = new Map<ImportField, number>()
  for (const [index, guess] of guesses.entries()) {
    if (guess.field === null) continue
    const current = winner.get(guess.field)
    if (current === undefined || guesses[current]!.strength < guess.strength) {
      winner.set(guess.field, index)
    }
  }
  for (const [field, index] of winner) mapping[index] = field
  // An "organisation" column that lost the name to a real name column.
  for (const [index, guess] of guesses.entries()) {
    if (guess.organisation && mapping[index] === null && !winner.has('contactOrganisation')) {
      mapping[index] = 'contactOrganisation'
      winner.set('contactOrganisation', index)
    }
  }
  return mapping
}
