/**
 * The organisation's library and a map's members (issue 18, organisation mode only): what
 * `GET /api/library`, `/api/maps/<id>/members` and `GET /api/users` answer. A member is a
 * user (our `u_…` id) or a group (a value of the provider's groups claim), each with a role;
 * a signed-in user's role on a map is the strongest of their own and their groups'.
 */
import type { Role } from './roles'

/** Who a membership names: one person, or everyone in a group of the identity provider. */
export const MEMBER_KINDS = ['user', 'group'] as const

export type MemberKind = (typeof MEMBER_KINDS)[number]

/** True when `value` is one of {@link MEMBER_KINDS}. */
export function isMemberKind(value: unknown): value is MemberKind {
  return typeof value === 'string' && (MEMBER_KINDS as readonly string[]).includes(value)
}

/** Orders of the library list. */
export const LIBRARY_SORTS = ['title', 'updated', 'role'] as const

export type LibrarySort = (typeof LIBRARY_SORTS)[number]

/** True when `value` is one of {@link LIBRARY_SORTS}. */
export function isLibrarySort(value: unknown): value is LibrarySort {
  return typeof value === 'string' && (LIBRARY_SORTS as readonly string[]).includes(value)
}

/** One map of `GET /api/library`. */
export interface LibraryEntry {
  id: string
  title: string
  /** ISO 8601 time of the last stored change. */
  updatedAt: string
  /** Name of the signed-in user who changed it last; null when unknown (a guest, or before). */
  updatedBy: string | null
  /** The caller's role: their strongest membership (owner for organisation admins). */
  role: Role
  /** Stakeholders in the map document when it was last stored. */
  stakeholderCount: number
  archived: boolean
}

/** `GET /api/library`. */
export interface LibraryResponse {
  maps: LibraryEntry[]
}

/** One member of a map, as `GET /api/maps/<id>/members` lists it. */
export interface MapMember {
  kind: MemberKind
  /** A user's `u_…` id, or the group's name. */
  id: string
  role: Role
  /** The user's name and e-mail (as last signed in); the group's name and null for groups. */
  name: string
  email: string | null
}

/** `GET /api/maps/<id>/members`. */
export interface MapMembersResponse {
  members: MapMember[]
}

/** `PUT /api/maps/<id>/members/<kind>/<id>` body. */
export interface PutMemberRequest {
  role: Role
}

/** One person of `GET /api/users?q=`: someone who has signed in at least once. */
export interface UserSummary {
  id: string
  name: string
  email: string | null
}

/** `GET /api/users`. */
export interface UsersResponse {
  users: UserSummary[]
}

/** Strength of a role: 0 for the strongest (owner). */
export function roleRank(role: Role): number {
  return ['owner', 'facilitator', 'editor', 'viewer'].indexOf(role)
}

/** The strongest of `roles`, or null when there are none. */
export function strongestRole(roles: Iterable<Role>): Role | null {
  let best: Role | null = null
  for (const role of roles) if (best === null || roleRank(role) < roleRank(best)) best = role
  return best
}
