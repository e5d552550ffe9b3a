/**
 * Boards on the canvas that agenda blocks open (issue 21): each phase of the workshop can
 * have its board (phase 2's worksheets, phase 4's follow-up, the self-assessment, …), named
 * by a board id. An agenda block links to a board by its id (`AgendaBlock.board`); opening
 * the block writes an {@link OpenBoardRequest} under `openBoard` in the `facilitation` root,
 * and every page acts on it (client/workshop/useWorkshopEffects.ts): whoever follows the
 * facilitator sees the board with them, and whoever sits at a table goes to their own
 * table's part of the board, when the board has one.
 *
 * On the canvas a board is a frame whose id says its board id, and a table's part of it a
 * frame whose id says the board id and the table (client/canvas/boardAreas.ts), so a board
 * built by anyone is linked the same way: give its frame that id.
 */
import { isFiniteNumber, isPlainObject } from './plainValues'
import type { ViewRequest } from './viewRequests'

/** Board ids: lower-case letters, digits and dashes. */
export const BOARD_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/

/** The board of phase 1 (the tables' phase-1 areas). */
export const PHASE_1_BOARD = 'phase-1'
/** The board of phase 2: the case card, a worksheet per table, the filled-in example. */
export const PHASE_2_BOARD = 'phase-2'
/** The board of phase 4: the follow-up boards (one per table, or one plenary board). */
export const PHASE_4_BOARD = 'phase-4'
/** The self-assessment taken before the workshop, as a board (its results open the day). */
export const SELF_ASSESSMENT_BOARD = 'self-assessment'

/** True for a string that can name a board. */
export function isBoardId(value: unknown): value is string {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value)
}

/** A facilitator's request that everyone looks at a board. */
export interface OpenBoardRequest extends ViewRequest {
  board: string
}

/** Reads a stored request; anything malformed reads as none. */
export function readOpenBoard(value: unknown): OpenBoardRequest | null {
  if (!isPlainObject(value) || typeof value.userId !== 'string' || !isFiniteNumber(value.at)) {
    return null
  }
  return isBoardId(value.board) ? { userId: value.userId, at: value.at, board: value.board } : null
}
