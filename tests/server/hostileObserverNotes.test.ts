/**
 * Issue 21, attacking our own observer sheets: the facilitator starts a role-play round with
 * Ann as its observer; Ann writes her notes with the published y-websocket client and her
 * guest session. Another participant with the editor link (with a session of their own, or
 * with the link alone) tries to write, overwrite and delete Ann's notes, to write a sheet of
 * their own in a round that does not name them, and to name themselves observer. Each try
 * closes the socket (1008) and Ann's notes stay; a facilitator may correct them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { FACILITATION_MAP, OBSERVER_NOTES_MAP } from '../../shared/document/mapDocumentLayout'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { observerNoteKey, readObserverSheets } from '../../shared/workshop/observerNotes'
import { NO_ROUNDS, startRound } from '../../shared/workshop/rolePlayRounds'
import { startGuest } from './ballotFixture'
import {
  type TestServer,
  createFixture,
  createMap,
  nextClose,
  tokenOf,
  waitFor,
  waitForSync,
} from './testServer'

const fixture = createFixture()
const providers = new Set<WebsocketProvider>()
afterEach(async () => {
  for (const provider of providers) provider.destroy()
  providers.clear()
  await fixture.cleanup()
})

/** The published client on the map document, with the editor link and a guest session. */
function connectGuest(test: TestServer, mapId: string, guestToken: string | null) {
  const params: Record<string, string> = { token: tokenOf(test, mapId, 'editor') }
  if (guestToken !== null) params['guest'] = guestToken
  const provider = new WebsocketProvider(test.syncUrl, mapId, new Y.Doc(), {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  providers.add(provider)
  return provider
}

const ANN_NOTE = 'The supplier spoke for the workers twice; the worker representative was cut off.'

/** A map whose round 1 names Ann its observer, with one note of hers stored. */
async function roundWithAnnObserving() {
  const test = await fixture.startServer()
  const mapId = await createMap(test)
  const ann = await startGuest(test, mapId, 'Ann')
  const mallory = await startGuest(test, mapId, 'Mallory')
  const facilitator = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
  await waitForSync(facilitator)
  const rounds = startRound(NO_ROUNDS, [ann.guest.id], 10, Date.now())
  const round = rounds.rounds[0]!
  facilitator.doc.getMap(FACILITATION_MAP).set('rolePlayRounds', rounds)
  const annSocket = connectGuest(test, mapId, ann.guestToken)
  await waitForSync(annSocket)
  await waitFor(() => annSocket.doc.getMap(FACILITATION_MAP).has('rolePlayRounds'))
  const general = observerNoteKey({ roundId: round.id, observerId: ann.guest.id, field: 'general' })
  const inclusion = observerNoteKey({
    roundId: round.id,
    observerId: ann.guest.id,
    field: 'inclusion',
  })
  annSocket.doc.transact(() => {
    annSocket.doc.getMap(OBSERVER_NOTES_MAP).set(general, ANN_NOTE)
    annSocket.doc.getMap(OBSERVER_NOTES_MAP).set(inclusion, 'Nobody asked the community member.')
  })
  const witness = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
  await waitForSync(witness)
  await waitFor(() => witness.doc.getMap(OBSERVER_NOTES_MAP).get(general) === ANN_NOTE)
  return { test, mapId, ann, mallory, round, general, inclusion, annSocket, facilitator, witness }
}

describe('observer notes are the observer’s own', () => {
  it('the observer writes them and everyone reads them', async () => {
    const { round, ann, witness, inclusion } = await roundWithAnnObserving()
    await waitFor(() => witness.doc.getMap(OBSERVER_NOTES_MAP).has(inclusion))
    expect(readObserverSheets(witness.doc.getMap(OBSERVER_NOTES_MAP).entries())).toEqual([
      {
        roundId: round.id,
        observerId: ann.guest.id,
        notes: { general: ANN_NOTE, inclusion: 'Nobody asked the community member.' },
      },
    ])
  })

  it.each([
    ['overwrites the observer’s note', 'overwrite'],
    ['deletes the observer’s note', 'delete'],
    ['writes a sheet of its own in a round that does not name it', 'own sheet'],
    ['names itself the round’s observer', 'name itself'],
  ])('closes an editor’s socket that %s, and the notes stay', async (_what, attack) => {
    const { test, mapId, mallory, round, general, witness } = await roundWithAnnObserving()
    const attacker = connectGuest(test, mapId, mallory.guestToken)
    await waitForSync(attacker)
    await waitFor(() => attacker.doc.getMap(OBSERVER_NOTES_MAP).get(general) === ANN_NOTE)
    const closed = nextClose(attacker)
    const notes = attacker.doc.getMap<unknown>(OBSERVER_NOTES_MAP)
    if (attack === 'overwrite') notes.set(general, 'Everyone listened well.')
    if (attack === 'delete') notes.delete(general)
    if (attack === 'own sheet') {
      notes.set(
        observerNoteKey({ roundId: round.id, observerId: mallory.guest.id, field: 'general' }),
        'My own view',
      )
    }
    if (attack === 'name itself') {
      attacker.doc
        .getMap(FACILITATION_MAP)
        .set('rolePlayRounds', startRound(NO_ROUNDS, [mallory.guest.id], 10, Date.now()))
    }
    expect(await closed).toBe(CloseCode.policyViolation)
    attacker.destroy()
    // The witness still reads Ann's note and nothing else of anyone's.
    const later = connectGuest(test, mapId, null)
    await waitForSync(later)
    expect(later.doc.getMap(OBSERVER_NOTES_MAP).get(general)).toBe(ANN_NOTE)
    expect(later.doc.getMap(OBSERVER_NOTES_MAP).size).toBe(2)
    expect(witness.doc.getMap(OBSERVER_NOTES_MAP).get(general)).toBe(ANN_NOTE)
  })

  it('closes a socket with the editor link alone that writes under the observer’s id', async () => {
    const { test, mapId, general } = await roundWithAnnObserving()
    const script = connectGuest(test, mapId, null)
    await waitForSync(script)
    const closed = nextClose(script)
    script.doc.getMap(OBSERVER_NOTES_MAP).set(general, 'Written by a script with the link')
    expect(await closed).toBe(CloseCode.policyViolation)
    script.destroy()
    const later = connectGuest(test, mapId, null)
    await waitForSync(later)
    expect(later.doc.getMap(OBSERVER_NOTES_MAP).get(general)).toBe(ANN_NOTE)
  })

  it('a facilitator may correct the observer’s note; the observer may change it again', async () => {
    const { general, facilitator, annSocket, witness } = await roundWithAnnObserving()
    facilitator.doc.getMap(OBSERVER_NOTES_MAP).set(general, 'Corrected by the trainer')
    await waitFor(
      () => witness.doc.getMap(OBSERVER_NOTES_MAP).get(general) === 'Corrected by the trainer',
    )
    await waitFor(
      () => annSocket.doc.getMap(OBSERVER_NOTES_MAP).get(general) === 'Corrected by the trainer',
    )
    annSocket.doc.getMap(OBSERVER_NOTES_MAP).set(general, 'Ann again')
    await waitFor(() => witness.doc.getMap(OBSERVER_NOTES_MAP).get(general) === 'Ann again')
    expect(annSocket.wsconnected).toBe(true)
  })
})
