/**
 * The {@link BallotRecords} on PostgreSQL. Handing in and closing a round each run in one
 * transaction that first takes a transaction-scoped advisory lock of the round (the
 * two-key form, apart from the migration lock's one-key space), so on a cluster they take
 * turns; each statement after the lock sees what the other committed.
 */
import type { PoolClient } from 'pg'
import { type BallotRecords, ROUND_CLOSED } from './BallotRecords'
import type { PostgresConnection } from './PostgresConnection'

/** Waits for the round's lock (held until the transaction ends); a hash collision only waits. */
async function lockRound(client: PoolClient, mapId: string, roundId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [mapId, roundId])
}

async function isClosed(client: PoolClient, mapId: string, roundId: string): Promise<boolean> {
  const { rowCount } = await client.query(
    'SELECT 1 FROM closed_ballot_rounds WHERE map_id = $1 AND round_id = $2',
    [mapId, roundId],
  )
  return (rowCount ?? 0) > 0
}

async function markClosed(client: PoolClient, mapId: string, roundId: string): Promise<void> {
  await client.query(
    `INSERT INTO closed_ballot_rounds (map_id, round_id, closed_at) VALUES ($1, $2, now())
     ON CONFLICT (map_id, round_id) DO NOTHING`,
    [mapId, roundId],
  )
}

async function count(client: PoolClient, mapId: string, roundId: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'SELECT COUNT(*) AS n FROM ballots WHERE map_id = $1 AND round_id = $2',
    [mapId, roundId],
  )
  return Number(rows[0]?.n ?? 0)
}

export class PostgresBallotRecords implements BallotRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async putBallot(mapId: string, roundId: string, voterId: string, ballot: string | null) {
    return this.connection.transaction(async (client) => {
      await lockRound(client, mapId, roundId)
      if (await isClosed(client, mapId, roundId)) return ROUND_CLOSED
      if (ballot === null) {
        await client.query(
          'DELETE FROM ballots WHERE map_id = $1 AND round_id = $2 AND voter_id = $3',
          [mapId, roundId, voterId],
        )
      } else {
        await client.query(
          `INSERT INTO ballots (map_id, round_id, voter_id, ballot, updated_at)
           VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (map_id, round_id, voter_id)
           DO UPDATE SET ballot = excluded.ballot, updated_at = excluded.updated_at`,
          [mapId, roundId, voterId, ballot],
        )
      }
      return count(client, mapId, roundId)
    })
  }

  async getBallot(mapId: string, roundId: string, voterId: string) {
    const { rows } = await this.connection.query<{ ballot: string }>(
      'SELECT ballot FROM ballots WHERE map_id = $1 AND round_id = $2 AND voter_id = $3',
      [mapId, roundId, voterId],
    )
    return rows[0]?.ballot ?? null
  }

  async countBallots(mapId: string, roundId: string) {
    const { rows } = await this.connection.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM ballots WHERE map_id = $1 AND round_id = $2',
      [mapId, roundId],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async closeRound(mapId: string, roundId: string) {
    return this.connection.transaction(async (client) => {
      await lockRound(client, mapId, roundId)
      await markClosed(client, mapId, roundId)
      const { rows } = await client.query<{ ballot: string }>(
        'SELECT ballot FROM ballots WHERE map_id = $1 AND round_id = $2 ORDER BY voter_id',
        [mapId, roundId],
      )
      return rows.map((row) => row.ballot)
    })
  }

  async deleteBallots(mapId: string, roundId: string) {
    const result = await this.connection.query(
      'DELETE FROM ballots WHERE map_id = $1 AND round_id = $2',
      [mapId, roundId],
    )
    return result.rowCount ?? 0
  }

  async discardRound(mapId: string, roundId: string) {
    return this.connection.transaction(async (client) => {
      await lockRound(client, mapId, roundId)
      await markClosed(client, mapId, roundId)
      const result = await client.query('DELETE FROM ballots WHERE map_id = $1 AND round_id = $2', [
        mapId,
        roundId,
      ])
      return result.rowCount ?? 0
    })
  }

  async roundsWithBallots(mapId: string) {
    const { rows } = await this.connection.query<{ round_id: string }>(
      'SELECT DISTINCT round_id FROM ballots WHERE map_id = $1 ORDER BY round_id',
      [mapId],
    )
    return rows.map((row) => row.round_id)
  }
}
