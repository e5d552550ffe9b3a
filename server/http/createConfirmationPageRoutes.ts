/**
 * The stakeholder's page of a confirmation link: `GET /confirm/<token>` shows the entry's
 * summary (or the answer, or why the link does not work), `POST /confirm/<token>` takes the
 * one answer as an ordinary form (application/x-www-form-urlencoded), so the page needs no
 * script. The token is looked up by its hash and opens only this page: it is no map token
 * (the map's socket and API refuse it) and the page shows nothing but its entry. The
 * language is `?lang=` when given, else the browser's preference (Dutch or English).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { checkAnswerForm } from '../../shared/confirmation/stakeholderAnswer'
import {
  CONFIRMATION_PAGE_PATH,
  confirmationLinkState,
} from '../../shared/protocol/confirmationLinks'
import { hashAccessToken } from '../access/accessTokens'
import { pageLanguage } from '../identity/signInErrorPage'
import type { StakeholderAnswerDesk } from '../rooms/StakeholderAnswerDesk'
import type { StoredConfirmationLink } from '../storage/ConfirmationLinkRecords'
import type { MapStore } from '../storage/MapStore'
import { type PageLanguage, sendConfirmationPage } from './confirmationPage'
import type { Route } from './Route'
import type { Logger } from 'pino'

/** Largest form read: two texts of 4000 characters, percent-encoded, fit. */
const MAX_FORM_BYTES = 64 * 1024
/** What a token may look like (ours are 32 base64url characters). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/
const PAGE_PATTERN = new RegExp(`^${CONFIRMATION_PAGE_PATH.replace(/\//g, '\\/')}([^/]*)$`)

/** What the page routes work on. */
export interface ConfirmationPageRouteOptions {
  store: MapStore
  desk: StakeholderAnswerDesk
  /** The time; tests may move it. */
  now?: () => Date
  logger?: Logger
}

/** The language asked for in `?lang=`, else the browser's. */
function languageOf(request: IncomingMessage, form?: URLSearchParams): PageLanguage {
  const query = new URL(request.url ?? '/', 'http://localhost').searchParams
  const asked = query.get('lang') ?? form?.get('lang')
  return asked === 'nl' || asked === 'en' ? asked : pageLanguage(request)
}

/** Reads a urlencoded form of at most {@link MAX_FORM_BYTES}; null when it is not one. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') return null
  if (Number(request.headers['content-length'] ?? 0) > MAX_FORM_BYTES) return null
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength
    if (size > MAX_FORM_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

/** `GET` and `POST /confirm/<token>`. */
export function createConfirmationPageRoutes(options: ConfirmationPageRouteOptions): Route[] {
  const { store, desk } = options
  const now = options.now ?? (() => new Date())

  /** The link of the token in the path, or null after showing why there is none to use. */
  async function liveLink(
    response: ServerResponse,
    rawToken: string | undefined,
    language: PageLanguage,
    path: string,
  ): Promise<StoredConfirmationLink | null> {
    const token = rawToken ?? ''
    const link = TOKEN_PATTERN.test(token)
      ? await store.confirmationLinks.find(hashAccessToken(token))
      : null
    if (link === null) {
      sendConfirmationPage(response, { kind: 'unknown' }, language, path)
      return null
    }
    const state = confirmationLinkState(link, now())
    if (state === 'answered' && link.answer !== null) {
      sendConfirmationPage(
        response,
        { kind: 'answered', answer: link.answer, justNow: false },
        language,
        path,
      )
      return null
    }
    if (state === 'expired' || state === 'revoked') {
      sendConfirmationPage(response, { kind: state }, language, path)
      return null
    }
    return link
  }

  return [
    {
      method: 'GET',
      pattern: PAGE_PATTERN,
      async handle(request, response, [token]) {
        const language = languageOf(request)
        const path = pathOf(request)
        const link = await liveLink(response, token, language, path)
        if (link === null) return
        const entry = await desk.entryOf(link, link.createdBy)
        if (entry === null) {
          return sendConfirmationPage(response, { kind: 'entry-gone' }, language, path)
        }
        sendConfirmationPage(
          response,
          { kind: 'ask', summary: entry.summary, expiresAt: link.expiresAt },
          language,
          path,
        )
      },
    },
    {
      method: 'POST',
      pattern: PAGE_PATTERN,
      async handle(request, response, [token]) {
        const form = await readForm(request)
        const language = languageOf(request, form ?? undefined)
        const path = pathOf(request)
        const link = await liveLink(response, token, language, path)
        if (link === null) return
        const checked = checkAnswerForm({
          verdict: form?.get('verdict') ?? undefined,
          corrections: form?.get('corrections') ?? undefined,
          comments: form?.get('comments') ?? undefined,
        })
        if (!checked.ok) {
          const entry = await desk.entryOf(link, link.createdBy)
          if (entry === null) {
            return sendConfirmationPage(response, { kind: 'entry-gone' }, language, path)
          }
          return sendConfirmationPage(
            response,
            {
              kind: 'ask',
              summary: entry.summary,
              expiresAt: link.expiresAt,
              problem: checked.problem,
            },
            language,
            path,
          )
        }
        const { verdict, corrections, comments } = checked
        const outcome = await desk.answer(link, { verdict, corrections, comments, language }, now())
        if (!outcome.ok) {
          if (outcome.reason === 'entry-gone') {
            return sendConfirmationPage(response, { kind: 'entry-gone' }, language, path)
          }
          // Another answer (or a revocation, or the expiry) came first: show what holds now.
          await liveLink(response, token, language, path)
          if (!response.headersSent) {
            sendConfirmationPage(response, { kind: 'revoked' }, language, path)
          }
          return
        }
        options.logger?.info(
          { mapId: link.mapId, linkId: link.id, verdict },
          'confirmation link answered',
        )
        sendConfirmationPage(
          response,
          { kind: 'answered', answer: outcome.answer, justNow: true },
          language,
          path,
        )
      },
    },
  ]
}

/** The request's path without its query: where the page's own links and form point. */
function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname
}
