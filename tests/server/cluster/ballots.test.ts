/**
 * Ballots on a cluster (issue 19): handed in on one node, revealed on the other; the ballots
 * are in PostgreSQL, not a node's memory, so the result counts every one of them (scoring
 * rounds, dot votes and dialogue-evaluation rounds alike).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createTestSchema } from '../testPostgres'
import { startTestRedis } from '../testRedis'
import { createFixture, createMap, waitFor, waitForSync } from '../testServer'
import type { TestServer } from '../testServer'
import {
  evaluationSeen,
  facilitatorWithStakeholders,
  handIn,
  openEvaluation,
  putBallot,
  openRound,
  openVote,
  reveal,
  roundSeen,
  startGuest,
  voteSeen,
} from '../ballotFixture'

const schema = await createTestSchema()
const redis = schema === null ? null : await startTestRedis()

afterAll(async () => {
  await redis?.kill()
  await schema?.drop()
})

describe.skipIf(schema === null || redis === null)('ballots on a cluster', () => {
  const fixture = createFixture()
  afterEach(() => fixture.cleanup())

  const startTwoNodes = async () =>
    (await Promise.all(
      [1, 2].map((index) =>
        fixture.startServer({
          DATABASE_URL: schema?.url ?? '',
          REDIS_URL: redis?.url ?? '',
          NODE_ID: `node-${index}`,
        }),
      ),
    )) as [TestServer, TestServer]

  it('a ballot handed in on node A counts when node B reveals the round and closes the vote', async () => {
    const [a, b] = (await Promise.all(
      [1, 2].map((index) =>
        fixture.startServer({
          DATABASE_URL: schema?.url ?? '',
          REDIS_URL: redis?.url ?? '',
          NODE_ID: `node-${index}`,
        }),
      ),
    )) as [TestServer, TestServer]
    const mapId = await createMap(a)
    b.tokens.set(mapId, a.tokens.get(mapId)!)
    const { facilitator, ids } = await facilitatorWithStakeholders(fixture, b, mapId, [
      'Farmers',
      'Union',
    ])
    const [farmers, union] = ids as [string, string]
    const onA = fixture.connectClient(a, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(onA)
    const ann = await startGuest(a, mapId, 'Ann')
    const bram = await startGuest(b, mapId, 'Bram')

    const round = await openRound(facilitator, onA, farmers)
    await handIn(a, mapId, round.id, { power: 5 }, ann.guestToken)
    await handIn(b, mapId, round.id, { power: 1 }, bram.guestToken)
    expect((await reveal(b, mapId, round.id)).status).toBe(200)
    await waitFor(() => roundSeen(onA)?.status === 'revealed')
    expect(roundSeen(onA)?.result?.power).toMatchObject({ count: 2, median: 3, min: 1, max: 5 })
    expect(roundSeen(facilitator)?.submitted).toBe(2)

    const vote = await openVote(facilitator, onA, 2)
    await handIn(a, mapId, vote.id, [union, union], ann.guestToken)
    await handIn(a, mapId, vote.id, [farmers], bram.guestToken)
    expect((await reveal(b, mapId, vote.id)).status).toBe(200)
    await waitFor(() => voteSeen(onA)?.status === 'closed')
    expect(voteSeen(onA)?.tally).toEqual([
      { stakeholderId: union, votes: 2 },
      { stakeholderId: farmers, votes: 1 },
    ])
    expect(await b.server.store.ballots.countBallots(mapId, vote.id)).toBe(0)
  })

  it('an evaluation ballot handed in on node A counts when node B reveals, in the round and the evaluation', async () => {
    const [a, b] = await startTwoNodes()
    const mapId = await createMap(a)
    b.tokens.set(mapId, a.tokens.get(mapId)!)
    const { facilitator } = await facilitatorWithStakeholders(fixture, b, mapId, [])
    const onA = fixture.connectClient(a, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(onA)
    const ann = await startGuest(a, mapId, 'Ann')
    const bram = await startGuest(b, mapId, 'Bram')
    const round = await openEvaluation(facilitator, onA)
    await handIn(a, mapId, round.id, { transparency: 5 }, ann.guestToken)
    await handIn(b, mapId, round.id, { transparency: 2 }, bram.guestToken)
    expect((await reveal(b, mapId, round.id)).status).toBe(200)
    await waitFor(() => evaluationSeen(onA)?.status === 'revealed')
    const expected = { count: 2, median: 3.5, min: 2, max: 5, disagreement: true }
    expect(evaluationSeen(onA)?.result?.transparency).toEqual(expected)
    const elements = onA.doc.getMap<Y.Map<unknown>>('dialogueEvaluations').get('eval-1')
    await waitFor(
      () =>
        (elements?.get('elements') as Y.Map<{ result: unknown }>).get('transparency')?.result !==
        null,
    )
    expect(
      (elements?.get('elements') as Y.Map<{ result: unknown }>).get('transparency')?.result,
    ).toEqual(expected)
    expect(await a.server.store.ballots.roundsWithBallots(mapId)).toEqual([])
  })

  it('a ballot handed in on node A while node B reveals is either counted or refused as round-not-open, never left behind', async () => {
    const [a, b] = await startTwoNodes()
    const mapId = await createMap(a)
    b.tokens.set(mapId, a.tokens.get(mapId)!)
    const { facilitator, ids } = await facilitatorWithStakeholders(fixture, b, mapId, ['Farmers'])
    const onA = fixture.connectClient(a, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(onA)
    const guests = await Promise.all(
      Array.from({ length: 8 }, (_, index) => startGuest(a, mapId, `Guest ${index}`)),
    )
    // The reveal lands at a different moment of the stream of ballots each time.
    for (const delay of [0, 5, 10, 20, 30, 45]) {
      const round = await openRound(facilitator, onA, ids[0]!)
      await handIn(a, mapId, round.id, { power: 3 }, guests[0]!.guestToken)
      const refused: string[] = []
      let accepted = 1
      // Everyone else hands in, on A, while the facilitator reveals on B.
      const handingIn = Promise.all(
        guests.slice(1).map(async (guest) => {
          const response = await putBallot(a, mapId, round.id, { power: 4 }, guest.guestToken)
          if (response.status === 200) accepted += 1
          else refused.push(((await response.json()) as { error: { code: string } }).error.code)
        }),
      )
      await new Promise((resolve) => setTimeout(resolve, delay))
      expect((await reveal(b, mapId, round.id)).status).toBe(200)
      await handingIn

      await waitFor(() => roundSeen(onA)?.id === round.id && roundSeen(onA)?.status === 'revealed')
      expect(refused.filter((code) => code !== 'round-not-open')).toEqual([])
      // Every ballot the server took is in the result, and none stays in the database.
      expect({ delay, submitted: roundSeen(onA)?.submitted }).toEqual({
        delay,
        submitted: accepted,
      })
      expect(roundSeen(onA)?.result?.power.count).toBe(accepted)
      expect(await a.server.store.ballots.countBallots(mapId, round.id)).toBe(0)
    }
  })
})
