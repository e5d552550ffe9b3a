/**
 * What the ballot tests do as a workshop would: guests start sessions with the editor link,
 * the facilitator opens a round or vote over the socket (the published y-websocket client),
 * participants hand in ballots over HTTP with their guest session, the facilitator reveals.
 */
import { expect } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import { type BallotResponse, ballotsPath } from '../../shared/protocol/ballotApi'
import { GUEST_SESSION_HEADER, type CreateGuestResponse } from '../../shared/protocol/guestApi'
import type { Role } from '../../shared/protocol/roles'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import { type DotVote, openDotVote, readDotVote } from '../../shared/workshop/dotVoting'
import { readBallotCount, submittedCountOf } from '../../shared/workshop/ballots'
import { setFacilitation } from '../../shared/workshop/facilitationState'
import {
  type ScoringRound,
  openScoringRound,
  readScoringRound,
} from '../../shared/workshop/privateScoring'
import { FACILITATION_MAP } from '../../shared/document/mapDocumentLayout'
import { createDialogueEvaluation } from '../../shared/dialogue/createDialogueRecords'
import {
  DIALOGUE_EVALUATION_LAYOUT,
  writeDialogueRecord,
} from '../../shared/document/dialogueDocument'
import {
  type EvaluationRound,
  openEvaluationRound,
  readEvaluationRound,
} from '../../shared/workshop/evaluationRound'
import { type TestFixture, type TestServer, apiFetch, waitFor, waitForSync } from './testServer'

/** Starts a guest session on `mapId` with the role's link, as the browser does on opening. */
export async function startGuest(
  test: TestServer,
  mapId: string,
  name: string,
  role: Role = 'editor',
) {
  const response = await apiFetch(test, mapId, role, `/api/maps/${mapId}/guests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as CreateGuestResponse
}

/** `PUT …/ballots/<round>` with the role's link and (when given) a guest session. */
export function putBallot(
  test: TestServer,
  mapId: string,
  roundId: string,
  ballot: unknown,
  guestToken: string | null,
  role: Role = 'editor',
): Promise<Response> {
  return apiFetch(test, mapId, role, ballotsPath(mapId, roundId), {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      ...(guestToken !== null && { [GUEST_SESSION_HEADER]: guestToken }),
    },
    body: JSON.stringify({ ballot }),
  })
}

/** Hands in a ballot that must be taken; answers the server's answer. */
export async function handIn(
  test: TestServer,
  mapId: string,
  roundId: string,
  ballot: unknown,
  guestToken: string,
): Promise<BallotResponse> {
  const response = await putBallot(test, mapId, roundId, ballot, guestToken)
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()) as BallotResponse
}

/** `GET …/ballots/<round>/mine` with a guest session. */
export async function myBallot(
  test: TestServer,
  mapId: string,
  roundId: string,
  guestToken: string,
) {
  const response = await apiFetch(test, mapId, 'editor', `${ballotsPath(mapId, roundId)}/mine`, {
    headers: { [GUEST_SESSION_HEADER]: guestToken },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as BallotResponse
}

/** `POST …/ballots/<round>/reveal` with the role's link. */
export function reveal(
  test: TestServer,
  mapId: string,
  roundId: string,
  role: Role = 'facilitator',
) {
  return apiFetch(test, mapId, role, `${ballotsPath(mapId, roundId)}/reveal`, { method: 'POST' })
}

/**
 * A facilitator's socket on the map, with stakeholders `names` on it; answers it, their ids
 * and a viewer's socket (`witness`): what it sees the server has, unlike the facilitator's
 * own document, which shows a change before the server got it.
 */
export async function facilitatorWithStakeholders(
  fixture: TestFixture,
  test: TestServer,
  mapId: string,
  names: string[],
): Promise<{ facilitator: WebsocketProvider; ids: string[]; witness: WebsocketProvider }> {
  const facilitator = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
  const witness = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
  await waitForSync(facilitator)
  await waitForSync(witness)
  const ids = names.map((name) => {
    const stakeholder = createStakeholder({ id: `sh-${name.toLowerCase()}`, name })
    const written = writeStakeholder(facilitator.doc, stakeholder)
    if (!written.ok) throw new Error('stakeholder not written')
    return stakeholder.id
  })
  return { facilitator, ids, witness }
}

/** The facilitator opens a scoring round; resolves once `observer` (another socket) sees it. */
export async function openRound(
  facilitator: WebsocketProvider,
  observer: WebsocketProvider,
  stakeholderId: string,
): Promise<ScoringRound> {
  const round = openScoringRound(stakeholderId, Date.now())
  setFacilitation(facilitator.doc, 'scoring', round)
  await waitFor(() => roundSeen(observer)?.id === round.id)
  return round
}

/** The facilitator opens a dot vote with `budget` dots each; resolves once `observer` (another socket) sees it. */
export async function openVote(
  facilitator: WebsocketProvider,
  observer: WebsocketProvider,
  budget: number,
): Promise<DotVote> {
  const vote = openDotVote('Whom first?', budget, Date.now())
  setFacilitation(facilitator.doc, 'vote', vote)
  await waitFor(() => voteSeen(observer)?.id === vote.id)
  return vote
}

/**
 * The facilitator writes a dialogue evaluation `evaluationId` (no results) and opens an
 * evaluation round on it; resolves once `observer` (another socket) sees the round.
 */
export async function openEvaluation(
  facilitator: WebsocketProvider,
  observer: WebsocketProvider,
  evaluationId = 'eval-1',
): Promise<EvaluationRound> {
  const evaluation = createDialogueEvaluation({ id: evaluationId })
  const written = writeDialogueRecord(facilitator.doc, DIALOGUE_EVALUATION_LAYOUT, evaluation)
  if (!written.ok) throw new Error('evaluation not written')
  const round = openEvaluationRound(evaluationId, Date.now())
  setFacilitation(facilitator.doc, 'evaluation', round)
  await waitFor(() => evaluationSeen(observer)?.id === round.id)
  return round
}

/** The evaluation round as `client` sees it. */
export function evaluationSeen(client: WebsocketProvider): EvaluationRound | null {
  return readEvaluationRound(client.doc.getMap(FACILITATION_MAP).get('evaluation'))
}

/** The scoring round as `client` sees it. */
export function roundSeen(client: WebsocketProvider): ScoringRound | null {
  return readScoringRound(client.doc.getMap(FACILITATION_MAP).get('scoring'))
}

/** The running count of the open round or vote as `client` sees it (0 before any ballot). */
export function countSeen(client: WebsocketProvider): number {
  const facilitation = client.doc.getMap(FACILITATION_MAP)
  const open =
    roundSeen(client)?.status === 'open'
      ? roundSeen(client)
      : evaluationSeen(client)?.status === 'open'
        ? evaluationSeen(client)
        : voteSeen(client)
  return submittedCountOf(open, readBallotCount(facilitation.get('ballotCount')))
}

/** The vote as `client` sees it. */
export function voteSeen(client: WebsocketProvider): DotVote | null {
  return readDotVote(client.doc.getMap(FACILITATION_MAP).get('vote'))
}
