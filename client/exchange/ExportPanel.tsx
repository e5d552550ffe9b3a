/**
 * The export menu of a map: the register (CSV, XLSX), the whole map (JSON), a picture of
 * the board (PNG, SVG) and the printable report. The confidential part (contacts and
 * confidential log entries) is left out unless the user ticks the box for that export,
 * which then shows a warning; the box is only offered to roles that have it (owners and
 * facilitators), so every file is what the server's export of the same options gives.
 */
import { readCaseCard } from '../../shared/workshop/caseCard'
import { useId, useState } from 'react'
import { type Editor, type TLShapeId, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { readMapDialogues } from '../../shared/document/dialogueDocument'
import { readEngagementStages } from '../../shared/document/engagementStageDocument'
import { readRolePlayObservations } from '../../shared/document/observerNotesDocument'
import { readStakeholders } from '../../shared/document/stakeholderDocument'
import { exportMapJson, stringifyMapJson } from '../../shared/exchange/exportMapJson'
import { registerRows } from '../../shared/exchange/registerRows'
import { registerToCsv } from '../../shared/exchange/registerToCsv'
import type { CsvDelimiter } from '../../shared/exchange/registerToCsv'
import { registerWorkbook } from '../../shared/exchange/registerWorkbook'
import { writeXlsx } from '../../shared/exchange/writeXlsx'
import { renderReport } from '../../shared/report/renderReport'
import { withoutConfidentialData } from '../../shared/stakeholder/withoutContacts'
import type { Locale } from '../i18n/locale'
import { LOCALES } from '../i18n/locale'
import { apiFailureReason } from '../i18n/apiFailureReason'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { defaultCsvDelimiter } from './defaultCsvDelimiter'
import { downloadBlob } from './downloadBlob'
import { useExchangeT } from './useExchangeT'
import { type ExportFileKind, exportFileName } from '../../shared/exchange/exportFileName'
import { openReport } from './openReport'
import { sanitiseSvg } from './sanitiseSvg'
import { useStoredDraft } from '../drafts/useStoredDraft'
import { localCalendarDate } from '../dialogues/localCalendarDate'

/** Props of {@link ExportPanel}. */
export interface ExportPanelProps {
  editor: Editor
  doc: Y.Doc
  mapTitle: string
  registry: StakeholderRegistry
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A checkbox for confidential data with its warning, one per export that can carry it. */
function ConfidentialToggle(props: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useExchangeT()
  const id = useId()
  return (
    <div className="exchange__confidential">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.checked ? `${id}-warning` : undefined}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{t('export.confidential.label')}</label>
      {props.checked && (
        <p id={`${id}-warning`} role="alert" className="exchange__warning">
          {t('export.confidential.warning')}
        </p>
      )}
    </div>
  )
}

/** Export menu; see the module comment. Mount it in a side panel of the map page. */
export function ExportPanel({ editor, doc, mapTitle, registry }: ExportPanelProps) {
  const { t, locale } = useExchangeT()
  const ids = useId()
  const [delimiter, setDelimiter] = useState<CsvDelimiter>(() => defaultCsvDelimiter(locale))
  const [registerContacts, setRegisterContacts] = useState(false)
  const [jsonContacts, setJsonContacts] = useState(false)
  const [reportContacts, setReportContacts] = useState(false)
  const [reportLocale, setReportLocale] = useState<Locale>(locale)
  // Kept across tab switches and reloads, like every text typed into the panels.
  const [organisation, setOrganisation] = useStoredDraft('export/organisation')
  const [scope, setScope] = useState<'board' | 'selection'>('board')
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const hasSelection = useValue('hasSelection', () => editor.getSelectedShapeIds().length > 0, [
    editor,
  ])

  const done = (file: string) => {
    // Records that fail validation cannot be exported faithfully; say so rather than hide it.
    // Read on demand: validating every record on each edit would cost too much on big maps.
    const invalid = readStakeholders(doc).invalid.length
    const text = t('export.done', { file })
    setStatus({
      text: invalid > 0 ? `${text}. ${t('export.invalid', { count: invalid })}` : text,
      error: false,
    })
  }
  const fail = (error: unknown) =>
    setStatus({
      text: t('export.failed', { reason: apiFailureReason(locale, error) }),
      error: true,
    })
  // The file's name in the language of what it holds (a Dutch report is a "rapport").
  const fileName = (kind: ExportFileKind, extension: string, language: Locale = locale) =>
    exportFileName(mapTitle, kind, extension, new Date(), { locale: language })

  /** The records, with their confidential part only when asked for. */
  function records(includeConfidential: boolean) {
    const all = registry.all.get()
    return includeConfidential ? all : all.map(withoutConfidentialData)
  }

  function register(includeContacts: boolean) {
    return registerRows(records(includeContacts), { locale, includeContacts })
  }

  function downloadCsv() {
    try {
      const csv = registerToCsv(register(registerContacts), { delimiter })
      const file = fileName('register', 'csv')
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), file)
      done(file)
    } catch (error) {
      fail(error)
    }
  }

  function downloadXlsx() {
    try {
      // Contacts and confidential log entries only when the user ticked the box.
      const bytes = writeXlsx(
        registerWorkbook(registry.all.get(), {
          locale,
          includeContacts: registerContacts,
          dialogues: {
            ...readMapDialogues(doc, registerContacts ? registry.confidential : null),
            engagementStages: readEngagementStages(doc),
          },
          today: localCalendarDate(new Date()),
        }),
      )
      const file = fileName('register', 'xlsx')
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), file)
      done(file)
    } catch (error) {
      fail(error)
    }
  }

  function downloadJson() {
    try {
      const map = exportMapJson(doc, {
        title: mapTitle,
        exportedAt: new Date().toISOString(),
        confidential: jsonContacts ? registry.confidential : null,
      })
      const file = fileName('map', 'json')
      downloadBlob(new Blob([stringifyMapJson(map)], { type: 'application/json' }), file)
      done(file)
    } catch (error) {
      fail(error)
    }
  }

  function shapeIds(): TLShapeId[] {
    return scope === 'selection' && hasSelection
      ? editor.getSelectedShapeIds()
      : [...editor.getCurrentPageShapeIds()]
  }

  async function downloadImage(format: 'png' | 'svg') {
    const shapes = shapeIds()
    if (shapes.length === 0) return setStatus({ text: t('export.image.empty'), error: true })
    setBusy(true)
    try {
      const file = fileName(scope === 'selection' ? 'selection' : 'board', format)
      if (format === 'png') {
        const { blob } = await editor.toImage(shapes, {
          format: 'png',
          background: true,
          padding: 32,
        })
        downloadBlob(blob, file)
      } else {
        const result = await editor.getSvgString(shapes, { background: true, padding: 32 })
        if (!result) return setStatus({ text: t('export.image.empty'), error: true })
        const svg = sanitiseSvg(result.svg)
        downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), file)
      }
      done(file)
    } catch (error) {
      fail(error)
    } finally {
      setBusy(false)
    }
  }

  function reportHtml(): string {
    // Confidential plans, like confidential log entries, are printed only when the box is
    // ticked; read for owners and facilitators anyway, so the report says what it left out.
    const { plans, commitments, evaluations, selfAssessments } = readMapDialogues(
      doc,
      registry.confidential,
    )
    return renderReport({
      title: mapTitle,
      organisation: organisation.trim() || undefined,
      generatedAt: new Date().toISOString(),
      version: null,
      stakeholders: records(reportContacts),
      locale: reportLocale,
      includeContacts: reportContacts,
      includeConfidential: reportContacts,
      dialoguePlans: plans,
      commitments,
      dialogueEvaluations: evaluations,
      engagementStages: readEngagementStages(doc),
      selfAssessments,
      observations: readRolePlayObservations(doc),
      caseCard: readCaseCard(doc),
    })
  }

  function printReport() {
    try {
      const how = openReport(reportHtml())
      setStatus({
        text: t(how === 'window' ? 'export.report.printing' : 'export.report.popupBlocked'),
        error: false,
      })
    } catch (error) {
      fail(error)
    }
  }

  function downloadReport() {
    try {
      const file = fileName('report', 'html', reportLocale)
      downloadBlob(new Blob([reportHtml()], { type: 'text/html;charset=utf-8' }), file)
      done(file)
    } catch (error) {
      fail(error)
    }
  }

  return (
    <section className="exchange exchange--export" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('export.heading')}</h2>

      <fieldset className="exchange__group">
        <legend>{t('export.register.heading')}</legend>
        <p className="exchange__hint">{t('export.register.hint')}</p>
        <label htmlFor={`${ids}-delimiter`}>{t('export.delimiter.label')}</label>
        <select
          id={`${ids}-delimiter`}
          value={delimiter}
          onChange={(event) => setDelimiter(event.target.value as CsvDelimiter)}
        >
          <option value=";">{t('export.delimiter.semicolon')}</option>
          <option value=",">{t('export.delimiter.comma')}</option>
        </select>
        {registry.hasConfidential && (
          <ConfidentialToggle checked={registerContacts} onChange={setRegisterContacts} />
        )}
        <div className="exchange__buttons">
          <button type="button" onClick={downloadCsv}>
            {t('export.register.csv')}
          </button>
          <button type="button" onClick={downloadXlsx}>
            {t('export.register.xlsx')}
          </button>
        </div>
      </fieldset>

      <fieldset className="exchange__group">
        <legend>{t('export.json.heading')}</legend>
        <p className="exchange__hint">{t('export.json.hint')}</p>
        {registry.hasConfidential && (
          <ConfidentialToggle checked={jsonContacts} onChange={setJsonContacts} />
        )}
        <div className="exchange__buttons">
          <button type="button" onClick={downloadJson}>
            {t('export.json.download')}
          </button>
        </div>
      </fieldset>

      <fieldset className="exchange__group">
        <legend>{t('export.image.heading')}</legend>
        <div role="radiogroup" aria-label={t('export.image.scope')}>
          <label>
            <input
              type="radio"
              name={`${ids}-scope`}
              value="board"
              checked={scope === 'board' || !hasSelection}
              onChange={() => setScope('board')}
            />{' '}
            {t('export.image.board')}
          </label>
          <label>
            <input
              type="radio"
              name={`${ids}-scope`}
              value="selection"
              disabled={!hasSelection}
              checked={scope === 'selection' && hasSelection}
              onChange={() => setScope('selection')}
            />{' '}
            {t('export.image.selection')}
          </label>
        </div>
        <div className="exchange__buttons">
          <button type="button" disabled={busy} onClick={() => void downloadImage('png')}>
            {t('export.image.png')}
          </button>
          <button type="button" disabled={busy} onClick={() => void downloadImage('svg')}>
            {t('export.image.svg')}
          </button>
        </div>
      </fieldset>

      <fieldset className="exchange__group">
        <legend>{t('export.report.heading')}</legend>
        <p className="exchange__hint">{t('export.report.hint')}</p>
        <label htmlFor={`${ids}-organisation`}>{t('export.report.organisation')}</label>
        <input
          id={`${ids}-organisation`}
          value={organisation}
          maxLength={200}
          onChange={(event) => setOrganisation(event.target.value)}
        />
        <label htmlFor={`${ids}-report-locale`}>{t('export.report.language')}</label>
        <select
          id={`${ids}-report-locale`}
          value={reportLocale}
          onChange={(event) => setReportLocale(event.target.value as Locale)}
        >
          {LOCALES.map((option) => (
            <option key={option} value={option}>
              {t(`language.${option}`)}
            </option>
          ))}
        </select>
        {registry.hasConfidential && (
          <ConfidentialToggle checked={reportContacts} onChange={setReportContacts} />
        )}
        <div className="exchange__buttons">
          <button type="button" onClick={printReport}>
            {t('export.report.open')}
          </button>
          <button type="button" onClick={downloadReport}>
            {t('export.report.download')}
          </button>
        </div>
      </fieldset>

      <p
        role="status"
        aria-live="polite"
        className={status?.error ? 'exchange__error' : 'exchange__status'}
      >
        {status?.text}
      </p>
    </section>
  )
}
