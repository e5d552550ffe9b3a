/**
 * The printable due-diligence report of a map: one self-contained HTML document (inline CSS
 * with A4 print rules, inline SVG figures, no scripts, no external resources) in English or
 * Dutch. The server serves it (`GET /api/maps/<id>/report.html`) and the client opens it to
 * print to PDF; both call this one pure function, so they print the same thing.
 *
 * Every user string is escaped with `escapeHtml`; a Content-Security-Policy meta element
 * forbids scripts and loads as a second line of defence.
 */
import {
  ACTUALITY_LABELS,
  ALERT_LABELS,
  CONFIDENTIALITY_LABELS,
  DUE_DILIGENCE_STEP_LABELS,
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  PRIORITY_REASON_LABELS,
  PRIORITY_TIER_LABELS,
  QUADRANT_LABELS,
  SALIENCE_CLASS_LABELS,
  formatLabel,
} from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import { classifySalience } from '../scoring/classifySalience'
import { engagementAlerts } from '../scoring/engagementAlerts'
import { engagementQuadrant } from '../scoring/engagementQuadrant'
import { prioritiseStakeholders } from '../scoring/prioritiseStakeholders'
import { scoreValue } from '../scoring/scoreValue'
import type { Contact, EngagementEntry, Stakeholder } from '../stakeholder/Stakeholder'
import { registerRows } from '../exchange/registerRows'
import type { RegisterCell, RegisterInput } from '../exchange/registerRows'
import { escapeHtml } from './escapeHtml'
import { matrixSvg } from './matrixSvg'
import { REPORT_TEXT } from './reportText'
import type { ReportText } from './reportText'
import { salienceSvg } from './salienceSvg'

/** What the report is made from. */
export interface ReportInput {
  /** The map's title. */
  title: string
  /** The company or organisation keeping the map, if known. */
  organisation?: string
  /** ISO 8601 timestamp of when the report is made. */
  generatedAt: string
  /** The saved version the report shows, or null/absent for the current state. */
  version?: { name: string; createdAt: string } | null
  /**
   * The stakeholders, contacts already stripped unless the user asked for them (contacts
   * given here are only shown with `includeContacts`).
   */
  stakeholders: readonly RegisterInput[]
  locale: LabelLocale
  /** Show contacts (personal data). Default false. */
  includeContacts?: boolean
  /** Show engagement log entries marked confidential. Default: as `includeContacts`. */
  includeConfidential?: boolean
}

const DATE_LOCALES: Readonly<Record<LabelLocale, string>> = { en: 'en-GB', nl: 'nl-NL' }

/** A timestamp or date as people read it, in UTC so server and client print the same. */
function formatDate(iso: string, locale: LabelLocale, withTime: boolean): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'long', timeZone: 'UTC' }
  const formatted = new Intl.DateTimeFormat(DATE_LOCALES[locale], options).format(date)
  return withTime ? `${formatted} UTC` : formatted
}

/** Escaped text with line breaks kept. */
function multiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>')
}

function cellHtml(cell: RegisterCell, locale: LabelLocale): string {
  if (cell === null || cell === '') return ''
  if (typeof cell === 'number')
    return escapeHtml(locale === 'nl' ? String(cell).replace('.', ',') : String(cell))
  return multiline(cell)
}

function score(value: number | null, locale: LabelLocale): string {
  const number = scoreValue(value)
  if (number === null) return '—'
  return locale === 'nl' ? String(number).replace('.', ',') : String(number)
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
@page landscape { size: A4 landscape; margin: 12mm 10mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #111; line-height: 1.4; }
body { margin: 0 auto; max-width: 190mm; padding: 12mm 0; }
h1 { font-size: 26pt; margin: 0 0 6mm; line-height: 1.15; }
h2 { font-size: 16pt; margin: 0 0 4mm; border-bottom: 1.5pt solid #1f4e8c; padding-bottom: 1.5mm; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2.5mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eef2f8; }
thead { display: table-header-group; }
tr, figure, .entry, .order-item { break-inside: avoid; page-break-inside: avoid; }
.title-page { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; }
.kind { font-size: 13pt; color: #1f4e8c; margin-bottom: 10mm; }
.meta th { width: 40mm; background: none; border: none; padding-left: 0; }
.meta td { border: none; }
.notice { border: 1pt solid #b35c00; background: #fff4e5; padding: 3mm; margin-top: 8mm; }
.notice.quiet { border-color: #999; background: #f6f6f6; }
.title-page h2 { margin-top: 10mm; }
.contents { margin: 0; padding-left: 6mm; }
.report-section { break-before: page; page-break-before: always; }
.register { page: landscape; max-width: none; }
.register table { font-size: 7pt; }
.register th, .register td { padding: 0.6mm 0.8mm; }
figure { margin: 0 0 6mm; }
figure svg { width: 100%; height: auto; max-height: 150mm; }
figcaption { font-size: 9pt; color: #444; }
.legend { columns: 2; font-size: 8.5pt; padding-left: 5mm; }
.order { list-style: none; padding: 0; }
.order-item { border-top: 0.5pt solid #ccc; padding: 2mm 0; }
.order-item h3 { margin-top: 0; }
.tier { color: #1f4e8c; font-weight: bold; }
.alert-warning::before { content: "⚠ "; }
.alert-warning { color: #8a3b00; }
.alert-info { color: #333; }
.entry { border: 0.5pt solid #bbb; padding: 2mm; margin: 2mm 0; }
.entry dl { display: grid; grid-template-columns: 45mm 1fr; gap: 0.5mm 3mm; margin: 0; }
.entry dt { font-weight: bold; }
.entry dd { margin: 0; }
.withheld { color: #555; font-style: italic; }
.stakeholder-log { break-inside: auto; }
.sources li { margin-bottom: 1.5mm; }
@media screen { body { padding: 12mm; } .report-section { margin-top: 14mm; } }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`

function titlePage(input: ReportInput, text: ReportText): string {
  const rows: [string, string][] = []
  if (input.organisation?.trim()) rows.push([text.organisation, escapeHtml(input.organisation)])
  rows.push([text.generatedAt, escapeHtml(formatDate(input.generatedAt, input.locale, true))])
  rows.push([
    text.version,
    input.version
      ? `${escapeHtml(input.version.name)} (${escapeHtml(formatDate(input.version.createdAt, input.locale, true))})`
      : escapeHtml(text.versionNone),
  ])
  rows.push([text.stakeholderCount, String(input.stakeholders.length)])
  const confidential = input.includeContacts || input.includeConfidential
  return (
    '<section class="title-page" id="title">' +
    `<h1>${escapeHtml(input.title)}</h1>` +
    `<p class="kind">${escapeHtml(text.documentKind)}</p>` +
    `<table class="meta"><tbody>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('')}</tbody></table>` +
    (confidential
      ? `<p class="notice">${escapeHtml(text.confidentialNotice)}</p>`
      : `<p class="notice quiet">${escapeHtml(text.publicNotice)}</p>`) +
    `<h2>${escapeHtml(text.contents)}</h2><ol class="contents">` +
    [
      text.registerHeading,
      text.figuresHeading,
      text.orderHeading,
      text.logHeading,
      text.methodHeading,
    ]
      .map((heading) => `<li>${escapeHtml(heading.replace(/^\d+\.\s*/, ''))}</li>`)
      .join('') +
    '</ol></section>'
  )
}

function registerSection(input: ReportInput, text: ReportText): string {
  const table = registerRows(input.stakeholders, {
    locale: input.locale,
    includeContacts: input.includeContacts ?? false,
  })
  const alertsColumn = table.columns.indexOf('alerts')
  const rows = table.rows.map((row) =>
    row
      .map((cell, index) => {
        // The register carries alert codes; the report counts them here and spells them out
        // in the engagement order, translated.
        if (index === alertsColumn) {
          const count = typeof cell === 'string' && cell !== '' ? cell.split(', ').length : 0
          return `<td>${count}</td>`
        }
        return `<td>${cellHtml(cell, input.locale)}</td>`
      })
      .join(''),
  )
  return (
    '<section class="report-section register" id="register">' +
    `<h2>${escapeHtml(text.registerHeading)}</h2>` +
    `<p>${escapeHtml(text.registerIntro)} ${escapeHtml(text.registerAlertsNote)}</p>` +
    (table.rows.length === 0
      ? `<p>${escapeHtml(text.emptyMap)}</p>`
      : '<table><thead><tr>' +
        table.header.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('') +
        '</tr></thead><tbody>' +
        rows.map((row) => `<tr>${row}</tr>`).join('') +
        '</tbody></table>') +
    '</section>'
  )
}

function figuresSection(input: ReportInput, text: ReportText, ranked: RankedStakeholder[]): string {
  const classes = SALIENCE_CLASS_LABELS[input.locale]
  const quadrants = QUADRANT_LABELS[input.locale]
  const notPlaced = ranked.filter(
    ({ stakeholder }) => engagementQuadrant(stakeholder) === 'unassessed',
  )
  const legend =
    `<h4>${escapeHtml(text.legendHeading)}</h4><ol class="legend">` +
    ranked
      .map(
        ({ stakeholder, rank }) =>
          `<li value="${rank}">${escapeHtml(stakeholder.name)} — ${escapeHtml(quadrants[engagementQuadrant(stakeholder)])}; ${escapeHtml(classes[classifySalience(stakeholder)])}</li>`,
      )
      .join('') +
    '</ol>'
  return (
    '<section class="report-section" id="figures">' +
    `<h2>${escapeHtml(text.figuresHeading)}</h2>` +
    `<figure id="matrix"><h3>${escapeHtml(text.matrixHeading)}</h3>` +
    matrixSvg(input.stakeholders, input.locale) +
    `<figcaption>${escapeHtml(text.matrixCaption)}` +
    (notPlaced.length > 0
      ? ` ${escapeHtml(text.notPlaced)}: ${notPlaced.map(({ stakeholder, rank }) => `${rank}. ${escapeHtml(stakeholder.name)}`).join('; ')}.`
      : '') +
    '</figcaption></figure>' +
    `<figure id="salience"><h3>${escapeHtml(text.salienceHeading)}</h3>` +
    salienceSvg(input.stakeholders, input.locale) +
    `<figcaption>${escapeHtml(text.salienceCaption)}</figcaption></figure>` +
    (ranked.length > 0 ? legend : '') +
    '</section>'
  )
}

interface RankedStakeholder {
  stakeholder: Stakeholder
  rank: number
  tier: ReturnType<typeof prioritiseStakeholders>[number]['tier']
  reasons: ReturnType<typeof prioritiseStakeholders>[number]['reasons']
}

function orderSection(input: ReportInput, text: ReportText, ranked: RankedStakeholder[]): string {
  const { locale } = input
  const all = ranked.map(({ stakeholder }) => stakeholder)
  const items = ranked.map(({ stakeholder, rank, tier, reasons }) => {
    const alerts = engagementAlerts(stakeholder, { stakeholders: all })
    return (
      '<li class="order-item">' +
      `<h3>${rank}. ${escapeHtml(stakeholder.name)}</h3>` +
      `<p><span class="tier">${escapeHtml(PRIORITY_TIER_LABELS[locale][tier])}</span></p>` +
      `<h4>${escapeHtml(text.reasons)}</h4><ul>` +
      reasons
        .map(
          (reason) =>
            `<li>${escapeHtml(formatLabel(locale, PRIORITY_REASON_LABELS[locale][reason.code], reason.params))}</li>`,
        )
        .join('') +
      `</ul><h4>${escapeHtml(text.alerts)}</h4>` +
      (alerts.length === 0
        ? `<p>${escapeHtml(text.noAlerts)}</p>`
        : '<ul>' +
          alerts
            .map(
              (alert) =>
                `<li class="alert-${alert.level}"><span class="visually-level">${escapeHtml(alert.level === 'warning' ? text.warning : text.info)}:</span> ` +
                `${escapeHtml(formatLabel(locale, ALERT_LABELS[locale][alert.code], alert.params))}</li>`,
            )
            .join('') +
          '</ul>') +
      '</li>'
    )
  })
  return (
    '<section class="report-section" id="order">' +
    `<h2>${escapeHtml(text.orderHeading)}</h2><p>${escapeHtml(text.orderIntro)}</p>` +
    (items.length === 0
      ? `<p>${escapeHtml(text.emptyMap)}</p>`
      : `<ol class="order">${items.join('')}</ol>`) +
    '</section>'
  )
}

function entryHtml(entry: EngagementEntry, input: ReportInput, text: ReportText): string {
  const { locale } = input
  const showConfidential = input.includeConfidential ?? input.includeContacts ?? false
  if (entry.confidentiality === 'confidential' && !showConfidential) {
    return `<div class="entry withheld">${escapeHtml(formatDate(entry.date, locale, false))} — ${escapeHtml(text.withheld)}</div>`
  }
  const fields: [string, string][] = [
    [text.date, escapeHtml(formatDate(entry.date, locale, false))],
    [text.step, escapeHtml(DUE_DILIGENCE_STEP_LABELS[locale][entry.step])],
    [text.method, multiline(entry.method)],
    [text.informationShared, multiline(entry.informationShared)],
    [text.inputReceived, multiline(entry.inputReceived)],
    [text.howInputWasUsed, multiline(entry.howInputWasUsed)],
    [text.followUp, multiline(entry.followUp)],
    [text.barriers, multiline(entry.barriers)],
    [text.barrierMeasures, multiline(entry.barrierMeasures)],
    [text.confidentiality, escapeHtml(CONFIDENTIALITY_LABELS[locale][entry.confidentiality])],
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

function contactsHtml(contacts: readonly Contact[], text: ReportText): string {
  if (contacts.length === 0) return ''
  const header = [
    text.contactName,
    text.contactRole,
    text.contactOrganisation,
    text.contactEmail,
    text.contactPhone,
  ]
  return (
    `<h4>${escapeHtml(text.contactsHeading)}</h4><table><thead><tr>` +
    header.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('') +
    '</tr></thead><tbody>' +
    contacts
      .map(
        (contact) =>
          '<tr>' +
          [contact.name, contact.role, contact.organisation, contact.email, contact.phone]
            .map((value) => `<td>${escapeHtml(value)}</td>`)
            .join('') +
          '</tr>',
      )
      .join('') +
    '</tbody></table>'
  )
}

function logSection(input: ReportInput, text: ReportText, ranked: RankedStakeholder[]): string {
  const { locale } = input
  const blocks = ranked.map(({ stakeholder, rank }) => {
    const { engagement } = stakeholder
    const impacts =
      stakeholder.impacts.length === 0
        ? ''
        : `<h4>${escapeHtml(text.impactsHeading)}</h4><table><thead><tr>` +
          [
            text.impactTopic,
            text.impactDescription,
            text.actuality,
            text.scale,
            text.scope,
            text.irremediability,
            text.likelihood,
          ]
            .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
            .join('') +
          '</tr></thead><tbody>' +
          stakeholder.impacts
            .map(
              (impact) =>
                '<tr>' +
                `<td>${escapeHtml(impact.topic)}</td><td>${multiline(impact.description)}</td>` +
                `<td>${escapeHtml(ACTUALITY_LABELS[locale][impact.actuality])}</td>` +
                [impact.scale, impact.scope, impact.irremediability, impact.likelihood]
                  .map((value) => `<td>${score(value, locale)}</td>`)
                  .join('') +
                '</tr>',
            )
            .join('') +
          '</tbody></table>'
    return (
      '<div class="stakeholder-log">' +
      `<h3>${rank}. ${escapeHtml(stakeholder.name)}</h3>` +
      `<p>${escapeHtml(text.status)}: ${escapeHtml(ENGAGEMENT_STATUS_LABELS[locale][engagement.status])}; ` +
      `${escapeHtml(text.intendedLevel)}: ${escapeHtml(engagement.intendedLevel === null ? text.notDecided : ENGAGEMENT_LEVEL_LABELS[locale][engagement.intendedLevel])}</p>` +
      (input.includeContacts ? contactsHtml(stakeholder.contacts, text) : '') +
      impacts +
      (engagement.log.length === 0
        ? `<p>${escapeHtml(text.noLog)}</p>`
        : engagement.log.map((entry) => entryHtml(entry, input, text)).join('')) +
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

function methodSection(text: ReportText): string {
  return (
    '<section class="report-section" id="method">' +
    `<h2>${escapeHtml(text.methodHeading)}</h2>` +
    text.methodParts
      .map(
        (part) =>
          `<h3>${escapeHtml(part.heading)}</h3>` +
          part.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(''),
      )
      .join('') +
    `<h3>${escapeHtml(text.sourcesHeading)}</h3><ol class="sources">` +
    text.sources.map((source) => `<li>${escapeHtml(source)}</li>`).join('') +
    '</ol></section>'
  )
}

/**
 * The report as one complete HTML document. Sections: title page, register, matrix and
 * salience figures, engagement order with reasons and alerts, engagement log (confidential
 * entries withheld unless asked), and the method with its sources.
 */
export function renderReport(input: ReportInput): string {
  const text = REPORT_TEXT[input.locale]
  const includeContacts = input.includeContacts ?? false
  // Contacts the caller left in are still not shown unless asked: the default is safe.
  const stakeholders: Stakeholder[] = input.stakeholders.map((stakeholder) => ({
    ...stakeholder,
    contacts: includeContacts ? (stakeholder.contacts ?? []) : [],
  }))
  const safeInput: ReportInput = { ...input, stakeholders, includeContacts }
  const ranked: RankedStakeholder[] = prioritiseStakeholders(stakeholders)
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${input.locale}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(`${input.title} — ${text.documentKind}`)}</title>` +
    `<style>${STYLE}</style></head><body>` +
    titlePage(safeInput, text) +
    registerSection(safeInput, text) +
    figuresSection(safeInput, text, ranked) +
    orderSection(safeInput, text, ranked) +
    logSection(safeInput, text, ranked) +
    methodSection(text) +
    '</body></html>\n'
  )
}
