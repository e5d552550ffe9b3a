/**
 * A {@link MapStore} made of an engine's two parts: every log call goes to its
 * {@link UpdateLog}, every record call to its {@link MapRecords}. An engine extends this
 * with what spans both parts (the layout migration, one transaction over logs and versions)
 * and with owning the connection (purging, closing), so the rest of the server keeps seeing
 * one store. The methods live on the prototype: a test may derive a store and replace one.
 */
import type {
  LayoutMigration,
  LayoutMigrationResult,
  MapRecords,
  MapStore,
  UpdateLog,
} from './MapStore'
import type { IdentityRecords } from './IdentityRecords'
import type { LibraryRecords } from './LibraryRecords'
import type { GuestLinkRecords } from './GuestLinkRecords'
import type { GuestSessionRecords } from './GuestSessionRecords'
import type { MapSettingsRecords } from './MapSettingsRecords'
import type { BallotRecords } from './BallotRecords'
import type { ConfirmationLinkRecords } from './ConfirmationLinkRecords'

export abstract class ComposedMapStore implements MapStore {
  protected abstract readonly log: UpdateLog
  protected abstract readonly records: MapRecords
  /** Users and sessions: a part of its own, not flattened, so each later kind of record adds one line. */
  abstract readonly identities: IdentityRecords
  abstract readonly library: LibraryRecords
  /** A map's own settings: a part of its own, like {@link identities}. */
  abstract readonly mapSettings: MapSettingsRecords
  /** Ballots of open scoring rounds and votes: a part of its own, like {@link identities}. */
  abstract readonly ballots: BallotRecords
  abstract readonly confirmationLinks: ConfirmationLinkRecords
  protected abstract readonly guestLinks: GuestLinkRecords
  protected abstract readonly guests: GuestSessionRecords

  abstract migrateLayout(mapId: string, migration: LayoutMigration): Promise<LayoutMigrationResult>
  abstract purgeFreedSpace(): Promise<void>
  abstract close(): Promise<void>

  appendUpdates(...args: Parameters<UpdateLog['appendUpdates']>) {
    return this.log.appendUpdates(...args)
  }
  loadUpdates(...args: Parameters<UpdateLog['loadUpdates']>) {
    return this.log.loadUpdates(...args)
  }
  loadUpdatesSince(...args: Parameters<UpdateLog['loadUpdatesSince']>) {
    return this.log.loadUpdatesSince(...args)
  }
  compact(...args: Parameters<UpdateLog['compact']>) {
    return this.log.compact(...args)
  }
  countUpdates(...args: Parameters<UpdateLog['countUpdates']>) {
    return this.log.countUpdates(...args)
  }

  createMap(...args: Parameters<MapRecords['createMap']>) {
    return this.records.createMap(...args)
  }
  getMap(...args: Parameters<MapRecords['getMap']>) {
    return this.records.getMap(...args)
  }
  touchMap(...args: Parameters<MapRecords['touchMap']>) {
    return this.records.touchMap(...args)
  }
  deleteMap(...args: Parameters<MapRecords['deleteMap']>) {
    return this.records.deleteMap(...args)
  }
  listTokens(...args: Parameters<MapRecords['listTokens']>) {
    return this.records.listTokens(...args)
  }
  findTokenMap(...args: Parameters<MapRecords['findTokenMap']>) {
    return this.records.findTokenMap(...args)
  }
  replaceToken(...args: Parameters<MapRecords['replaceToken']>) {
    return this.records.replaceToken(...args)
  }
  addVersion(...args: Parameters<MapRecords['addVersion']>) {
    return this.records.addVersion(...args)
  }
  listVersions(...args: Parameters<MapRecords['listVersions']>) {
    return this.records.listVersions(...args)
  }
  getVersion(...args: Parameters<MapRecords['getVersion']>) {
    return this.records.getVersion(...args)
  }
  rewriteVersions(...args: Parameters<MapRecords['rewriteVersions']>) {
    return this.records.rewriteVersions(...args)
  }
  recordAudit(...args: Parameters<MapRecords['recordAudit']>) {
    return this.records.recordAudit(...args)
  }
  appendAudit(...args: Parameters<MapRecords['appendAudit']>) {
    return this.records.appendAudit(...args)
  }
  listAudit(...args: Parameters<MapRecords['listAudit']>) {
    return this.records.listAudit(...args)
  }

  createGuestLink(...args: Parameters<GuestLinkRecords['createGuestLink']>) {
    return this.guestLinks.createGuestLink(...args)
  }
  listGuestLinks(...args: Parameters<GuestLinkRecords['listGuestLinks']>) {
    return this.guestLinks.listGuestLinks(...args)
  }
  findGuestLink(...args: Parameters<GuestLinkRecords['findGuestLink']>) {
    return this.guestLinks.findGuestLink(...args)
  }
  revokeGuestLink(...args: Parameters<GuestLinkRecords['revokeGuestLink']>) {
    return this.guestLinks.revokeGuestLink(...args)
  }
  createGuestSession(...args: Parameters<GuestSessionRecords['createGuestSession']>) {
    return this.guests.createGuestSession(...args)
  }
  findGuestSession(...args: Parameters<GuestSessionRecords['findGuestSession']>) {
    return this.guests.findGuestSession(...args)
  }
  getGuest(...args: Parameters<GuestSessionRecords['getGuest']>) {
    return this.guests.getGuest(...args)
  }
  renameGuest(...args: Parameters<GuestSessionRecords['renameGuest']>) {
    return this.guests.renameGuest(...args)
  }
}
