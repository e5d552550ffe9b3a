import { describe, expect, it } from 'vitest'
import {
  ApiRequestError,
  errorFromResponse,
  unreachableError,
} from '../../../client/config/apiClient'
import { apiFailureReason } from '../../../client/i18n/apiFailureReason'
import { LOCALES } from '../../../client/i18n/locale'
import { ApiErrorCode, isApiErrorCode } from '../../../shared/protocol/apiErrorCodes'

/** What the server says in English: none of it may reach the screen. */
const SERVER_MESSAGE = 'Creating maps needs a token.'

const refusal = (status: number, code: string) => new ApiRequestError(status, code, SERVER_MESSAGE)

describe('apiFailureReason: an API refusal worded by its code', () => {
  const codes = Object.values(ApiErrorCode)

  it.each(codes)('%s has a text in both languages, with the code for support', (code) => {
    const english = apiFailureReason('en', refusal(400, code))
    const dutch = apiFailureReason('nl', refusal(400, code))
    for (const text of [english, dutch]) {
      expect(text).toContain(`(${code})`)
      expect(text).not.toContain('{')
      expect(text).not.toContain(SERVER_MESSAGE)
    }
    expect(dutch).not.toBe(english)
  })

  it('words the common refusals in Dutch and in English', () => {
    expect(apiFailureReason('nl', refusal(403, ApiErrorCode.roleNotAllowed))).toBe(
      'je link geeft hiervoor geen rechten (role-not-allowed)',
    )
    expect(apiFailureReason('en', refusal(403, ApiErrorCode.roleNotAllowed))).toBe(
      'your link does not allow this (role-not-allowed)',
    )
    expect(apiFailureReason('nl', refusal(401, ApiErrorCode.unauthorized))).toBe(
      'de server vraagt hiervoor een geldige link of token (unauthorized)',
    )
    expect(apiFailureReason('en', refusal(429, ApiErrorCode.rateLimited))).toBe(
      'too many requests from this connection; try again later (rate-limited)',
    )
  })

  it('says the server could not be reached when no answer came, without the browser text', () => {
    const offline = unreachableError(new TypeError('Failed to fetch'))
    expect(apiFailureReason('nl', offline)).toBe(
      'de server is niet bereikbaar; controleer de verbinding en probeer het opnieuw',
    )
    expect(apiFailureReason('en', offline)).toBe(
      'the server could not be reached; check the connection and try again',
    )
  })

  it('falls back to "the server answered with an error" with the status and unknown code', () => {
    expect(apiFailureReason('nl', refusal(418, 'teapot'))).toBe(
      'de server antwoordde met een fout (HTTP 418, teapot)',
    )
    expect(apiFailureReason('en', refusal(418, 'teapot'))).toBe(
      'the server answered with an error (HTTP 418, teapot)',
    )
  })

  it('gives only the HTTP status when the answer had no error code', async () => {
    const proxyPage = new Response('<h1>Bad Gateway</h1>', {
      status: 502,
      statusText: 'Bad Gateway',
    })
    const failure = await errorFromResponse(proxyPage)
    expect(apiFailureReason('nl', failure)).toBe('de server antwoordde met een fout (HTTP 502)')
    expect(apiFailureReason('en', failure)).toBe('the server answered with an error (HTTP 502)')
  })

  it('names an error of the browser by its type, never by its English message', () => {
    for (const locale of LOCALES) {
      const text = apiFailureReason(locale, new TypeError('cannot read properties of undefined'))
      expect(text).toContain('(TypeError)')
      expect(text).not.toContain('cannot read')
    }
    expect(apiFailureReason('nl', 'a thrown string')).toBe(
      'er ging iets mis in deze browser (Error)',
    )
    expect(apiFailureReason('en', new DOMException('denied', 'NotAllowedError'))).toBe(
      'something went wrong in this browser (NotAllowedError)',
    )
  })
})

describe('errorFromResponse: the API error shape read into a coded error', () => {
  it('keeps the code and status and the English message for the console', async () => {
    const body = { error: { code: ApiErrorCode.forbidden, message: 'This link was revoked.' } }
    const failure = await errorFromResponse(Response.json(body, { status: 403 }))
    expect(failure).toBeInstanceOf(ApiRequestError)
    expect([failure.status, failure.code, failure.message]).toEqual([
      403,
      'forbidden',
      'This link was revoked.',
    ])
  })

  it('recognises only the codes of the shared table', () => {
    expect(isApiErrorCode('rate-limited')).toBe(true)
    expect(isApiErrorCode('toString')).toBe(false)
    expect(isApiErrorCode('teapot')).toBe(false)
  })
})
