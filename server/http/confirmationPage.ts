/**
 * The page a stakeholder (or their representative) opens with a confirmation link: small,
 * self-contained (no script, no file loaded, inline style only; a form that posts to this
 * same page), in Dutch or English (a switch on the page; first the browser's preference).
 * It shows one engagement-log entry's summary and asks for one answer; after it, the answer;
 * for a link that is expired, revoked or unknown, a page that says so and what to do.
 * Nothing of the map but the summary is ever on it (shared/confirmation/stakeholderAnswer.ts).
 */
import type { ServerResponse } from 'node:http'
import {
  CONFIRMATION_SUMMARY_FIELDS,
  type ConfirmationSummary,
  type ConfirmationSummaryField,
  MAX_ANSWER_TEXT,
  type StakeholderAnswer,
} from '../../shared/confirmation/stakeholderAnswer'
import { DUE_DILIGENCE_STEP_LABELS } from '../../shared/labels/modelLabels'
import { escapeHtml } from '../../shared/report/escapeHtml'

/** A language the page speaks. */
export type PageLanguage = 'en' | 'nl'

/** What the page shows. */
export type ConfirmationPageView =
  | { kind: 'ask'; summary: ConfirmationSummary; expiresAt: string; problem?: FormProblem }
  | { kind: 'answered'; answer: StakeholderAnswer; justNow: boolean }
  | { kind: 'expired' | 'revoked' | 'unknown' | 'entry-gone' }

/** Why a sent form was not taken. */
export type FormProblem = 'no-verdict' | 'corrections-missing' | 'too-long'

type Closed = Exclude<ConfirmationPageView['kind'], 'ask' | 'answered'>

interface Texts {
  title: string
  intro: (name: string) => string
  fields: Record<ConfirmationSummaryField | 'date' | 'step', string>
  empty: string
  expires: (date: string) => string
  question: string
  confirmed: string
  corrected: string
  corrections: string
  comments: string
  send: string
  privacy: string
  problems: Record<FormProblem, string>
  thanks: string
  answeredOn: (date: string) => string
  yourAnswer: string
  closed: Record<Closed, { title: string; body: string }>
  switchTo: string
}

const TEXTS: Record<PageLanguage, Texts> = {
  en: {
    title: 'Is this what we discussed?',
    intro: (name) =>
      `This is our summary of a conversation with ${name}: what was discussed, agreed and promised. Please tell us whether it is right, or what should be corrected. You only see this summary; nothing else of our records is shown here.`,
    fields: {
      date: 'Date',
      step: 'What it was about',
      method: 'How we met',
      informationShared: 'What we shared with you',
      inputReceived: 'What you told us',
      howInputWasUsed: 'What we do with it',
      followUp: 'What was agreed and promised',
    },
    empty: '(nothing noted)',
    expires: (date) => `You can answer once, until ${date}.`,
    question: 'Your answer',
    confirmed: 'Yes, this is right',
    corrected: 'No, something should be corrected or added',
    corrections: 'Corrections',
    comments: 'Comments',
    send: 'Send my answer',
    privacy:
      'Your answer is kept with this summary as a record of our dialogue, with the date. You do not need an account, and we ask for no personal details.',
    problems: {
      'no-verdict': 'Please choose one of the two answers.',
      'corrections-missing': 'Please write what should be corrected, or a comment.',
      'too-long': `Please keep each text to at most ${MAX_ANSWER_TEXT} characters.`,
    },
    thanks: 'Thank you. Your answer has been recorded.',
    answeredOn: (date) => `This link was answered on ${date}. It takes no other answer.`,
    yourAnswer: 'The answer given',
    closed: {
      expired: {
        title: 'This link has expired',
        body: 'The time to answer through this link is over. If you still want to respond, ask the person who sent it for a new link.',
      },
      revoked: {
        title: 'This link has been withdrawn',
        body: 'The sender has withdrawn this link, so it can no longer be answered. If you want to respond, ask them for a new link.',
      },
      unknown: {
        title: 'This link does not work',
        body: 'We do not know this link. Check that you copied all of it, or ask the person who sent it.',
      },
      'entry-gone': {
        title: 'This summary is no longer available',
        body: 'The summary this link was for has been removed. Ask the person who sent it if you want to respond.',
      },
    },
    switchTo: 'Nederlands',
  },
  nl: {
    title: 'Klopt dit met ons gesprek?',
    intro: (name) =>
      `Dit is onze samenvatting van een gesprek met ${name}: wat er besproken, afgesproken en toegezegd is. Laat ons weten of het klopt, of wat er verbeterd moet worden. U ziet alleen deze samenvatting; verder wordt hier niets uit onze administratie getoond.`,
    fields: {
      date: 'Datum',
      step: 'Waar het over ging',
      method: 'Hoe we elkaar spraken',
      informationShared: 'Wat wij met u deelden',
      inputReceived: 'Wat u ons vertelde',
      howInputWasUsed: 'Wat wij ermee doen',
      followUp: 'Wat er afgesproken en toegezegd is',
    },
    empty: '(niets genoteerd)',
    expires: (date) => `U kunt één keer antwoorden, tot en met ${date}.`,
    question: 'Uw antwoord',
    confirmed: 'Ja, dit klopt',
    corrected: 'Nee, er moet iets verbeterd of aangevuld worden',
    corrections: 'Verbeteringen',
    comments: 'Opmerkingen',
    send: 'Mijn antwoord versturen',
    privacy:
      'Uw antwoord wordt met de datum bij deze samenvatting bewaard, als verslag van onze dialoog. U hebt geen account nodig en we vragen geen persoonsgegevens.',
    problems: {
      'no-verdict': 'Kies een van de twee antwoorden.',
      'corrections-missing': 'Schrijf op wat er verbeterd moet worden, of een opmerking.',
      'too-long': `Houd elke tekst op ten hoogste ${MAX_ANSWER_TEXT} tekens.`,
    },
    thanks: 'Dank u wel. Uw antwoord is vastgelegd.',
    answeredOn: (date) =>
      `Deze link is beantwoord op ${date}. Er kan geen ander antwoord meer bij.`,
    yourAnswer: 'Het gegeven antwoord',
    closed: {
      expired: {
        title: 'Deze link is verlopen',
        body: 'De tijd om via deze link te antwoorden is voorbij. Wilt u toch reageren, vraag dan degene die hem stuurde om een nieuwe link.',
      },
      revoked: {
        title: 'Deze link is ingetrokken',
        body: 'De afzender heeft deze link ingetrokken; er kan niet meer op geantwoord worden. Wilt u reageren, vraag dan om een nieuwe link.',
      },
      unknown: {
        title: 'Deze link werkt niet',
        body: 'Wij kennen deze link niet. Controleer of u hem helemaal gekopieerd hebt, of vraag het degene die hem stuurde.',
      },
      'entry-gone': {
        title: 'Deze samenvatting is er niet meer',
        body: 'De samenvatting waar deze link voor was, is verwijderd. Vraag degene die hem stuurde als u wilt reageren.',
      },
    },
    switchTo: 'English',
  },
}

/** HTTP status per closed page: gone links are 410, unknown ones 404. */
const CLOSED_STATUS: Record<Closed, number> = {
  expired: 410,
  revoked: 410,
  unknown: 404,
  'entry-gone': 410,
}

/** Nothing runs or loads; the form may post only to this page. */
export const CONFIRMATION_PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:40rem;margin:5vh auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin:0 0 .75rem}
nav{text-align:right;margin-bottom:.5rem}
a{color:#1f5fbf;font-weight:600}
dt{font-weight:600;margin-top:.75rem}
dd{margin:0;white-space:pre-wrap}
fieldset{border:1px solid #ccd;border-radius:6px;margin:1.5rem 0 0;padding:1rem}
label{display:block;margin-top:.5rem}
textarea{width:100%;box-sizing:border-box;font:inherit}
button{margin-top:1rem;font:inherit;font-weight:600;padding:.5rem 1rem}
.problem{color:#a00;font-weight:600}
.muted{color:#555;font-size:.9rem}`

/** A calendar day in the page's language, in UTC (what the server knows). */
function day(iso: string, language: PageLanguage): string {
  return new Date(iso).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

/** The summary as a definition list. */
function summaryList(summary: ConfirmationSummary, language: PageLanguage): string {
  const texts = TEXTS[language]
  const row = (label: string, value: string) =>
    `<dt>${escapeHtml(label)}</dt><dd>${value === '' ? escapeHtml(texts.empty) : escapeHtml(value)}</dd>`
  return `<dl>
${row(texts.fields.date, summary.date === '' ? '' : day(`${summary.date}T12:00:00Z`, language))}
${row(texts.fields.step, DUE_DILIGENCE_STEP_LABELS[language][summary.step])}
${CONFIRMATION_SUMMARY_FIELDS.map((field) => row(texts.fields[field], summary[field])).join('\n')}
</dl>`
}

/** The body of the page for `view`. */
function pageBody(view: ConfirmationPageView, language: PageLanguage, action: string): string {
  const texts = TEXTS[language]
  if (view.kind === 'ask') {
    const problem =
      view.problem === undefined
        ? ''
        : `<p class="problem" role="alert">${escapeHtml(texts.problems[view.problem])}</p>`
    return `<h1>${escapeHtml(texts.title)}</h1>
<p>${escapeHtml(texts.intro(view.summary.stakeholderName))}</p>
${summaryList(view.summary, language)}
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="lang" value="${language}">
<fieldset>
<legend>${escapeHtml(texts.question)}</legend>
${problem}
<label><input type="radio" name="verdict" value="confirmed"> ${escapeHtml(texts.confirmed)}</label>
<label><input type="radio" name="verdict" value="corrected"> ${escapeHtml(texts.corrected)}</label>
<label for="corrections">${escapeHtml(texts.corrections)}</label>
<textarea id="corrections" name="corrections" rows="4" maxlength="${MAX_ANSWER_TEXT}"></textarea>
<label for="comments">${escapeHtml(texts.comments)}</label>
<textarea id="comments" name="comments" rows="3" maxlength="${MAX_ANSWER_TEXT}"></textarea>
<button type="submit">${escapeHtml(texts.send)}</button>
</fieldset>
</form>
<p class="muted">${escapeHtml(texts.expires(day(view.expiresAt, language)))} ${escapeHtml(texts.privacy)}</p>`
  }
  if (view.kind === 'answered') {
    const { answer } = view
    const verdict = answer.verdict === 'confirmed' ? texts.confirmed : texts.corrected
    const extra = (label: string, value: string) =>
      value === '' ? '' : `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`
    return `<h1>${escapeHtml(view.justNow ? texts.thanks : texts.title)}</h1>
<p>${escapeHtml(texts.answeredOn(day(answer.answeredAt, language)))}</p>
<h2>${escapeHtml(texts.yourAnswer)}</h2>
<dl><dt>${escapeHtml(texts.question)}</dt><dd>${escapeHtml(verdict)}</dd>
${extra(texts.corrections, answer.corrections)}
${extra(texts.comments, answer.comments)}</dl>
${summaryList(answer.summary, language)}`
  }
  const { title, body } = texts.closed[view.kind]
  return `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(body)}</p>`
}

/** The page's status for `view`. */
function statusOf(view: ConfirmationPageView): number {
  if (view.kind === 'ask') return view.problem === undefined ? 200 : 400
  if (view.kind === 'answered') return 200
  return CLOSED_STATUS[view.kind]
}

/** Answers with the page for `view`; `path` is this page's own path (the form posts there). */
export function sendConfirmationPage(
  response: ServerResponse,
  view: ConfirmationPageView,
  language: PageLanguage,
  path: string,
): void {
  const texts = TEXTS[language]
  const other: PageLanguage = language === 'nl' ? 'en' : 'nl'
  const title =
    view.kind === 'ask' || view.kind === 'answered' ? texts.title : texts.closed[view.kind].title
  const html = `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
<nav><a href="${escapeHtml(`${path}?lang=${other}`)}" hreflang="${other}" lang="${other}">${escapeHtml(texts.switchTo)}</a></nav>
${pageBody(view, language, `${path}?lang=${language}`)}
</main>
</body>
</html>
`
  response.statusCode = statusOf(view)
  response.setHeader('Content-Security-Policy', CONFIRMATION_PAGE_POLICY)
  response.setHeader('Content-Type', 'text/html; charset=utf-8')
  response.setHeader('Content-Language', language)
  response.setHeader('Cache-Control', 'no-store')
  response.setHeader('X-Robots-Tag', 'noindex')
  response.end(html)
}
