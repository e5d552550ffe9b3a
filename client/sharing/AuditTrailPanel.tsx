/**
 * The audit trail of a map, or of one stakeholder: who changed what and when, with old and
 * new values of scores and classifications, filterable by person and date, and a CSV
 * download of what is shown. Only rendered for owners and facilitators (the server answers
 * 403 to the other roles anyway). The words come from shared/audit, so the view and the CSV
 * say the same thing in both languages.
 */
import { useCallback, useEffect, useId, useState } from 'react'
import {
  auditIdentityLabel,
  auditRoleLabel,
  describeAuditEntry,
} from '../../shared/audit/describeAuditEntry'
import type { AuditEntry, AuditQuery } from '../../shared/protocol/accessApi'
import { apiFailureReason } from '../i18n/apiFailureReason'
import type { Locale } from '../i18n/locale'
import { fetchAudit, fetchAuditCsv } from './apiWithToken'
import { sharingText } from './sharingMessages'

/** Props of {@link AuditTrailPanel}. */
export interface AuditTrailPanelProps {
  mapId: string
  token: string
  locale: Locale
  /** Only this stakeholder's rows (the view in the stakeholder editor). */
  stakeholderId?: string
  /** A stakeholder's current name (undefined for one removed since). */
  nameOf: (stakeholderId: string) => string | undefined
}

/** The audit trail with its filters, table and download. */
export function AuditTrailPanel(props: AuditTrailPanelProps) {
  const { mapId, token, locale, stakeholderId, nameOf } = props
  const t = (key: Parameters<typeof sharingText>[1], params?: Record<string, string>) =>
    sharingText(locale, key, params)
  const id = useId()
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [people, setPeople] = useState<string[]>([])
  const [person, setPerson] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [error, setError] = useState<string | null>(null)
  const query: AuditQuery = { stakeholderId, person, from, to }

  const fail = useCallback(
    (failure: unknown) => {
      setError(sharingText(locale, 'audit.failed', { reason: apiFailureReason(locale, failure) }))
    },
    [locale],
  )

  const load = useCallback(async () => {
    setError(null)
    try {
      const rows = await fetchAudit(mapId, token, { stakeholderId, person, from, to })
      setEntries(rows)
      // The people to choose from: everyone seen so far, so a filter never hides the others.
      setPeople((known) =>
        [...new Set([...known, ...rows.map((row) => row.participant.name)])].sort((a, b) =>
          a.localeCompare(b),
        ),
      )
    } catch (failure) {
      fail(failure)
    }
  }, [mapId, token, stakeholderId, person, from, to, fail])

  useEffect(() => {
    void load()
  }, [load])

  async function onDownload() {
    try {
      const blob = await fetchAuditCsv(mapId, token, query, locale)
      // Export code is loaded when used, not with the map (tests/bench/bundle.test.ts).
      const { downloadBlob } = await import('../exchange/downloadBlob')
      const base = locale === 'nl' ? 'audittrail' : 'audit-trail'
      downloadBlob(blob, `${base}${stakeholderId ? `-${stakeholderId}` : ''}.csv`)
    } catch (failure) {
      fail(failure)
    }
  }

  const headingId = `${id}-heading`
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })
  return (
    <section className="audit-panel" aria-labelledby={headingId} data-testid="audit-trail">
      <h3 id={headingId}>{t(stakeholderId ? 'audit.headingStakeholder' : 'audit.heading')}</h3>
      <p className="panel__muted">{t('audit.intro')}</p>
      <div className="audit-panel__filters">
        <label htmlFor={`${id}-person`}>{t('audit.person')}</label>
        <select
          id={`${id}-person`}
          value={person}
          onChange={(event) => setPerson(event.target.value)}
        >
          <option value="">{t('audit.everyone')}</option>
          {people.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-from`}>{t('audit.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
        <label htmlFor={`${id}-to`}>{t('audit.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <div className="audit-panel__actions">
        <button type="button" className="button" onClick={() => void load()}>
          {t('audit.refresh')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void onDownload()}>
          {t('audit.download')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {entries === null && !error && <p className="panel__muted">{t('audit.loading')}</p>}
      {entries?.length === 0 && <p className="panel__empty">{t('audit.empty')}</p>}
      {entries !== null && entries.length > 0 && (
        <div className="audit-panel__scroll" tabIndex={0} aria-labelledby={headingId}>
          <table className="audit-panel__table">
            <thead>
              <tr>
                <th scope="col">{t('audit.whoWhen')}</th>
                {!stakeholderId && <th scope="col">{t('audit.stakeholder')}</th>}
                <th scope="col">{t('audit.field')}</th>
                <th scope="col">{t('audit.old')}</th>
                <th scope="col">{t('audit.new')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.flatMap((entry) =>
                describeAuditEntry(entry, locale).map((line, index) => (
                  <tr key={`${entry.id}-${index}`} data-testid="audit-row">
                    <td>
                      <span data-testid="audit-who">
                        {entry.participant.name} ({auditRoleLabel(entry.participant.role, locale)})
                      </span>
                      {entry.participant.kind && (
                        <span data-testid="audit-kind" className="participants__kind">
                          {auditIdentityLabel(entry.participant, locale)}
                        </span>
                      )}
                      <br />
                      <time dateTime={entry.lastAt} className="panel__muted">
                        {when.format(new Date(entry.lastAt))}
                      </time>
                    </td>
                    {!stakeholderId && (
                      <td>{nameOf(entry.stakeholderId) ?? entry.stakeholderId}</td>
                    )}
                    <td>{line.field}</td>
                    <td>{line.from ?? ''}</td>
                    <td>{line.to}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/**
 * The audit trail of one stakeholder behind a disclosure (a native `<details>`, so Enter and
 * Space open it); loaded only once opened, and again for each stakeholder shown.
 */
export function StakeholderAuditDisclosure(
  props: AuditTrailPanelProps & { stakeholderId: string },
) {
  const [open, setOpen] = useState(false)
  return (
    <details
      className="audit-disclosure"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="stakeholder-audit"
    >
      <summary>{sharingText(props.locale, 'audit.show')}</summary>
      {open && <AuditTrailPanel key={props.stakeholderId} {...props} />}
    </details>
  )
}
