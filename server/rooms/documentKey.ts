import type { MapDocumentName } from '../../shared/document/mapDocumentLayout'

/**
 * The key of one document of a map in memory and on the message bus (LoadedRooms, Redis
 * streams, locks): the map id for its map document, as before there were two, and
 * `<mapId>/<document>` for the other. Map ids have no `/`, so keys never collide.
 */
export function documentKey(mapId: string, document: MapDocumentName): string {
  return document === 'map' ? mapId : `${mapId}/${document}`
}
