/**
 * The four share links of a map, for owners and facilitators: copy a link, or reissue it
 * (the old link stops working and its open sessions are closed by the server). Only an
 * owner sees and reissues the owner link; other roles get nothing from this panel. Below
 * them, the map's guest links ({@link GuestLinksSection}).
 *
 * In organisation mode there are no such links (the server refuses them: they never expire
 * and ignore membership): the panel says that colleagues come in as members and shows only
 * the guest links, also to a member who holds no token (their calls go with the session).
 */
import { useState } from 'react'
import { ROLES, type Role, canFacilitate, canManageLink } from '../../shared/protocol/roles'
import { apiFailureReason } from '../i18n/apiFailureReason'
import type { Locale } from '../i18n/locale'
import { reissueToken } from './apiWithToken'
import { GuestLinksSection } from './GuestLinksSection'
import { ProjectorLink } from './ProjectorLink'
import { rememberAccess, shareLink } from './mapAccess'
import { roleLabel, sharingText } from './sharingMessages'

/** Props of {@link SharePanel}. */
export interface SharePanelProps {
  mapId: string
  /** The role of `token`, as the server answered in `GET /api/maps/<id>`. */
  role: Role
  /** The token this browser uses for the map (sent as Bearer). */
  token: string
  /** Tokens held for the map, by role (`accessFor(mapId).tokens`). */
  tokens: Partial<Record<Role, string>>
  locale: Locale
  /** Origin for the links; defaults to the page's. */
  origin?: string
  /** Told about a new token (already stored with `rememberAccess`). */
  onReissued?: (role: Role, token: string) => void
  /** Organisation mode: no role links, members and guest links instead. */
  organisation?: boolean
}

/** Share links with copy and reissue buttons; renders nothing for editors and viewers. */
export function SharePanel(props: SharePanelProps) {
  const { mapId, role, token, locale } = props
  const [tokens, setTokens] = useState(props.tokens)
  const [copied, setCopied] = useState<Role | null>(null)
  const [busy, setBusy] = useState<Role | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (!canFacilitate(role)) return null
  const origin = props.origin ?? window.location.origin
  const t = (key: Parameters<typeof sharingText>[1], params?: Record<string, string>) =>
    sharingText(locale, key, params)

  async function copy(target: Role, link: string) {
    try {
      await navigator.clipboard.writeText(link)
      setCopied(target)
    } catch {
      // The browser may refuse the clipboard (no permission, not focused); the link is shown.
      setError(t('share.copyFailed'))
    }
  }

  async function reissue(target: Role) {
    if (!window.confirm(t('share.reissueConfirm', { role: roleLabel(locale, target) }))) return
    setBusy(target)
    setError(null)
    try {
      // Reissuing our own role's link revokes the token we call with: use the answer next.
      const { token: fresh } = await reissueToken(mapId, target, token)
      rememberAccess(mapId, { [target]: fresh })
      setTokens((current) => ({ ...current, [target]: fresh }))
      setCopied(null)
      props.onReissued?.(target, fresh)
    } catch (failure) {
      setError(t('share.failed', { reason: apiFailureReason(locale, failure) }))
    } finally {
      setBusy(null)
    }
  }

  const guestLinks = (
    <GuestLinksSection
      mapId={mapId}
      role={role}
      token={token}
      locale={locale}
      origin={origin}
      projector={props.organisation === true}
    />
  )
  const viewerToken = tokens.viewer
  if (props.organisation === true) {
    return (
      <section className="share-panel" aria-labelledby="share-heading">
        <h3 id="share-heading">{t('share.heading')}</h3>
        <p className="panel__muted">
          {t(role === 'owner' ? 'share.organisation.owner' : 'share.organisation.other')}
        </p>
        {guestLinks}
      </section>
    )
  }

  return (
    <section className="share-panel" aria-labelledby="share-heading">
      <h3 id="share-heading">{t('share.heading')}</h3>
      <p className="panel__muted">{t('share.intro')}</p>
      <ul className="share-panel__links">
        {ROLES.filter((target) => canManageLink(role, target)).map((target) => {
          const held = tokens[target]
          const link = held ? shareLink(origin, mapId, held) : null
          return (
            <li key={target} className="share-panel__link">
              <strong>{roleLabel(locale, target)}</strong>
              {link ? (
                <input readOnly value={link} aria-label={roleLabel(locale, target)} />
              ) : (
                <span className="panel__muted">{t('share.unknown')}</span>
              )}
              {link && (
                <button type="button" className="button" onClick={() => void copy(target, link)}>
                  {copied === target ? t('share.copied') : t('share.copy')}
                </button>
              )}
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void reissue(target)}
              >
                {t('share.reissue')}
              </button>
            </li>
          )
        })}
      </ul>
      <ProjectorLink
        viewerLink={viewerToken ? shareLink(origin, mapId, viewerToken) : null}
        locale={locale}
      />
      {error && <p role="alert">{error}</p>}
      {token && guestLinks}
    </section>
  )
}
