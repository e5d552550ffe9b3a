/**
 * Import of a stakeholder list (CSV or XLSX) into the open map, in three steps the user
 * controls: pick a file; check the guessed column mapping and the preview of what will and
 * will not be imported (with the row numbers the user sees in the file); confirm. Confirm
 * writes every record in one change and puts cards on the board; Cancel changes nothing.
 */
import { useId, useMemo, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { applyImport } from '../../shared/exchange/applyImport'
import type { SheetCell } from '../../shared/exchange/exchangeLimits'
import { IMPORT_FIELDS, guessColumnMapping } from '../../shared/exchange/guessColumnMapping'
import type { ColumnMapping, ImportField } from '../../shared/exchange/guessColumnMapping'
import { planImport } from '../../shared/exchange/planImport'
import { CATEGORY_LABELS } from '../../shared/labels/modelLabels'
import { addStakeholderCards } from '../canvas/boardActions'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { newEntityId } from '../stakeholders/StakeholderRegistry'
import { exchangeErrorMessage, importFieldLabel, importWarningMessage } from './exchangeMessages'
import { problemMessage, problemPathLabel } from './problemMessages'
import { useExchangeT } from './useExchangeT'
import { MAX_SHEET_FILE_BYTES, importedRowNumbers, readSheetFile } from './readSheetFile'

/** Props of {@link ImportPanel}. */
export interface ImportPanelProps {
  editor: Editor
  doc: Y.Doc
  registry: StakeholderRegistry
}

/** Rows shown in each preview list; the rest is counted. */
const PREVIEW_ROWS = 100

interface LoadedFile {
  name: string
  rows: SheetCell[][]
}

function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return ''
  return String(cell)
}

/** Import panel; see the module comment. Mount it in a side panel of the map page. */
export function ImportPanel({ editor, doc, registry }: ImportPanelProps) {
  const { t, locale } = useExchangeT()
  const ids = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const mappingHeading = useRef<HTMLHeadingElement>(null)
  const [loaded, setLoaded] = useState<LoadedFile | null>(null)
  const [mapping, setMapping] = useState<ColumnMapping>([])
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [reading, setReading] = useState(false)

  const headers = useMemo(() => (loaded?.rows[0] ?? []).map(cellText), [loaded])
  const plan = useMemo(() => {
    if (!loaded) return null
    return planImport(loaded.rows, mapping, {
      existingNames: registry.all.get().map((stakeholder) => stakeholder.name),
      idFactory: () => newEntityId('sh'),
      now: new Date().toISOString(),
    })
  }, [loaded, mapping, registry])
  const rowNumbers = useMemo(
    () =>
      plan && loaded ? importedRowNumbers(loaded.rows.length, plan.rejected, plan.skippedRows) : [],
    [plan, loaded],
  )

  function reset() {
    setLoaded(null)
    setMapping([])
    if (fileInput.current) fileInput.current.value = ''
  }

  async function onFile(file: File | undefined) {
    setError(null)
    setStatus(null)
    reset()
    if (!file) return
    setReading(true)
    const result = await readSheetFile(file)
    setReading(false)
    if (!result.ok) {
      if (fileInput.current) fileInput.current.value = ''
      switch (result.reason) {
        case 'type':
          return setError(t('import.error.type', { file: file.name }))
        case 'too-large':
          return setError(
            t('import.error.tooLarge', { limit: Math.round(MAX_SHEET_FILE_BYTES / 1_000_000) }),
          )
        case 'empty':
          return setError(t('import.error.empty'))
        case 'read':
          return setError(t('import.error.read'))
        case 'exchange':
          return setError(exchangeErrorMessage(locale, result.error.code, result.error.params))
      }
    }
    const header = (result.rows[0] ?? []).map(cellText)
    setLoaded({ name: file.name, rows: result.rows })
    setMapping(guessColumnMapping(header))
    // Move focus to the next step, so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => mappingHeading.current?.focus())
  }

  function setField(column: number, field: ImportField | null) {
    setMapping((current) => {
      const next = headers.map((_, index) => current[index] ?? null)
      // A field fills one column: choosing it here frees it elsewhere, as planImport expects.
      if (field !== null)
        for (let index = 0; index < next.length; index++) {
          if (next[index] === field) next[index] = null
        }
      next[column] = field
      return next
    })
  }

  function confirm() {
    if (!plan || plan.toImport.length === 0) return
    const result = applyImport(doc, plan, registry.origin, registry.confidential)
    if (!result.ok) {
      const first = result.errors[0]
      setError(
        t('import.failed', {
          reason: first ? exchangeErrorMessage(locale, first.code, first.params) : '',
        }),
      )
      return
    }
    addStakeholderCards(
      editor,
      plan.toImport.map((stakeholder) => stakeholder.id),
    )
    setStatus(t('import.done', { count: result.written }))
    reset()
    fileInput.current?.focus()
  }

  function cancel() {
    reset()
    setError(null)
    setStatus(null)
    fileInput.current?.focus()
  }

  const columnName = (column: number | null) =>
    column === null
      ? ''
      : t('import.rejected.column', { column: headers[column] || String(column + 1) })

  return (
    <section className="exchange exchange--import" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('import.heading')}</h2>
      <label htmlFor={`${ids}-file`}>{t('import.file.label')}</label>
      <input
        ref={fileInput}
        id={`${ids}-file`}
        type="file"
        accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={`${ids}-file-hint`}
        onChange={(event) => void onFile(event.target.files?.[0])}
      />
      <p id={`${ids}-file-hint`} className="exchange__hint">
        {t('import.file.hint')}
      </p>
      {reading && <p role="status">{t('importMap.reading')}</p>}
      {error && (
        <p role="alert" className="exchange__error">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className="exchange__status">
        {status}
      </p>

      {loaded && plan && (
        <>
          <h3 id={`${ids}-mapping`} ref={mappingHeading} tabIndex={-1}>
            {t('import.mapping.heading')}
          </h3>
          <table className="exchange__table" aria-labelledby={`${ids}-mapping`}>
            <thead>
              <tr>
                <th scope="col">{t('import.mapping.column')}</th>
                <th scope="col">{t('import.mapping.example')}</th>
                <th scope="col">{t('import.mapping.field')}</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header, column) => (
                <tr key={column}>
                  <th scope="row">{header || String(column + 1)}</th>
                  <td>{cellText(loaded.rows[1]?.[column])}</td>
                  <td>
                    <select
                      aria-label={`${t('import.mapping.field')}: ${header || String(column + 1)}`}
                      value={mapping[column] ?? ''}
                      onChange={(event) =>
                        setField(column, (event.target.value || null) as ImportField | null)
                      }
                    >
                      <option value="">{t('import.mapping.ignore')}</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {importFieldLabel(locale, field)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {plan.errors.map((planError) => (
            <p key={planError.code} role="alert" className="exchange__error">
              {exchangeErrorMessage(locale, planError.code, planError.params)}
            </p>
          ))}

          <h3>{t('import.preview.heading', { count: plan.toImport.length })}</h3>
          {plan.toImport.length > 0 && (
            <table className="exchange__table">
              <thead>
                <tr>
                  <th scope="col">{t('import.preview.row')}</th>
                  <th scope="col">{importFieldLabel(locale, 'name')}</th>
                  <th scope="col">{importFieldLabel(locale, 'category')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.toImport.slice(0, PREVIEW_ROWS).map((stakeholder, index) => (
                  <tr key={stakeholder.id}>
                    <td>{rowNumbers[index]}</td>
                    <td>{stakeholder.name}</td>
                    <td>{CATEGORY_LABELS[locale][stakeholder.category]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {plan.toImport.length > PREVIEW_ROWS && (
            <p>{t('import.preview.more', { count: plan.toImport.length - PREVIEW_ROWS })}</p>
          )}

          {plan.rejected.length > 0 && (
            <>
              <h3>{t('import.rejected.heading', { count: plan.rejected.length })}</h3>
              <ul className="exchange__rejected">
                {plan.rejected.slice(0, PREVIEW_ROWS).map((row) => (
                  <li key={row.rowNumber}>
                    {t('import.preview.row')} {row.rowNumber}:{' '}
                    {row.errors
                      .map((rowError) =>
                        [
                          rowError.column === null
                            ? problemPathLabel(locale, rowError.path)
                            : columnName(rowError.column),
                          problemMessage(locale, rowError),
                        ]
                          .filter(Boolean)
                          .join(' '),
                      )
                      .join('; ')}
                  </li>
                ))}
              </ul>
            </>
          )}

          {plan.warnings.length > 0 && (
            <>
              <h3>{t('import.warnings.heading', { count: plan.warnings.length })}</h3>
              <ul className="exchange__warnings">
                {plan.warnings.slice(0, PREVIEW_ROWS).map((warning, index) => (
                  <li key={index}>
                    {t('import.preview.row')} {warning.rowNumber}:{' '}
                    {importWarningMessage(locale, warning.code, warning.params)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {plan.skippedRows.length > 0 && (
            <p>{t('import.skipped', { count: plan.skippedRows.length })}</p>
          )}

          <div className="exchange__buttons">
            <button type="button" disabled={plan.toImport.length === 0} onClick={confirm}>
              {t('import.confirm', { count: plan.toImport.length })}
            </button>
            <button type="button" onClick={cancel}>
              {t('import.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
