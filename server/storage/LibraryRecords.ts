/**
 * The records of the organisation's library (issue 18): who is a member of which map with
 * which role (users by our `u_…` id, groups by the provider's group name), who created a
 * map, whether it is archived, and what the library lists and searches (the stakeholder
 * names and count of the map document, and the name of the signed-in user who changed it
 * last). The room keeps that summary current when it stores updates (LibrarySummary.ts);
 * maps nobody opened since are summarised once from their log (backfillLibrarySummaries.ts).
 * Every change of members keeps at least one owner: the store refuses the last one's
 * removal or demotion in the same transaction that would do it.
 */
import type { LibraryEntry, LibrarySort, MemberKind } from '../../shared/protocol/libraryApi'
import type { Role } from '../../shared/protocol/roles'

/** One membership as stored, with the user's name and e-mail for user members. */
export interface StoredMember {
  kind: MemberKind
  id: string
  role: Role
  /** ISO 8601 time the membership was first given. */
  addedAt: string
  /** Null for groups, and for a user id no user row has. */
  user: { name: string; email: string | null } | null
}

/** Who asks for the library, and which part of it. */
export interface LibraryQuery {
  userId: string
  groups: readonly string[]
  /** Organisation admins see every map, each as owner. */
  admin: boolean
  /** Searched in titles and stakeholder names, case-insensitive; empty: everything. */
  q: string
  /** True: only archived maps; false: only maps not archived. */
  archived: boolean
  sort: LibrarySort
}

/** What {@link LibraryRecords.recordSummary} stores for the library. */
export interface MapSummary {
  stakeholderNames: readonly string[]
  /** The signed-in user whose update this is; null leaves the stored name as it is. */
  updatedBy: string | null
}

/** Outcome of a change of members: done, or refused because no owner would remain. */
export type MemberChange = { ok: true; changed: boolean } | { ok: false; reason: 'last-owner' }

/** Memberships and the library of one database (SQLite or PostgreSQL). */
export interface LibraryRecords {
  /** Records the creator of a new map and makes them its owner member, in one transaction. */
  claimMap(mapId: string, userId: string): Promise<void>
  /** The map's members, owners first, then by name. */
  listMembers(mapId: string): Promise<StoredMember[]>
  /**
   * Gives `kind`/`id` the role on the map (added or changed); refused when that demotes
   * the map's last owner.
   */
  putMember(mapId: string, kind: MemberKind, id: string, role: Role): Promise<MemberChange>
  /** Removes a membership; refused when it is the map's last owner. */
  removeMember(mapId: string, kind: MemberKind, id: string): Promise<MemberChange>
  /** The strongest role of the user's own and their groups' memberships, or null. */
  roleOf(mapId: string, userId: string, groups: readonly string[]): Promise<Role | null>
  /** Archives (true) or restores (false) a map; archived maps are listed apart. */
  setArchived(mapId: string, archived: boolean): Promise<void>
  /** Stores the stakeholder names and the last signed-in writer for the library. */
  recordSummary(mapId: string, summary: MapSummary): Promise<void>
  /** Up to `limit` maps whose summary was never stored (none opened since the library came). */
  listUnsummarisedMaps(limit: number): Promise<string[]>
  /**
   * Stores the names computed from a map's stored log, only if no summary has been stored
   * since (a room's, made from the live document, is newer and wins); answers whether it did.
   */
  recordMissingSummary(mapId: string, stakeholderNames: readonly string[]): Promise<boolean>
  /** The maps the user may open, filtered and ordered as asked. */
  listLibrary(query: LibraryQuery): Promise<LibraryEntry[]>
}
