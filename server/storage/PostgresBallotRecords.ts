/** The {@link BallotRecords} on PostgreSQL: one statement per method. */
import type { BallotRecords } from './BallotRecords'
import type { PostgresConnection } from './PostgresConnection'

export class PostgresBallotRecords implements BallotRecords {
  constructor(private readonly connection: PostgresConnection) {}

  async putBallot(mapId: string, roundId: string, voterId: string, ballot: string) {
    await this.connection.query(
      `INSERT INTO ballots (map_id, round_id, voter_id, ballot, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (map_id, round_id, voter_id)
       DO UPDATE SET ballot = excluded.ballot, updated_at = excluded.updated_at`,
      [mapId, roundId, voterId, ballot],
    )
    return this.countBallots(mapId, roundId)
  }

  async getBallot(mapId: string, roundId: string, voterId: string) {
    const { rows } = await this.connection.query<{ ballot: string }>(
      'SELECT ballot FROM ballots WHERE map_id = $1 AND round_id = $2 AND voter_id = $3',
      [mapId, roundId, voterId],
    )
    return rows[0]?.ballot ?? null
  }

  async listBallots(mapId: string, roundId: string) {
    const { rows } = await this.connection.query<{ ballot: string }>(
      'SELECT ballot FROM ballots WHERE map_id = $1 AND round_id = $2 ORDER BY voter_id',
      [mapId, roundId],
    )
    return rows.map((row) => row.ballot)
  }

  async countBallots(mapId: string, roundId: string) {
    const { rows } = await this.connection.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM ballots WHERE map_id = $1 AND round_id = $2',
      [mapId, roundId],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async deleteVoter(mapId: string, roundId: string, voterId: string) {
    await this.connection.query(
      'DELETE FROM ballots WHERE map_id = $1 AND round_id = $2 AND voter_id = $3',
      [mapId, roundId, voterId],
    )
  }

  async deleteBallots(mapId: string, roundId: string) {
    const result = await this.connection.query(
      'DELETE FROM ballots WHERE map_id = $1 AND round_id = $2',
      [mapId, roundId],
    )
    return result.rowCount ?? 0
  }

  async deleteOtherRounds(mapId: string, prefix: string, keep: string) {
    const result = await this.connection.query(
      `DELETE FROM ballots WHERE map_id = $1 AND round_id <> $2
         AND substr(round_id, 1, length($3)) = $3`,
      [mapId, keep, prefix],
    )
    return result.rowCount ?? 0
  }
}
