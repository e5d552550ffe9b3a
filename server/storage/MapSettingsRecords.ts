/**
 * A map's own settings (shared/protocol/mapSettings.ts), stored with the map (columns of
 * `maps`): its guest-link choice, null while it follows the organisation's default; and,
 * for a map created as an import, whether it still awaits its file's evaluation results
 * (shared/protocol/importedResultsApi.ts).
 * A part of the store of its own, beside {@link MapRecords}, so the catalogue stays as it was.
 */
import type { GuestLinkChoice } from '../../shared/protocol/mapSettings'

export interface MapSettingsRecords {
  /** The map's own guest-link choice; null when it has none (or there is no such map). */
  getGuestLinks(mapId: string): Promise<GuestLinkChoice | null>
  /** Sets the map's own choice (null: follow the default); false when there is no such map. */
  setGuestLinks(mapId: string, choice: GuestLinkChoice | null): Promise<boolean>
  /** Marks a new map as created as an import, awaiting its file's results once. */
  awaitImportedResults(mapId: string): Promise<void>
  /** Whether the map was created as an import, and whether it took its results already. */
  importedResultsState(mapId: string): Promise<ImportedResultsState>
  /**
   * Takes the map's one chance to receive imported results, atomically (on every node):
   * true for the one caller that found it awaiting them, false for every other.
   */
  takeImportedResults(mapId: string, at: string): Promise<boolean>
}

/** `none`: not created as an import; `awaited`: may take its results; `taken`: did. */
export type ImportedResultsState = 'none' | 'awaited' | 'taken'

/** The `maps.imported_results` value meaning "awaited"; a timestamp means taken then. */
export const IMPORTED_RESULTS_AWAITED = 'awaited'

/** A stored `maps.imported_results` value as a state (NULL: not an import). */
export function importedResultsStateFromColumn(value: unknown): ImportedResultsState {
  if (typeof value !== 'string') return 'none'
  return value === IMPORTED_RESULTS_AWAITED ? 'awaited' : 'taken'
}

/** A stored `maps.guest_links` value as a choice (anything else, e.g. NULL, is none). */
export function guestLinkChoiceFromColumn(value: unknown): GuestLinkChoice | null {
  return value === 'allowed' || value === 'forbidden' ? value : null
}
