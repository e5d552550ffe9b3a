/**
 * The page a failed sign-in ends on: small, self-contained (no script, inline style only),
 * in the user's language (Dutch when the browser prefers it, else English), saying what
 * happened in words a user understands, with "try again" and "back to start". What went
 * wrong technically goes to the log, never to this page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AUTH_PATHS } from '../../shared/protocol/sessionApi'
import { REPORT_CONTENT_SECURITY_POLICY } from '../http/securityHeaders'
import type { SignInFailure } from './OidcRelyingParty'

type Language = 'en' | 'nl'

interface PageText {
  title: string
  body: string
}

const TEXTS: Record<Language, Record<SignInFailure, PageText> & Record<'retry' | 'home', string>> =
  {
    en: {
      cancelled: {
        title: 'Sign-in cancelled',
        body: 'You cancelled signing in. Nothing was changed.',
      },
      'provider-unreachable': {
        title: 'The sign-in service cannot be reached',
        body: "Your organisation's sign-in service did not answer. Try again in a moment; if it keeps happening, tell your administrator.",
      },
      'client-rejected': {
        title: 'Sign-in is not set up correctly',
        body: "The sign-in service refused this app's credentials (client id or secret). Your administrator needs to check the settings.",
      },
      'invalid-id-token': {
        title: 'Your sign-in could not be verified',
        body: "The sign-in service's answer did not pass the checks, for example because the clocks of this server and the sign-in service differ. Try again; if it keeps happening, tell your administrator.",
      },
      'login-expired': {
        title: 'This sign-in has expired',
        body: 'Signing in took too long, or was started in another window. Please start again.',
      },
      failed: {
        title: 'Sign-in failed',
        body: 'Something went wrong while signing in. Try again; if it keeps happening, tell your administrator.',
      },
      retry: 'Try again',
      home: 'Back to start',
    },
    nl: {
      cancelled: {
        title: 'Inloggen geannuleerd',
        body: 'Je hebt het inloggen afgebroken. Er is niets veranderd.',
      },
      'provider-unreachable': {
        title: 'De inlogdienst is niet bereikbaar',
        body: 'De inlogdienst van je organisatie gaf geen antwoord. Probeer het zo opnieuw; blijft het gebeuren, meld het dan aan je beheerder.',
      },
      'client-rejected': {
        title: 'Inloggen is niet goed ingesteld',
        body: 'De inlogdienst weigerde de gegevens van deze app (client-id of geheim). Je beheerder moet de instellingen nakijken.',
      },
      'invalid-id-token': {
        title: 'Je aanmelding kon niet worden gecontroleerd',
        body: 'Het antwoord van de inlogdienst kwam niet door de controles, bijvoorbeeld omdat de klokken van deze server en de inlogdienst verschillen. Probeer het opnieuw; blijft het gebeuren, meld het dan aan je beheerder.',
      },
      'login-expired': {
        title: 'Deze aanmelding is verlopen',
        body: 'Het inloggen duurde te lang, of is in een ander venster begonnen. Begin opnieuw.',
      },
      failed: {
        title: 'Inloggen is mislukt',
        body: 'Er ging iets mis bij het inloggen. Probeer het opnieuw; blijft het gebeuren, meld het dan aan je beheerder.',
      },
      retry: 'Opnieuw proberen',
      home: 'Terug naar het begin',
    },
  }

/** HTTP status per failure: the provider's fault is a 502, the rest the request's. */
const STATUS: Record<SignInFailure, number> = {
  cancelled: 400,
  'provider-unreachable': 502,
  'client-rejected': 502,
  'invalid-id-token': 502,
  'login-expired': 400,
  failed: 502,
}

/** Dutch when the browser's most preferred language that we have is Dutch, else English. */
export function pageLanguage(request: IncomingMessage): Language {
  const preferences = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.trim().toLowerCase().split(';')
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { tag, q: q === undefined ? 1 : Number(q), index }
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of preferences) {
    if (tag === 'nl' || tag.startsWith('nl-')) return 'nl'
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return 'en'
}

/** Answers with the page for `failure`. */
export function sendSignInErrorPage(
  request: IncomingMessage,
  response: ServerResponse,
  failure: SignInFailure,
): void {
  const language = pageLanguage(request)
  const texts = TEXTS[language]
  const { title, body } = texts[failure]
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Stakeholder Canvas</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:32rem;margin:15vh auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin:0 0 .75rem}
nav{display:flex;gap:1rem;margin-top:1.5rem}
a{color:#1f5fbf;font-weight:600}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${body}</p>
<nav><a href="${AUTH_PATHS.login}">${texts.retry}</a><a href="/">${texts.home}</a></nav>
</main>
</body>
</html>
`
  response.statusCode = STATUS[failure]
  // Nothing on this page runs or loads: the strict policy of the printable report fits.
  response.setHeader('Content-Security-Policy', REPORT_CONTENT_SECURITY_POLICY)
  response.setHeader('Content-Type', 'text/html; charset=utf-8')
  response.setHeader('Content-Language', language)
  response.setHeader('Cache-Control', 'no-store')
  response.end(html)
}
