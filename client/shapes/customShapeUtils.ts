import { type Signal, type TLAnyShapeUtilConstructor, defaultShapeUtils } from 'tldraw'
import type { CardDecoration } from '../workshop/WorkshopModel'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import type { SelfAssessmentRecords } from '../selfAssessment/SelfAssessmentRecords'
import { ChecklistItemShapeUtil } from './checklist-item/ChecklistItemShapeUtil'
import { FrameLettingCardNamesOut } from './cardsOverflowBoards'
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
) {
  return [
    StakeholderCardShapeUtil.configure({ registry, decorations, overdue }),
    MatrixShapeUtil,
    SalienceDiagramShapeUtil,
    ChecklistItemShapeUtil,
    FrameLettingCardNamesOut,
    NoteReadableOnProjector,
    SelfAssessmentBoardShapeUtil.configure({ assessments: selfAssessments }),
  ] as const
}

/** tldraw's shapes with ours, ours replacing tldraw's of the same type (frame, note). */
export function withDefaultShapeUtils(
  custom: readonly TLAnyShapeUtilConstructor[],
): TLAnyShapeUtilConstructor[] {
  const replaced = new Set(custom.map((util) => util.type))
  return [...defaultShapeUtils.filter((util) => !replaced.has(util.type)), ...custom]
}
