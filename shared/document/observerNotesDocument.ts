/**
 * The role play's observer sheets as one map document holds them (observerNotes.ts): the
 * rounds from `facilitation`, the notes from `observerNotes`, and the role card each
 * observer held, for the report, which prints them without the participants' names (it
 * has no presence to read them from) but with the role they played.
 */
import type * as Y from 'yjs'
import { type ObserverSheet, readObserverSheets } from '../workshop/observerNotes'
import { readRoleCards } from '../workshop/rolePlay'
import { type RolePlayRounds, readRolePlayRounds } from '../workshop/rolePlayRounds'
import { FACILITATION_MAP, OBSERVER_NOTES_MAP, ROLE_PLAY_MAP } from './mapDocumentLayout'

/** The rounds, their sheets, and the title of the card each observer holds. */
export interface RolePlayObservations {
  rounds: RolePlayRounds
  sheets: ObserverSheet[]
  /** Role card title by holder id (the observer card's, usually). */
  roleTitles: ReadonlyMap<string, string>
}

/** Reads the observations of `doc`. */
export function readRolePlayObservations(doc: Y.Doc): RolePlayObservations {
  const roleTitles = new Map<string, string>()
  for (const card of readRoleCards(doc.getMap<unknown>(ROLE_PLAY_MAP).entries())) {
    if (card.holderId !== null && card.title.trim() !== '' && !roleTitles.has(card.holderId)) {
      roleTitles.set(card.holderId, card.title.trim())
    }
  }
  return {
    rounds: readRolePlayRounds(doc.getMap<unknown>(FACILITATION_MAP).get('rolePlayRounds')),
    sheets: readObserverSheets(doc.getMap<unknown>(OBSERVER_NOTES_MAP).entries()),
    roleTitles,
  }
}
