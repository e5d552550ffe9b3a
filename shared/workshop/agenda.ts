/**
 * The workshop agenda: the blocks of the SER manual's half day (30, 55, 45, 30, 55, 15 and
 * 15 minutes) or the facilitator's own, kept under `agenda` in the `facilitation` root.
 */
import { isFiniteNumber, isPlainObject } from './plainValues'

/** A block of the workshop agenda. `kind` names the SER blocks; custom blocks have a title. */
export interface AgendaBlock {
  id: string
  kind: AgendaBlockKind
  /** Shown instead of the translated kind when set (custom or renamed blocks). */
  title: string
  minutes: number
}

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
  { id: 'phase-1', kind: 'phase-1', title: '', minutes: 55 },
  { id: 'phase-2', kind: 'phase-2', title: '', minutes: 45 },
  { id: 'break', kind: 'break', title: '', minutes: 30 },
  { id: 'phase-3', kind: 'phase-3', title: '', minutes: 55 },
  { id: 'phase-4', kind: 'phase-4', title: '', minutes: 15 },
  { id: 'closing', kind: 'closing', title: '', minutes: 15 },
]

/** The longest block a facilitator can plan, in minutes (ten hours). */
export const MAX_BLOCK_MINUTES = 600

/** Reads the agenda; anything malformed falls back to the manual's agenda. */
export function readAgenda(value: unknown): AgendaBlock[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) return [...DEFAULT_AGENDA]
  const blocks = value.filter(
    (block): block is AgendaBlock =>
      isPlainObject(block) &&
      typeof block.id === 'string' &&
      (AGENDA_BLOCK_KINDS as readonly unknown[]).includes(block.kind) &&
      typeof block.title === 'string' &&
      isFiniteNumber(block.minutes) &&
      block.minutes > 0 &&
      block.minutes <= MAX_BLOCK_MINUTES,
  )
  return blocks.length === value.length ? blocks : [...DEFAULT_AGENDA]
}

/** The agenda with block `blockId` planned for `minutes` (the other blocks as they were). */
export function withBlockMinutes(
  agenda: readonly AgendaBlock[],
  blockId: string,
  minutes: number,
): AgendaBlock[] {
  return agenda.map((block) => (block.id === blockId ? { ...block, minutes } : block))
}
