/**
 * Reads and changes a map's list of engagement stages in its `engagementStages` root
 * (shared/dialogue/EngagementStage.ts): the defaults, overlaid with what the map stores
 * (a rename, a removal, a stage of its own). Reading migrates and validates each stored
 * value and skips what does not pass; writing sets one stage's value whole.
 */
import type * as Y from 'yjs'
import {
  ENGAGEMENT_STAGE_LIMITS,
  ENGAGEMENT_STAGE_SCHEMA_VERSION,
  type EngagementStage,
  type StoredEngagementStage,
  isEngagementStageCode,
} from '../dialogue/EngagementStage'
import { DEFAULT_ENGAGEMENT_STAGES } from '../dialogue/dialogueVocabulary'
import { migrateEngagementStage } from '../dialogue/migrateDialogueRecords'
import { ENGAGEMENT_STAGES_MAP } from './mapDocumentLayout'

/** The root Y.Map of the stages. */
export function engagementStagesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ENGAGEMENT_STAGES_MAP)
}

const DEFAULTS: readonly string[] = DEFAULT_ENGAGEMENT_STAGES

/** Every stage of the map, removed ones included, in list order. */
export function readEngagementStages(doc: Y.Doc): EngagementStage[] {
  const stored = new Map(Object.entries(storedEngagementStages(doc)))
  const stages: EngagementStage[] = DEFAULTS.map((code, order) => {
    const own = stored.get(code)
    return {
      code,
      label: own?.label ?? null,
      builtIn: true,
      order: own?.order ?? order,
      removed: own?.removed ?? false,
    }
  })
  for (const [code, own] of stored) {
    if (DEFAULTS.includes(code)) continue
    stages.push({
      code,
      label: own.label ?? '',
      builtIn: false,
      order: own.order,
      removed: own.removed,
    })
  }
  return stages.sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : 1))
}

/** What the map stores of its stages, valid ones only, by code (the map file's copy). */
export function storedEngagementStages(doc: Y.Doc): Record<string, StoredEngagementStage> {
  const stored: Record<string, StoredEngagementStage> = {}
  engagementStagesMap(doc).forEach((value, code) => {
    if (!isEngagementStageCode(code)) return
    const read = migrateEngagementStage(value)
    if (read.ok) stored[code] = read.value
  })
  return stored
}

/** Writes stored stages as they are (an imported map file's), by code. */
export function writeStoredEngagementStages(
  doc: Y.Doc,
  stages: Readonly<Record<string, StoredEngagementStage>>,
  origin?: unknown,
): void {
  const root = engagementStagesMap(doc)
  doc.transact(() => {
    for (const [code, stage] of Object.entries(stages)) root.set(code, stage)
  }, origin)
}

/** Why a change of the list was not made. */
export type EngagementStageRefusal = 'too-many' | 'no-such-stage'

/** Outcome of a change of the list. */
export type EngagementStageChange =
  { ok: true; code: string } | { ok: false; reason: EngagementStageRefusal }

function store(doc: Y.Doc, stage: EngagementStage, origin: unknown): void {
  const value: StoredEngagementStage = {
    schemaVersion: ENGAGEMENT_STAGE_SCHEMA_VERSION,
    label: stage.label,
    order: stage.order,
    removed: stage.removed,
  }
  doc.transact(() => engagementStagesMap(doc).set(stage.code, value), origin)
}

function changed(
  doc: Y.Doc,
  code: string,
  change: (stage: EngagementStage) => EngagementStage,
  origin: unknown,
): EngagementStageChange {
  const stage = readEngagementStages(doc).find((each) => each.code === code)
  if (!stage) return { ok: false, reason: 'no-such-stage' }
  store(doc, change(stage), origin)
  return { ok: true, code }
}

/** Adds a stage of the map's own, labelled `label`, at the end; answers its code. */
export function addEngagementStage(
  doc: Y.Doc,
  label: string,
  code: string,
  origin?: unknown,
): EngagementStageChange {
  const stages = readEngagementStages(doc)
  const order = Math.max(-1, ...stages.map((stage) => stage.order)) + 1
  if (stages.length >= ENGAGEMENT_STAGE_LIMITS.stages + DEFAULTS.length) {
    return { ok: false, reason: 'too-many' }
  }
  if (order > ENGAGEMENT_STAGE_LIMITS.order) return { ok: false, reason: 'too-many' }
  const trimmed = label.slice(0, ENGAGEMENT_STAGE_LIMITS.label)
  store(doc, { code, label: trimmed, builtIn: false, order, removed: false }, origin)
  return { ok: true, code }
}

/**
 * Renames a stage. An empty label gives a default stage back its own words (in English and
 * Dutch); a stage of the map's own keeps the empty label (it is being typed).
 */
export function renameEngagementStage(
  doc: Y.Doc,
  code: string,
  label: string,
  origin?: unknown,
): EngagementStageChange {
  const words = label.slice(0, ENGAGEMENT_STAGE_LIMITS.label)
  return changed(
    doc,
    code,
    (stage) => ({ ...stage, label: stage.builtIn && words.trim() === '' ? null : words }),
    origin,
  )
}

/** Takes a stage off the list (`removed`), or back on it; plans using it keep it. */
export function setEngagementStageRemoved(
  doc: Y.Doc,
  code: string,
  removed: boolean,
  origin?: unknown,
): EngagementStageChange {
  return changed(doc, code, (stage) => ({ ...stage, removed }), origin)
}
