/**
 * The company's confirmation-link routes (shared/protocol/confirmationLinks.ts): list, make
 * and revoke the links of one engagement-log entry. Roles that may edit the map; for a
 * confidential entry only roles that may read it (others get 404 `unknown-entry`, as if it
 * were not there: its existence is confidential too). The token is answered once, when
 * made; only its hash is stored. The stakeholder's page is createConfirmationPageRoutes.ts.
 */
import type { Logger } from 'pino'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import {
  type ConfirmationLinkSummary,
  type CreateConfirmationLinkResponse,
  canAskForConfirmation,
  confirmationLinkExpiry,
} from '../../shared/protocol/confirmationLinks'
import { MAX_IDENTITY_NAME_LENGTH } from '../../shared/protocol/identity'
import { canEditMap, type Role } from '../../shared/protocol/roles'
import { STAKEHOLDER_ID_PATTERN } from '../../shared/stakeholder/Stakeholder'
import { createAccessToken, hashAccessToken } from '../access/accessTokens'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import type { ReadSession } from '../access/readSession'
import type { StakeholderAnswerDesk } from '../rooms/StakeholderAnswerDesk'
import type { MapStore } from '../storage/MapStore'
import { createMapId } from './createMapId'
import { readJsonBody } from './readJsonBody'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'
import type { ServerResponse } from 'node:http'

/** Largest body of `POST …/confirmation-links` read. */
const MAX_BODY_BYTES = 4 * 1024
/** What a link id in a URL may look like (ours are 22 base64url characters). */
const LINK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

const LINKS_PATH = /^\/api\/maps\/([^/]*)\/confirmation-links$/
const LINK_PATH = /^\/api\/maps\/([^/]*)\/confirmation-links\/([^/]*)$/

/** What the confirmation-link routes work on. */
export interface ConfirmationLinkRouteOptions {
  store: MapStore
  guestLinks: GuestLinkPolicy
  desk: StakeholderAnswerDesk
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  logger?: Logger
}

/** `GET`, `POST /api/maps/<id>/confirmation-links`, `DELETE …/confirmation-links/<linkId>`. */
export function createConfirmationLinkRoutes(options: ConfirmationLinkRouteOptions): Route[] {
  const { store, desk } = options
  const policy = accessPolicyOf(options)

  /** Whether `role` may work on the entry; answers 400/404 itself when not. */
  async function entryAllowed(
    response: ServerResponse,
    mapId: string,
    role: Role,
    stakeholderId: unknown,
    entryId: unknown,
  ): Promise<{ stakeholderId: string; entryId: string } | null> {
    if (!isId(stakeholderId) || !isId(entryId)) {
      sendApiError(response, 400, ApiErrorCode.invalidId, 'Give a stakeholder id and an entry id.')
      return null
    }
    const entry = await desk.entryOf({ mapId, stakeholderId, entryId }, { name: 'Server', role })
    if (entry === null || !canAskForConfirmation(role, entry.document === 'confidential')) {
      sendApiError(response, 404, ApiErrorCode.unknownEntry, 'No such engagement-log entry.')
      return null
    }
    return { stakeholderId, entryId }
  }

  return [
    {
      method: 'GET',
      pattern: LINKS_PATH,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canEditMap)
        if (access === null) return
        const query = new URL(request.url ?? '/', 'http://localhost').searchParams
        const entry = await entryAllowed(
          response,
          access.mapId,
          access.role,
          query.get('stakeholder'),
          query.get('entry'),
        )
        if (entry === null) return
        const links = (await store.confirmationLinks.list(access.mapId)).filter(
          (link) => link.stakeholderId === entry.stakeholderId && link.entryId === entry.entryId,
        )
        sendJson(response, 200, links satisfies ConfirmationLinkSummary[])
      },
    },
    {
      method: 'POST',
      pattern: LINKS_PATH,
      async handle(request, response, [id]) {
        const access = await requireMapAccess(policy, request, response, id, canEditMap)
        if (access === null) return
        const body = await readJsonBody(request, MAX_BODY_BYTES)
        if (!body.ok) {
          const { status, code, message } = body.error
          return sendApiError(response, status, code, message)
        }
        const value = (
          typeof body.value === 'object' && body.value !== null ? body.value : {}
        ) as Record<string, unknown>
        const expiry = confirmationLinkExpiry(value['expiresInDays'], new Date())
        if (!expiry.ok) {
          return sendApiError(response, 400, ApiErrorCode.invalidExpiry, expiry.message)
        }
        const entry = await entryAllowed(
          response,
          access.mapId,
          access.role,
          value['stakeholderId'],
          value['entryId'],
        )
        if (entry === null) return
        const token = createAccessToken()
        const link = await store.confirmationLinks.create({
          id: createMapId(),
          mapId: access.mapId,
          ...entry,
          tokenHash: hashAccessToken(token),
          expiresAt: expiry.expiresAt.toISOString(),
          createdBy: { name: creatorName(value['by']), role: access.role },
        })
        options.logger?.info(
          { mapId: access.mapId, linkId: link.id, expiresAt: link.expiresAt, by: access.role },
          'confirmation link created',
        )
        const answer: CreateConfirmationLinkResponse = { link, token }
        sendJson(response, 201, answer)
      },
    },
    {
      method: 'DELETE',
      pattern: LINK_PATH,
      async handle(request, response, [id, linkId]) {
        const access = await requireMapAccess(policy, request, response, id, canEditMap)
        if (access === null) return
        const link =
          linkId !== undefined && LINK_ID_PATTERN.test(linkId)
            ? (await store.confirmationLinks.list(access.mapId)).find((each) => each.id === linkId)
            : undefined
        if (link === undefined) {
          return sendApiError(response, 404, ApiErrorCode.notFound, 'No such confirmation link.')
        }
        const entry = await entryAllowed(
          response,
          access.mapId,
          access.role,
          link.stakeholderId,
          link.entryId,
        )
        if (entry === null) return
        const revoked = await store.confirmationLinks.revoke(access.mapId, link.id)
        options.logger?.info(
          { mapId: access.mapId, linkId: link.id, by: access.role },
          'confirmation link revoked',
        )
        sendJson(response, 200, revoked ?? link)
      },
    },
  ]
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && STAKEHOLDER_ID_PATTERN.test(value)
}

/** The creator's display name as sent in `by`, cut to length; 'Anonymous' when none. */
function creatorName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim().slice(0, MAX_IDENTITY_NAME_LENGTH) : ''
  return name.length > 0 ? name : 'Anonymous'
}
