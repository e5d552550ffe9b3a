/**
 * Labels of the stakeholder register in English and Dutch: column headers and every
 * enumerated value. The register is a document handed to auditors and works councils, so
 * it is translated here, in `shared/`, and reads the same from the client and the server.
 * The words for the model's vocabularies come from `shared/labels/modelLabels.ts`, so the
 * register, the UI and the report always say the same thing.
 */
import type { EngagementQuadrant } from '../scoring/engagementQuadrant'
import { FIELD_VALUE_LABELS, QUADRANT_LABELS } from '../labels/modelLabels'
import { CONTACT_EXPORT_COLUMNS } from '../stakeholder/stakeholderFields'
import type { FieldExportColumn } from '../stakeholder/stakeholderFields'

/** Register columns computed from the record rather than copied from one field. */
type DerivedRegisterColumn =
  | 'rank'
  | 'salienceClass'
  | 'salienceGroup'
  | 'quadrant'
  | 'topSeverity'
  | 'topImpactTopic'
  | 'impactCount'
  | 'logCount'
  | 'lastEngagement'
  | 'alerts'

/** Languages the register is written in. */
export const REGISTER_LOCALES = ['en', 'nl'] as const
/** See {@link REGISTER_LOCALES}. */
export type RegisterLocale = (typeof REGISTER_LOCALES)[number]

/**
 * The register's columns, in order; the contact columns only appear when asked for. The
 * columns that show a field are the field table's export columns (`stakeholderFields.ts`,
 * checked by its test); the others are derived or counted here.
 */
export const REGISTER_COLUMNS = [
  'rank',
  'name',
  'id',
  'kind',
  'category',
  'valueChainPosition',
  'countryOrRegion',
  'affected',
  'vulnerable',
  'power',
  'legitimacy',
  'urgency',
  'salienceClass',
  'salienceGroup',
  'influence',
  'impact',
  'quadrant',
  'topSeverity',
  'topImpactTopic',
  'impactCount',
  'engagementStatus',
  'engagementLevel',
  'logCount',
  'lastEngagement',
  'alerts',
  'notes',
] as const satisfies readonly (FieldExportColumn | DerivedRegisterColumn)[]
/** Columns with confidential personal data (GDPR), left out unless asked for. */
export const REGISTER_CONTACT_COLUMNS = CONTACT_EXPORT_COLUMNS
/** A column of the register. */
export type RegisterColumn =
  (typeof REGISTER_COLUMNS)[number] | (typeof REGISTER_CONTACT_COLUMNS)[number]

/** The words for one vocabulary field's values in one language. */
type Words<F extends keyof typeof FIELD_VALUE_LABELS> = (typeof FIELD_VALUE_LABELS)[F]['en']

/** Every label of the register in one language. */
export interface RegisterLabels {
  columns: Record<RegisterColumn, string>
  yes: string
  no: string
  kinds: Words<'kind'>
  categories: Words<'category'>
  valueChainPositions: Words<'valueChainPosition'>
  attitudes: Words<'attitude'>
  quadrants: Readonly<Record<EngagementQuadrant, string>>
  engagementStatuses: Words<'engagementStatus'>
  engagementLevels: Words<'engagementLevel'>
}

const en: RegisterLabels = {
  columns: {
    rank: 'Rank',
    name: 'Name',
    id: 'Stakeholder id',
    kind: 'Kind',
    category: 'Category',
    valueChainPosition: 'Value-chain position',
    countryOrRegion: 'Country or region',
    affected: 'Affected (rightsholder)',
    vulnerable: 'Vulnerable',
    power: 'Power',
    legitimacy: 'Legitimacy',
    urgency: 'Urgency',
    salienceClass: 'Salience class',
    salienceGroup: 'Salience group',
    influence: 'Influence',
    impact: 'Impact',
    quadrant: 'Quadrant',
    topSeverity: 'Top impact severity',
    topImpactTopic: 'Most severe impact',
    impactCount: 'Number of impacts',
    engagementStatus: 'Engagement status',
    engagementLevel: 'Intended level',
    logCount: 'Number of log entries',
    lastEngagement: 'Last engagement',
    alerts: 'Alerts',
    notes: 'Notes',
    contactNames: 'Contact names',
    contactRoles: 'Contact roles',
    contactOrganisations: 'Contact organisations',
    contactEmails: 'Contact e-mails',
    contactPhones: 'Contact phones',
  },
  yes: 'yes',
  no: 'no',
  kinds: FIELD_VALUE_LABELS.kind.en,
  categories: FIELD_VALUE_LABELS.category.en,
  valueChainPositions: FIELD_VALUE_LABELS.valueChainPosition.en,
  attitudes: FIELD_VALUE_LABELS.attitude.en,
  quadrants: QUADRANT_LABELS.en,
  engagementStatuses: FIELD_VALUE_LABELS.engagementStatus.en,
  engagementLevels: FIELD_VALUE_LABELS.engagementLevel.en,
}

const nl: RegisterLabels = {
  columns: {
    rank: 'Volgorde',
    name: 'Naam',
    id: 'Stakeholder-id',
    kind: 'Soort actor',
    category: 'Categorie',
    valueChainPosition: 'Positie in de waardeketen',
    countryOrRegion: 'Land of regio',
    affected: 'Geraakte stakeholder (rechthebbende)',
    vulnerable: 'Kwetsbaar',
    power: 'Macht',
    legitimacy: 'Legitimiteit',
    urgency: 'Urgentie',
    salienceClass: 'Saillantieklasse',
    salienceGroup: 'Saillantiegroep',
    influence: 'Invloed',
    impact: 'Impact',
    quadrant: 'Kwadrant',
    topSeverity: 'Hoogste ernst van impact',
    topImpactTopic: 'Ernstigste impact',
    impactCount: 'Aantal impacts',
    engagementStatus: 'Status van betrekken',
    engagementLevel: 'Beoogd niveau',
    logCount: 'Aantal logboekregels',
    lastEngagement: 'Laatste contactmoment',
    alerts: 'Signalen',
    notes: 'Opmerkingen',
    contactNames: 'Contactpersonen',
    contactRoles: 'Functies contactpersonen',
    contactOrganisations: 'Organisaties contactpersonen',
    contactEmails: 'E-mail contactpersonen',
    contactPhones: 'Telefoon contactpersonen',
  },
  yes: 'ja',
  no: 'nee',
  kinds: FIELD_VALUE_LABELS.kind.nl,
  categories: FIELD_VALUE_LABELS.category.nl,
  valueChainPositions: FIELD_VALUE_LABELS.valueChainPosition.nl,
  attitudes: FIELD_VALUE_LABELS.attitude.nl,
  quadrants: QUADRANT_LABELS.nl,
  engagementStatuses: FIELD_VALUE_LABELS.engagementStatus.nl,
  engagementLevels: FIELD_VALUE_LABELS.engagementLevel.nl,
}

/** The register's labels per language. */
export const REGISTER_LABELS: Readonly<Record<RegisterLocale, RegisterLabels>> = { en, nl }
