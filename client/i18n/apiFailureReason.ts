/**
 * Why a call to our server (or a step in this browser) failed, in the user's language.
 *
 * The server's `error.message` is English and meant for logs; the client words the
 * `error.code` itself. The code, or the HTTP status when the answer had none, stays in
 * parentheses so support can tell which refusal it was. The texts are reasons, to be put
 * into a sentence such as "The map could not be created: {reason}".
 */
import { formatMessage } from '../../shared/i18n/formatMessage'
import { type ApiErrorCodeValue, isApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { ApiRequestError, NO_ERROR_CODE, UNREACHABLE } from '../config/apiClient'
import type { Locale } from './locale'

/** Texts that are not one API code: no answer, an unknown code, a failure in the browser. */
type FallbackKey = 'unreachable' | 'unknown' | 'unexpected'

type ReasonCatalogue = Readonly<Record<ApiErrorCodeValue | FallbackKey, string>>

const en: ReasonCatalogue = {
  'invalid-body': 'the server could not read what was sent ({code})',
  'invalid-map-id': 'this is not a valid map address ({code})',
  'not-found': 'the server does not know this map or item ({code})',
  unauthorized: 'the server needs a valid link or token for this ({code})',
  forbidden:
    'this link is for another map, has been replaced or withdrawn, or has expired ({code})',
  'role-not-allowed': 'your link does not allow this ({code})',
  'forbidden-origin': 'the server does not accept requests from this web address ({code})',
  'rate-limited': 'too many requests from this connection; try again later ({code})',
  'internal-error': 'something went wrong on the server ({code})',
  'invalid-title': 'the title is empty or too long ({code})',
  'invalid-template': 'the server does not know this template ({code})',
  'invalid-name': 'the name is empty or too long ({code})',
  'invalid-id': 'the server does not accept this identifier ({code})',
  'invalid-query': 'the server does not accept these filters ({code})',
  'invalid-option': 'the server does not know one of the export options ({code})',
  'invalid-role': 'a guest link can be for a facilitator, an editor or a viewer ({code})',
  'invalid-expiry': 'a link lasts from 1 to 90 days, from now ({code})',
  'invalid-setting': 'the server does not know this setting ({code})',
  'guest-links-forbidden': 'guest links are not allowed for this map ({code})',
  'bad-request': 'the server did not understand the request ({code})',
  'method-not-allowed': 'the server did not understand the request ({code})',
  'body-too-large': 'what was sent is too large for the server ({code})',
  'unsupported-media-type': 'the server did not understand the request ({code})',
  'sign-in-required': 'you need to sign in for this ({code})',
  'last-owner': 'a map always keeps at least one owner; add another owner first ({code})',
  'unknown-user': 'this person has never signed in here ({code})',
  'role-links-off':
    'share links do not work in this organisation; sign in, or ask for a guest link ({code})',
  'ballot-needs-identity':
    'the server does not know who you are on this map; reload the page and try again ({code})',
  'round-not-open': 'this round or vote is no longer open ({code})',
  'invalid-ballot': 'scores go from 1 to 5 ({code})',
  'budget-exceeded': 'you have no dots left ({code})',
  'unknown-stakeholder': 'this stakeholder is no longer on the map ({code})',
  'unknown-entry': 'this engagement-log entry is no longer there ({code})',
  'not-an-import': 'this map was not created as an import ({code})',
  'imported-results-taken': 'this map took its imported results already ({code})',
  'import-window-closed': 'results are taken only in the first hour after an import ({code})',
  'invalid-results': 'the file’s evaluation results are not valid ({code})',
  'unknown-evaluation': 'an evaluation of the file is not on the map ({code})',
  'result-exists': 'an evaluation has a result counted on this map already ({code})',
  unreachable: 'the server could not be reached; check the connection and try again',
  unknown: 'the server answered with an error ({detail})',
  unexpected: 'something went wrong in this browser ({detail})',
}

const nl: ReasonCatalogue = {
  'invalid-body': 'de server kon niet lezen wat er werd verstuurd ({code})',
  'invalid-map-id': 'dit is geen geldig kaartadres ({code})',
  'not-found': 'de server kent deze kaart of dit onderdeel niet ({code})',
  unauthorized: 'de server vraagt hiervoor een geldige link of token ({code})',
  forbidden:
    'deze link hoort bij een andere kaart, is vervangen of ingetrokken, of is verlopen ({code})',
  'role-not-allowed': 'je link geeft hiervoor geen rechten ({code})',
  'forbidden-origin': 'de server neemt geen verzoeken aan van dit webadres ({code})',
  'rate-limited': 'te veel verzoeken vanaf deze verbinding; probeer het later opnieuw ({code})',
  'internal-error': 'er ging iets mis op de server ({code})',
  'invalid-title': 'de titel is leeg of te lang ({code})',
  'invalid-template': 'de server kent dit sjabloon niet ({code})',
  'invalid-name': 'de naam is leeg of te lang ({code})',
  'invalid-id': 'de server accepteert deze aanduiding niet ({code})',
  'invalid-query': 'de server accepteert deze filters niet ({code})',
  'invalid-option': 'de server kent een van de exportopties niet ({code})',
  'invalid-role': 'een gastlink kan zijn voor een begeleider, een bewerker of een kijker ({code})',
  'invalid-expiry': 'een link is vanaf nu 1 tot 90 dagen geldig ({code})',
  'invalid-setting': 'de server kent deze instelling niet ({code})',
  'guest-links-forbidden': 'gastlinks zijn voor deze kaart niet toegestaan ({code})',
  'bad-request': 'de server begreep het verzoek niet ({code})',
  'method-not-allowed': 'de server begreep het verzoek niet ({code})',
  'body-too-large': 'wat er werd verstuurd is te groot voor de server ({code})',
  'unsupported-media-type': 'de server begreep het verzoek niet ({code})',
  'sign-in-required': 'je moet hiervoor aangemeld zijn ({code})',
  'last-owner':
    'een kaart houdt altijd minstens één eigenaar; voeg eerst een andere eigenaar toe ({code})',
  'unknown-user': 'deze persoon heeft zich hier nooit aangemeld ({code})',
  'role-links-off':
    'deellinks werken niet in deze organisatie; log in, of vraag om een gastlink ({code})',
  'ballot-needs-identity':
    'de server weet niet wie je bent op deze kaart; laad de pagina opnieuw en probeer het nog eens ({code})',
  'round-not-open': 'deze ronde of stemming is niet meer open ({code})',
  'invalid-ballot': 'scores gaan van 1 tot 5 ({code})',
  'budget-exceeded': 'je hebt geen stippen meer over ({code})',
  'unknown-stakeholder': 'deze stakeholder staat niet meer op de kaart ({code})',
  'unknown-entry': 'deze regel van het dialooglogboek is er niet meer ({code})',
  'not-an-import': 'deze kaart is niet als import gemaakt ({code})',
  'imported-results-taken':
    'deze kaart heeft haar geïmporteerde resultaten al overgenomen ({code})',
  'import-window-closed':
    'resultaten worden alleen in het eerste uur na een import overgenomen ({code})',
  'invalid-results': 'de evaluatieresultaten in het bestand zijn niet geldig ({code})',
  'unknown-evaluation': 'een evaluatie uit het bestand staat niet op de kaart ({code})',
  'result-exists': 'een evaluatie heeft al een resultaat dat op deze kaart is geteld ({code})',
  unreachable: 'de server is niet bereikbaar; controleer de verbinding en probeer het opnieuw',
  unknown: 'de server antwoordde met een fout ({detail})',
  unexpected: 'er ging iets mis in deze browser ({detail})',
}

const REASONS: Readonly<Record<Locale, ReasonCatalogue>> = { en, nl }

/**
 * `failure` (anything a `catch` got) as a reason in `locale`: an API code in words, "the
 * server could not be reached", "the server answered with an error (HTTP 502)", or, for an
 * error of this browser, its name in parentheses (never its English message).
 */
export function apiFailureReason(locale: Locale, failure: unknown): string {
  const texts = REASONS[locale]
  if (!(failure instanceof ApiRequestError)) {
    const detail = failure instanceof Error && failure.name ? failure.name : 'Error'
    return formatMessage(locale, texts.unexpected, { detail })
  }
  const { code, status } = failure
  if (code === UNREACHABLE || status === 0) return texts.unreachable
  if (isApiErrorCode(code)) return formatMessage(locale, texts[code], { code })
  const detail = code === NO_ERROR_CODE ? `HTTP ${status}` : `HTTP ${status}, ${code}`
  return formatMessage(locale, texts.unknown, { detail })
}
