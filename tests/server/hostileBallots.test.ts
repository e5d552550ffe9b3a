/**
 * Issue 19, attacking our own ballots with the editor link: a participant with the published
 * y-websocket client and hand-written HTTP calls tries to read another's ballot before the
 * reveal, to vote under invented ids, to exceed the budget and to overwrite another's
 * scores. Each is refused, the honest participants are undisturbed and the tally is exact.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FACILITATION_MAP, WORKSHOP_MAP } from '../../shared/document/mapDocumentLayout'
import { ballotsPath } from '../../shared/protocol/ballotApi'
import { CloseCode } from '../../shared/protocol/closeCodes'
import {
  facilitatorWithStakeholders,
  handIn,
  myBallot,
  openRound,
  openVote,
  putBallot,
  reveal,
  countSeen,
  roundSeen,
  startGuest,
  voteSeen,
} from './ballotFixture'
import { apiFetch, createFixture, createMap, nextClose, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** The refusal's code of an API answer. */
async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code
}

describe('a participant with the editor link attacking the ballots', () => {
  it('cannot read another’s scores before the reveal: not in the document, not over HTTP', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const { facilitator, ids } = await facilitatorWithStakeholders(fixture, test, mapId, ['Bank'])
    const ann = await startGuest(test, mapId, 'Ann')
    const mallory = await startGuest(test, mapId, 'Mallory')
    const spy = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(spy)
    const round = await openRound(facilitator, spy, ids[0]!)
    await handIn(test, mapId, round.id, { power: 1, legitimacy: 5 }, ann.guestToken)
    await waitFor(() => countSeen(spy) === 1)
    // Everything the spy's document has: the count, no score.
    const everything = JSON.stringify(spy.doc.toJSON())
    expect(everything).not.toContain('legitimacy')
    expect(spy.doc.getMap(WORKSHOP_MAP).size).toBe(0)
    // Her own "mine" is hers: Ann's ballot is not there.
    expect((await myBallot(test, mapId, round.id, mallory.guestToken)).ballot).toBeNull()
    // No path names another person's ballot.
    for (const path of [
      `${ballotsPath(mapId, round.id)}/${ann.guest.id}`,
      `${ballotsPath(mapId, round.id)}`,
      `${ballotsPath(mapId, round.id)}/mine?guest=${ann.guest.id}`,
    ]) {
      const answer = await apiFetch(test, mapId, 'editor', path, {
        headers: { 'x-guest-session': mallory.guestToken },
      })
      expect(JSON.stringify(await answer.json())).not.toContain('legitimacy')
    }
    // Nor can a link alone ask for one, nor an editor reveal.
    const tokenOnly = await apiFetch(test, mapId, 'editor', `${ballotsPath(mapId, round.id)}/mine`)
    expect(tokenOnly.status).toBe(403)
    expect(await codeOf(tokenOnly)).toBe('ballot-needs-identity')
    const early = await reveal(test, mapId, round.id, 'editor')
    expect(early.status).toBe(403)
    expect(roundSeen(spy)?.status).toBe('open')
  })

  it('cannot vote under invented ids, exceed the budget or vote for a stakeholder that is not there; the tally is exact', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const { facilitator, ids, witness } = await facilitatorWithStakeholders(fixture, test, mapId, [
      'Municipality',
      'Union',
    ])
    const [municipality, union] = ids as [string, string]
    const ann = await startGuest(test, mapId, 'Ann')
    const mallory = await startGuest(test, mapId, 'Mallory')
    const vote = await openVote(facilitator, witness, 2)
    await handIn(test, mapId, vote.id, [union, union], ann.guestToken)

    // Invented ids in the document: the whole update is refused (1008), nothing stored.
    const script = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(script)
    const closed = nextClose(script)
    script.doc.transact(() => {
      for (const id of ['u_1', 'u_2', 'x-3', 'x-4'])
        script.doc.getMap(WORKSHOP_MAP).set(`vote:${vote.id}:${id}`, [municipality, municipality])
    })
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(script)

    // Over HTTP a ballot is keyed by who the server knows, whatever the body says.
    const forged = await apiFetch(test, mapId, 'editor', ballotsPath(mapId, vote.id), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-guest-session': mallory.guestToken },
      body: JSON.stringify({ ballot: [municipality], voterId: ann.guest.id, userId: ann.guest.id }),
    })
    expect(forged.status).toBe(200)
    // Without a session: refused, not counted under an id of the client's choice.
    const noSession = await putBallot(test, mapId, vote.id, [municipality], null)
    expect(noSession.status).toBe(403)
    expect(await codeOf(noSession)).toBe('ballot-needs-identity')
    const madeUp = await putBallot(test, mapId, vote.id, [municipality], 'made-up-session')
    expect(madeUp.status).toBe(401)
    // Over the budget, or for someone not on the map.
    const overBudget = await putBallot(
      test,
      mapId,
      vote.id,
      [municipality, municipality, municipality],
      mallory.guestToken,
    )
    expect(overBudget.status).toBe(400)
    expect(await codeOf(overBudget)).toBe('budget-exceeded')
    const nobody = await putBallot(test, mapId, vote.id, ['sh-nobody'], mallory.guestToken)
    expect(await codeOf(nobody)).toBe('unknown-stakeholder')
    // A viewer link takes no part.
    const viewer = await startGuest(test, mapId, 'Vera', 'viewer')
    const viewing = await putBallot(
      test,
      mapId,
      vote.id,
      [municipality],
      viewer.guestToken,
      'viewer',
    )
    expect(viewing.status).toBe(403)

    expect((await myBallot(test, mapId, vote.id, ann.guestToken)).ballot).toEqual([union, union])
    expect((await reveal(test, mapId, vote.id)).status).toBe(200)
    await waitFor(() => voteSeen(facilitator)?.status === 'closed')
    expect(voteSeen(facilitator)?.tally).toEqual([
      { stakeholderId: union, votes: 2 },
      { stakeholderId: municipality, votes: 1 },
    ])
    expect(voteSeen(facilitator)?.submitted).toBe(2)
  })

  it('cannot overwrite another’s scores: the document refuses them, HTTP keys by the session', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const { facilitator, ids, witness } = await facilitatorWithStakeholders(fixture, test, mapId, [
      'Bank',
    ])
    const ann = await startGuest(test, mapId, 'Ann')
    const mallory = await startGuest(test, mapId, 'Mallory')
    const round = await openRound(facilitator, witness, ids[0]!)
    await handIn(test, mapId, round.id, { power: 4 }, ann.guestToken)

    const script = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'editor' })
    await waitForSync(script)
    const closed = nextClose(script)
    script.doc.getMap(WORKSHOP_MAP).set(`score:${round.id}:${ann.guest.id}`, { power: 1 })
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(script)
    // Mallory's own scores go in as hers, out-of-range ones not at all.
    await handIn(test, mapId, round.id, { power: 2 }, mallory.guestToken)
    const outOfRange = await putBallot(test, mapId, round.id, { power: 50 }, mallory.guestToken)
    expect(await codeOf(outOfRange)).toBe('invalid-ballot')

    expect((await myBallot(test, mapId, round.id, ann.guestToken)).ballot).toMatchObject({
      power: 4,
    })
    expect(facilitator.wsconnected).toBe(true)
    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(() => roundSeen(facilitator)?.status === 'revealed')
    expect(roundSeen(facilitator)?.result?.power).toMatchObject({
      count: 2,
      min: 2,
      max: 4,
      median: 3,
    })
  })

  it('cannot fake a count, a result or a tally with a facilitator’s socket; honest clients go on', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const { facilitator, ids, witness } = await facilitatorWithStakeholders(fixture, test, mapId, [
      'Bank',
    ])
    const ann = await startGuest(test, mapId, 'Ann')
    const vote = await openVote(facilitator, witness, 2)
    await handIn(test, mapId, vote.id, [ids[0]!], ann.guestToken)
    await waitFor(() => countSeen(facilitator) === 1)
    const forgeries: Record<string, unknown>[] = [
      { ...vote, submitted: 9 },
      { ...vote, status: 'closed', tally: [{ stakeholderId: ids[0]!, votes: 10 }] },
      { ...vote, status: 'closed' },
    ]
    for (const forged of forgeries) {
      const rigger = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
      await waitForSync(rigger)
      const closed = nextClose(rigger)
      rigger.doc.getMap(FACILITATION_MAP).set('vote', forged)
      expect(await closed).toBe(CloseCode.policyViolation)
      fixture.disconnectClient(rigger)
    }
    // The running count is the server's alone: a facilitator's socket may not write it.
    const counter = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
    await waitForSync(counter)
    const countRefused = nextClose(counter)
    counter.doc.getMap(FACILITATION_MAP).set('ballotCount', { roundId: vote.id, submitted: 12 })
    expect(await countRefused).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(counter)
    expect(voteSeen(facilitator)).toMatchObject({ status: 'open' })
    expect(countSeen(facilitator)).toBe(1)
    expect((await reveal(test, mapId, vote.id)).status).toBe(200)
    await waitFor(() => voteSeen(facilitator)?.status === 'closed')
    expect(voteSeen(facilitator)?.tally).toEqual([{ stakeholderId: ids[0]!, votes: 1 }])
    // A result copied onto a new round is refused; a new round without one is opened.
    const rigger = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
    await waitForSync(rigger)
    const closed = nextClose(rigger)
    const copied = { ...(rigger.doc.getMap(FACILITATION_MAP).get('vote') as object), id: 'vote-zz' }
    rigger.doc.getMap(FACILITATION_MAP).set('vote', copied)
    expect(await closed).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(rigger)
    const next = await openVote(facilitator, witness, 1)
    expect(facilitator.wsconnected).toBe(true)
    expect(voteSeen(facilitator)?.id).toBe(next.id)
    // A scoring round too: a faked result is refused, the honest round opens over a revealed one.
    const round = await openRound(facilitator, witness, ids[0]!)
    await handIn(test, mapId, round.id, { power: 4 }, ann.guestToken)
    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(() => roundSeen(facilitator)?.status === 'revealed')
    const scorer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
    await waitForSync(scorer)
    const refused = nextClose(scorer)
    const held = scorer.doc.getMap(FACILITATION_MAP).get('scoring') as { result: object }
    scorer.doc
      .getMap(FACILITATION_MAP)
      .set('scoring', { ...held, result: { ...held.result, power: null } })
    expect(await refused).toBe(CloseCode.policyViolation)
    fixture.disconnectClient(scorer)
    const again = await openRound(facilitator, witness, ids[0]!)
    expect(roundSeen(facilitator)?.id).toBe(again.id)
    expect(facilitator.wsconnected).toBe(true)
  })
})
