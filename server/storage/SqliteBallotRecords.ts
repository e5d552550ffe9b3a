/** The {@link BallotRecords} on SQLite: one statement per method. */
import type Database from 'better-sqlite3'
import type { BallotRecords } from './BallotRecords'

export class SqliteBallotRecords implements BallotRecords {
  constructor(private readonly db: Database.Database) {}

  async putBallot(mapId: string, roundId: string, voterId: string, ballot: string) {
    return this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO ballots (map_id, round_id, voter_id, ballot, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (map_id, round_id, voter_id)
           DO UPDATE SET ballot = excluded.ballot, updated_at = excluded.updated_at`,
        )
        .run(mapId, roundId, voterId, ballot, new Date().toISOString())
      return this.count(mapId, roundId)
    })()
  }

  async getBallot(mapId: string, roundId: string, voterId: string) {
    const row = this.db
      .prepare('SELECT ballot FROM ballots WHERE map_id = ? AND round_id = ? AND voter_id = ?')
      .get(mapId, roundId, voterId) as { ballot: string } | undefined
    return row?.ballot ?? null
  }

  async listBallots(mapId: string, roundId: string) {
    const rows = this.db
      .prepare('SELECT ballot FROM ballots WHERE map_id = ? AND round_id = ? ORDER BY voter_id')
      .all(mapId, roundId) as { ballot: string }[]
    return rows.map((row) => row.ballot)
  }

  async countBallots(mapId: string, roundId: string) {
    return this.count(mapId, roundId)
  }

  async deleteVoter(mapId: string, roundId: string, voterId: string) {
    this.db
      .prepare('DELETE FROM ballots WHERE map_id = ? AND round_id = ? AND voter_id = ?')
      .run(mapId, roundId, voterId)
  }

  async deleteBallots(mapId: string, roundId: string) {
    return this.db
      .prepare('DELETE FROM ballots WHERE map_id = ? AND round_id = ?')
      .run(mapId, roundId).changes
  }

  async deleteOtherRounds(mapId: string, prefix: string, keep: string) {
    return this.db
      .prepare(
        `DELETE FROM ballots WHERE map_id = ? AND round_id <> ?
           AND substr(round_id, 1, length(?)) = ?`,
      )
      .run(mapId, keep, prefix, prefix).changes
  }

  private count(mapId: string, roundId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM ballots WHERE map_id = ? AND round_id = ?')
      .get(mapId, roundId) as { n: number }
    return row.n
  }
}
