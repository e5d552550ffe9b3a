import { type Signal, type TLAnyShapeUtilConstructor, defaultShapeUtils } from 'tldraw'
import type { CardDecoration } from '../workshop/WorkshopModel'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import type { DialogueRecords } from '../dialogues/DialogueRecords'
import type { Phase2BoardModel } from '../workshop/model/Phase2BoardModel'
import { CaseCardShapeUtil } from './case-card/CaseCardShapeUtil'
import { DialogueWorksheetShapeUtil } from './dialogue-worksheet/DialogueWorksheetShapeUtil'
import { ExampleWorksheetShapeUtil } from './example-worksheet/ExampleWorksheetShapeUtil'
import { ChecklistItemShapeUtil } from './checklist-item/ChecklistItemShapeUtil'
import { FrameLettingCardNamesOut } from './cardsOverflowBoards'
import { MatrixShapeUtil } from './influence-impact-matrix/MatrixShapeUtil'
import { NoteReadableOnProjector } from './note/NoteReadableOnProjector'
import { SalienceDiagramShapeUtil } from './salience-diagram/SalienceDiagramShapeUtil'
import { StakeholderCardShapeUtil } from './stakeholder-card/StakeholderCardShapeUtil'

/** What the boards' shapes show: the map's dialogue records and phase 2's case card. */
export interface BoardRecords {
  dialogues: DialogueRecords | null
  phase2: Phase2BoardModel | null
}

/** The product's own shapes, with the stakeholder cards bound to one map's records. */
export function customShapeUtils(
  registry: StakeholderRegistry,
  decorations: Signal<Map<string, CardDecoration>> | null = null,
  overdue: Signal<ReadonlyMap<string, number>> | null = null,
  boards: BoardRecords = { dialogues: null, phase2: null },
) {
  return [
    StakeholderCardShapeUtil.configure({ registry, decorations, overdue }),
    MatrixShapeUtil,
    SalienceDiagramShapeUtil,
    ChecklistItemShapeUtil,
    FrameLettingCardNamesOut,
    NoteReadableOnProjector,
    DialogueWorksheetShapeUtil.configure({ dialogues: boards.dialogues, registry }),
    CaseCardShapeUtil.configure({ phase2: boards.phase2 }),
    ExampleWorksheetShapeUtil.configure({ phase2: boards.phase2 }),
  ] as const
}

/** tldraw's shapes with ours, ours replacing tldraw's of the same type (frame, note). */
export function withDefaultShapeUtils(
  custom: readonly TLAnyShapeUtilConstructor[],
): TLAnyShapeUtilConstructor[] {
  const replaced = new Set(custom.map((util) => util.type))
  return [...defaultShapeUtils.filter((util) => !replaced.has(util.type)), ...custom]
}
