/**
 * Home-page form that imports a map JSON export as a new map and opens it. Validation
 * errors of the file are listed with their paths; nothing is created for a broken file.
 */
import { type FormEvent, useId, useState } from 'react'
import { apiFailureReason } from '../i18n/apiFailureReason'
import { mapPath, navigate } from '../navigation'
import { problemMessage, problemPathLabel } from './problemMessages'
import { useExchangeT } from './useExchangeT'
import { exchangeErrorMessage } from './exchangeMessages'
import type { ExchangeMessageKey } from './exchangeMessages'
import {
  MAX_MAP_FILE_BYTES,
  importMapIntoNewMap,
  importedMapTitle,
  readMapFile,
} from './importMapFile'
import type { ImportMapOutcome, ImportMapStep } from './importMapFile'

/** Props of {@link ImportMapForm}. */
export interface ImportMapFormProps {
  /** Called with the new map's id (and token, once the server issues them) before navigating. */
  onImported?: (mapId: string, title: string, token: string | undefined) => void
  /** Access token to connect with, when the caller already has one. */
  token?: string
}

/** Errors listed at most; the rest is counted. */
const SHOWN_ERRORS = 10

const STEP_MESSAGES: Readonly<Record<ImportMapStep, ExchangeMessageKey>> = {
  creating: 'importMap.creating',
  writing: 'importMap.writing',
  confirming: 'importMap.confirming',
}

/** Import form; see the module comment. */
export function ImportMapForm({ onImported, token }: ImportMapFormProps) {
  const { t, locale } = useExchangeT()
  const ids = useId()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<string | null>(null)
  const [problem, setProblem] = useState<{ message: string; details: string[] } | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  /** Why the import failed, in the user's language (the outcome's message is English). */
  function importFailure(outcome: Extract<ImportMapOutcome, { ok: false }>): string {
    switch (outcome.reason) {
      case 'not-confirmed':
        return t('importMap.notConfirmed')
      case 'not-synced':
        return t('importMap.notSynced')
      case 'create-failed':
        return t('importMap.failed', { reason: apiFailureReason(locale, outcome.cause) })
      case 'results-refused':
        return t('importMap.resultsRefused', { reason: apiFailureReason(locale, outcome.cause) })
      case 'write-failed': {
        const first = outcome.errors?.[0]
        const reason = first ? exchangeErrorMessage(locale, first.code, first.params) : ''
        return t('importMap.failed', { reason })
      }
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!file || busy) return
    setBusy(true)
    setProblem(null)
    setNotice(null)
    setProgress(t('importMap.reading'))
    try {
      const parsed = await readMapFile(file)
      if (!parsed.ok) {
        if ('tooLarge' in parsed) {
          setProblem({
            message: t('importMap.tooLarge', { limit: Math.round(MAX_MAP_FILE_BYTES / 1_000_000) }),
            details: [],
          })
        } else {
          const details = parsed.errors.slice(0, SHOWN_ERRORS).map((error) => {
            const message = problemMessage(locale, error)
            return error.path ? `${problemPathLabel(locale, error.path)}: ${message}` : message
          })
          if (parsed.errors.length > SHOWN_ERRORS) {
            details.push(t('importMap.moreErrors', { count: parsed.errors.length - SHOWN_ERRORS }))
          }
          setProblem({ message: t('importMap.invalid'), details })
        }
        return
      }
      if (parsed.warnings.length > 0) {
        setNotice(t('importMap.warnings', { count: parsed.warnings.length }))
      }
      const count = parsed.value.stakeholders.length
      const title = importedMapTitle(parsed.value, locale)
      const outcome = await importMapIntoNewMap(parsed.value, {
        locale,
        token,
        onProgress: (step) => setProgress(t(STEP_MESSAGES[step], { count })),
      })
      if (!outcome.ok) {
        const message = importFailure(outcome)
        setProblem({ message, details: [] })
        // The map exists but may be incomplete: still let the user open it and look.
        if (
          outcome.mapId !== undefined &&
          (outcome.reason === 'not-confirmed' || outcome.reason === 'results-refused')
        ) {
          onImported?.(outcome.mapId, title, undefined)
        }
        return
      }
      onImported?.(outcome.mapId, title, outcome.token)
      navigate(mapPath(outcome.mapId))
    } finally {
      setBusy(false)
      setProgress(null)
    }
  }

  return (
    <section aria-labelledby={`${ids}-heading`} className="home__card exchange--import-map">
      <h2 id={`${ids}-heading`}>{t('importMap.heading')}</h2>
      <form onSubmit={(event) => void onSubmit(event)} className="home__form">
        <label htmlFor={`${ids}-file`}>{t('importMap.file.label')}</label>
        <input
          id={`${ids}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null)
            setProblem(null)
          }}
        />
        <button type="submit" disabled={busy || !file}>
          {t('importMap.submit')}
        </button>
      </form>
      <p role="status" aria-live="polite">
        {progress ?? notice}
      </p>
      {problem && (
        <div role="alert" className="home__error">
          <p>{problem.message}</p>
          {problem.details.length > 0 && (
            <ul>
              {problem.details.map((detail, index) => (
                <li key={index}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
