/**
 * A facilitator's requests to look at something: follow me (`followMe`), bring everyone to
 * this area (`bringHere`), look at this card (`spotlight`), each in the `facilitation` root.
 * `at` (server time) makes each request new, so asking twice moves everyone twice.
 */
import { isFiniteNumber, isPlainObject } from './plainValues'

/** A request to look at something, by a facilitator. */
export interface ViewRequest {
  userId: string
  at: number
}

/** An area of the board, in page coordinates. */
export interface PageArea {
  x: number
  y: number
  w: number
  h: number
}

/** A one-off request to look at an area of the board. */
export interface BringHereRequest extends ViewRequest {
  bounds: PageArea
}

/** A one-off request to look at one card. */
export interface SpotlightRequest extends ViewRequest {
  shapeId: string
}

/** Reads a stored request; anything malformed reads as no request. */
export function readViewRequest(value: unknown): ViewRequest | null {
  if (!isPlainObject(value) || typeof value.userId !== 'string' || !isFiniteNumber(value.at)) {
    return null
  }
  return { userId: value.userId, at: value.at }
}

/** Reads a stored "bring everyone here"; an area without a size reads as none. */
export function readBringHere(value: unknown): BringHereRequest | null {
  const request = readViewRequest(value)
  if (!request || !isPlainObject(value) || !isPlainObject(value.bounds)) return null
  const { x, y, w, h } = value.bounds
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(w) || !isFiniteNumber(h)) {
    return null
  }
  if (w <= 0 || h <= 0) return null
  return { ...request, bounds: { x, y, w, h } }
}

/** Reads a stored spotlight. */
export function readSpotlight(value: unknown): SpotlightRequest | null {
  const request = readViewRequest(value)
  if (!request || !isPlainObject(value) || typeof value.shapeId !== 'string') return null
  return { ...request, shapeId: value.shapeId }
}
