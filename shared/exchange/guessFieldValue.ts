/**
 * Reads one imported cell as the value of a record field: Dutch and English words for
 * categories, kinds, attitudes and the rest; yes/no from "ja/nee/yes/no/x/1/0/true/false";
 * scores from "4", "3,5" or "3.5" (and words such as "hoog"). Ranges are not checked here:
 * the record goes through `validateStakeholder`, which reports them with the field's path.
 */
import {
  ATTITUDES,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_STATUSES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_KINDS,
  VALUE_CHAIN_POSITIONS,
} from '../stakeholder/Stakeholder'
import type { SheetCell } from './exchangeLimits'
import type { ImportField } from './guessColumnMapping'
import { containsPhrase, normaliseLabel } from './normaliseLabel'
import { REGISTER_LABELS, REGISTER_LOCALES } from './registerLabels'
import type { RegisterLabels } from './registerLabels'

/**
 * A guessed value: `recognised: false` when the text was not understood (a default is used);
 * a value that cannot be read at all is an error with a code (`value` = what was written).
 */
export type GuessedValue =
  | { ok: true; value: unknown; recognised: boolean }
  | {
      ok: false
      code: 'not-yes-no' | 'score-out-of-range'
      params: Readonly<Record<string, string | number>>
      message: string
    }

type Vocabulary = readonly (readonly [word: string, id: string])[]

/** Builds a vocabulary from our own labels (both languages), the ids, and extra words. */
function vocabulary(
  ids: readonly string[],
  labels: (labels: RegisterLabels) => Readonly<Record<string, string>>,
  extra: Readonly<Record<string, readonly string[]>>,
): Vocabulary {
  const entries: [string, string][] = []
  for (const id of ids) {
    entries.push([normaliseLabel(id), id])
    for (const locale of REGISTER_LOCALES) {
      const label = labels(REGISTER_LABELS[locale])[id]
      if (label !== undefined) entries.push([normaliseLabel(label), id])
    }
    for (const word of extra[id] ?? []) entries.push([normaliseLabel(word), id])
  }
  // Longest first, so "werknemers in de keten" wins over "werknemers".
  return entries.sort((a, b) => b[0].length - a[0].length)
}

const CATEGORIES = vocabulary(STAKEHOLDER_CATEGORIES, (l) => l.categories, {
  employees: ['medewerkers', 'medewerker', 'werknemers', 'personeel', 'ondernemingsraad'],
  'trade-unions': ['vakbond', 'vakbonden', 'trade union', 'union', 'unions', 'fnv', 'cnv'],
  'value-chain-workers': [
    'werknemers in de keten',
    'ketenwerknemers',
    'arbeiders',
    'boeren',
    'farmers',
    'workers',
    'migrant workers',
    'arbeidsmigranten',
  ],
  'suppliers-business-partners': [
    'leverancier',
    'leveranciers',
    'supplier',
    'suppliers',
    'zakenpartner',
    'zakenpartners',
    'business partner',
    'producent',
    'producenten',
  ],
  'local-communities': [
    'lokale gemeenschap',
    'local community',
    'gemeenschap',
    'community',
    'omwonenden',
    'buurtbewoners',
    'residents',
  ],
  'indigenous-peoples': ['inheemse volken', 'inheemse bevolking', 'inheems', 'indigenous'],
  'customers-consumers': ['klant', 'klanten', 'consument', 'consumenten', 'customer', 'afnemers'],
  'ngos-civil-society': [
    'ngo',
    'ngos',
    'ngo s',
    'maatschappelijke organisatie',
    'maatschappelijk middenveld',
    'civil society',
    'goede doelen',
  ],
  'government-regulators': [
    'overheid',
    'overheden',
    'government',
    'ministerie',
    'gemeente',
    'toezichthouder',
    'regulator',
    'authorities',
  ],
  'investors-financiers': [
    'investeerder',
    'investeerders',
    'investor',
    'investors',
    'financier',
    'bank',
    'banken',
    'aandeelhouders',
    'shareholders',
  ],
  'industry-peers': [
    'branchevereniging',
    'brancheorganisatie',
    'sectorgenoten',
    'concurrenten',
    'peers',
    'industry association',
    'competitors',
  ],
  media: ['pers', 'journalisten', 'press'],
  'experts-academia': [
    'expert',
    'wetenschap',
    'wetenschappers',
    'universiteit',
    'kennisinstelling',
    'academia',
    'university',
    'onderzoekers',
    'researchers',
  ],
  'nature-environment': ['natuur', 'milieu', 'nature', 'environment', 'biodiversiteit'],
  other: ['overig', 'overige', 'anders', 'other'],
})

const KINDS = vocabulary(STAKEHOLDER_KINDS, (l) => l.kinds, {
  organisation: ['organisatie', 'organization', 'bedrijf', 'company', 'instelling'],
  group: ['groep', 'gemeenschap', 'community', 'collectief'],
  'person-role': ['persoon', 'person', 'rol', 'role', 'individu', 'individual'],
})

const ATTITUDE_WORDS = vocabulary(ATTITUDES, (l) => l.attitudes, {
  supportive: ['positief', 'voorstander', 'positive', 'support', 'bondgenoot', 'ally'],
  neutral: [],
  critical: ['sceptisch', 'sceptical', 'skeptical'],
  opposed: ['tegenstander', 'negatief', 'negative', 'against', 'vijandig', 'hostile'],
  unknown: ['weet niet', 'onduidelijk'],
})

const POSITIONS = vocabulary(VALUE_CHAIN_POSITIONS, (l) => l.valueChainPositions, {
  'own-operations': ['eigen', 'eigen organisatie', 'eigen activiteiten', 'intern', 'internal'],
  upstream: ['stroomopwaarts', 'toelevering', 'toeleveringsketen', 'supply chain'],
  downstream: ['stroomafwaarts', 'afzet', 'afnemers', 'gebruik'],
})

const STATUSES = vocabulary(ENGAGEMENT_STATUSES, (l) => l.engagementStatuses, {})
const LEVELS = vocabulary(ENGAGEMENT_LEVELS, (l) => l.engagementLevels, {})

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'waar', 'v', 'wel'])
const NO = new Set(['nee', 'n', 'no', '0', 'false', 'onwaar', 'niet', 'geen'])
const TICKS = new Set(['✓', '✔', '☑', '✗', '☒'])

const SCORE_WORDS: Readonly<Record<string, number>> = {
  'zeer laag': 1,
  'very low': 1,
  laag: 2,
  low: 2,
  gemiddeld: 3,
  midden: 3,
  middel: 3,
  medium: 3,
  hoog: 4,
  high: 4,
  'zeer hoog': 5,
  'very high': 5,
}
const NOT_ASSESSED = new Set(['', '-', '?', 'nvt', 'n v t', 'n a', 'na', 'onbekend', 'unknown'])

function text(cell: SheetCell): string {
  if (cell === null) return ''
  return String(cell).trim()
}

/** The id whose word occurs in the value as whole words (longest word first), or null. */
function lookUp(words: Vocabulary, value: string): string | null {
  const normalised = normaliseLabel(value)
  if (normalised === '') return null
  for (const [word, id] of words) if (word === normalised) return id
  for (const [word, id] of words) if (containsPhrase(normalised, word)) return id
  return null
}

function readYesNo(cell: SheetCell): GuessedValue {
  if (typeof cell === 'boolean') return { ok: true, value: cell, recognised: true }
  const raw = text(cell)
  if (raw === '') return { ok: true, value: false, recognised: true }
  if (TICKS.has(raw)) return { ok: true, value: raw !== '✗' && raw !== '☒', recognised: true }
  const word = normaliseLabel(raw)
  if (YES.has(word)) return { ok: true, value: true, recognised: true }
  if (NO.has(word) || word === '') return { ok: true, value: false, recognised: true }
  const value = raw.slice(0, 40)
  return {
    ok: false,
    code: 'not-yes-no',
    params: { value },
    message: `must be yes or no (ja/nee), not "${value}"`,
  }
}

function readScore(cell: SheetCell): GuessedValue {
  if (typeof cell === 'number') return { ok: true, value: cell, recognised: true }
  const raw = text(cell)
  if (/^[+-]?\d{1,3}([.,]\d{1,6})?$/.test(raw)) {
    return { ok: true, value: Number(raw.replace(',', '.')), recognised: true }
  }
  const word = normaliseLabel(raw)
  if (NOT_ASSESSED.has(word)) return { ok: true, value: null, recognised: true }
  const fromWord = SCORE_WORDS[word]
  if (fromWord !== undefined) return { ok: true, value: fromWord, recognised: true }
  const value = raw.slice(0, 40)
  return {
    ok: false,
    code: 'score-out-of-range',
    params: { value, min: 1, max: 5 },
    message: `must be a score from 1 to 5, not "${value}"`,
  }
}

function readChoice(cell: SheetCell, words: Vocabulary, fallback: string | null): GuessedValue {
  const raw = text(cell)
  if (raw === '') return { ok: true, value: fallback, recognised: true }
  const id = lookUp(words, raw)
  return id === null
    ? { ok: true, value: fallback, recognised: false }
    : { ok: true, value: id, recognised: true }
}

/**
 * The value of `field` read from an imported cell. Unknown words for a closed list give its
 * default with `recognised: false` (the importer warns and keeps the original text in the
 * notes); yes/no and scores that cannot be read are errors.
 */
export function guessFieldValue(field: ImportField, cell: SheetCell): GuessedValue {
  switch (field) {
    case 'affected':
    case 'vulnerable':
      return readYesNo(cell)
    case 'power':
    case 'legitimacy':
    case 'urgency':
    case 'influence':
    case 'impact':
      return readScore(cell)
    case 'category':
      return readChoice(cell, CATEGORIES, 'other')
    case 'kind':
      return readChoice(cell, KINDS, 'organisation')
    case 'attitude':
      return readChoice(cell, ATTITUDE_WORDS, 'unknown')
    case 'valueChainPosition':
      return readChoice(cell, POSITIONS, null)
    case 'engagementStatus':
      return readChoice(cell, STATUSES, 'not-started')
    case 'engagementLevel':
      return readChoice(cell, LEVELS, null)
    default:
      return { ok: true, value: text(cell), recognised: true }
  }
}
