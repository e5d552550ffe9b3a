/**
 * Labels of the stakeholder register in English and Dutch: column headers and every
 * enumerated value. The register is a document handed to auditors and works councils, so
 * it is translated here, in `shared/`, and reads the same from the client and the server.
 * The words for the model's vocabularies come from `shared/labels/modelLabels.ts`, so the
 * register, the UI and the report always say the same thing.
 */
import type {
  Attitude,
  EngagementLevel,
  EngagementStatus,
  StakeholderCategory,
  StakeholderKind,
  ValueChainPosition,
} from '../stakeholder/Stakeholder'
import type { EngagementQuadrant } from '../scoring/engagementQuadrant'
import {
  ATTITUDE_LABELS,
  CATEGORY_LABELS,
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  KIND_LABELS,
  QUADRANT_LABELS,
  VALUE_CHAIN_LABELS,
} from '../labels/modelLabels'

/** Languages the register is written in. */
export const REGISTER_LOCALES = ['en', 'nl'] as const
/** See {@link REGISTER_LOCALES}. */
export type RegisterLocale = (typeof REGISTER_LOCALES)[number]

/** The register's columns, in order; the contact columns only appear when asked for. */
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
] as const
/** Columns with confidential personal data (GDPR), left out unless asked for. */
export const REGISTER_CONTACT_COLUMNS = [
  'contactNames',
  'contactRoles',
  'contactOrganisations',
  'contactEmails',
  'contactPhones',
] as const
/** A column of the register. */
export type RegisterColumn =
  (typeof REGISTER_COLUMNS)[number] | (typeof REGISTER_CONTACT_COLUMNS)[number]

/** Every label of the register in one language. */
export interface RegisterLabels {
  columns: Record<RegisterColumn, string>
  yes: string
  no: string
  kinds: Record<StakeholderKind, string>
  categories: Record<StakeholderCategory, string>
  valueChainPositions: Record<ValueChainPosition, string>
  attitudes: Record<Attitude, string>
  quadrants: Record<EngagementQuadrant, string>
  engagementStatuses: Record<EngagementStatus, string>
  engagementLevels: Record<EngagementLevel, string>
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
  kinds: KIND_LABELS.en,
  categories: CATEGORY_LABELS.en,
  valueChainPositions: VALUE_CHAIN_LABELS.en,
  attitudes: ATTITUDE_LABELS.en,
  quadrants: QUADRANT_LABELS.en,
  engagementStatuses: ENGAGEMENT_STATUS_LABELS.en,
  engagementLevels: ENGAGEMENT_LEVEL_LABELS.en,
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
  kinds: KIND_LABELS.nl,
  categories: CATEGORY_LABELS.nl,
  valueChainPositions: VALUE_CHAIN_LABELS.nl,
  attitudes: ATTITUDE_LABELS.nl,
  quadrants: QUADRANT_LABELS.nl,
  engagementStatuses: ENGAGEMENT_STATUS_LABELS.nl,
  engagementLevels: ENGAGEMENT_LEVEL_LABELS.nl,
}

/** The register's labels per language. */
export const REGISTER_LABELS: Readonly<Record<RegisterLocale, RegisterLabels>> = { en, nl }
