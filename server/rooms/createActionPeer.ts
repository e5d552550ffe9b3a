import type { Role } from '../../shared/protocol/roles'
import type { RoomPeer } from './RoomPeer'

/**
 * A peer standing for an HTTP caller while the server changes a map on its behalf
 * (restore, erasure): it receives nothing, and its changes are attributed to `name`/`role`.
 */
export function createActionPeer(role: Role, name: string): RoomPeer {
  const ignore = (): void => {}
  return {
    id: 'http',
    role,
    displayName: name,
    sendSyncStep1: ignore,
    sendSyncStep2: ignore,
    sendUpdate: ignore,
    sendAwareness: ignore,
    close: ignore,
  }
}
