/**
 * The `error.code` values of the HTTP API (see `ApiError` in api.ts), defined once so the
 * client can react to them without matching on English messages.
 */
export const ApiErrorCode = {
  invalidBody: 'invalid-body',
  invalidMapId: 'invalid-map-id',
  notFound: 'not-found',
  /** No token, or a token that no map knows (401). */
  unauthorized: 'unauthorized',
  /** The token is for another map or was revoked (403). */
  forbidden: 'forbidden',
  /** The token's role may not do this (403). */
  roleNotAllowed: 'role-not-allowed',
  /** The request's Origin header is not allowed (403). */
  forbiddenOrigin: 'forbidden-origin',
  /** Too many requests of this kind from one address; `Retry-After` says when to try (429). */
  rateLimited: 'rate-limited',
  internalError: 'internal-error',
} as const

/** One of {@link ApiErrorCode}'s values. */
export type ApiErrorCodeValue = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]
