/**
 * A map's settings (issue 18): for now whether its guest links work. In organisation mode
 * the organisation sets a default (`GUEST_LINKS_DEFAULT`) and a map's owner may follow it or
 * choose for the map; in open mode guest links always work and the setting is ignored.
 *
 * HTTP (owners only, others 403 `role-not-allowed`): `GET /api/maps/<id>/settings` and
 * `PUT /api/maps/<id>/settings` with `{ guestLinks: 'allowed' | 'forbidden' | 'default' }`;
 * both answer {@link MapSettingsResponse}. Forbidding closes the open sockets of the map's
 * guest links (4403) and refuses their tokens (403 / 4403) until allowed again; the map's
 * four role tokens are not guest links and keep working.
 */
import type { AccessMode } from './identity'
import type { Role } from './roles'

/** What guest links of a map do: work, or are refused. */
export const GUEST_LINK_CHOICES = ['allowed', 'forbidden'] as const

/** One of {@link GUEST_LINK_CHOICES}. */
export type GuestLinkChoice = (typeof GUEST_LINK_CHOICES)[number]

/** A map's own choice, or `default`: follow the organisation's. */
export type GuestLinkSetting = GuestLinkChoice | 'default'

/** The body of `PUT /api/maps/<id>/settings`. */
export interface MapSettingsRequest {
  guestLinks: GuestLinkSetting
}

/** The answer of `GET` and `PUT /api/maps/<id>/settings`. */
export interface MapSettingsResponse {
  mode: AccessMode
  /** The map's own setting (`default` when it follows the organisation). */
  guestLinks: GuestLinkSetting
  /** The organisation's default; `allowed` in open mode. */
  organisationDefault: GuestLinkChoice
  /** What holds now: whether guest links of this map work. */
  effective: { guestLinks: GuestLinkChoice }
}

/** True when `value` is one of {@link GUEST_LINK_CHOICES}. */
export function isGuestLinkChoice(value: unknown): value is GuestLinkChoice {
  return typeof value === 'string' && (GUEST_LINK_CHOICES as readonly string[]).includes(value)
}

/** True when `value` is a {@link GuestLinkSetting}. */
export function isGuestLinkSetting(value: unknown): value is GuestLinkSetting {
  return value === 'default' || isGuestLinkChoice(value)
}

/**
 * Whether a map's guest links work: in open mode (no organisation default) always; in
 * organisation mode the map's own choice, or else the organisation's default.
 */
export function effectiveGuestLinks(
  own: GuestLinkChoice | null,
  organisationDefault: GuestLinkChoice | null,
): GuestLinkChoice {
  if (organisationDefault === null) return 'allowed'
  return own ?? organisationDefault
}

/** Whether `role` may read and change a map's settings: owners only. */
export function canChangeMapSettings(role: Role): boolean {
  return role === 'owner'
}
