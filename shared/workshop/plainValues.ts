/**
 * Checks for values read back from the workshop's part of the map document. Any peer may
 * write anything there, so every reader in shared/workshop tests what it finds with these
 * before trusting it, and falls back to "not set" instead of breaking.
 */

/** A plain object (not null, not an array), as Yjs hands back a stored JSON object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A number that is neither NaN nor infinite. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
