/**
 * The guest links of a map, in the Share panel (owners and facilitators): make a link for a
 * role with an expiry (default 7 days, or until a chosen day), copy it while it is shown —
 * the server sends a token only once — see each live link's role and expiry, and withdraw
 * one (the server closes its open sessions). A link opens like the share links above it.
 * In organisation mode the owner also chooses whether the map allows guest links
 * ({@link GuestLinkSettingField}); while they are not allowed, the section says so instead
 * of offering to make links.
 */
import { useEffect, useState } from 'react'
import {
  DEFAULT_GUEST_LINK_DAYS,
  GUEST_LINK_ROLES,
  type GuestLinkRole,
  type GuestLinkSummary,
  MAX_GUEST_LINK_DAYS,
  canManageGuestLink,
  isGuestLinkLive,
} from '../../shared/protocol/guestLinks'
import type { GuestLinkSetting, MapSettingsResponse } from '../../shared/protocol/mapSettings'
import type { Role } from '../../shared/protocol/roles'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { ApiRequestError } from '../config/apiClient'
import { useFieldDrafts } from '../drafts/FieldDrafts'
import { useStoredDraft } from '../drafts/useStoredDraft'
import { apiFailureReason } from '../i18n/apiFailureReason'
import type { Locale } from '../i18n/locale'
import {
  createGuestLink,
  getMapSettings,
  listGuestLinks,
  putMapSettings,
  revokeGuestLink,
} from './apiWithToken'
import { GuestLinkSettingField } from './GuestLinkSettingField'
import { shareLink } from './mapAccess'
import { ProjectorLink, asProjectorLink } from './ProjectorLink'
import { type SharingMessageKey, roleLabel, sharingText } from './sharingMessages'

/** Expiries offered, in days; 'date' asks for a last day. */
const EXPIRY_CHOICES = [1, 7, 30, 90] as const
type ExpiryChoice = (typeof EXPIRY_CHOICES)[number] | 'date'

/** The draft key of a typed last day. */
const LAST_DAY_DRAFT = 'guest-links/last-day'

const DATE_LOCALES: Readonly<Record<Locale, string>> = { en: 'en-GB', nl: 'nl-NL' }

/** Props of {@link GuestLinksSection}. */
export interface GuestLinksSectionProps {
  mapId: string
  /** The role of `token`: owner or facilitator (the section is not shown to others). */
  role: Role
  token: string
  locale: Locale
  origin: string
  /** Offer a projector link made from a viewer guest link (organisation mode: no share links). */
  projector?: boolean
}

/** A local day as `YYYY-MM-DD`, `days` from today. */
function localDay(days: number): string {
  const day = new Date()
  day.setDate(day.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`
}

/** The end of a local day (`YYYY-MM-DD`) as an ISO time: the link works all that day. */
function endOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year ?? 0, (month ?? 1) - 1, date ?? 1, 23, 59, 59, 999).toISOString()
}

/** Make, copy, list and withdraw guest links. */
export function GuestLinksSection({
  mapId,
  role,
  token,
  locale,
  origin,
  projector = false,
}: GuestLinksSectionProps) {
  const makeable = GUEST_LINK_ROLES.filter((target) => canManageGuestLink(role, target))
  const [links, setLinks] = useState<GuestLinkSummary[]>([])
  const [target, setTarget] = useState<GuestLinkRole>(makeable.at(-1) ?? 'viewer')
  // The chosen expiry and a typed last day are drafts of the map: they outlive another panel
  // tab and a reload until a link is made with them.
  const [expiryDraft, setExpiryDraft, clearExpiry] = useStoredDraft('guest-links/expiry')
  const expiry: ExpiryChoice =
    expiryDraft === 'date'
      ? 'date'
      : (EXPIRY_CHOICES.find((days) => String(days) === expiryDraft) ?? DEFAULT_GUEST_LINK_DAYS)
  const setExpiry = (choice: ExpiryChoice) => setExpiryDraft(String(choice))
  const drafts = useFieldDrafts()
  // The last day offered ends within the 90 days the server allows. A half-typed date reads
  // as '' in the field: it stays so here, and the draft keeps the last whole one.
  const [lastDay, setLastDayShown] = useState(
    () => drafts.get(LAST_DAY_DRAFT) ?? localDay(DEFAULT_GUEST_LINK_DAYS),
  )
  const setLastDay = (day: string) => {
    setLastDayShown(day)
    if (day !== '') drafts.set(LAST_DAY_DRAFT, day)
  }
  const clearLastDay = () => drafts.delete(LAST_DAY_DRAFT)
  /** Tokens made in this visit, by link id: the only time they can be copied. */
  const [made, setMade] = useState<Record<string, string>>({})
  const [newest, setNewest] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** The map's settings; only owners may read them (null until read, or for facilitators). */
  const [settings, setSettings] = useState<MapSettingsResponse | null>(null)
  /** A facilitator cannot read the settings: the server's refusal of a new link tells. */
  const [refused, setRefused] = useState(false)
  const t = (key: SharingMessageKey, params?: Record<string, string>) =>
    sharingText(locale, key, params)
  const when = new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
  })
  const expiresOn = (link: GuestLinkSummary) =>
    t('guest.expiresOn', { date: when.format(new Date(link.expiresAt)) })

  useEffect(() => {
    let cancelled = false
    listGuestLinks(mapId, token).then(
      (listed) => {
        if (!cancelled) setLinks(listed)
      },
      (failure: unknown) => {
        if (!cancelled) setError(t('guest.failed', { reason: apiFailureReason(locale, failure) }))
      },
    )
    return () => {
      cancelled = true
    }
  }, [mapId, token]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (role !== 'owner') return
    let cancelled = false
    getMapSettings(mapId, token).then(
      (read) => {
        if (!cancelled) setSettings(read)
      },
      (failure: unknown) => {
        if (!cancelled) setError(t('guest.failed', { reason: apiFailureReason(locale, failure) }))
      },
    )
    return () => {
      cancelled = true
    }
  }, [mapId, token, role]) // eslint-disable-line react-hooks/exhaustive-deps

  async function changeSetting(setting: GuestLinkSetting) {
    setBusy(true)
    setError(null)
    try {
      setSettings(await putMapSettings(mapId, token, setting))
    } catch (failure) {
      setError(t('guest.failed', { reason: apiFailureReason(locale, failure) }))
    } finally {
      setBusy(false)
    }
  }

  /** Makes the link chosen in the form, or (`forProjector`) a viewer link for one day. */
  async function make(forProjector = false) {
    setBusy(true)
    setError(null)
    try {
      const answer = await createGuestLink(
        mapId,
        token,
        forProjector
          ? { role: 'viewer', expiresInDays: 1 }
          : {
              role: target,
              ...(expiry === 'date'
                ? { expiresAt: endOfLocalDay(lastDay) }
                : { expiresInDays: expiry }),
            },
      )
      if (!forProjector) {
        clearExpiry()
        clearLastDay()
      }
      setMade((current) => ({ ...current, [answer.id]: answer.token }))
      setNewest(answer.id)
      setCopied(null)
      setLinks(await listGuestLinks(mapId, token))
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.code === ApiErrorCode.guestLinksForbidden) {
        setRefused(true)
        return
      }
      setError(t('guest.failed', { reason: apiFailureReason(locale, failure) }))
    } finally {
      setBusy(false)
    }
  }

  async function revoke(link: GuestLinkSummary) {
    const question = t('guest.revokeConfirm', {
      role: roleLabel(locale, link.role),
      date: when.format(new Date(link.expiresAt)),
    })
    if (!window.confirm(question)) return
    setBusy(true)
    setError(null)
    try {
      const revoked = await revokeGuestLink(mapId, link.id, token)
      setLinks((current) => current.map((each) => (each.id === link.id ? revoked : each)))
      if (newest === link.id) setNewest(null)
    } catch (failure) {
      setError(t('guest.failed', { reason: apiFailureReason(locale, failure) }))
    } finally {
      setBusy(false)
    }
  }

  async function copy(linkId: string, link: string) {
    try {
      await navigator.clipboard.writeText(link)
      setCopied(linkId)
    } catch {
      setError(t('share.copyFailed'))
    }
  }

  const now = new Date()
  const live = links.filter((link) => isGuestLinkLive(link, now))
  const newestToken = newest === null ? undefined : made[newest]
  const newestLink = newestToken ? shareLink(origin, mapId, newestToken) : null
  const newestRole = links.find((link) => link.id === newest)?.role
  const forbidden = settings === null ? refused : settings.effective.guestLinks === 'forbidden'
  // The projector shows the newest viewer link held in this visit (tokens are shown once).
  const projectorToken = live
    .filter((link) => link.role === 'viewer' && made[link.id] !== undefined)
    .map((link) => made[link.id])
    .at(-1)

  return (
    <section className="guest-links" aria-labelledby="guest-links-heading">
      <h4 id="guest-links-heading">{t('guest.heading')}</h4>
      <p className="panel__muted">{t('guest.intro')}</p>
      {settings?.mode === 'organisation' && (
        <GuestLinkSettingField
          settings={settings}
          locale={locale}
          busy={busy}
          onChange={(setting) => void changeSetting(setting)}
        />
      )}
      {forbidden ? (
        <p className="guest-links__forbidden" role="status">
          {t('guest.forbidden')}
        </p>
      ) : (
        <div className="guest-links__form">
          <label>
            {t('guest.role')}
            <select
              value={target}
              onChange={(event) => setTarget(event.target.value as GuestLinkRole)}
            >
              {makeable.map((each) => (
                <option key={each} value={each}>
                  {roleLabel(locale, each)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('guest.validFor')}
            <select
              value={String(expiry)}
              onChange={(event) =>
                setExpiry(
                  event.target.value === 'date'
                    ? 'date'
                    : (Number(event.target.value) as ExpiryChoice),
                )
              }
            >
              {EXPIRY_CHOICES.map((days) => (
                <option key={days} value={days}>
                  {t(`guest.days.${days}`)}
                </option>
              ))}
              <option value="date">{t('guest.untilDate')}</option>
            </select>
          </label>
          {expiry === 'date' && (
            <label>
              {t('guest.date')}
              <input
                type="date"
                value={lastDay}
                min={localDay(0)}
                max={localDay(MAX_GUEST_LINK_DAYS - 1)}
                onChange={(event) => setLastDay(event.target.value)}
              />
            </label>
          )}
          <button type="button" className="button" disabled={busy} onClick={() => void make()}>
            {t('guest.make')}
          </button>
        </div>
      )}
      {projector && !forbidden && (
        <ProjectorLink
          viewerLink={projectorToken ? shareLink(origin, mapId, projectorToken) : null}
          locale={locale}
          busy={busy}
          onMake={() => void make(true)}
        />
      )}
      {!forbidden && newestLink && newest !== null && newestRole && (
        <div className="guest-links__made" role="status">
          <p>{t('guest.made', { role: roleLabel(locale, newestRole) })}</p>
          <input readOnly value={newestLink} aria-label={t('guest.newLink')} />
          <button type="button" className="button" onClick={() => void copy(newest, newestLink)}>
            {copied === newest ? t('share.copied') : t('share.copy')}
          </button>
        </div>
      )}
      {live.length === 0 ? (
        <p className="panel__muted">{t('guest.none')}</p>
      ) : (
        <ul className="guest-links__list">
          {live.map((link) => {
            const held = made[link.id]
            const url = held ? shareLink(origin, mapId, held) : null
            return (
              <li key={link.id} className="guest-links__link">
                <strong>{roleLabel(locale, link.role)}</strong>{' '}
                <span className="panel__muted">{expiresOn(link)}</span>
                {url && (
                  <button type="button" className="button" onClick={() => void copy(link.id, url)}>
                    {copied === link.id ? t('share.copied') : t('share.copy')}
                  </button>
                )}
                {url && link.role === 'viewer' && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => void copy(`${link.id}:projector`, asProjectorLink(url))}
                  >
                    {copied === `${link.id}:projector` ? t('share.copied') : t('projector.asLink')}
                  </button>
                )}
                {canManageGuestLink(role, link.role) && (
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy}
                    onClick={() => void revoke(link)}
                  >
                    {t('guest.revoke')}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  )
}
