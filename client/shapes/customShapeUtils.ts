import type { Signal } from 'tldraw'
import type { CardDecoration } from '../workshop/WorkshopModel'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { ChecklistItemShapeUtil } from './checklist-item/ChecklistItemShapeUtil'
import { MatrixShapeUtil } from './influence-impact-matrix/MatrixShapeUtil'
import { SalienceDiagramShapeUtil } from './salience-diagram/SalienceDiagramShapeUtil'
import { StakeholderCardShapeUtil } from './stakeholder-card/StakeholderCardShapeUtil'

/** The product's own shapes, with the stakeholder cards bound to one map's records. */
export function customShapeUtils(
  registry: StakeholderRegistry,
  decorations: Signal<Map<string, CardDecoration>> | null = null,
) {
  return [
    StakeholderCardShapeUtil.configure({ registry, decorations }),
    MatrixShapeUtil,
    SalienceDiagramShapeUtil,
    ChecklistItemShapeUtil,
  ] as const
}
