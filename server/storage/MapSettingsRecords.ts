/**
 * A map's own settings (shared/protocol/mapSettings.ts), stored with the map (a column of
 * `maps`): for now its guest-link choice, null while it follows the organisation's default.
 * A part of the store of its own, beside {@link MapRecords}, so the catalogue stays as it was.
 */
import type { GuestLinkChoice } from '../../shared/protocol/mapSettings'

export interface MapSettingsRecords {
  /** The map's own guest-link choice; null when it has none (or there is no such map). */
  getGuestLinks(mapId: string): Promise<GuestLinkChoice | null>
  /** Sets the map's own choice (null: follow the default); false when there is no such map. */
  setGuestLinks(mapId: string, choice: GuestLinkChoice | null): Promise<boolean>
}

/** A stored `maps.guest_links` value as a choice (anything else, e.g. NULL, is none). */
export function guestLinkChoiceFromColumn(value: unknown): GuestLinkChoice | null {
  return value === 'allowed' || value === 'forbidden' ? value : null
}
