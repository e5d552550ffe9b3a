/**
 * The node-postgres pool both parts of a {@link PostgresMapStore} share: the schema is
 * migrated on first use, and a connection the server ended is never handed out again (an
 * unhandled error of a checked-out connection would crash the process).
 */
import pg from 'pg'
import type { PoolClient } from 'pg'
import { migratePostgres } from './postgresMigrations'

/** Connection settings of a {@link PostgresMapStore}. */
export interface PostgresMapStoreOptions {
  /** `postgres://…`; a `?options=-c%20search_path%3D<schema>` parameter picks the schema. */
  connectionString: string
  /** Most connections the pool opens at once. */
  poolSize: number
  /** Told about errors of idle connections (e.g. the server ended them); they are replaced. */
  onConnectionError?: (error: Error) => void
}

export class PostgresConnection {
  private readonly pool: pg.Pool
  /** Settles once the schema is migrated; reset after a failure so the next call retries. */
  private ready: Promise<void> | null = null

  constructor(options: PostgresMapStoreOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    })
    // An idle connection ended by the server must not crash the process: the pool drops it
    // and opens a new one on demand.
    this.pool.on('error', (error) => options.onConnectionError?.(error))
  }

  /** One statement on any pooled connection. */
  async query<Row extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<Row>> {
    await this.migrated()
    return this.pool.query<Row>(text, values)
  }

  /** Runs `work` in one transaction on one pooled connection; rolls back when it throws. */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    await this.migrated()
    return this.withClient(async (client, markBroken) => {
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        return result
      } catch (error) {
        // A connection that cannot even roll back must not be handed out again.
        await client.query('ROLLBACK').catch(markBroken)
        throw error
      }
    })
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end()
  }

  /**
   * Runs `work` on a connection of its own. While checked out, the connection's errors
   * (the server ending it) are ours to handle: unhandled they would crash the process.
   * Such a connection is destroyed on release instead of going back to the pool.
   */
  private async withClient<T>(
    work: (client: PoolClient, markBroken: (error: unknown) => void) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    const markBroken = (error: unknown): void => {
      broken ??= error instanceof Error ? error : new Error(String(error))
    }
    client.on('error', markBroken)
    try {
      return await work(client, markBroken)
    } finally {
      client.off('error', markBroken)
      client.release(broken)
    }
  }

  private migrated(): Promise<void> {
    this.ready ??= this.withClient(async (client, markBroken) => {
      try {
        await migratePostgres(client)
      } catch (error) {
        markBroken(error)
        throw error
      }
    }).catch((error: unknown) => {
      this.ready = null
      throw error
    })
    return this.ready
  }
}
