/**
 * Share tokens: 192 random bits, base64url, handed out once and stored only as SHA-256
 * hashes. A plain hash suffices because the tokens are random, not chosen by people.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A new share token (32 base64url characters). */
export function createAccessToken(): string {
  return randomBytes(24).toString('base64url')
}

/** The hash under which a token is stored and looked up. */
export function hashAccessToken(token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest())
}

/** Compares two hashes in constant time. */
export function sameTokenHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b)
}
