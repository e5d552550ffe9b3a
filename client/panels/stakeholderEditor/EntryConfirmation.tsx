/**
 * The stakeholder's own voice on one engagement-log entry (issue 21): the answers that came
 * in through confirmation links (read from the document, where the server writes them), and
 * for roles that may ask, "Ask for confirmation": it makes a one-time link (30 days unless
 * chosen otherwise), shows it to copy — the server sends its secret only this once — and
 * lists the entry's links with where each stands (waiting, answered, expired, withdrawn),
 * with a button to withdraw a waiting one.
 */
import { useContext, useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { StakeholderAnswer } from '../../../shared/confirmation/stakeholderAnswer'
import {
  type ConfirmationLinkSummary,
  DEFAULT_CONFIRMATION_LINK_DAYS,
  confirmationLinkState,
  confirmationPagePath,
} from '../../../shared/protocol/confirmationLinks'
import type { EngagementEntry } from '../../../shared/stakeholder/Stakeholder'
import { apiFailureReason } from '../../i18n/apiFailureReason'
import { useTranslation } from '../../i18n/useTranslation'
import {
  createConfirmationLink,
  listConfirmationLinks,
  revokeConfirmationLink,
} from '../../sharing/apiWithToken'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import { ConfirmationRequests } from '../ConfirmationRequests'
import { FieldsReadOnly } from '../fields'

/** Expiries offered, in days. */
const EXPIRY_CHOICES = [7, DEFAULT_CONFIRMATION_LINK_DAYS, 90] as const

const DATE_LOCALES = { en: 'en-GB', nl: 'nl-NL' } as const

/** Answers and confirmation links of one entry. */
export function EntryConfirmation({
  stakeholderId,
  entry,
  registry,
}: {
  stakeholderId: string
  entry: EngagementEntry
  registry: StakeholderRegistry
}) {
  const { t, locale } = useTranslation()
  const access = useContext(ConfirmationRequests)
  const readOnly = useContext(FieldsReadOnly)
  const answers = useValue(
    'stakeholder answers',
    () => registry.answersTo(stakeholderId, entry.id),
    [registry, stakeholderId, entry.id],
  )
  const [links, setLinks] = useState<ConfirmationLinkSummary[]>([])
  const [days, setDays] = useState<number>(DEFAULT_CONFIRMATION_LINK_DAYS)
  const [made, setMade] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const day = new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'long' })
  const asking = access !== null && !readOnly
  const fail = (failure: unknown) =>
    setError(t('confirm.failed', { reason: apiFailureReason(locale, failure) }))

  // Read again when an answer comes in, so the list says "answered" without a reload.
  useEffect(() => {
    if (!asking) return
    let cancelled = false
    listConfirmationLinks(access.mapId, access.token, stakeholderId, entry.id).then(
      (listed) => {
        if (!cancelled) setLinks(listed)
      },
      (failure: unknown) => {
        if (!cancelled) fail(failure)
      },
    )
    return () => {
      cancelled = true
    }
  }, [asking, access, stakeholderId, entry.id, answers.length]) // eslint-disable-line react-hooks/exhaustive-deps

  async function ask() {
    if (access === null) return
    setBusy(true)
    setError(null)
    try {
      const { token, link } = await createConfirmationLink(access.mapId, access.token, {
        stakeholderId,
        entryId: entry.id,
        expiresInDays: days,
        by: access.by(),
      })
      setMade(`${window.location.origin}${confirmationPagePath(token)}`)
      setCopied(false)
      setLinks((current) => [link, ...current])
    } catch (failure) {
      fail(failure)
    } finally {
      setBusy(false)
    }
  }

  async function revoke(linkId: string) {
    if (access === null) return
    setBusy(true)
    setError(null)
    try {
      const revoked = await revokeConfirmationLink(access.mapId, linkId, access.token)
      setLinks((current) => current.map((link) => (link.id === linkId ? revoked : link)))
    } catch (failure) {
      fail(failure)
    } finally {
      setBusy(false)
    }
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link)
      setCopied(true)
    } catch {
      setError(t('confirm.copyFailed'))
    }
  }

  if (!asking && answers.length === 0) return null
  const now = new Date()
  return (
    <section className="entry-confirmation" data-testid="entry-confirmation">
      <h4 className="entry-confirmation__heading">{t('confirm.heading')}</h4>
      {answers.map((answer) => (
        <AnswerShown key={answer.linkId} answer={answer} day={day} />
      ))}
      {asking && (
        <>
          <p className="field__hint">{t('confirm.hint')}</p>
          <div className="entry-confirmation__ask">
            <label>
              {t('confirm.validFor')}{' '}
              <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
                {EXPIRY_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t('confirm.days', { days: choice })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button" disabled={busy} onClick={() => void ask()}>
              {t('confirm.ask')}
            </button>
          </div>
          {made && (
            <div className="entry-confirmation__made" role="status">
              <p>{t('confirm.made')}</p>
              <input
                readOnly
                aria-label={t('confirm.linkLabel')}
                value={made}
                data-testid="confirmation-link"
                onFocus={(event) => event.currentTarget.select()}
              />
              <button type="button" className="button" onClick={() => void copy(made)}>
                {copied ? t('confirm.copied') : t('confirm.copy')}
              </button>
            </div>
          )}
          {links.length > 0 && (
            <ul className="entry-confirmation__links" aria-label={t('confirm.links')}>
              {links.map((link) => {
                const state = confirmationLinkState(link, now)
                const date =
                  state === 'answered'
                    ? link.answer!.answeredAt
                    : state === 'revoked'
                      ? link.revokedAt!
                      : link.expiresAt
                return (
                  <li key={link.id} data-state={state}>
                    {t(`confirm.state.${state}`, { date: day.format(new Date(date)) })} ·{' '}
                    {t('confirm.madeBy', { name: link.createdBy.name })}
                    {state === 'waiting' && (
                      <button
                        type="button"
                        className="button button--quiet"
                        disabled={busy}
                        onClick={() => void revoke(link.id)}
                      >
                        {t('confirm.revoke')}
                      </button>
                    )}
                  </li>
                )
              })}
            </ul>
          )}
        </>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

/** One answer as evidence: the verdict, the stakeholder's words, when, on whose link. */
function AnswerShown({ answer, day }: { answer: StakeholderAnswer; day: Intl.DateTimeFormat }) {
  const { t } = useTranslation()
  return (
    <div className="entry-confirmation__answer" data-testid="stakeholder-answer">
      <p>
        <strong>{t(`confirm.verdict.${answer.verdict}`)}</strong> ·{' '}
        {t('confirm.answerOf', {
          date: day.format(new Date(answer.answeredAt)),
          name: answer.askedBy.name,
        })}
      </p>
      {answer.corrections && (
        <p>
          {t('confirm.corrections')}: <q>{answer.corrections}</q>
        </p>
      )}
      {answer.comments && (
        <p>
          {t('confirm.comments')}: <q>{answer.comments}</q>
        </p>
      )}
    </div>
  )
}
