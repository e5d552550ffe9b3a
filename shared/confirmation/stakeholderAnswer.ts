/**
 * What a stakeholder (or their representative) sees of an engagement-log entry through a
 * confirmation link, and what they answer (shared/protocol/confirmationLinks.ts).
 *
 * The summary is what was discussed, agreed and promised: the date, the due-diligence step,
 * the method, what was shared, the input received, how it is used and the follow-up. Never
 * the company's own notes on the entry (barriers met and how they were lowered, the entry's
 * confidentiality), never contacts, other entries or other stakeholders.
 *
 * The answer keeps a copy of the summary it answers, so the evidence says exactly what was
 * confirmed even when the entry is edited afterwards.
 */
import type { Actor } from '../protocol/accessApi'
import type { DueDiligenceStep, EngagementEntry } from '../stakeholder/Stakeholder'

/** The entry's fields the stakeholder sees, in the order the page shows them. */
export const CONFIRMATION_SUMMARY_FIELDS = [
  'method',
  'informationShared',
  'inputReceived',
  'howInputWasUsed',
  'followUp',
] as const

/** One of {@link CONFIRMATION_SUMMARY_FIELDS}. */
export type ConfirmationSummaryField = (typeof CONFIRMATION_SUMMARY_FIELDS)[number]

/** The part of an entry a confirmation link shows. */
export type ConfirmationSummary = {
  /** The stakeholder's own name, so they know the page is about them. */
  stakeholderName: string
  date: string
  step: DueDiligenceStep
} & Record<ConfirmationSummaryField, string>

/** The summary of `entry` of the stakeholder named `stakeholderName`. */
export function confirmationSummaryOf(
  stakeholderName: string,
  entry: EngagementEntry,
): ConfirmationSummary {
  return {
    stakeholderName,
    date: entry.date,
    step: entry.step,
    method: entry.method,
    informationShared: entry.informationShared,
    inputReceived: entry.inputReceived,
    howInputWasUsed: entry.howInputWasUsed,
    followUp: entry.followUp,
  }
}

/** What a stakeholder can answer. */
export const STAKEHOLDER_VERDICTS = ['confirmed', 'corrected'] as const
/** One of {@link STAKEHOLDER_VERDICTS}. */
export type StakeholderVerdict = (typeof STAKEHOLDER_VERDICTS)[number]

/** Longest corrections or comments kept, in characters. */
export const MAX_ANSWER_TEXT = 4000

/** A stakeholder's answer as stored with the entry (written by the server only). */
export interface StakeholderAnswer {
  linkId: string
  stakeholderId: string
  entryId: string
  verdict: StakeholderVerdict
  corrections: string
  comments: string
  /** ISO 8601 time the answer came in. */
  answeredAt: string
  /** The language the page was read in. */
  language: 'en' | 'nl'
  /** Who made the link. */
  askedBy: Actor
  /** The summary as the stakeholder saw it. */
  summary: ConfirmationSummary
}

/** The answer a page's form sends, checked. */
export type CheckedAnswerForm =
  | { ok: true; verdict: StakeholderVerdict; corrections: string; comments: string }
  | { ok: false; problem: 'no-verdict' | 'corrections-missing' | 'too-long' }

/**
 * Checks a form: a verdict; "corrected" needs corrections or comments (a correction that
 * says nothing is not one); each text at most {@link MAX_ANSWER_TEXT} characters.
 */
export function checkAnswerForm(form: {
  verdict?: unknown
  corrections?: unknown
  comments?: unknown
}): CheckedAnswerForm {
  const verdict = form.verdict
  if (verdict !== 'confirmed' && verdict !== 'corrected')
    return { ok: false, problem: 'no-verdict' }
  const text = (value: unknown) =>
    typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''
  const corrections = text(form.corrections)
  const comments = text(form.comments)
  if (corrections.length > MAX_ANSWER_TEXT || comments.length > MAX_ANSWER_TEXT) {
    return { ok: false, problem: 'too-long' }
  }
  if (verdict === 'corrected' && corrections === '' && comments === '') {
    return { ok: false, problem: 'corrections-missing' }
  }
  return { ok: true, verdict, corrections, comments }
}
