import { type Signal, type TLAnyShapeUtilConstructor, defaultShapeUtils } from 'tldraw'
import type { CardDecoration } from '../workshop/WorkshopModel'
import type { DialogueRecords } from '../dialogues/DialogueRecords'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import type { SelfAssessmentRecords } from '../selfAssessment/SelfAssessmentRecords'
import type { FollowUpStepsModel } from '../workshop/model/FollowUpStepsModel'
import type { Phase2BoardModel } from '../workshop/model/Phase2BoardModel'
import { CaseCardShapeUtil } from './case-card/CaseCardShapeUtil'
import { DialogueWorksheetShapeUtil } from './dialogue-worksheet/DialogueWorksheetShapeUtil'
import { ExampleWorksheetShapeUtil } from './example-worksheet/ExampleWorksheetShapeUtil'
import { ChecklistItemShapeUtil } from './checklist-item/ChecklistItemShapeUtil'
import { FrameLettingCardNamesOut } from './cardsOverflowBoards'
import {
  type FollowedEvaluationRound,
  FollowUpRecordsShapeUtil,
} from './follow-up-records/FollowUpRecordsShapeUtil'
import { MatrixShapeUtil } from './influence-impact-matrix/MatrixShapeUtil'
import { NoteReadableOnProjector } from './note/NoteReadableOnProjector'
import { SalienceDiagramShapeUtil } from './salience-diagram/SalienceDiagramShapeUtil'
import { SelfAssessmentBoardShapeUtil } from './self-assessment-board/SelfAssessmentBoardShapeUtil'
import { StakeholderCardShapeUtil } from './stakeholder-card/StakeholderCardShapeUtil'

/** The product's own shapes, with the stakeholder cards bound to one map's records. */
export function customShapeUtils(
  registry: StakeholderRegistry,
  decorations: Signal<Map<string, CardDecoration>> | null = null,
  overdue: Signal<ReadonlyMap<string, number>> | null = null,
  selfAssessments: SelfAssessmentRecords | null = null,
  /** The dialogue records the follow-up board and phase 2's worksheets read; null: none. */
  dialogues: DialogueRecords | null = null,
  /** The open evaluation round and how many have scored, for the follow-up board. */
  evaluationRound: Signal<FollowedEvaluationRound | null> | null = null,
  /** Phase 2's case card and example; null: the case card shows no case. */
  phase2: Phase2BoardModel | null = null,
  /** The follow-up board's steps' wording; null: the checklist items' own text. */
  followUpSteps: FollowUpStepsModel | null = null,
) {
  return [
    StakeholderCardShapeUtil.configure({ registry, decorations, overdue }),
    MatrixShapeUtil,
    SalienceDiagramShapeUtil,
    ChecklistItemShapeUtil.configure({ followUpSteps }),
    FrameLettingCardNamesOut,
    NoteReadableOnProjector,
    SelfAssessmentBoardShapeUtil.configure({ assessments: selfAssessments }),
    FollowUpRecordsShapeUtil.configure({ registry, dialogues, evaluationRound }),
    DialogueWorksheetShapeUtil.configure({ dialogues, registry }),
    CaseCardShapeUtil.configure({ phase2 }),
    ExampleWorksheetShapeUtil.configure({ phase2 }),
  ] as const
}

/** tldraw's shapes with ours, ours replacing tldraw's of the same type (frame, note). */
export function withDefaultShapeUtils(
  custom: readonly TLAnyShapeUtilConstructor[],
): TLAnyShapeUtilConstructor[] {
  const replaced = new Set(custom.map((util) => util.type))
  return [...defaultShapeUtils.filter((util) => !replaced.has(util.type)), ...custom]
}
