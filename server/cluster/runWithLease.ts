import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'

/** Extends the lease only while the key still holds our token. */
const RENEW_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0`

/** Deletes the key only while it still holds our token (never another node's lock). */
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0`

/** Outcome of {@link runWithLease}. */
export type LeaseResult = 'ran' | 'held-elsewhere' | 'unavailable'

/**
 * Runs `task` while holding a lock in Redis: `SET key token NX PX leaseMs`, renewed every
 * third of the lease while the task runs, released with a compare-and-delete script. If this
 * node stalls past its lease another node may take the lock; the tasks guarded here
 * (compaction, snapshots) stay correct when that happens, they only waste work.
 * Answers whether the task ran; `unavailable` when Redis could not be asked.
 */
export async function runWithLease(
  redis: Redis,
  key: string,
  leaseMs: number,
  task: () => Promise<void>,
): Promise<LeaseResult> {
  const token = randomUUID()
  let acquired: string | null
  try {
    acquired = await redis.set(key, token, 'PX', leaseMs, 'NX')
  } catch {
    return 'unavailable'
  }
  if (acquired !== 'OK') return 'held-elsewhere'
  const renewal = setInterval(() => {
    // A failed renewal only shortens the lease; the release below still checks the token.
    redis.eval(RENEW_SCRIPT, 1, key, token, leaseMs).catch(() => undefined)
  }, leaseMs / 3)
  try {
    await task()
    return 'ran'
  } finally {
    clearInterval(renewal)
    // If Redis is away the lease simply runs out.
    await redis.eval(RELEASE_SCRIPT, 1, key, token).catch(() => undefined)
  }
}
