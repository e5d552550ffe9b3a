/**
 * The engine-free part of {@link LibraryRecords}: the rows both engines read, the strongest
 * role per map, the search (done here, so that SQLite and PostgreSQL lower-case and match
 * alike beyond ASCII) and the orders of the list. The engines only select the maps a user
 * may open; a library is a few hundred maps, filtered in memory.
 */
import type { LibraryEntry, MemberKind } from '../../shared/protocol/libraryApi'
import { roleRank } from '../../shared/protocol/libraryApi'
import { isRole, type Role } from '../../shared/protocol/roles'
import type { LibraryQuery, StoredMember } from './LibraryRecords'
import { searchKey } from './identityRows'

/** A map with one membership's role (null: an admin's row of a map they are no member of). */
export interface LibraryRow {
  id: string
  title: string
  updated_at: string
  updated_by_name: string | null
  stakeholder_count: number | string
  stakeholder_names: string
  archived_at: string | null
  role: string | null
}

/** A `map_members` row joined with its user (null columns for groups). */
export interface MemberRow {
  member_kind: string
  member_id: string
  role: string
  added_at: string
  user_name: string | null
  user_email: string | null
}

/** Stakeholder names as stored: one a line, for the search (newlines cannot be in a name's search). */
export function storedStakeholderNames(names: readonly string[]): string {
  return names.map((name) => name.replace(/\s+/g, ' ').trim()).join('\n')
}

export function memberFromRow(row: MemberRow): StoredMember | null {
  if (!isRole(row.role) || (row.member_kind !== 'user' && row.member_kind !== 'group')) return null
  return {
    kind: row.member_kind as MemberKind,
    id: row.member_id,
    role: row.role,
    addedAt: row.added_at,
    user:
      row.member_kind === 'user' && row.user_name !== null
        ? { name: row.user_name, email: row.user_email }
        : null,
  }
}

/** Owners first, then by name (a group by its name). */
export function orderMembers(members: StoredMember[]): StoredMember[] {
  const name = (m: StoredMember) => m.user?.name ?? m.id
  return members.sort(
    (a, b) => roleRank(a.role) - roleRank(b.role) || name(a).localeCompare(name(b)),
  )
}

/** The library entries of `rows` (several per map: one per matching membership). */
export function libraryEntries(rows: readonly LibraryRow[], query: LibraryQuery): LibraryEntry[] {
  const byId = new Map<string, { row: LibraryRow; role: Role }>()
  for (const row of rows) {
    const role: Role | null = query.admin ? 'owner' : isRole(row.role) ? row.role : null
    if (role === null) continue
    const known = byId.get(row.id)
    if (known === undefined || roleRank(role) < roleRank(known.role))
      byId.set(row.id, { row, role })
  }
  const needle = searchKey(query.q.trim())
  const entries: LibraryEntry[] = []
  for (const { row, role } of byId.values()) {
    if ((row.archived_at !== null) !== query.archived) continue
    if (needle !== '' && !matches(row, needle)) continue
    entries.push({
      id: row.id,
      title: row.title,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by_name,
      role,
      stakeholderCount: Number(row.stakeholder_count),
      archived: row.archived_at !== null,
    })
  }
  const byTitle = (a: LibraryEntry, b: LibraryEntry) => a.title.localeCompare(b.title)
  const byUpdated = (a: LibraryEntry, b: LibraryEntry) => b.updatedAt.localeCompare(a.updatedAt)
  const order =
    query.sort === 'title'
      ? byTitle
      : query.sort === 'role'
        ? (a: LibraryEntry, b: LibraryEntry) => roleRank(a.role) - roleRank(b.role) || byTitle(a, b)
        : (a: LibraryEntry, b: LibraryEntry) => byUpdated(a, b) || byTitle(a, b)
  return entries.sort(order)
}

function matches(row: LibraryRow, needle: string): boolean {
  return (
    searchKey(row.title).includes(needle) ||
    row.stakeholder_names.split('\n').some((name) => searchKey(name).includes(needle))
  )
}
