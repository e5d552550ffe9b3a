/**
 * Phase 3 in the map file (version 4, mapJsonFormat.ts): the role cards and rounds, the
 * observer sheets, the cards' private briefs (with the confidential part only) and whether
 * phase 2's example is shown — read from a map's documents for the export, checked in an
 * untrusted file, and written into a new map by the import.
 *
 * Briefs are trainer material, not personal data, but they live in the confidential
 * document because only the holder of a card may read its brief
 * (server/http/createRoleBriefRoutes.ts). A file carries them as it carries the rest of
 * that document: only when asked for the confidential part, which only owners and
 * facilitators may export; an ordinary export (the one a trainer sends participants
 * afterwards) has none.
 */
import type * as Y from 'yjs'
import {
  FACILITATION_MAP,
  OBSERVER_NOTES_MAP,
  ROLE_BRIEFS_MAP,
  ROLE_PLAY_MAP,
} from '../document/mapDocumentLayout'
import type { ValidationParams } from '../stakeholder/validateStakeholder'
import { isPlainObject } from '../workshop/plainValues'
import {
  OBSERVER_NOTE_FIELDS,
  parseObserverNoteKey,
  refusedObserverNote,
} from '../workshop/observerNotes'
import {
  ROLE_ID_PATTERN,
  ROLE_LIMITS,
  type RoleCard,
  readRoleCard,
  readRoleCards,
  storedRoleCard,
} from '../workshop/rolePlay'
import { ROUND_LIMITS, readRolePlayRounds } from '../workshop/rolePlayRounds'
import { chunkByStructs } from './chunkByStructs'
import type { MapJson, ParsedMapJson } from './mapJsonFormat'
import type { MapJsonIssue } from './parseMapJson'

/** The file's keys this module reads and writes. */
export type RolePlayFile = Pick<MapJson, 'rolePlay' | 'observerNotes' | 'exampleShown'>

/** Most observer notes a file may hold: every field of every observer of every round. */
const MAX_NOTES = ROUND_LIMITS.rounds * ROUND_LIMITS.observers * OBSERVER_NOTE_FIELDS.length

/** The valid briefs of a confidential document, role id → text. */
function readBriefs(confidential: Y.Doc): Record<string, string> {
  const briefs: Record<string, string> = {}
  for (const [id, text] of confidential.getMap<unknown>(ROLE_BRIEFS_MAP).entries()) {
    if (ROLE_ID_PATTERN.test(id) && typeof text === 'string' && text.length <= ROLE_LIMITS.brief) {
      briefs[id] = text
    }
  }
  return briefs
}

/** Phase 3 (and phase 2's example setting) of `doc`; briefs only with `confidential`. */
export function readRolePlayFile(doc: Y.Doc, confidential: Y.Doc | null): RolePlayFile {
  const facilitation = doc.getMap<unknown>(FACILITATION_MAP)
  const { rounds, currentId } = readRolePlayRounds(facilitation.get('rolePlayRounds'))
  const observerNotes: Record<string, string> = {}
  for (const [key, text] of doc.getMap<unknown>(OBSERVER_NOTES_MAP).entries()) {
    if (parseObserverNoteKey(key) !== null && refusedObserverNote(text) === null) {
      observerNotes[key] = text as string
    }
  }
  return {
    rolePlay: {
      cards: readRoleCards(doc.getMap<unknown>(ROLE_PLAY_MAP).entries()),
      rounds,
      currentRoundId: currentId,
      ...(confidential !== null && { briefs: readBriefs(confidential) }),
    },
    observerNotes,
    exampleShown: facilitation.get('exampleShown') === true,
  }
}

/** How the parser reports a problem at a path. */
export interface IssueReporter {
  fail(path: string, code: MapJsonIssue['code'], message: string, params?: ValidationParams): void
  warn(path: string, code: MapJsonIssue['code'], message: string): void
}

/** True when `value` is text of at most `max` characters. */
function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max
}

/** The cards of a file's `rolePlay.cards`, each checked; ids unique. */
function parseCards(raw: unknown, report: IssueReporter): RoleCard[] {
  const path = 'rolePlay.cards'
  if (!Array.isArray(raw)) return (report.fail(path, 'not-an-array', 'must be an array'), [])
  if (raw.length > ROLE_LIMITS.roles) {
    const max = ROLE_LIMITS.roles
    return (report.fail(path, 'too-many-items', `must have at most ${max} entries`, { max }), [])
  }
  const cards: RoleCard[] = []
  raw.forEach((item: unknown, index) => {
    const at = `${path}[${index}]`
    if (!isPlainObject(item)) return report.fail(at, 'not-an-object', 'must be an object')
    const { id, title, description } = item
    if (typeof id !== 'string' || !ROLE_ID_PATTERN.test(id)) {
      return report.fail(`${at}.id`, 'invalid-id', 'must be a role id (role-…)')
    }
    if (!isText(title, ROLE_LIMITS.title) || !isText(description, ROLE_LIMITS.description)) {
      return report.fail(at, 'too-long', 'title and description must be text within limits', {
        max: ROLE_LIMITS.description,
      })
    }
    if (cards.some((card) => card.id === id)) {
      return report.fail(`${at}.id`, 'id-in-use', 'is used by another card')
    }
    const card = readRoleCard(id, item)
    if (card !== null) cards.push(card)
  })
  return cards
}

/** A file's `<key>` object of texts: each key passing `validKey`, each text within `max`. */
function parseTexts(
  raw: unknown,
  path: string,
  limits: { entries: number; text: number },
  validKey: (key: string) => boolean,
  report: IssueReporter,
): Record<string, string> {
  const texts: Record<string, string> = {}
  if (!isPlainObject(raw)) return (report.fail(path, 'not-an-object', 'must be an object'), texts)
  const keys = Object.keys(raw)
  if (keys.length > limits.entries) {
    const max = limits.entries
    report.fail(path, 'too-many-items', `must have at most ${max} entries`, { max })
    return texts
  }
  for (const key of keys) {
    const at = `${path}.${key.slice(0, 120)}`
    const text = raw[key]
    if (!validKey(key)) report.fail(at, 'invalid-id', 'is not a valid key here')
    else if (!isText(text, limits.text)) {
      report.fail(at, 'too-long', `must be text of at most ${limits.text} characters`, {
        max: limits.text,
      })
    } else Object.defineProperty(texts, key, { value: text, enumerable: true })
  }
  return texts
}

/**
 * Phase 3 of an untrusted file's root (absent parts read as none): `briefs` only when the
 * file has the confidential part (`contactsIncluded`), as contacts.
 */
export function parseRolePlayFile(
  root: Record<string, unknown>,
  contactsIncluded: unknown,
  report: IssueReporter,
): Pick<ParsedMapJson, 'rolePlay' | 'observerNotes' | 'exampleShown'> {
  const own = (object: Record<string, unknown>, key: string) =>
    Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
  const rawPlay = own(root, 'rolePlay') ?? {}
  let cards: RoleCard[] = []
  let rounds: ParsedMapJson['rolePlay']['rounds'] = []
  let currentRoundId: string | null = null
  let briefs: Record<string, string> = {}
  if (!isPlainObject(rawPlay)) report.fail('rolePlay', 'not-an-object', 'must be an object')
  else {
    for (const key of Object.keys(rawPlay)) {
      if (!['cards', 'rounds', 'currentRoundId', 'briefs'].includes(key)) {
        report.warn(`rolePlay.${key.slice(0, 120)}`, 'not-known', 'is not known and was ignored')
      }
    }
    cards = parseCards(own(rawPlay, 'cards') ?? [], report)
    const rawRounds = own(rawPlay, 'rounds') ?? []
    if (!Array.isArray(rawRounds))
      report.fail('rolePlay.rounds', 'not-an-array', 'must be an array')
    else {
      const read = readRolePlayRounds({
        rounds: rawRounds,
        currentId: own(rawPlay, 'currentRoundId') ?? null,
      })
      // The reader skips what is malformed; a file must not lose a round silently.
      if (read.rounds.length !== rawRounds.length) {
        report.fail('rolePlay.rounds', 'invalid-id', 'holds a round that is not valid or twice')
      }
      rounds = read.rounds
      currentRoundId = read.currentId
    }
    const rawBriefs = own(rawPlay, 'briefs')
    if (rawBriefs !== undefined && contactsIncluded === false) {
      report.fail(
        'rolePlay.briefs',
        'contacts-not-included',
        'must be absent when contactsIncluded is false',
      )
    } else if (rawBriefs !== undefined) {
      briefs = parseTexts(
        rawBriefs,
        'rolePlay.briefs',
        { entries: ROLE_LIMITS.roles, text: ROLE_LIMITS.brief },
        (key) => ROLE_ID_PATTERN.test(key),
        report,
      )
    }
  }
  const observerNotes = parseTexts(
    own(root, 'observerNotes') ?? {},
    'observerNotes',
    { entries: MAX_NOTES, text: Number.POSITIVE_INFINITY },
    (key) => parseObserverNoteKey(key) !== null,
    report,
  )
  for (const [key, text] of Object.entries(observerNotes)) {
    if (refusedObserverNote(text) !== null) {
      report.fail(`observerNotes.${key}`, 'too-long', 'is too long for an observer note')
    }
  }
  const exampleShown = own(root, 'exampleShown') ?? false
  if (typeof exampleShown !== 'boolean') {
    report.fail('exampleShown', 'not-yes-no', 'must be true or false')
  }
  return {
    rolePlay: { cards, rounds, currentRoundId, briefs },
    observerNotes,
    exampleShown: exampleShown === true,
  }
}

/** Whether a parsed file has anything of phase 3 for the map document. */
function hasRolePlay(parsed: ParsedMapJson): boolean {
  return parsed.rolePlay.cards.length > 0 || parsed.rolePlay.rounds.length > 0
}

/**
 * Writes phase 3 of a parsed file into a new map, as the file has it: the cards into
 * `rolePlay`, the rounds and the example setting into `facilitation`, the notes into
 * `observerNotes` (one transaction), the briefs into the confidential document's
 * `roleBriefs` (another; `confidential` must be given when the file has briefs).
 */
export function writeRolePlayFile(
  doc: Y.Doc,
  parsed: ParsedMapJson,
  origin: unknown,
  confidential: Y.Doc | null,
): void {
  const { rolePlay, observerNotes, exampleShown } = parsed
  if (hasRolePlay(parsed) || exampleShown) {
    doc.transact(() => {
      const cards = doc.getMap<unknown>(ROLE_PLAY_MAP)
      for (const card of rolePlay.cards) cards.set(card.id, storedRoleCard(card))
      const facilitation = doc.getMap<unknown>(FACILITATION_MAP)
      if (rolePlay.rounds.length > 0) {
        facilitation.set('rolePlayRounds', {
          rounds: rolePlay.rounds,
          currentId: rolePlay.currentRoundId,
        })
      }
      if (exampleShown) facilitation.set('exampleShown', true)
    }, origin)
  }
  // After the rounds, which the notes belong to; one struct a note, in chunks under the
  // server's per-update limit.
  const notes = doc.getMap<unknown>(OBSERVER_NOTES_MAP)
  for (const chunk of chunkByStructs(Object.entries(observerNotes), () => 1)) {
    doc.transact(() => {
      for (const [key, text] of chunk) notes.set(key, text)
    }, origin)
  }
  const briefs = Object.entries(rolePlay.briefs)
  if (confidential !== null && briefs.length > 0) {
    confidential.transact(() => {
      const map = confidential.getMap<unknown>(ROLE_BRIEFS_MAP)
      for (const [id, text] of briefs) map.set(id, text)
    }, origin)
  }
}
