/**
 * Ballots off the shared document (issue 19), with the real server on every storage engine,
 * the published y-websocket client and HTTP: a score round and a vote counted, revealed and
 * deleted; a round that survives a restart; old scores removed from a map when it loads.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FACILITATION_MAP, WORKSHOP_MAP } from '../../shared/document/mapDocumentLayout'
import { ballotsPath } from '../../shared/protocol/ballotApi'
import { openDotVote } from '../../shared/workshop/dotVoting'
import { setFacilitation } from '../../shared/workshop/facilitationState'
import { openScoringRound } from '../../shared/workshop/privateScoring'
import { dotVoteId, scoringRoundId } from '../../shared/workshop/workshopIds'
import { storageBackends } from './storageBackends'
import {
  facilitatorWithStakeholders,
  handIn,
  myBallot,
  openRound,
  openVote,
  reveal,
  countSeen,
  roundSeen,
  startGuest,
  voteSeen,
} from './ballotFixture'
import { apiFetch, createFixture, createMap, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

describe.each(await storageBackends())('ballots on $name', ({ env }) => {
  it('counts a score round without showing a score, reveals the group result and deletes the ballots', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const { facilitator, ids } = await facilitatorWithStakeholders(fixture, test, mapId, [
      'Farmers',
    ])
    const viewer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(viewer)
    const [ann, bram] = [
      await startGuest(test, mapId, 'Ann'),
      await startGuest(test, mapId, 'Bram'),
    ]
    const round = await openRound(facilitator, viewer, ids[0]!)

    expect(
      (await handIn(test, mapId, round.id, { power: 2, urgency: 4 }, ann.guestToken)).submitted,
    ).toBe(1)
    // Ann changes her mind: still one ballot of hers.
    await handIn(test, mapId, round.id, { power: 3, urgency: 4 }, ann.guestToken)
    const answer = await handIn(test, mapId, round.id, { power: 5, urgency: 1 }, bram.guestToken)
    expect(answer.submitted).toBe(2)
    await waitFor(() => countSeen(viewer) === 2)
    expect((await myBallot(test, mapId, round.id, ann.guestToken)).ballot).toMatchObject({
      power: 3,
    })

    // A version taken while the round is open holds the count, no ballot.
    const named = await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'During the round', by: 'Owner' }),
    })
    expect(named.status).toBe(201)
    const { id: versionId } = (await named.json()) as { id: number }
    const state = await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/versions/${versionId}`)
    const version = new Y.Doc()
    Y.applyUpdate(version, new Uint8Array(await state.arrayBuffer()))
    expect(version.getMap(WORKSHOP_MAP).size).toBe(0)
    expect(Object.keys(version.getMap(FACILITATION_MAP).get('scoring') as object).sort()).toEqual([
      'id',
      'openedAt',
      'stakeholderId',
      'status',
    ])
    // The version holds the count, no ballot.
    expect(version.getMap(FACILITATION_MAP).get('ballotCount')).toEqual({
      roundId: round.id,
      submitted: 2,
    })
    for (const client of [viewer, facilitator]) expect(roundSeen(client)?.result).toBeNull()

    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(() => roundSeen(viewer)?.status === 'revealed')
    const result = roundSeen(viewer)!.result!
    expect(result.power).toEqual({ count: 2, median: 4, min: 3, max: 5, disagreement: true })
    expect(result.urgency).toEqual({ count: 2, median: 2.5, min: 1, max: 4, disagreement: true })
    expect(result.impact).toEqual({
      count: 0,
      median: null,
      min: null,
      max: null,
      disagreement: false,
    })
    expect(roundSeen(viewer)?.submitted).toBe(2)
    expect(await test.server.store.ballots.countBallots(mapId, round.id)).toBe(0)
    // Revealed: no more ballots for it.
    const late = await apiFetch(test, mapId, 'editor', ballotsPath(mapId, round.id), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-guest-session': ann.guestToken },
      body: JSON.stringify({ ballot: { power: 1 } }),
    })
    expect(late.status).toBe(409)
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('round-not-open')
  })

  it('tallies a dot vote at the close and clears it with its ballots', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const { facilitator, ids, witness } = await facilitatorWithStakeholders(fixture, test, mapId, [
      'Farmers',
      'Union',
      'Bank',
    ])
    const [farmers, union, bank] = ids as [string, string, string]
    const ann = await startGuest(test, mapId, 'Ann')
    const bram = await startGuest(test, mapId, 'Bram')
    const vote = await openVote(facilitator, witness, 2)
    await handIn(test, mapId, vote.id, [farmers, farmers], ann.guestToken)
    await handIn(test, mapId, vote.id, [union, bank], bram.guestToken)
    // Bram takes his dots back: he no longer counts.
    expect((await handIn(test, mapId, vote.id, [], bram.guestToken)).submitted).toBe(1)
    await handIn(test, mapId, vote.id, [bank], bram.guestToken)
    await waitFor(() => countSeen(facilitator) === 2)
    expect(voteSeen(facilitator)?.tally).toBeNull()

    expect((await reveal(test, mapId, vote.id)).status).toBe(200)
    await waitFor(() => voteSeen(facilitator)?.status === 'closed')
    expect(voteSeen(facilitator)?.tally).toEqual([
      { stakeholderId: farmers, votes: 2 },
      { stakeholderId: bank, votes: 1 },
    ])
    const cleared = await apiFetch(test, mapId, 'facilitator', ballotsPath(mapId, vote.id), {
      method: 'DELETE',
    })
    expect(cleared.status).toBe(200)
    await waitFor(() => voteSeen(facilitator) === null)
  })

  it('keeps an open round’s ballots across a restart, and reveals them afterwards', async () => {
    const dataDir = await fixture.makeDataDir()
    const settings = { ...(await env()), DATA_DIR: dataDir }
    const first = await fixture.startServer(settings)
    const mapId = await createMap(first)
    const { facilitator, ids, witness } = await facilitatorWithStakeholders(fixture, first, mapId, [
      'Farmers',
    ])
    const ann = await startGuest(first, mapId, 'Ann')
    const bram = await startGuest(first, mapId, 'Bram')
    const round = await openRound(facilitator, witness, ids[0]!)
    await handIn(first, mapId, round.id, { legitimacy: 2 }, ann.guestToken)
    await handIn(first, mapId, round.id, { legitimacy: 4 }, bram.guestToken)
    fixture.disconnectClient(facilitator)
    fixture.disconnectClient(witness)
    await fixture.stopServer(first)

    const second = await fixture.startServer(settings)
    expect((await myBallot(second, mapId, round.id, ann.guestToken)).ballot).toMatchObject({
      legitimacy: 2,
    })
    expect((await reveal(second, mapId, round.id)).status).toBe(200)
    const viewer = fixture.connectClient(second, mapId, new Y.Doc(), { role: 'viewer' })
    await waitFor(() => roundSeen(viewer)?.status === 'revealed')
    expect(roundSeen(viewer)?.result?.legitimacy).toMatchObject({ count: 2, median: 3 })
  })

  it('removes the scores and votes an old map kept from its document, every log row and every version when it loads', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const { store } = test.server
    const old = new Y.Doc()
    old.getMap(WORKSHOP_MAP).set('score:round-1:user-ann', { power: 5, secret: 'ann-gave-5' })
    await store.appendUpdates(mapId, [Y.encodeStateAsUpdate(old)])
    await store.addVersion({
      mapId,
      name: 'During an old round',
      kind: 'named',
      createdBy: { name: 'Ann', role: 'facilitator' },
      state: Y.encodeStateAsUpdate(old),
      confidentialState: null,
      stakeholderCount: 0,
    })
    const before = Y.encodeStateVector(old)
    old.getMap(WORKSHOP_MAP).set('vote:vote-1:user-bob', ['bob-gave-bank', 'bank'])
    await store.appendUpdates(mapId, [Y.encodeStateAsUpdate(old, before)])

    const viewer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(viewer)
    expect(viewer.doc.getMap(WORKSHOP_MAP).size).toBe(0)
    fixture.disconnectClient(viewer)
    await test.server.rooms.flushAll()
    // Nothing stored still holds a ballot: no log row, no version, read alone or together.
    const rows = (await store.loadUpdates(mapId, 'map')).updates
    const versions = await Promise.all(
      (await store.listVersions(mapId)).map(async ({ id }) => (await store.getVersion(mapId, id))!),
    )
    const held = [...rows, ...versions.map((version) => version.state)]
    expect(held.length).toBeGreaterThan(1)
    for (const bytes of [...held, Y.mergeUpdates(rows)]) {
      const decoded = new Y.Doc()
      Y.applyUpdate(decoded, bytes)
      expect([...decoded.getMap(WORKSHOP_MAP).keys()]).toEqual([])
      const text = new TextDecoder().decode(bytes)
      expect(text).not.toContain('ann-gave-5')
      expect(text).not.toContain('bob-gave-bank')
    }
  })

  it('on load deletes only the ballots of rounds the map shows ended, never of the open round or a newer one', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    const minute = 60_000
    const now = Date.now()
    // Stored: a scoring round open, the vote closed, as this node reads the map.
    const stored = new Y.Doc()
    const open = openScoringRound('sh-farmers', now)
    setFacilitation(stored, 'scoring', open)
    setFacilitation(stored, 'vote', { ...openDotVote('Whom first?', 2, now), status: 'closed' })
    await test.server.store.appendUpdates(mapId, [Y.encodeStateAsUpdate(stored)])
    // Ballots: of an earlier round, of the open one, and of a round and a vote opened since
    // on another node (the map as stored does not show them yet).
    const ballotOf = (roundId: string) =>
      test.server.store.ballots.putBallot(
        mapId,
        roundId,
        'g_ann',
        roundId.startsWith('vote') ? '[]' : '{}',
      )
    const earlier = scoringRoundId(now - minute)
    const newer = scoringRoundId(now + minute)
    const closedVote = dotVoteId(now)
    const newerVote = dotVoteId(now + minute)
    for (const roundId of [earlier, open.id, newer, closedVote, newerVote]) await ballotOf(roundId)

    const viewer = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(viewer)
    expect(roundSeen(viewer)?.id).toBe(open.id)
    const kept = async (roundId: string) =>
      (await test.server.store.ballots.countBallots(mapId, roundId)) > 0
    expect({
      earlier: await kept(earlier),
      open: await kept(open.id),
      newer: await kept(newer),
      closedVote: await kept(closedVote),
      newerVote: await kept(newerVote),
    }).toEqual({ earlier: false, open: true, newer: true, closedVote: false, newerVote: true })
  })
})
