/**
 * The observer sheet of a role-play round (phase 3, issue 21): what each observer of the
 * round notes, in general and per SER element, for the evaluation of phase 4.
 *
 * The notes are the observer's own contribution, so each lives under a key that names its
 * round, its observer and its field (`<round>/<observer>/<field>`) in the map document's
 * `observerNotes` root, a plain string per key: two observers (or one observer's two
 * fields) never overwrite each other, and the server can tell from the key alone whose note
 * an update writes or deletes. It lets only that observer (named in the round,
 * rolePlayRounds.ts) and owners and facilitators change it (checkObserverNotes.ts).
 * Everyone reads the notes: they feed the evaluation round and the report.
 */
import { DIALOGUE_ELEMENTS, type DialogueElement } from '../dialogue/dialogueVocabulary'
import { OBSERVER_ID_PATTERN, type RolePlayRound, type RolePlayRounds } from './rolePlayRounds'

/** The sheet's fields: general notes, then one per SER element. */
export const OBSERVER_NOTE_FIELDS = ['general', ...DIALOGUE_ELEMENTS] as const
/** See {@link OBSERVER_NOTE_FIELDS}. */
export type ObserverNoteField = (typeof OBSERVER_NOTE_FIELDS)[number]

/** Longest note of one field. */
export const OBSERVER_NOTE_LIMIT = 5000

/** Keys of the `observerNotes` root: `<round>/<observer>/<field>`. */
export const OBSERVER_NOTE_KEY_PATTERN = new RegExp(
  `^play-[0-9a-z]{1,11}/${OBSERVER_ID_PATTERN.source.slice(1, -1)}/(?:${OBSERVER_NOTE_FIELDS.join('|')})$`,
)

/** Whose note a key holds. */
export interface ObserverNoteKey {
  roundId: string
  observerId: string
  field: ObserverNoteField
}

/** The key of one field of one observer's sheet. */
export function observerNoteKey({ roundId, observerId, field }: ObserverNoteKey): string {
  return `${roundId}/${observerId}/${field}`
}

/** The parts of a key; null for a key that is not one. */
export function parseObserverNoteKey(key: string): ObserverNoteKey | null {
  if (!OBSERVER_NOTE_KEY_PATTERN.test(key)) return null
  const first = key.indexOf('/')
  const last = key.lastIndexOf('/')
  return {
    roundId: key.slice(0, first),
    observerId: key.slice(first + 1, last),
    field: key.slice(last + 1) as ObserverNoteField,
  }
}

/** Why a value may not be stored as a note, or null when it may. */
export function refusedObserverNote(value: unknown): string | null {
  if (typeof value !== 'string') return 'an observer note is a text'
  return value.length > OBSERVER_NOTE_LIMIT ? 'an observer note is too long' : null
}

/** One observer's sheet of one round. */
export interface ObserverSheet {
  roundId: string
  observerId: string
  notes: Partial<Record<ObserverNoteField, string>>
}

/** Every sheet in a root's entries, in no particular order; malformed entries are skipped. */
export function readObserverSheets(entries: Iterable<[string, unknown]>): ObserverSheet[] {
  const sheets = new Map<string, ObserverSheet>()
  for (const [key, value] of entries) {
    const parsed = parseObserverNoteKey(key)
    if (parsed === null || refusedObserverNote(value) !== null) continue
    const id = `${parsed.roundId}/${parsed.observerId}`
    const sheet = sheets.get(id) ?? {
      roundId: parsed.roundId,
      observerId: parsed.observerId,
      notes: {},
    }
    sheet.notes[parsed.field] = value as string
    sheets.set(id, sheet)
  }
  return [...sheets.values()]
}

/** The sheet of `observerId` in round `roundId` (empty when nothing is noted yet). */
export function sheetOf(
  sheets: readonly ObserverSheet[],
  roundId: string,
  observerId: string,
): ObserverSheet {
  return (
    sheets.find((sheet) => sheet.roundId === roundId && sheet.observerId === observerId) ?? {
      roundId,
      observerId,
      notes: {},
    }
  )
}

/** One note as the evaluation shows it: which round, which observer, what. */
export interface RoundNote {
  roundNumber: number
  observerId: string
  text: string
}

/** What the observers noted, per field, round by round, leaving out empty notes. */
export type NotesByField = Record<ObserverNoteField, RoundNote[]>

/**
 * The observers' notes of every round, gathered per field for the evaluation (phase 4):
 * rounds in order, a round's observers in the order they were named. Notes of rounds no
 * longer in the list are left out, and with `startedBefore` (an evaluation round's opening
 * time) those of rounds started later: an evaluation is of the play before it.
 */
export function notesByField(
  rounds: RolePlayRounds,
  sheets: readonly ObserverSheet[],
  startedBefore = Number.POSITIVE_INFINITY,
): NotesByField {
  const result = Object.fromEntries(
    OBSERVER_NOTE_FIELDS.map((field) => [field, [] as RoundNote[]]),
  ) as NotesByField
  const order = (round: RolePlayRound, observerId: string) => {
    const named = round.observerIds.indexOf(observerId)
    return named === -1 ? round.observerIds.length : named
  }
  for (const round of rounds.rounds) {
    if (round.startedAt >= startedBefore) continue
    const ofRound = sheets
      .filter((sheet) => sheet.roundId === round.id)
      .sort(
        (a, b) =>
          order(round, a.observerId) - order(round, b.observerId) ||
          (a.observerId < b.observerId ? -1 : 1),
      )
    for (const sheet of ofRound) {
      for (const field of OBSERVER_NOTE_FIELDS) {
        const text = sheet.notes[field]?.trim() ?? ''
        if (text !== '') {
          result[field].push({ roundNumber: round.number, observerId: sheet.observerId, text })
        }
      }
    }
  }
  return result
}

/** True when any observer noted anything in any round still listed. */
export function hasObserverNotes(notes: NotesByField): boolean {
  return OBSERVER_NOTE_FIELDS.some((field) => notes[field].length > 0)
}

/** The element a field is about; null for the general notes. */
export function elementOfField(field: ObserverNoteField): DialogueElement | null {
  return field === 'general' ? null : field
}
