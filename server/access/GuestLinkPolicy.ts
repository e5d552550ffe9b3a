/**
 * Whether a map's guest links work now (shared/protocol/mapSettings.ts): in open mode
 * always, without a database read; in organisation mode the map's own choice, or else the
 * organisation's `GUEST_LINKS_DEFAULT`. Read on every guest-link request and socket, so
 * forbidding takes effect at once on every node (they share the database).
 */
import { type GuestLinkChoice, effectiveGuestLinks } from '../../shared/protocol/mapSettings'
import type { MapSettingsRecords } from '../storage/MapSettingsRecords'

export interface GuestLinkPolicy {
  /** The organisation's default; null in open mode, where guest links always work. */
  readonly organisationDefault: GuestLinkChoice | null
  /** What holds for the map's guest links now. */
  effective(mapId: string): Promise<GuestLinkChoice>
}

/** The policy of a server: `organisationDefault` null for open mode. */
export function createGuestLinkPolicy(
  settings: MapSettingsRecords,
  organisationDefault: GuestLinkChoice | null,
): GuestLinkPolicy {
  return {
    organisationDefault,
    async effective(mapId) {
      if (organisationDefault === null) return 'allowed'
      return effectiveGuestLinks(await settings.getGuestLinks(mapId), organisationDefault)
    },
  }
}
