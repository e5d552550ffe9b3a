/**
 * Section 4 of the report: one block per stakeholder, in engagement order, with what the
 * register leaves out (its other fields), its contacts when asked for, its adverse impacts
 * and its engagement log as evidence of meaningful engagement. Log entries marked
 * confidential are withheld unless the caller asks for them.
 */
import {
  CONTACT_FIELD_LABELS,
  ENGAGEMENT_ENTRY_FIELD_LABELS,
  IMPACT_FIELD_LABELS,
} from '../labels/fieldLabels'
import type { ContactField, ImpactField } from '../labels/fieldLabels'
import {
  ACTUALITY_LABELS,
  ATTITUDE_LABELS,
  CONFIDENTIALITY_LABELS,
  DUE_DILIGENCE_STEP_LABELS,
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  KIND_LABELS,
  VALUE_CHAIN_LABELS,
} from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import { REGISTER_LABELS } from '../exchange/registerLabels'
import { impactSeverity } from '../scoring/impactSeverity'
import { prioritiseImpacts } from '../scoring/prioritiseImpacts'
import type { Contact, EngagementEntry, Stakeholder } from '../stakeholder/Stakeholder'
import { escapeHtml } from './escapeHtml'
import { formatDate, multiline, scoreHtml } from './reportFormat'
import type { ReportText } from './reportText'

/** What the section needs to know about the report being made. */
export interface StakeholderSectionOptions {
  locale: LabelLocale
  includeContacts: boolean
  includeConfidential: boolean
}

function entryHtml(entry: EngagementEntry, options: StakeholderSectionOptions, text: ReportText) {
  const { locale } = options
  const labels = ENGAGEMENT_ENTRY_FIELD_LABELS[locale]
  if (entry.confidentiality === 'confidential' && !options.includeConfidential) {
    return `<div class="entry withheld">${escapeHtml(formatDate(entry.date, locale, false))} — ${escapeHtml(text.withheld)}</div>`
  }
  const fields: [string, string][] = [
    [labels.date, escapeHtml(formatDate(entry.date, locale, false))],
    [labels.step, escapeHtml(DUE_DILIGENCE_STEP_LABELS[locale][entry.step])],
    [labels.method, multiline(entry.method)],
    [labels.informationShared, multiline(entry.informationShared)],
    [labels.inputReceived, multiline(entry.inputReceived)],
    [labels.howInputWasUsed, multiline(entry.howInputWasUsed)],
    [labels.followUp, multiline(entry.followUp)],
    [labels.barriers, multiline(entry.barriers)],
    [labels.barrierMeasures, multiline(entry.barrierMeasures)],
    [labels.confidentiality, escapeHtml(CONFIDENTIALITY_LABELS[locale][entry.confidentiality])],
  ]
  return (
    '<div class="entry"><dl>' +
    fields
      .map(
        ([label, value]) =>
          `<dt>${escapeHtml(label)}</dt><dd>${value === '' ? escapeHtml(text.none) : value}</dd>`,
      )
      .join('') +
    '</dl></div>'
  )
}

function tableHtml(header: readonly string[], rows: readonly string[][]): string {
  return (
    '<table><thead><tr>' +
    header.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('') +
    '</tr></thead><tbody>' +
    rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>'
  )
}

const CONTACT_FIELDS: readonly ContactField[] = ['name', 'role', 'organisation', 'email', 'phone']

function contactsHtml(contacts: readonly Contact[], locale: LabelLocale, text: ReportText) {
  if (contacts.length === 0) return ''
  const labels = CONTACT_FIELD_LABELS[locale]
  return (
    `<h4>${escapeHtml(text.contactsHeading)}</h4>` +
    tableHtml(
      CONTACT_FIELDS.map((field) => labels[field]),
      contacts.map((contact) => CONTACT_FIELDS.map((field) => escapeHtml(contact[field]))),
    )
  )
}

const IMPACT_FIELDS: readonly ImpactField[] = [
  'topic',
  'description',
  'actuality',
  'scale',
  'scope',
  'irremediability',
  'likelihood',
  'severity',
]

function impactsHtml(stakeholder: Stakeholder, locale: LabelLocale, text: ReportText) {
  if (stakeholder.impacts.length === 0) return ''
  const labels = IMPACT_FIELD_LABELS[locale]
  return (
    `<h4>${escapeHtml(text.impactsHeading)}</h4>` +
    tableHtml(
      IMPACT_FIELDS.map((field) => labels[field]),
      prioritiseImpacts(stakeholder.impacts).map((impact) => [
        escapeHtml(impact.topic),
        multiline(impact.description),
        escapeHtml(ACTUALITY_LABELS[locale][impact.actuality]),
        ...[impact.scale, impact.scope, impact.irremediability, impact.likelihood].map((value) =>
          scoreHtml(value, locale),
        ),
        scoreHtml(impactSeverity(impact).max, locale),
      ]),
    )
  )
}

/** The fields the register leaves out, as a definition list; empty ones are skipped. */
function detailsHtml(
  stakeholder: Stakeholder,
  names: ReadonlyMap<string, string>,
  locale: LabelLocale,
  text: ReportText,
) {
  const columns = REGISTER_LABELS[locale].columns
  const { engagement } = stakeholder
  const lastEngagement = engagement.log.reduce<string | null>(
    (latest, entry) => (latest === null || entry.date > latest ? entry.date : latest),
    null,
  )
  const rows: [string, string][] = [
    [columns.kind, escapeHtml(KIND_LABELS[locale][stakeholder.kind])],
    [
      columns.valueChainPosition,
      stakeholder.valueChainPosition === null
        ? ''
        : escapeHtml(VALUE_CHAIN_LABELS[locale][stakeholder.valueChainPosition]),
    ],
    [columns.countryOrRegion, escapeHtml(stakeholder.countryOrRegion)],
    [text.vulnerabilityNote, multiline(stakeholder.vulnerabilityNote)],
    [
      text.represents,
      escapeHtml(stakeholder.represents.map((id) => names.get(id) ?? id).join(', ')),
    ],
    [text.attitude, escapeHtml(ATTITUDE_LABELS[locale][stakeholder.attitude])],
    [text.interests, multiline(stakeholder.interests)],
    [text.concerns, multiline(stakeholder.concerns)],
    [columns.engagementStatus, escapeHtml(ENGAGEMENT_STATUS_LABELS[locale][engagement.status])],
    [
      columns.engagementLevel,
      escapeHtml(
        engagement.intendedLevel === null
          ? text.notDecided
          : ENGAGEMENT_LEVEL_LABELS[locale][engagement.intendedLevel],
      ),
    ],
    [
      columns.lastEngagement,
      lastEngagement === null ? '' : escapeHtml(formatDate(lastEngagement, locale, false)),
    ],
    [columns.notes, multiline(stakeholder.notes)],
  ]
  return (
    '<dl class="details">' +
    rows
      .filter(([, value]) => value !== '')
      .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`)
      .join('') +
    '</dl>'
  )
}

/** Section 4: every stakeholder's details, impacts and engagement log. */
export function stakeholderSection(
  ranked: readonly { stakeholder: Stakeholder; rank: number }[],
  options: StakeholderSectionOptions,
  text: ReportText,
): string {
  const { locale } = options
  const names = new Map(ranked.map(({ stakeholder }) => [stakeholder.id, stakeholder.name]))
  const blocks = ranked.map(({ stakeholder, rank }) => {
    const { log } = stakeholder.engagement
    return (
      '<div class="stakeholder-log">' +
      `<h3>${rank}. ${escapeHtml(stakeholder.name)}</h3>` +
      detailsHtml(stakeholder, names, locale, text) +
      (options.includeContacts ? contactsHtml(stakeholder.contacts, locale, text) : '') +
      impactsHtml(stakeholder, locale, text) +
      `<h4>${escapeHtml(text.logSubheading)}</h4>` +
      (log.length === 0
        ? `<p>${escapeHtml(text.noLog)}</p>`
        : log.map((entry) => entryHtml(entry, options, text)).join('')) +
      '</div>'
    )
  })
  return (
    '<section class="report-section" id="log">' +
    `<h2>${escapeHtml(text.logHeading)}</h2><p>${escapeHtml(text.logIntro)}</p>` +
    (blocks.length === 0 ? `<p>${escapeHtml(text.emptyMap)}</p>` : blocks.join('')) +
    '</section>'
  )
}
