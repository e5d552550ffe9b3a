/**
 * What is wrong with an imported row or map file, in the user's language. The shared
 * validators return codes and params (`CodedValidationError`, `MapJsonIssue`); this turns
 * them into sentences, and a record path such as `stakeholders[2].impacts[0].scale` into
 * "stakeholder 3, impact 1, Schaal", with field names from the labels the exports use.
 * Free of React and the DOM, so it is unit-tested in Node.
 */
import { IMPORT_FIELDS } from '../../shared/exchange/guessColumnMapping'
import type { ImportField } from '../../shared/exchange/guessColumnMapping'
import type { MapJsonIssueCode } from '../../shared/exchange/parseMapJson'
import { formatMessage } from '../../shared/i18n/formatMessage'
import {
  CONTACT_FIELD_LABELS,
  ENGAGEMENT_ENTRY_FIELD_LABELS,
  IMPACT_FIELD_LABELS,
} from '../../shared/labels/fieldLabels'
import type { ValidationErrorCode } from '../../shared/stakeholder/validateStakeholder'
import type { Locale } from '../i18n/locale'
import { importFieldLabel } from './exchangeMessages'

type ProblemCode = ValidationErrorCode | MapJsonIssueCode

/** Sentences per code; `{name}` placeholders come from the params. */
const PROBLEMS: Readonly<Record<Locale, Readonly<Record<ProblemCode, string>>>> = {
  en: {
    unreadable: 'could not be read',
    getter: 'is not plain data',
    required: 'is missing',
    'not-an-object': 'is not a set of fields',
    'not-an-array': 'must be a list',
    'not-a-string': 'must be text',
    'too-long': 'is too long (at most {max} characters)',
    empty: 'must not be empty',
    'invalid-id': 'is not a valid id',
    'invalid-date': 'must be a date written YYYY-MM-DD',
    'invalid-timestamp': 'must be a date and time (ISO 8601, UTC)',
    'invalid-email': 'is not an e-mail address',
    'not-yes-no': 'must be yes or no',
    'not-one-of': 'is not one of the values this field takes',
    'score-out-of-range': 'must be a number from {min} to {max}',
    'too-many-items': 'has too many entries (at most {max})',
    'duplicate-id': 'uses the id "{id}" twice',
    'represents-itself': 'cannot represent itself',
    'newer-version': 'was made by a newer version of Stakeholder Canvas',
    'older-version': 'is in an old format that cannot be read',
    'too-many-errors': 'and more problems that are not listed',
    'unknown-stakeholder': 'is not on the map (any more)',
    confidential: 'is confidential: only owners and facilitators may change it',
    'not-a-number': 'is not a number',
    'file-too-large': 'is too large',
    'not-json': 'is not a JSON file',
    'not-a-map-file': 'is not a map exported from Stakeholder Canvas',
    'invalid-format-version': 'has no valid format version',
    'newer-format': 'was made by a newer version of Stakeholder Canvas',
    'contacts-not-included': 'holds contacts, although the file says it has none',
    'id-in-use': 'uses an id that is already used',
    'nested-too-deeply': 'is nested too deeply',
    'key-not-allowed': 'is not allowed and was left out',
    'not-known': 'is not known and was ignored',
  },
  nl: {
    unreadable: 'kon niet worden gelezen',
    getter: 'is geen gewone waarde',
    required: 'ontbreekt',
    'not-an-object': 'is geen groep velden',
    'not-an-array': 'moet een lijst zijn',
    'not-a-string': 'moet tekst zijn',
    'too-long': 'is te lang (hoogstens {max} tekens)',
    empty: 'mag niet leeg zijn',
    'invalid-id': 'is geen geldig id',
    'invalid-date': 'moet een datum zijn, geschreven als JJJJ-MM-DD',
    'invalid-timestamp': 'moet een datum en tijd zijn (ISO 8601, UTC)',
    'invalid-email': 'is geen e-mailadres',
    'not-yes-no': 'moet ja of nee zijn',
    'not-one-of': 'is geen waarde die dit veld kent',
    'score-out-of-range': 'moet een getal van {min} tot {max} zijn',
    'too-many-items': 'heeft te veel onderdelen (hoogstens {max})',
    'duplicate-id': 'gebruikt het id "{id}" twee keer',
    'represents-itself': 'kan zichzelf niet vertegenwoordigen',
    'newer-version': 'is gemaakt met een nieuwere versie van Stakeholder Canvas',
    'older-version': 'heeft een oud formaat dat niet gelezen kan worden',
    'too-many-errors': 'en meer problemen die niet genoemd zijn',
    'unknown-stakeholder': 'staat niet (meer) op de kaart',
    confidential: 'is vertrouwelijk: alleen eigenaren en begeleiders mogen dit wijzigen',
    'not-a-number': 'is geen getal',
    'file-too-large': 'is te groot',
    'not-json': 'is geen JSON-bestand',
    'not-a-map-file': 'is geen kaart uit Stakeholder Canvas',
    'invalid-format-version': 'heeft geen geldige formaatversie',
    'newer-format': 'is gemaakt met een nieuwere versie van Stakeholder Canvas',
    'contacts-not-included':
      'bevat contactpersonen, terwijl het bestand zegt dat die er niet in zitten',
    'id-in-use': 'gebruikt een id dat al in gebruik is',
    'nested-too-deeply': 'is te diep genest',
    'key-not-allowed': 'is niet toegestaan en weggelaten',
    'not-known': 'is onbekend en overgeslagen',
  },
}

/** Variants when the problem carries what was written (`value`) or a whole-number rule. */
const VARIANTS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    'not-yes-no.value': 'must be yes or no (ja/nee), not "{value}"',
    'score-out-of-range.value': 'must be a score from {min} to {max}, not "{value}"',
    'score-out-of-range.whole': 'must be a whole number from {min} to {max}',
  },
  nl: {
    'not-yes-no.value': 'moet ja of nee zijn, niet "{value}"',
    'score-out-of-range.value': 'moet een score van {min} tot {max} zijn, niet "{value}"',
    'score-out-of-range.whole': 'moet een heel getal van {min} tot {max} zijn',
  },
}

/** Names of the parts of a record or map file that are not import fields. */
const PARTS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    stakeholders: 'stakeholder',
    impacts: 'impact',
    log: 'log entry',
    contacts: 'contact',
    represents: 'represents',
    records: 'board item',
    history: 'version',
    tldraw: 'board',
    meta: 'map settings',
    engagement: 'engagement',
    format: 'file format',
    version: 'format version',
    title: 'map title',
    exportedAt: 'export date',
    contactsIncluded: 'contacts included',
    schemaVersion: 'record version',
    id: 'id',
    typeName: 'type',
    createdAt: 'created',
    updatedAt: 'last changed',
  },
  nl: {
    stakeholders: 'stakeholder',
    impacts: 'impact',
    log: 'logboekregel',
    contacts: 'contactpersoon',
    represents: 'vertegenwoordigt',
    records: 'bordonderdeel',
    history: 'versie',
    tldraw: 'bord',
    meta: 'kaartinstellingen',
    engagement: 'betrekken',
    format: 'bestandsformaat',
    version: 'formaatversie',
    title: 'titel van de kaart',
    exportedAt: 'exportdatum',
    contactsIncluded: 'contactpersonen meegenomen',
    schemaVersion: 'versie van het gegeven',
    id: 'id',
    typeName: 'soort',
    createdAt: 'aangemaakt',
    updatedAt: 'laatst gewijzigd',
  },
}

/** A problem as a sentence (without what it is about; see {@link problemPathLabel}). */
export function problemMessage(
  locale: Locale,
  problem: { code: ProblemCode; params: Readonly<Record<string, string | number | boolean>> },
): string {
  const { code, params } = problem
  const variants = VARIANTS[locale]
  if (params['value'] !== undefined && variants[`${code}.value`] !== undefined) {
    return formatMessage(locale, variants[`${code}.value`]!, params)
  }
  if (code === 'score-out-of-range' && params['wholeNumber'] === true) {
    return formatMessage(locale, variants['score-out-of-range.whole']!, params)
  }
  return formatMessage(locale, PROBLEMS[locale][code], params)
}

/** The name of one field of a record, an impact, a log entry or a contact. */
function fieldName(locale: Locale, parent: string | undefined, key: string): string | null {
  if (parent === 'impacts' && key in IMPACT_FIELD_LABELS[locale]) {
    return IMPACT_FIELD_LABELS[locale][key as keyof (typeof IMPACT_FIELD_LABELS)['en']]
  }
  if (parent === 'log' && key in ENGAGEMENT_ENTRY_FIELD_LABELS[locale]) {
    return ENGAGEMENT_ENTRY_FIELD_LABELS[locale][
      key as keyof (typeof ENGAGEMENT_ENTRY_FIELD_LABELS)['en']
    ]
  }
  if (parent === 'contacts' && key in CONTACT_FIELD_LABELS[locale]) {
    return CONTACT_FIELD_LABELS[locale][key as keyof (typeof CONTACT_FIELD_LABELS)['en']]
  }
  if (parent === 'engagement' && key === 'status')
    return importFieldLabel(locale, 'engagementStatus')
  if (parent === 'engagement' && key === 'intendedLevel') {
    return importFieldLabel(locale, 'engagementLevel')
  }
  if ((IMPORT_FIELDS as readonly string[]).includes(key)) {
    return importFieldLabel(locale, key as ImportField)
  }
  return PARTS[locale][key] ?? null
}

/**
 * A path like `stakeholders[2].impacts[0].scale` in words: "stakeholder 3, impact 1,
 * Schaal". A key the labels do not know is shown as it is (it is the file's own text).
 */
export function problemPathLabel(locale: Locale, path: string): string {
  const words: string[] = []
  let parent: string | undefined
  const segments = path.split('.').filter((segment) => segment !== '')
  for (const [index, segment] of segments.entries()) {
    // "engagement.log[0]" reads as "log entry 1": the group adds nothing.
    if (segment === 'engagement' && index < segments.length - 1) {
      parent = segment
      continue
    }
    const item = /^(\w+)\[(\d+)\]$/.exec(segment)
    if (item) {
      const [, key, index] = item
      words.push(
        `${PARTS[locale][key!] ?? fieldName(locale, parent, key!) ?? key} ${Number(index) + 1}`,
      )
      parent = key
      continue
    }
    words.push(fieldName(locale, parent, segment) ?? segment)
    parent = segment
  }
  return words.join(', ')
}
