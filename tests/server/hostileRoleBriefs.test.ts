/**
 * Issue 21, attacking our own role play: the facilitator deals role cards (map document)
 * and writes their private briefs (confidential document) with the published y-websocket
 * client; participants with the editor link try to read another's brief, to deal themselves
 * a card, and to write a brief. Each holder gets only their own brief from the server.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ROLE_BRIEFS_MAP, ROLE_PLAY_MAP } from '../../shared/document/mapDocumentLayout'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { GUEST_SESSION_HEADER } from '../../shared/protocol/guestApi'
import { type MyRoleResponse, myRolePath } from '../../shared/protocol/roleBriefApi'
import { type RoleCard, readRoleCards, storedRoleCard } from '../../shared/workshop/rolePlay'
import { startGuest } from './ballotFixture'
import {
  type TestServer,
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  waitFor,
  waitForSync,
} from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const SUPPLIER_BRIEF = 'You know of two villages where children work during the harvest.'
const WORKER_BRIEF = 'Some pickers are afraid to speak while the supplier is in the room.'

function card(id: string, title: string, holderId: string | null, order: number): RoleCard {
  return {
    id,
    title,
    description: `Plays ${title}`,
    holderId,
    order,
    briefRevision: 1,
    observes: false,
  }
}

/** `GET …/my-role` with the editor link and a guest session (or none). */
async function myRole(test: TestServer, mapId: string, guestToken: string | null) {
  return apiFetch(test, mapId, 'editor', myRolePath(mapId), {
    headers: guestToken === null ? {} : { [GUEST_SESSION_HEADER]: guestToken },
  })
}

/** A map with two cards dealt to Ann and Bram, their briefs in the confidential document. */
async function dealtMap() {
  const test = await fixture.startServer()
  const mapId = await createMap(test)
  const ann = await startGuest(test, mapId, 'Ann')
  const bram = await startGuest(test, mapId, 'Bram')
  const facilitator = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
  const secret = fixture.connectClient(test, mapId, new Y.Doc(), {
    role: 'facilitator',
    document: 'confidential',
  })
  await waitForSync(facilitator)
  await waitForSync(secret)
  secret.doc.transact(() => {
    secret.doc.getMap(ROLE_BRIEFS_MAP).set('role-supplier', SUPPLIER_BRIEF)
    secret.doc.getMap(ROLE_BRIEFS_MAP).set('role-worker', WORKER_BRIEF)
  })
  facilitator.doc.transact(() => {
    const cards = facilitator.doc.getMap(ROLE_PLAY_MAP)
    cards.set('role-supplier', storedRoleCard(card('role-supplier', 'Supplier', ann.guest.id, 0)))
    cards.set('role-worker', storedRoleCard(card('role-worker', 'Worker', bram.guest.id, 1)))
    cards.set('role-observer', storedRoleCard(card('role-observer', 'Observer', null, 2)))
  })
  const witness = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
  await waitForSync(witness)
  await waitFor(() => witness.doc.getMap(ROLE_PLAY_MAP).size === 3)
  // Stored on the server: the answer below reads it from there.
  await waitFor(async () => {
    const answer = (await (await myRole(test, mapId, ann.guestToken)).json()) as MyRoleResponse
    return answer.role?.brief === SUPPLIER_BRIEF
  })
  return { test, mapId, ann, bram, facilitator, witness }
}

describe('role cards and their private briefs', () => {
  it('each holder gets their own brief and no one else’s; the cast is public, the briefs are not', async () => {
    const { test, mapId, ann, bram, witness } = await dealtMap()
    const annAnswer = (await (await myRole(test, mapId, ann.guestToken)).json()) as MyRoleResponse
    expect(annAnswer.role).toEqual({
      card: card('role-supplier', 'Supplier', ann.guest.id, 0),
      brief: SUPPLIER_BRIEF,
    })
    expect(JSON.stringify(annAnswer)).not.toContain(WORKER_BRIEF)
    const bramAnswer = (await (await myRole(test, mapId, bram.guestToken)).json()) as MyRoleResponse
    expect(bramAnswer.role?.brief).toBe(WORKER_BRIEF)
    // Someone without a card gets none, not the observer's.
    const chen = await startGuest(test, mapId, 'Chen')
    expect(await (await myRole(test, mapId, chen.guestToken)).json()).toEqual({ role: null })
    // A link alone is no identity; an invented session is refused.
    const tokenOnly = await myRole(test, mapId, null)
    expect(tokenOnly.status).toBe(403)
    expect((await myRole(test, mapId, 'x'.repeat(32))).status).toBe(401)
    // Everyone sees who plays whom in the map document, and no brief anywhere in it.
    expect(readRoleCards(witness.doc.getMap(ROLE_PLAY_MAP).entries()).map((c) => c.title)).toEqual([
      'Supplier',
      'Worker',
      'Observer',
    ])
    const everything = JSON.stringify(witness.doc.toJSON())
    expect(everything).not.toContain(SUPPLIER_BRIEF)
    expect(everything).not.toContain(WORKER_BRIEF)
  })

  it('an editor cannot deal itself a card: the socket is closed and the cast stays', async () => {
    const { test, mapId, bram, witness } = await dealtMap()
    const mallory = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(mallory)
    const closed = nextClose(mallory)
    mallory.doc
      .getMap(ROLE_PLAY_MAP)
      .set('role-worker', storedRoleCard(card('role-worker', 'Worker', 'mallory', 1)))
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(mallory)
    const answer = (await (await myRole(test, mapId, bram.guestToken)).json()) as MyRoleResponse
    expect(answer.role?.card.holderId).toBe(bram.guest.id)
    expect(readRoleCards(witness.doc.getMap(ROLE_PLAY_MAP).entries())[1]?.holderId).toBe(
      bram.guest.id,
    )
  })

  it('an editor cannot open the briefs, nor put a brief into the map document', async () => {
    const { test, mapId, ann } = await dealtMap()
    const peeker = fixture.connectClient(test, mapId, new Y.Doc(), {
      role: 'editor',
      document: 'confidential',
    })
    expect(await nextClose(peeker)).not.toBe(-1)
    expect(JSON.stringify(peeker.doc.toJSON())).not.toContain(SUPPLIER_BRIEF)
    fixture.disconnectClient(peeker)
    const writer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(writer)
    const closed = nextClose(writer)
    writer.doc.getMap(ROLE_BRIEFS_MAP).set('role-supplier', 'Give Mallory the supplier’s card')
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(writer)
    const answer = (await (await myRole(test, mapId, ann.guestToken)).json()) as MyRoleResponse
    expect(answer.role?.brief).toBe(SUPPLIER_BRIEF)
  })
})
