/**
 * The workshop agenda: the blocks of the SER manual's half day (30, 55, 45, 30, 55, 15 and
 * 15 minutes) or the facilitator's own, kept under `agenda` in the `facilitation` root.
 * Phase 1 holds the manual's three short assignments as parts with minutes of their own, so
 * the facilitator can time each (motivation, internal preparation, mapping).
 */
import {
  PHASE_1_BOARD,
  PHASE_2_BOARD,
  PHASE_4_BOARD,
  SELF_ASSESSMENT_BOARD,
  isBoardId,
} from './boardLinks'
import { isFiniteNumber, isPlainObject } from './plainValues'

/** A block of the workshop agenda. `kind` names the SER blocks; custom blocks have a title. */
export interface AgendaBlock {
  id: string
  kind: AgendaBlockKind
  /** Shown instead of the translated kind when set (custom or renamed blocks). */
  title: string
  minutes: number
  /** The block's assignments, each timed on its own; absent for a block without parts. */
  parts?: AgendaPart[]
  /**
   * The board the block opens (boardLinks.ts); '' for none. Absent: the kind's own board
   * ({@link defaultBoardOf}), so agendas stored before boards existed open them too.
   */
  board?: string
}

/** One assignment inside an agenda block (phase 1's three), with its own minutes. */
export interface AgendaPart {
  id: string
  kind: AgendaPartKind
  /** Shown instead of the translated kind when set. */
  title: string
  minutes: number
}

/** Phase 1's three assignments in the manual, plus custom ones. */
export const AGENDA_PART_KINDS = [
  'motivation',
  'internal-preparation',
  'mapping',
  'custom',
] as const
export type AgendaPartKind = (typeof AGENDA_PART_KINDS)[number]

/** Phase 1's assignments: 15 + 15 + 25 = the block's 55 minutes. */
export const PHASE_1_PARTS: readonly AgendaPart[] = [
  { id: 'motivation', kind: 'motivation', title: '', minutes: 15 },
  { id: 'internal-preparation', kind: 'internal-preparation', title: '', minutes: 15 },
  { id: 'mapping', kind: 'mapping', title: '', minutes: 25 },
]

/** The blocks of the SER manual's agenda, plus custom ones. */
export const AGENDA_BLOCK_KINDS = [
  'introduction',
  'phase-1',
  'phase-2',
  'break',
  'phase-3',
  'phase-4',
  'closing',
  'custom',
] as const
export type AgendaBlockKind = (typeof AGENDA_BLOCK_KINDS)[number]

/** The manual's half-day agenda: 30, 55, 45, 30, 55, 15 and 15 minutes. */
export const DEFAULT_AGENDA: readonly AgendaBlock[] = [
  { id: 'introduction', kind: 'introduction', title: '', minutes: 30 },
  { id: 'phase-1', kind: 'phase-1', title: '', minutes: 55, parts: [...PHASE_1_PARTS] },
  { id: 'phase-2', kind: 'phase-2', title: '', minutes: 45 },
  { id: 'break', kind: 'break', title: '', minutes: 30 },
  { id: 'phase-3', kind: 'phase-3', title: '', minutes: 55 },
  { id: 'phase-4', kind: 'phase-4', title: '', minutes: 15 },
  { id: 'closing', kind: 'closing', title: '', minutes: 15 },
]

/** The board a block of `kind` opens unless the facilitator linked another (or none). */
export function defaultBoardOf(kind: AgendaBlockKind): string {
  const boards: Partial<Record<AgendaBlockKind, string>> = {
    introduction: SELF_ASSESSMENT_BOARD,
    'phase-1': PHASE_1_BOARD,
    'phase-2': PHASE_2_BOARD,
    'phase-4': PHASE_4_BOARD,
  }
  return boards[kind] ?? ''
}

/** The board `block` opens, or null when it opens none. */
export function boardOf(block: AgendaBlock): string | null {
  const board = block.board ?? defaultBoardOf(block.kind)
  return board === '' ? null : board
}

/** The agenda with block `blockId` linked to `board` ('' for none). */
export function withBlockBoard(
  agenda: readonly AgendaBlock[],
  blockId: string,
  board: string,
): AgendaBlock[] {
  return agenda.map((block) => (block.id === blockId ? { ...block, board } : block))
}

/** The longest block a facilitator can plan, in minutes (ten hours). */
export const MAX_BLOCK_MINUTES = 600

function isMinutes(value: unknown): value is number {
  return isFiniteNumber(value) && value > 0 && value <= MAX_BLOCK_MINUTES
}

function isPart(part: unknown): part is AgendaPart {
  return (
    isPlainObject(part) &&
    typeof part.id === 'string' &&
    (AGENDA_PART_KINDS as readonly unknown[]).includes(part.kind) &&
    typeof part.title === 'string' &&
    isMinutes(part.minutes)
  )
}

/**
 * A block's parts as stored; an agenda saved before parts existed (or with malformed ones)
 * gives phase 1 the manual's three assignments and other blocks none.
 */
function readParts(kind: AgendaBlockKind, value: unknown): AgendaPart[] | undefined {
  if (Array.isArray(value) && value.length > 0 && value.length <= 20 && value.every(isPart)) {
    return value.map(({ id, kind, title, minutes }) => ({ id, kind, title, minutes }))
  }
  return kind === 'phase-1' ? [...PHASE_1_PARTS] : undefined
}

/** Reads the agenda; anything malformed falls back to the manual's agenda. */
export function readAgenda(value: unknown): AgendaBlock[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) return [...DEFAULT_AGENDA]
  const valid = value.filter(
    (block): block is AgendaBlock =>
      isPlainObject(block) &&
      typeof block.id === 'string' &&
      (AGENDA_BLOCK_KINDS as readonly unknown[]).includes(block.kind) &&
      typeof block.title === 'string' &&
      isMinutes(block.minutes),
  )
  if (valid.length !== value.length) return [...DEFAULT_AGENDA]
  return valid.map(({ id, kind, title, minutes, parts, board }) => {
    const read = readParts(kind, parts)
    const block: AgendaBlock = read
      ? { id, kind, title, minutes, parts: read }
      : { id, kind, title, minutes }
    // A board that is no board id reads as the kind's own (a peer may write anything).
    if (board === '' || isBoardId(board)) block.board = board
    return block
  })
}

/** The agenda with block `blockId` planned for `minutes` (the other blocks as they were). */
export function withBlockMinutes(
  agenda: readonly AgendaBlock[],
  blockId: string,
  minutes: number,
): AgendaBlock[] {
  return agenda.map((block) => (block.id === blockId ? { ...block, minutes } : block))
}

/** The agenda with part `partId` of block `blockId` planned for `minutes`. */
export function withPartMinutes(
  agenda: readonly AgendaBlock[],
  blockId: string,
  partId: string,
  minutes: number,
): AgendaBlock[] {
  return agenda.map((block) =>
    block.id === blockId && block.parts
      ? {
          ...block,
          parts: block.parts.map((part) => (part.id === partId ? { ...part, minutes } : part)),
        }
      : block,
  )
}

/** The part of `block` called `partId`, if it has one. */
export function findPart(block: AgendaBlock, partId: string | null): AgendaPart | null {
  return block.parts?.find((part) => part.id === partId) ?? null
}

/**
 * The part that follows `partId` in its block — the next assignment to time — or null after
 * the last (or when `partId` is not one of the block's parts).
 */
export function partAfter(block: AgendaBlock, partId: string | null): AgendaPart | null {
  const parts = block.parts ?? []
  const index = parts.findIndex((part) => part.id === partId)
  return index >= 0 ? (parts[index + 1] ?? null) : null
}
