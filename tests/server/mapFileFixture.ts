/**
 * A whole workshop map on the real server, made as participants make one (the published
 * y-websocket client, guest sessions and ballots over HTTP), and the import of its map file
 * through the client's own import code (client/exchange/importMapFile.ts) against the same
 * server: what the map-file round trip and the imported-results attacks start from.
 */
import { expect } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import {
  createCommitment,
  createDialogueEvaluation,
} from '../../shared/dialogue/createDialogueRecords'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  SELF_ASSESSMENT_LAYOUT,
  writeDialoguePlan,
  writeDialogueRecord,
  writePlanRecord,
} from '../../shared/document/dialogueDocument'
import {
  addEngagementStage,
  renameEngagementStage,
} from '../../shared/document/engagementStageDocument'
import {
  FACILITATION_MAP,
  OBSERVER_NOTES_MAP,
  ROLE_BRIEFS_MAP,
  ROLE_PLAY_MAP,
} from '../../shared/document/mapDocumentLayout'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import { parseMapJson } from '../../shared/exchange/parseMapJson'
import type { ParsedMapJson } from '../../shared/exchange/mapJsonFormat'
import type { CreateMapRequest } from '../../shared/protocol/api'
import type { MapTokens } from '../../shared/protocol/accessApi'
import { importedResultsPath } from '../../shared/protocol/importedResultsApi'
import { createSelfAssessment } from '../../shared/selfAssessment/createSelfAssessment'
import { writeCaseCardField } from '../../shared/workshop/caseCard'
import { openEvaluationRound } from '../../shared/workshop/evaluationRound'
import { setFacilitation } from '../../shared/workshop/facilitationState'
import { observerNoteKey } from '../../shared/workshop/observerNotes'
import { storedRoleCard } from '../../shared/workshop/rolePlay'
import { startRound } from '../../shared/workshop/rolePlayRounds'
import { importMapIntoNewMap } from '../../client/exchange/importMapFile'
import { plan } from '../shared/dialogue/dialogueFixtures'
import { richStakeholders } from '../shared/exchange/richMap'
import { evaluationSeen, handIn, reveal, startGuest } from './ballotFixture'
import {
  type TestFixture,
  type TestServer,
  apiFetch,
  createMap,
  waitFor,
  waitForSync,
} from './testServer'

/** The ids of the two evaluations with revealed results: one public, one of a confidential plan. */
export const EVALUATIONS = { open: 'eval-open', secret: 'eval-secret' } as const

/**
 * Builds the workshop map: stakeholders with contacts, a plan and a confidential plan with
 * commitments, two evaluations scored in real evaluation rounds and revealed by the server,
 * a self-assessment, the case card, changed engagement stages, role cards (one dealt, one
 * observer) with a brief, two role-play rounds with observer notes, the example shown.
 */
export async function buildWorkshopMap(fixture: TestFixture, test: TestServer): Promise<string> {
  const mapId = await createMap(test, 'Cacaoketen — SER-workshop')
  const owner = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
  const secret = fixture.connectClient(test, mapId, new Y.Doc(), {
    role: 'owner',
    document: 'confidential',
  })
  await waitForSync(owner)
  await waitForSync(secret)
  const [doc, confidential] = [owner.doc, secret.doc]
  for (const stakeholder of richStakeholders()) {
    const written = writeStakeholder(doc, stakeholder, null, confidential)
    expect(written.ok).toBe(true)
  }
  const open = plan()
  const hidden = {
    ...plan(),
    id: 'plan-hidden',
    title: 'Pickers without the supplier',
    confidentiality: 'confidential' as const,
  }
  expect(writeDialoguePlan(doc, open, { confidential }).ok).toBe(true)
  expect(writeDialoguePlan(doc, hidden, { confidential }).ok).toBe(true)
  for (const [id, dialogueId] of [
    ['commit-open', open.id],
    ['commit-secret', hidden.id],
  ]) {
    const commitment = createCommitment({
      id: id!,
      stakeholderId: 'sh-farmers',
      dialogueId: dialogueId!,
      what: 'Share the premium calculation',
      owner: 'Buyer',
      dueDate: '2026-05-01',
    })
    expect(writePlanRecord(doc, COMMITMENT_LAYOUT, commitment, { confidential }).ok).toBe(true)
  }
  for (const [id, dialogueId] of [
    [EVALUATIONS.open, open.id],
    [EVALUATIONS.secret, hidden.id],
  ]) {
    const evaluation = createDialogueEvaluation({
      id: id!,
      dialogueId: dialogueId!,
      date: '2026-04-15',
      notes: 'Good turnout',
      stakeholderRemarks: 'Come back after the harvest',
      elements: { inclusion: { result: null, notes: 'No interpreter at first' } },
    })
    expect(writePlanRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation, { confidential }).ok).toBe(
      true,
    )
  }
  const assessment = createSelfAssessment(
    {
      id: 'self-1',
      subject: 'Inkoop',
      date: '2026-03-01',
      elements: { motivation: { rating: 'orange', note: 'Alleen de inkoper' } },
    },
    { locale: 'nl' },
  )
  expect(writeDialogueRecord(doc, SELF_ASSESSMENT_LAYOUT, assessment).ok).toBe(true)
  writeCaseCardField(doc, 'sector', 'Cacao en chocolade')
  writeCaseCardField(doc, 'country', 'Ivoorkust')
  renameEngagementStage(doc, 'remediation', 'Herstel en verhaal')
  addEngagementStage(doc, 'Nazorg', 'stage-aftercare')

  const [ann, bram] = [await startGuest(test, mapId, 'Ann'), await startGuest(test, mapId, 'Bram')]
  const cards = doc.getMap<unknown>(ROLE_PLAY_MAP)
  cards.set(
    'role-buyer',
    storedRoleCard({
      id: 'role-buyer',
      title: 'De inkoper',
      description: 'Leidt de dialoog.',
      holderId: ann.guest.id,
      order: 0,
      briefRevision: 1,
      observes: false,
    }),
  )
  cards.set(
    'role-observer',
    storedRoleCard({
      id: 'role-observer',
      title: 'Waarnemer',
      description: 'Noteert.',
      holderId: bram.guest.id,
      order: 1,
      briefRevision: 0,
      observes: true,
    }),
  )
  confidential
    .getMap<unknown>(ROLE_BRIEFS_MAP)
    .set('role-buyer', 'Beloof vandaag geen hogere prijs.')
  const rounds = startRound(
    startRound({ rounds: [], currentId: null }, [bram.guest.id], 10, Date.now() - 60_000),
    [bram.guest.id],
    5,
    Date.now(),
  )
  setFacilitation(doc, 'rolePlayRounds', rounds)
  setFacilitation(doc, 'exampleShown', true)
  const notes = doc.getMap<unknown>(OBSERVER_NOTES_MAP)
  notes.set(
    observerNoteKey({ roundId: rounds.rounds[0]!.id, observerId: bram.guest.id, field: 'general' }),
    'De inkoper luisterde goed.',
  )
  notes.set(
    observerNoteKey({
      roundId: rounds.rounds[1]!.id,
      observerId: bram.guest.id,
      field: 'inclusion',
    }),
    'De bewoner kwam niet aan het woord.',
  )

  // Both evaluations scored privately and revealed by the server, as in phase 4.
  for (const evaluationId of [EVALUATIONS.open, EVALUATIONS.secret]) {
    const round = openEvaluationRound(evaluationId, Date.now())
    setFacilitation(doc, 'evaluation', round)
    await waitFor(() => evaluationSeen(owner)?.id === round.id)
    await handIn(
      test,
      mapId,
      round.id,
      { motivation: 4, inclusion: 2, knowledge: 5 },
      ann.guestToken,
    )
    await handIn(test, mapId, round.id, { motivation: 5, inclusion: 4 }, bram.guestToken)
    expect((await reveal(test, mapId, round.id, 'owner')).status).toBe(200)
    await waitFor(() => evaluationSeen(owner)?.status === 'revealed')
  }
  await waitFor(() => doc.getMap(FACILITATION_MAP).get('evaluation') !== undefined)
  fixture.disconnectClient(secret)
  fixture.disconnectClient(owner)
  return mapId
}

/** The map file as the export API serves it to the owner (with the confidential part). */
export async function exportMapFile(
  test: TestServer,
  mapId: string,
  contacts = true,
): Promise<string> {
  const response = await apiFetch(
    test,
    mapId,
    'owner',
    `/api/maps/${mapId}/export.json${contacts ? '?contacts=1' : ''}`,
  )
  expect(response.status).toBe(200)
  return response.text()
}

/** Parses a map file that must be valid. */
export function parsed(text: string): ParsedMapJson {
  const result = parseMapJson(text)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.value
}

/**
 * Imports `text` as a new map with the client's import (importMapIntoNewMap), against the
 * test server: its `POST /api/maps`, sockets and `POST …/imported-results`. Answers the
 * outcome; the new map's tokens go into `test.tokens`.
 */
export async function importThroughClient(test: TestServer, text: string) {
  // The client's sockets use the browser's WebSocket; Node 20 has none of its own.
  const global = globalThis as { WebSocket?: unknown }
  global.WebSocket ??= WebSocket
  const outcome = await importMapIntoNewMap(parsed(text), {
    locale: 'nl',
    serverUrl: test.syncUrl,
    timeoutMs: 10_000,
    createMap: async (body: CreateMapRequest) => {
      const response = await fetch(`${test.httpUrl}/api/maps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(response.status).toBe(201)
      const created = (await response.json()) as { id: string; tokens: MapTokens }
      test.tokens.set(created.id, created.tokens)
      return created
    },
    sendResults: async (mapId, token, body) => {
      const response = await fetch(`${test.httpUrl}${importedResultsPath(mapId)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      })
      if (response.status !== 200) throw new Error(`results refused: ${await response.text()}`)
      return response.json()
    },
  })
  return outcome
}
