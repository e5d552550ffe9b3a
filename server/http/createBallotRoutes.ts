/**
 * The ballot routes (shared/protocol/ballotApi.ts): private scores and dots handed to the
 * server, kept per server-known identity (a signed-in session, else the guest session of
 * `X-Guest-Session`), and revealed or discarded by owners and facilitators. A caller with
 * only a link token is refused (403 `ballot-needs-identity`): anyone could invent an id
 * there. What the rules and storage do is in server/rooms/BallotBox.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import type { BallotResponse } from '../../shared/protocol/ballotApi'
import { canEditMap, canFacilitate } from '../../shared/protocol/roles'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import type { ReadSession } from '../access/readSession'
import type { BallotBox, BallotOutcome, OnConfidentialRoom } from '../rooms/BallotBox'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import { createActionPeer } from '../rooms/createActionPeer'
import type { MapStore } from '../storage/MapStore'
import { callerIdentity } from './callerIdentity'
import { readJsonBody } from './readJsonBody'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { sendApiError, sendJson } from './sendJson'

/** Largest ballot body read: five scores or twenty stakeholder ids fit many times over. */
const MAX_BODY_BYTES = 8 * 1024
/** A round or vote id as shared/workshop/workshopIds.ts makes them. */
const ROUND_ID = /^(?:round|vote|evaluation)-[a-z0-9]{1,20}$/

const BALLOT_PATH = /^\/api\/maps\/([^/]*)\/ballots\/([^/]*)$/
const MINE_PATH = /^\/api\/maps\/([^/]*)\/ballots\/([^/]*)\/mine$/
const REVEAL_PATH = /^\/api\/maps\/([^/]*)\/ballots\/([^/]*)\/reveal$/

/** What the ballot routes work on. */
export interface BallotRouteOptions {
  store: MapStore
  guestLinks: GuestLinkPolicy
  rooms: LoadedRooms
  ballots: BallotBox
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
}

const REFUSALS: Record<Exclude<BallotOutcome, { ok: true }>['reason'], [number, string]> = {
  'round-not-open': [409, 'This scoring round, evaluation round or vote is not open.'],
  'invalid-ballot': [400, 'Scores are numbers from 1 to 5; dots a list of stakeholder ids.'],
  'budget-exceeded': [400, 'More dots than the vote gives each person.'],
  'unknown-stakeholder': [400, 'A dot for a stakeholder the map does not have.'],
}

/** The ballot routes. */
export function createBallotRoutes(options: BallotRouteOptions): Route[] {
  const { store, rooms, ballots } = options
  const policy = accessPolicyOf(options)

  /** Who the caller is as the server knows them, or null after answering why not. */
  const voterOf = (
    request: IncomingMessage,
    response: ServerResponse,
    mapId: string,
    signedIn: { identity: { id: string } } | null,
  ) => callerIdentity(store, policy, request, response, mapId, signedIn)

  function answer(response: ServerResponse, outcome: BallotOutcome | undefined): void {
    if (outcome === undefined)
      return sendApiError(response, 404, 'not-found', 'No map with this id.')
    if (!outcome.ok) {
      const [status, message] = REFUSALS[outcome.reason]
      return sendApiError(response, status, outcome.reason, message)
    }
    const body: BallotResponse = { ballot: outcome.ballot, submitted: outcome.submitted }
    sendJson(response, 200, body)
  }

  function roundOf(response: ServerResponse, raw: string | undefined): string | null {
    const id = raw ?? ''
    if (ROUND_ID.test(id)) return id
    sendApiError(response, 400, ApiErrorCode.invalidId, 'That is not a round or vote id.')
    return null
  }

  /** A route handler of owners and facilitators: reveal (or close) or discard a round. */
  function facilitatorAction(action: 'reveal' | 'discard'): Route['handle'] {
    return async (request, response, [id, rawRound]) => {
      const access = await requireMapAccess(policy, request, response, id, canFacilitate)
      if (access === null) return
      const roundId = roundOf(response, rawRound)
      if (roundId === null) return
      const peer = createActionPeer(access.role, 'Server')
      const confidential: OnConfidentialRoom = (act) =>
        rooms.withRoom(access.mapId, peer, act, 'confidential')
      const result = await rooms.withRoom(access.mapId, peer, (room) =>
        action === 'reveal'
          ? ballots.reveal(room, peer, roundId, confidential)
          : ballots.discard(room, peer, roundId),
      )
      answer(response, result?.value)
    }
  }

  return [
    {
      method: 'PUT',
      pattern: BALLOT_PATH,
      async handle(request, response, [id, rawRound]) {
        const access = await requireMapAccess(policy, request, response, id, canEditMap)
        if (access === null) return
        const roundId = roundOf(response, rawRound)
        if (roundId === null) return
        const voter = await voterOf(request, response, access.mapId, access.user)
        if (voter === null) return
        const body = await readJsonBody(request, MAX_BODY_BYTES)
        if (!body.ok) {
          const { status, code, message } = body.error
          return sendApiError(response, status, code, message)
        }
        const raw = (body.value as { ballot?: unknown } | null)?.ballot
        const peer = createActionPeer(access.role, 'Server')
        const result = await rooms.withRoom(access.mapId, peer, (room) =>
          ballots.handIn(room, peer, roundId, voter, raw),
        )
        answer(response, result?.value)
      },
    },
    {
      method: 'GET',
      pattern: MINE_PATH,
      async handle(request, response, [id, rawRound]) {
        const access = await requireMapAccess(policy, request, response, id, canEditMap)
        if (access === null) return
        const roundId = roundOf(response, rawRound)
        if (roundId === null) return
        const voter = await voterOf(request, response, access.mapId, access.user)
        if (voter === null) return
        answer(response, await ballots.mine(access.mapId, roundId, voter))
      },
    },
    { method: 'POST', pattern: REVEAL_PATH, handle: facilitatorAction('reveal') },
    { method: 'DELETE', pattern: BALLOT_PATH, handle: facilitatorAction('discard') },
  ]
}
