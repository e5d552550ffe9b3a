/**
 * The {@link BallotRecords} on SQLite. Handing in and closing a round each run in one
 * IMMEDIATE transaction (the write lock from its start), so they take turns even with a
 * second process on the file.
 */
import type Database from 'better-sqlite3'
import { type BallotRecords, ROUND_CLOSED } from './BallotRecords'

export class SqliteBallotRecords implements BallotRecords {
  constructor(private readonly db: Database.Database) {}

  async putBallot(mapId: string, roundId: string, voterId: string, ballot: string | null) {
    return this.db
      .transaction((): number | typeof ROUND_CLOSED => {
        if (this.isClosed(mapId, roundId)) return ROUND_CLOSED
        if (ballot === null) {
          this.db
            .prepare('DELETE FROM ballots WHERE map_id = ? AND round_id = ? AND voter_id = ?')
            .run(mapId, roundId, voterId)
        } else {
          this.db
            .prepare(
              `INSERT INTO ballots (map_id, round_id, voter_id, ballot, updated_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (map_id, round_id, voter_id)
               DO UPDATE SET ballot = excluded.ballot, updated_at = excluded.updated_at`,
            )
            .run(mapId, roundId, voterId, ballot, new Date().toISOString())
        }
        return this.count(mapId, roundId)
      })
      .immediate()
  }

  async getBallot(mapId: string, roundId: string, voterId: string) {
    const row = this.db
      .prepare('SELECT ballot FROM ballots WHERE map_id = ? AND round_id = ? AND voter_id = ?')
      .get(mapId, roundId, voterId) as { ballot: string } | undefined
    return row?.ballot ?? null
  }

  async countBallots(mapId: string, roundId: string) {
    return this.count(mapId, roundId)
  }

  async closeRound(mapId: string, roundId: string) {
    return this.db
      .transaction(() => {
        this.markClosed(mapId, roundId)
        const rows = this.db
          .prepare('SELECT ballot FROM ballots WHERE map_id = ? AND round_id = ? ORDER BY voter_id')
          .all(mapId, roundId) as { ballot: string }[]
        return rows.map((row) => row.ballot)
      })
      .immediate()
  }

  async deleteBallots(mapId: string, roundId: string) {
    return this.db
      .prepare('DELETE FROM ballots WHERE map_id = ? AND round_id = ?')
      .run(mapId, roundId).changes
  }

  async discardRound(mapId: string, roundId: string) {
    return this.db
      .transaction(() => {
        this.markClosed(mapId, roundId)
        return this.db
          .prepare('DELETE FROM ballots WHERE map_id = ? AND round_id = ?')
          .run(mapId, roundId).changes
      })
      .immediate()
  }

  async roundsWithBallots(mapId: string) {
    const rows = this.db
      .prepare('SELECT DISTINCT round_id FROM ballots WHERE map_id = ? ORDER BY round_id')
      .all(mapId) as { round_id: string }[]
    return rows.map((row) => row.round_id)
  }

  private isClosed(mapId: string, roundId: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM closed_ballot_rounds WHERE map_id = ? AND round_id = ?')
        .get(mapId, roundId) !== undefined
    )
  }

  private markClosed(mapId: string, roundId: string): void {
    this.db
      .prepare(
        `INSERT INTO closed_ballot_rounds (map_id, round_id, closed_at) VALUES (?, ?, ?)
         ON CONFLICT (map_id, round_id) DO NOTHING`,
      )
      .run(mapId, roundId, new Date().toISOString())
  }

  private count(mapId: string, roundId: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM ballots WHERE map_id = ? AND round_id = ?')
      .get(mapId, roundId) as { n: number }
    return row.n
  }
}
