/**
 * Names of the fields of an adverse impact, an engagement log entry and a contact, in
 * English and Dutch: one term per concept for every output that prints them (the report,
 * the workbook's sheets). The Dutch severity terms follow the OECD's Dutch texts and the
 * domain's word list: ernst = schaal, reikwijdte, onherstelbaarheid; waarschijnlijkheid.
 */
import type { LabelLocale } from './modelLabels'
import type { AdverseImpact, Contact, EngagementEntry } from '../stakeholder/Stakeholder'

type Labels<K extends string> = Readonly<Record<LabelLocale, Readonly<Record<K, string>>>>

/** Fields of an impact as printed; `severity` is the derived highest dimension. */
export type ImpactField = Exclude<keyof AdverseImpact, 'id'> | 'severity'

/** Field names of an adverse impact. */
export const IMPACT_FIELD_LABELS: Labels<ImpactField> = {
  en: {
    topic: 'Topic',
    description: 'Description',
    actuality: 'Actual or potential',
    scale: 'Scale',
    scope: 'Scope',
    irremediability: 'Irremediability',
    likelihood: 'Likelihood',
    severity: 'Severity (highest dimension)',
  },
  nl: {
    topic: 'Onderwerp',
    description: 'Omschrijving',
    actuality: 'Feitelijk of potentieel',
    scale: 'Schaal',
    scope: 'Reikwijdte',
    irremediability: 'Onherstelbaarheid',
    likelihood: 'Waarschijnlijkheid',
    severity: 'Ernst (hoogste dimensie)',
  },
}

/** Fields of an engagement log entry as printed. */
export type EngagementEntryField = Exclude<keyof EngagementEntry, 'id'>

/** Field names of an engagement log entry. */
export const ENGAGEMENT_ENTRY_FIELD_LABELS: Labels<EngagementEntryField> = {
  en: {
    date: 'Date',
    step: 'Due-diligence step',
    method: 'Method',
    informationShared: 'Information shared',
    inputReceived: 'Input received',
    howInputWasUsed: 'How the input was used',
    followUp: 'Follow-up',
    barriers: 'Barriers met',
    barrierMeasures: 'How barriers were lowered',
    confidentiality: 'Confidentiality',
  },
  nl: {
    date: 'Datum',
    step: 'Stap van gepaste zorgvuldigheid',
    method: 'Werkwijze',
    informationShared: 'Gedeelde informatie',
    inputReceived: 'Ontvangen inbreng',
    howInputWasUsed: 'Wat met de inbreng is gedaan',
    followUp: 'Vervolg',
    barriers: 'Ervaren drempels',
    barrierMeasures: 'Hoe drempels zijn weggenomen',
    confidentiality: 'Vertrouwelijkheid',
  },
}

/** Fields of a contact as printed. */
export type ContactField = Exclude<keyof Contact, 'id'>

/** Field names of a contact (personal data). */
export const CONTACT_FIELD_LABELS: Labels<ContactField> = {
  en: {
    name: 'Name',
    role: 'Role',
    organisation: 'Organisation',
    email: 'E-mail',
    phone: 'Phone',
    notes: 'Notes',
  },
  nl: {
    name: 'Naam',
    role: 'Functie',
    organisation: 'Organisatie',
    email: 'E-mail',
    phone: 'Telefoon',
    notes: 'Opmerkingen',
  },
}
