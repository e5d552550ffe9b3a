/**
 * The role play's observer sheets in the report's evaluations chapter (section 8): per
 * round, each observer's notes, in general and per SER element in the model's order. An
 * observer is named by the role card they held ("Observer"), else as "observer 1, 2, …" of
 * the round: the report has no participants' names. Nothing when no one noted anything.
 */
import type { RolePlayObservations } from '../document/observerNotesDocument'
import { DIALOGUE_ELEMENT_LABELS } from '../labels/dialogueLabels'
import { formatLabel } from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import { OBSERVER_NOTE_FIELDS, sheetOf } from '../workshop/observerNotes'
import { escapeHtml } from './escapeHtml'
import { multiline } from './reportFormat'
import type { ReportText } from './reportText'

/** The observer sheets' block, or '' when there are no notes. */
export function observerNotesHtml(
  observations: RolePlayObservations,
  locale: LabelLocale,
  text: ReportText,
): string {
  const rounds = observations.rounds.rounds.flatMap((round) => {
    const observers = [
      ...new Set([
        ...round.observerIds,
        ...observations.sheets
          .filter((sheet) => sheet.roundId === round.id)
          .map((sheet) => sheet.observerId),
      ]),
    ]
    const blocks = observers.flatMap((observerId, index) => {
      const { notes } = sheetOf(observations.sheets, round.id, observerId)
      const rows = OBSERVER_NOTE_FIELDS.filter((field) => (notes[field] ?? '').trim() !== '').map(
        (field) =>
          `<dt>${escapeHtml(field === 'general' ? text.observerGeneral : DIALOGUE_ELEMENT_LABELS[locale][field])}</dt>` +
          `<dd>${multiline(notes[field]!.trim())}</dd>`,
      )
      if (rows.length === 0) return []
      const who =
        observations.roleTitles.get(observerId) ??
        formatLabel(locale, text.observerNumber, { number: index + 1 })
      return [`<h5>${escapeHtml(who)}</h5><dl class="details">${rows.join('')}</dl>`]
    })
    if (blocks.length === 0) return []
    return [
      `<h4>${escapeHtml(formatLabel(locale, text.observerRound, { number: round.number }))}</h4>` +
        blocks.join(''),
    ]
  })
  if (rounds.length === 0) return ''
  return (
    '<div class="evaluation observer-notes">' +
    `<h3>${escapeHtml(text.observerNotesHeading)}</h3><p>${escapeHtml(text.observerNotesIntro)}</p>` +
    rounds.join('') +
    '</div>'
  )
}
