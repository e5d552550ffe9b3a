/**
 * The audit trail over HTTP, for owners and facilitators only (the trail names
 * participants and says who changed what; an editor or viewer token gets 403):
 * - `GET /api/maps/<id>/audit` answers the rows as JSON, newest first;
 * - `GET /api/maps/<id>/audit.csv` the same rows as a CSV download, one line per changed
 *   field, in `lang=nl` (`;`-separated) or `lang=en` (`,`), formula-safe.
 * Both take the filters `stakeholder=<id>`, `person=<exact name>`, `from=` and `to=` (an ISO
 * date, which covers that whole day, or an ISO time). Rows hold no contact data and no free
 * text (server/rooms/AuditRecorder.ts decides what is kept).
 */
import type { ReadSession } from '../access/readSession'
import { auditToCsv } from '../../shared/audit/auditToCsv'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import type { AuditQuery } from '../../shared/protocol/accessApi'
import { canReadAuditTrail } from '../../shared/protocol/roles'
import { STAKEHOLDER_ID_PATTERN } from '../../shared/stakeholder/Stakeholder'
import { createActionPeer } from '../rooms/createActionPeer'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import type { MapStore } from '../storage/MapStore'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendCompressed } from './sendCompressed'
import { sendApiError, sendJson } from './sendJson'

const MAX_PERSON_LENGTH = 100
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** What the audit routes work on. */
export interface AuditRouteOptions {
  store: MapStore
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  /** Whether a map's guest links work (forbidden ones are refused like revoked ones). */
  guestLinks: GuestLinkPolicy
  rooms: LoadedRooms
}

/** The audit routes (JSON and CSV). */
export function createAuditRoutes(options: AuditRouteOptions): Route[] {
  const { store, rooms } = options
  const policy = accessPolicyOf(options)
  return [
    {
      method: 'GET',
      pattern: /^\/api\/maps\/([^/]*)\/audit(\.csv)?$/,
      async handle(request, response, [id, csv]) {
        const access = await requireMapAccess(policy, request, response, id, canReadAuditTrail)
        if (access === null) return
        const params = new URL(request.url ?? '/', 'http://localhost').searchParams
        const query = parseAuditQuery(params)
        if (!query.ok) return sendApiError(response, 400, 'invalid-query', query.message)
        const entries = await store.listAudit(access.mapId, query.value)
        if (csv !== '.csv') return sendJson(response, 200, entries)
        const lang = params.get('lang') ?? 'en'
        if (lang !== 'en' && lang !== 'nl') {
          return sendApiError(response, 400, 'invalid-query', 'lang must be en or nl.')
        }
        const names = await rooms.withRoom(
          access.mapId,
          createActionPeer(access.role, 'Export'),
          async (room) => {
            const byId = new Map<string, string>()
            stakeholdersMap(room.doc).forEach((record, stakeholderId) => {
              const name: unknown = record.get('name')
              if (typeof name === 'string') byId.set(stakeholderId, name)
            })
            return byId
          },
        )
        if (names === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
        const fileName = lang === 'nl' ? 'audittrail.csv' : 'audit-trail.csv'
        sendCompressed(
          response,
          200,
          {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="${fileName}"`,
            'Cache-Control': 'no-store',
          },
          auditToCsv(entries, { locale: lang, names: names.value }),
        )
      },
    },
  ]
}

type Parsed = { ok: true; value: AuditQuery } | { ok: false; message: string }

/** The filters of a request, checked; a date `to` covers that whole day. */
export function parseAuditQuery(params: URLSearchParams): Parsed {
  const value: AuditQuery = {}
  const stakeholder = params.get('stakeholder')
  if (stakeholder !== null && stakeholder !== '') {
    if (!STAKEHOLDER_ID_PATTERN.test(stakeholder)) {
      return { ok: false, message: 'stakeholder is not a valid id.' }
    }
    value.stakeholderId = stakeholder
  }
  const person = params.get('person')
  if (person !== null && person !== '') {
    if (person.length > MAX_PERSON_LENGTH) return { ok: false, message: 'person is too long.' }
    value.person = person
  }
  for (const bound of ['from', 'to'] as const) {
    const raw = params.get(bound)
    if (raw === null || raw === '') continue
    const time = Date.parse(DATE_ONLY.test(raw) ? `${raw}T00:00:00.000Z` : raw)
    if (!Number.isFinite(time)) return { ok: false, message: `${bound} is not a date or time.` }
    const end = bound === 'to' && DATE_ONLY.test(raw) ? time + 24 * 60 * 60 * 1000 : time
    value[bound] = new Date(end).toISOString()
  }
  return { ok: true, value }
}
