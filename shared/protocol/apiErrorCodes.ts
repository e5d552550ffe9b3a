/**
 * The `error.code` values of the HTTP API (see `ApiError` in api.ts), defined once so the
 * client can react to them, and word them in the user's language, without matching on the
 * English messages.
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
  /** A map's title is missing, empty or too long (400). */
  invalidTitle: 'invalid-title',
  /** A map template the server does not know (400). */
  invalidTemplate: 'invalid-template',
  /** A version's name is missing, empty or too long (400). */
  invalidName: 'invalid-name',
  /** A stakeholder or contact id in the URL that is not one (400). */
  invalidId: 'invalid-id',
  /** Audit filters the server cannot read (400). */
  invalidQuery: 'invalid-query',
  /** An export option (`contacts`, `lang`, `delimiter`) given twice or with an unknown value (400). */
  invalidOption: 'invalid-option',
  /** A role a guest link cannot have (owner, or no role at all) (400). */
  invalidRole: 'invalid-role',
  /** A guest link's expiry out of range: not 1 … 90 days, or a time in the past (400). */
  invalidExpiry: 'invalid-expiry',
  /** A map setting with a value the server does not know (400). */
  invalidSetting: 'invalid-setting',
  /** The map's guest links are forbidden (its owner's or the organisation's choice) (403). */
  guestLinksForbidden: 'guest-links-forbidden',
  /** A request URL the server cannot parse (400). */
  badRequest: 'bad-request',
  /** The method is not served at this path (405). */
  methodNotAllowed: 'method-not-allowed',
  /** The JSON body is larger than the server reads (413). */
  bodyTooLarge: 'body-too-large',
  /** A body that is not sent as `application/json` (415). */
  unsupportedMediaType: 'unsupported-media-type',
  /** Organisation mode: this needs a signed-in member (401). */
  signInRequired: 'sign-in-required',
  /** The change would leave a map without an owner (409). */
  lastOwner: 'last-owner',
  /** A member to add who has never signed in (404). */
  unknownUser: 'unknown-user',
  /**
   * Organisation mode: a map's four role links (owner, facilitator, editor, viewer) do not
   * work; members come in with their session, others with a guest link (403).
   */
  roleLinksOff: 'role-links-off',
  /** A ballot needs a server-known identity (signed in, or a guest session); a link alone is not one (403). */
  ballotNeedsIdentity: 'ballot-needs-identity',
  /** The scoring round or vote is not open (any more) (409). */
  roundNotOpen: 'round-not-open',
  /** A ballot that is not scores from 1 to 5 or a list of stakeholder ids (400). */
  invalidBallot: 'invalid-ballot',
  /** More dots than the vote gives each person (400). */
  budgetExceeded: 'budget-exceeded',
  /** A dot for a stakeholder the map does not have (400). */
  unknownStakeholder: 'unknown-stakeholder',
  /** An engagement-log entry the stakeholder does not have (any more) (404). */
  unknownEntry: 'unknown-entry',
  /** Imported results for a map that was not created as an import (409). */
  notAnImport: 'not-an-import',
  /** The imported map took its file's results already: they are taken once (409). */
  importedResultsTaken: 'imported-results-taken',
  /** The imported map is too old to take its file's results (409). */
  importWindowClosed: 'import-window-closed',
  /** Imported results that are not results of the model's elements (400). */
  invalidResults: 'invalid-results',
  /** Imported results for an evaluation the map does not hold (400). */
  unknownEvaluation: 'unknown-evaluation',
  /** An imported result for an element that has one already, counted on this map (409). */
  resultExists: 'result-exists',
} as const

/** One of {@link ApiErrorCode}'s values. */
export type ApiErrorCodeValue = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ApiErrorCode))

/** Whether `code` (from an untrusted answer) is one of {@link ApiErrorCode}'s values. */
export function isApiErrorCode(code: string): code is ApiErrorCodeValue {
  return KNOWN_CODES.has(code)
}
