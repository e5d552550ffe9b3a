/**
 * `/readyz`: whether this node can serve maps now. Storage answers a read (SQLite or
 * PostgreSQL) and, in a cluster, Redis answers a PING, each within {@link READY_TIMEOUT_MS};
 * a load balancer sends no traffic to a node that is not ready (`/healthz` only says the
 * process is alive).
 */
import type { Cluster } from '../cluster/Cluster'
import type { MapStore } from '../storage/MapStore'

/** Longest a readiness check waits for storage or Redis. */
export const READY_TIMEOUT_MS = 2000

/** What `/readyz` reports; `redis` is null on a single node. */
export interface Readiness {
  storage: boolean
  redis: boolean | null
}

/** Checks storage and (when there is a cluster) Redis, in parallel. */
export async function checkReadiness(
  store: MapStore,
  cluster: Cluster | undefined,
): Promise<Readiness> {
  const [storage, redis] = await Promise.all([
    // A read of a map id that cannot exist: a real query, nothing returned.
    answers(store.getMap('readiness-check').then(() => undefined)),
    cluster?.ping ? answers(cluster.ping()) : Promise.resolve(null),
  ])
  return { storage, redis }
}

function answers(check: Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)
  })
  return Promise.race([
    check.then(
      () => true,
      () => false,
    ),
    timeout,
  ]).finally(() => clearTimeout(timer))
}
