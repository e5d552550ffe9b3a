/**
 * The stakeholder register: one row per stakeholder in engagement order (OECD: the most
 * severely affected first), with the derived values (salience, quadrant, severity, alerts)
 * computed here so CSV, XLSX and the PDF report show the same table. Every derived value is
 * written out in the register's language: the salience as its assessment reads (an unscored
 * stakeholder is "not assessed", never "non-stakeholder"), alerts as sentences.
 */
import {
  ALERT_LABELS,
  formatLabel,
  salienceAssessmentGroupLabel,
  salienceAssessmentLabel,
} from '../labels/modelLabels'
import type { SalienceOptions } from '../scoring/classifySalience'
import { engagementAlerts } from '../scoring/engagementAlerts'
import { engagementQuadrant } from '../scoring/engagementQuadrant'
import type { QuadrantOptions } from '../scoring/engagementQuadrant'
import { impactSeverity } from '../scoring/impactSeverity'
import type { SeverityOptions } from '../scoring/impactSeverity'
import { prioritiseImpacts } from '../scoring/prioritiseImpacts'
import { prioritiseStakeholders } from '../scoring/prioritiseStakeholders'
import { salienceAssessment } from '../scoring/salienceAssessment'
import type { Contact, StakeholderWithoutContacts } from '../stakeholder/Stakeholder'
import { scoreValue } from '../scoring/scoreValue'
import { REGISTER_COLUMNS, REGISTER_CONTACT_COLUMNS, REGISTER_LABELS } from './registerLabels'
import type { RegisterColumn, RegisterLocale } from './registerLabels'

/** A register cell: text, a number, or empty (`null`). */
export type RegisterCell = string | number | null

/** The register as a table: column ids, translated headers and one row per stakeholder. */
export interface RegisterTable {
  locale: RegisterLocale
  columns: RegisterColumn[]
  header: string[]
  /** Cells in the order of `columns`, one row per stakeholder, in engagement order. */
  rows: RegisterCell[][]
  /** The stakeholder id of each row, for links from a report back to the map. */
  stakeholderIds: string[]
}

/** Options for {@link registerRows}; the scoring options default as in `docs/scoring.md`. */
export interface RegisterOptions extends SalienceOptions, QuadrantOptions, SeverityOptions {
  locale: RegisterLocale
  /** Add the contact columns (personal data). Default false. */
  includeContacts?: boolean
}

/** A stakeholder as the register reads it; contacts are only read when asked for. */
export type RegisterInput = StakeholderWithoutContacts & { contacts?: Contact[] }

/** A stakeholder with its place in the engagement order, as the workbook's sheets list them. */
export interface RankedRecord {
  rank: number
  stakeholder: RegisterInput
}

/** Several contacts in one cell, one per line, aligned across the contact columns. */
function contactCell(contacts: readonly Contact[], field: keyof Contact): string {
  return contacts.map((contact) => contact[field]).join('\n')
}

/**
 * The register of `stakeholders`, translated into `options.locale`. Contacts (name, role,
 * organisation, e-mail and phone) are confidential and only added with `includeContacts`.
 */
export function registerRows(
  stakeholders: readonly RegisterInput[],
  options: RegisterOptions,
): RegisterTable {
  const labels = REGISTER_LABELS[options.locale]
  const includeContacts = options.includeContacts ?? false
  const columns: RegisterColumn[] = [
    ...REGISTER_COLUMNS,
    ...(includeContacts ? REGISTER_CONTACT_COLUMNS : []),
  ]
  const yesNo = (value: boolean) => (value ? labels.yes : labels.no)
  const all = stakeholders.map((stakeholder) => ({
    ...stakeholder,
    contacts: stakeholder.contacts ?? [],
  }))
  const rows: RegisterCell[][] = []
  const stakeholderIds: string[] = []
  for (const { stakeholder, rank } of prioritiseStakeholders(all, options)) {
    const salience = salienceAssessment(stakeholder, options)
    const [topImpact] = prioritiseImpacts(stakeholder.impacts)
    const severity = topImpact === undefined ? null : impactSeverity(topImpact).max
    const { log } = stakeholder.engagement
    const contacts = includeContacts ? stakeholder.contacts : []
    const values: Record<RegisterColumn, RegisterCell> = {
      rank,
      name: stakeholder.name,
      id: stakeholder.id,
      kind: labels.kinds[stakeholder.kind],
      category: labels.categories[stakeholder.category],
      valueChainPosition:
        stakeholder.valueChainPosition === null
          ? null
          : labels.valueChainPositions[stakeholder.valueChainPosition],
      countryOrRegion: stakeholder.countryOrRegion,
      affected: yesNo(stakeholder.affected),
      vulnerable: yesNo(stakeholder.vulnerable),
      power: scoreValue(stakeholder.power),
      legitimacy: scoreValue(stakeholder.legitimacy),
      urgency: scoreValue(stakeholder.urgency),
      salienceClass: salienceAssessmentLabel(options.locale, salience),
      salienceGroup: salienceAssessmentGroupLabel(options.locale, salience),
      influence: scoreValue(stakeholder.influence),
      impact: scoreValue(stakeholder.impact),
      quadrant: labels.quadrants[engagementQuadrant(stakeholder, options)],
      topSeverity: severity,
      topImpactTopic: topImpact === undefined ? null : topImpact.topic,
      impactCount: stakeholder.impacts.length,
      engagementStatus: labels.engagementStatuses[stakeholder.engagement.status],
      engagementLevel:
        stakeholder.engagement.intendedLevel === null
          ? null
          : labels.engagementLevels[stakeholder.engagement.intendedLevel],
      logCount: log.length,
      // The log is kept oldest first, but a hand-built record may not be: take the latest.
      lastEngagement: log.reduce<string | null>(
        (latest, entry) => (latest === null || entry.date > latest ? entry.date : latest),
        null,
      ),
      // One alert per line, as a sentence: a code means nothing to an auditor.
      alerts: engagementAlerts(stakeholder, { ...options, stakeholders: all })
        .map((alert) =>
          formatLabel(options.locale, ALERT_LABELS[options.locale][alert.code], alert.params),
        )
        .join('\n'),
      notes: stakeholder.notes,
      contactNames: contactCell(contacts, 'name'),
      contactRoles: contactCell(contacts, 'role'),
      contactOrganisations: contactCell(contacts, 'organisation'),
      contactEmails: contactCell(contacts, 'email'),
      contactPhones: contactCell(contacts, 'phone'),
    }
    rows.push(columns.map((column) => values[column]))
    stakeholderIds.push(stakeholder.id)
  }
  return {
    locale: options.locale,
    columns,
    header: columns.map((column) => labels.columns[column]),
    rows,
    stakeholderIds,
  }
}
