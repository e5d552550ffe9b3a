/**
 * Names of the versions the server makes itself. They are stored as a code, not as words,
 * so each reader sees them in their own language: `interval` (the hourly snapshot),
 * `last-participant-left`, `server-shutdown`, and `before-restore:<id>` (taken just before
 * version <id> was restored). `readVersionName` turns a stored name back into what it
 * means, and also reads the English sentences that earlier servers stored.
 */
import type { VersionKind } from './accessApi'

/** Why the server made an automatic version. */
export const AUTO_VERSION_REASONS = [
  'interval',
  'last-participant-left',
  'server-shutdown',
  'before-restore',
] as const
/** See {@link AUTO_VERSION_REASONS}. */
export type AutoVersionReason = (typeof AUTO_VERSION_REASONS)[number]

/** What a stored version name means. */
export type VersionName =
  | { kind: 'named'; name: string }
  | {
      kind: 'auto'
      reason: AutoVersionReason
      /** For `before-restore`: the restored version, by id (new) or by name (old servers). */
      restored?: { id: number } | { name: string }
    }
  /** An automatic version whose stored name is none of the above: shown as stored. */
  | { kind: 'auto'; reason: null; name: string }

/** The stored name of an automatic version. */
export function autoVersionName(reason: Exclude<AutoVersionReason, 'before-restore'>): string
export function autoVersionName(reason: 'before-restore', restoredId: number): string
export function autoVersionName(reason: AutoVersionReason, restoredId?: number): string {
  return reason === 'before-restore' ? `before-restore:${restoredId ?? 0}` : reason
}

/** English names stored by servers before the names became codes. */
const LEGACY_NAMES: Readonly<Record<string, AutoVersionReason>> = {
  Automatic: 'interval',
  'Last participant left': 'last-participant-left',
  'Server shutdown': 'server-shutdown',
}
const LEGACY_BEFORE_RESTORE = /^Before restoring "([\s\S]*)"$/
const BEFORE_RESTORE = /^before-restore:(\d{1,15})$/

/** What a version's stored name means; a named version's name is the user's own text. */
export function readVersionName(version: { kind: VersionKind; name: string }): VersionName {
  const { kind, name } = version
  if (kind === 'named') return { kind, name }
  const reason = (AUTO_VERSION_REASONS as readonly string[]).includes(name)
    ? (name as AutoVersionReason)
    : LEGACY_NAMES[name]
  if (reason !== undefined && reason !== 'before-restore') return { kind, reason }
  const restoredId = BEFORE_RESTORE.exec(name)?.[1]
  if (restoredId !== undefined) {
    return { kind, reason: 'before-restore', restored: { id: Number(restoredId) } }
  }
  const restoredName = LEGACY_BEFORE_RESTORE.exec(name)?.[1]
  if (restoredName !== undefined) {
    return { kind, reason: 'before-restore', restored: { name: restoredName } }
  }
  return { kind, reason: null, name }
}
