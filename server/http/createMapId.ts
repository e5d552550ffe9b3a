import { randomBytes } from 'node:crypto'

/** A new unguessable map id: 128 random bits as 22 base64url characters. */
export function createMapId(): string {
  return randomBytes(16).toString('base64url')
}
