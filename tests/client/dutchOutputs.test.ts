/**
 * No English in what the map files in Dutch. Every Dutch output (the register as CSV and
 * XLSX, the map JSON, the report's text, the version list, import problems) is scanned
 * against the English catalogue: every text of the app's English catalogues and English
 * labels that is not also a Dutch text (so shared words such as "Dominant", "Impact" or the
 * cited source titles do not count). A cell or text that IS such a string is a hit, and so
 * is one that contains an English phrase of two or more words. The map's own data is Dutch
 * and proper nouns do not occur in the catalogue, so what is left is a leak.
 */
import readExcelFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import { exportMapJson, stringifyMapJson } from '../../shared/exchange/exportMapJson'
import { MAP_JSON_ISSUE_CODES } from '../../shared/exchange/parseMapJson'
import { SALIENCE_CLASSES } from '../../shared/scoring/classifySalience'
import { ENGAGEMENT_ALERT_CODES } from '../../shared/scoring/engagementAlerts'
import { PRIORITY_REASON_CODES, PRIORITY_TIERS } from '../../shared/scoring/prioritiseStakeholders'
import { IMPORT_WARNING_CODES } from '../../shared/exchange/planImport'
import { parseCsv } from '../../shared/exchange/parseCsv'
import { REGISTER_LABELS } from '../../shared/exchange/registerLabels'
import { registerRows } from '../../shared/exchange/registerRows'
import { registerToCsv } from '../../shared/exchange/registerToCsv'
import { registerWorkbook } from '../../shared/exchange/registerWorkbook'
import { WORKBOOK_LABELS } from '../../shared/exchange/workbookLabels'
import { writeXlsx } from '../../shared/exchange/writeXlsx'
import { DIALOGUE_TODAY, dialogueRecords } from '../shared/exchange/dialogueMap'
import { AUDIT_TEXTS } from '../../shared/audit/describeAuditEntry'
import { auditToCsv } from '../../shared/audit/auditToCsv'
import * as dialogueFieldLabels from '../../shared/labels/dialogueFieldLabels'
import * as dialogueLabels from '../../shared/labels/dialogueLabels'
import * as fieldLabels from '../../shared/labels/fieldLabels'
import { STAKEHOLDER_FIELD_LABELS } from '../../shared/labels/stakeholderFieldLabels'
import * as modelLabels from '../../shared/labels/modelLabels'
import * as selfAssessmentLabels from '../../shared/labels/selfAssessmentLabels'
import { SELF_ASSESSMENT_REPORT_TEXT } from '../../shared/report/selfAssessmentSection'
import { createSelfAssessment } from '../../shared/selfAssessment/createSelfAssessment'
import type { AuditEntry, VersionSummary } from '../../shared/protocol/accessApi'
import { AUTO_VERSION_REASONS, autoVersionName } from '../../shared/protocol/versionNames'
import { renderReport } from '../../shared/report/renderReport'
import { REPORT_TEXT } from '../../shared/report/reportText'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import { VALIDATION_ERROR_CODES } from '../../shared/stakeholder/validateStakeholder'
import { EXCHANGE_MESSAGES, importWarningMessage } from '../../client/exchange/exchangeMessages'
import { problemMessage, problemPathLabel } from '../../client/exchange/problemMessages'
import { en as APP_EN } from '../../client/i18n/messages.en'
import { nl as APP_NL } from '../../client/i18n/messages.nl'
import { SHARING_MESSAGES } from '../../client/sharing/sharingMessages'
import { versionAuthor, versionLabel } from '../../client/sharing/versionLabel'
import { NOW, richStakeholders } from '../shared/exchange/richMap'
import { reportDialogues } from '../shared/report/dialogueReportMap'
import { judgedAbsent, unscoredRightsholders } from '../shared/exchange/salienceCases'

/** Every string inside `value`, however deeply nested. */
function stringsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value)
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into)
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) stringsIn(item, into)
  }
  return into
}

/** The `en` and `nl` halves of every two-language table exported by a labels module. */
function bilingualTables(module: Record<string, unknown>): { en: unknown; nl: unknown }[] {
  return Object.values(module).filter(
    (value): value is { en: unknown; nl: unknown } =>
      typeof value === 'object' && value !== null && 'en' in value && 'nl' in value,
  )
}

const PROBLEM_CODES = [...VALIDATION_ERROR_CODES, ...MAP_JSON_ISSUE_CODES]
const tables = [
  { en: APP_EN, nl: APP_NL },
  EXCHANGE_MESSAGES,
  SHARING_MESSAGES,
  REGISTER_LABELS,
  WORKBOOK_LABELS,
  REPORT_TEXT,
  AUDIT_TEXTS,
  STAKEHOLDER_FIELD_LABELS,
  ...bilingualTables(modelLabels),
  ...bilingualTables(fieldLabels),
  ...bilingualTables(dialogueLabels),
  ...bilingualTables(dialogueFieldLabels),
  ...bilingualTables(selfAssessmentLabels),
  SELF_ASSESSMENT_REPORT_TEXT,
  {
    en: PROBLEM_CODES.map((code) => problemMessage('en', { code, params: {} })),
    nl: PROBLEM_CODES.map((code) => problemMessage('nl', { code, params: {} })),
  },
]
const dutch = new Set(tables.flatMap((table) => [...stringsIn(table.nl)]))
/** The pieces of a template between its `{placeholders}`, trimmed of punctuation. */
const pieces = (text: string) =>
  text
    .split(/\{\w+\}/)
    .map((piece) => piece.replace(/^[\s"“”'(),.:;…—-]+|[\s"“”'(),.:;…—-]+$/g, ''))
    .filter((piece) => /\p{L}{2}/u.test(piece))
const dutchPieces = new Set([...dutch].flatMap(pieces))
const englishOnly = [...new Set(tables.flatMap((table) => [...stringsIn(table.en)]))]
  .filter((text) => !dutch.has(text))
  .flatMap(pieces)
  .filter((piece) => !dutchPieces.has(piece))
const englishWhole = new Set(englishOnly)
/** English phrases of two words or more, found anywhere in a Dutch text. */
const englishPhrases = [...englishWhole].filter((piece) => /\s/.test(piece))

/**
 * The model's codes (English words joined by hyphens, e.g. an alert code): a person must
 * never read one, though the map JSON, a machine format, is made of them.
 */
const codes = new Set(
  [
    ...ENGAGEMENT_ALERT_CODES,
    ...PRIORITY_REASON_CODES,
    ...PRIORITY_TIERS,
    ...SALIENCE_CLASSES,
    ...PROBLEM_CODES,
    ...AUTO_VERSION_REASONS,
    ...IMPORT_WARNING_CODES,
    ...bilingualTables(modelLabels).flatMap((table) => Object.keys(table.en as object)),
    ...bilingualTables(dialogueLabels).flatMap((table) => Object.keys(table.en as object)),
  ].filter((code) => code.includes('-')),
)

/**
 * The English strings in `texts` (each a cell, a text node or a label); with `codes`, the
 * model's codes too.
 */
function englishIn(texts: Iterable<unknown>, options: { codes: boolean } = { codes: true }) {
  const hits = new Set<string>()
  for (const raw of texts) {
    if (typeof raw !== 'string') continue
    if (options.codes) {
      for (const token of raw.split(/[^\p{L}-]+/u)) if (codes.has(token)) hits.add(token)
    }
    for (const line of raw.split('\n')) {
      const text = line.trim()
      if (englishWhole.has(text)) hits.add(text)
      for (const piece of pieces(text)) if (englishWhole.has(piece)) hits.add(piece)
      for (const phrase of englishPhrases) {
        const at = text.indexOf(phrase)
        const before = text[at - 1]
        const after = text[at + phrase.length]
        const wordAround = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char)
        if (at >= 0 && !wordAround(before) && !wordAround(after)) hits.add(phrase)
      }
    }
  }
  return [...hits].sort()
}

/** Text nodes and titles of an HTML or SVG document. */
function htmlTexts(html: string): string[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '')
  return body
    .split(/<[^>]+>/)
    .map((text) =>
      text
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    )
    .filter((text) => text.trim() !== '')
}

/** A Dutch map with every kind of content: scored, unscored, partly scored, alerts, logs. */
/** A self-assessment made in Dutch: two elements that make their steps priorities. */
function dutchSelfAssessment() {
  return createSelfAssessment(
    {
      id: 'sa-choco',
      subject: 'Choco BV',
      date: '2026-03-01',
      elements: {
        motivation: { rating: 'green', note: 'De directie vraagt erom' },
        inclusion: { rating: 'orange', note: 'Nog nooit met boeren zelf gesproken' },
        knowledge: { rating: 'red', note: '' },
      },
    },
    { locale: 'nl', now: NOW },
  )
}

function dutchMap() {
  const partly = createStakeholder(
    { id: 'sh-partly', name: 'Waterschap', power: 4, influence: 4.5, impact: 2 },
    { now: NOW },
  )
  return [...richStakeholders(), unscoredRightsholders(), judgedAbsent(), partly]
}

describe('Dutch outputs hold no English', () => {
  it('the scan finds English when it is there (so a pass means something)', () => {
    expect(englishWhole.size).toBeGreaterThan(200)
    expect(englishIn(['Non-stakeholder', 'Engagement status', 'Geen'])).toEqual([
      'Engagement status',
      'Non-stakeholder',
    ])
    expect(englishIn(['Opmerking: Salience not assessed, echt'])).toContain('Salience not assessed')
    expect(englishIn(['affected-without-engagement, salience-not-assessed'])).toEqual([
      'affected-without-engagement',
      'salience-not-assessed',
    ])
    // Words shared by both languages, and cited titles, are not English-only.
    expect(englishIn(['Dominant', 'Impact', 'Stakeholders', 'Latent'])).toEqual([])
  })

  it('the audit trail as CSV, every kind of change and row', () => {
    const who = { name: 'Ada', role: 'editor' as const }
    const at = '2026-05-12T09:00:00.000Z'
    const row = (id: number, extra: Partial<AuditEntry>): AuditEntry => ({
      id,
      kind: 'change',
      stakeholderId: 'ngo',
      participant: who,
      fields: [],
      changes: [],
      details: null,
      firstAt: at,
      lastAt: at,
      ...extra,
    })
    const entries: AuditEntry[] = [
      row(1, {
        changes: [
          { field: 'legitimacy', kind: 'value', from: 2, to: 5 },
          { field: 'influence', kind: 'value', from: null, to: 2.5 },
          { field: 'vulnerable', kind: 'value', from: false, to: true },
          { field: 'category', kind: 'value', from: 'ngos-civil-society', to: 'trade-unions' },
          { field: 'attitude', kind: 'value', from: 'unknown', to: 'critical' },
          { field: 'engagementStatus', kind: 'value', from: 'not-started', to: 'ongoing' },
          { field: 'engagementLevel', kind: 'value', from: null, to: 'consult' },
          { field: 'valueChainPosition', kind: 'value', from: 'upstream', to: 'own-operations' },
          { field: 'kind', kind: 'value', from: 'group', to: 'organisation' },
          { field: 'notes', kind: 'text' },
          { field: 'impacts', kind: 'changed' },
          { field: 'engagementLog', kind: 'changed' },
          { field: 'confidential', kind: 'changed' },
          { field: 'record', kind: 'added' },
        ],
      }),
      row(2, {
        participant: { name: 'Server', role: null },
        changes: [{ field: 'record', kind: 'removed' }],
      }),
      row(3, {
        participant: { name: 'Olga', role: 'owner' },
        fields: ['power', 'updatedAt'],
        changes: null,
      }),
      row(4, {
        participant: { name: 'Fien', role: 'facilitator' },
        kind: 'erasure',
        details: null,
      }),
    ]
    const csv = auditToCsv(entries, { locale: 'nl', names: new Map([['ngo', 'Fair Cocoa NGO']]) })
    const parsed = parseCsv(csv)
    if (!parsed.ok) throw new Error(parsed.error.code)
    expect(parsed.rows.length).toBeGreaterThan(15)
    expect(englishIn(parsed.rows.flat())).toEqual([])
    // And the scan sees the English one's words.
    const english = parseCsv(auditToCsv(entries, { locale: 'en', names: new Map() }))
    if (!english.ok) throw new Error(english.error.code)
    expect(englishIn(english.rows.flat()).length).toBeGreaterThan(10)
  })

  it('the register as CSV', () => {
    const csv = registerToCsv(registerRows(dutchMap(), { locale: 'nl', includeContacts: true }), {
      delimiter: ';',
    })
    const parsed = parseCsv(csv)
    if (!parsed.ok) throw new Error(parsed.error.code)
    expect(englishIn(parsed.rows.flat())).toEqual([])
  })

  it('every sheet of the XLSX workbook', async () => {
    const bytes = writeXlsx(
      registerWorkbook(dutchMap(), {
        locale: 'nl',
        includeContacts: true,
        dialogues: { ...dialogueRecords(), selfAssessments: [dutchSelfAssessment()] },
        today: DIALOGUE_TODAY,
      }),
    )
    const sheets = await readExcelFile(Buffer.from(bytes), { trim: false })
    expect(sheets.length).toBe(8)
    expect(englishIn(sheets.flatMap((sheet) => [sheet.sheet, ...sheet.data.flat()]))).toEqual([])
  })

  it('the report, text and figures', () => {
    const html = renderReport({
      title: 'Cacaoketen Ghana',
      organisation: 'Choco BV',
      generatedAt: NOW,
      version: { name: 'Na de workshop', createdAt: NOW },
      stakeholders: dutchMap(),
      locale: 'nl',
      includeContacts: true,
      ...reportDialogues(),
      selfAssessments: [dutchSelfAssessment()],
    })
    expect(englishIn(htmlTexts(html))).toEqual([])
    // Every dialogue chapter has something in it, so its words are scanned too.
    for (const heading of [
      'Dialoogplannen',
      'Gehouden dialogen',
      'Toezeggingen',
      'Evaluaties',
      'Zelfevaluaties',
    ]) {
      expect(html).toContain(heading)
    }
    expect(html).toContain('Te laat')
    // The English report, by contrast, is found to be English.
    const english = renderReport({
      title: 'x',
      generatedAt: NOW,
      stakeholders: dutchMap(),
      locale: 'en',
    })
    expect(englishIn(htmlTexts(english)).length).toBeGreaterThan(20)
  })

  it('the map JSON (no labels, and a new map’s page named in Dutch)', () => {
    const doc = new Y.Doc()
    for (const stakeholder of dutchMap()) writeStakeholder(doc, stakeholder)
    doc.getMap('tldraw').set('page:page', {
      id: 'page:page',
      typeName: 'page',
      name: APP_NL['map.firstPageName'],
      index: 'a1',
      meta: {},
    })
    const json = stringifyMapJson(exportMapJson(doc, { title: 'Kaart', exportedAt: NOW }))
    expect(englishIn(stringsIn(JSON.parse(json)), { codes: false })).toEqual([])
  })

  it('the version list', () => {
    const versions: VersionSummary[] = AUTO_VERSION_REASONS.map((reason, index) => ({
      id: index + 1,
      kind: 'auto' as const,
      name: reason === 'before-restore' ? autoVersionName(reason, 1) : autoVersionName(reason),
      createdAt: NOW,
      createdBy: { name: 'Server', role: null },
      byteSize: 1,
      stakeholderCount: 1,
    }))
    const legacy = ['Automatic', 'Last participant left', 'Server shutdown', 'Before restoring "x"']
    const all = [
      ...versions,
      ...legacy.map((name, index) => ({ ...versions[0]!, id: 100 + index, name })),
    ]
    const shown = all.flatMap((version) => [
      versionLabel(version, all, 'nl'),
      versionAuthor(version, 'nl'),
    ])
    expect(englishIn(shown)).toEqual([])
    expect(shown).not.toContain('door Server')
  })

  it('import problems and warnings', () => {
    const params = { max: 200, min: 1, id: 'sh-1', value: 'misschien', name: 'Boeren' }
    const texts = [
      ...PROBLEM_CODES.map((code) => problemMessage('nl', { code, params })),
      ...PROBLEM_CODES.map((code) => problemMessage('nl', { code, params: {} })),
      ...IMPORT_WARNING_CODES.map((code) =>
        importWarningMessage('nl', code, { ...params, field: 'category', firstRowNumber: 2 }),
      ),
      problemPathLabel('nl', 'stakeholders[0].engagement.log[1].barrierMeasures'),
      problemPathLabel('nl', 'stakeholders[0].contacts[0].email'),
      problemPathLabel('nl', 'tldraw.records[3].typeName'),
    ]
    expect(englishIn(texts)).toEqual([])
  })
})
