import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { MatrixShapeUtil } from './influence-impact-matrix/MatrixShapeUtil'
import { SalienceDiagramShapeUtil } from './salience-diagram/SalienceDiagramShapeUtil'
import { StakeholderCardShapeUtil } from './stakeholder-card/StakeholderCardShapeUtil'

/** The product's own shapes, with the stakeholder cards bound to one map's records. */
export function customShapeUtils(registry: StakeholderRegistry) {
  return [
    StakeholderCardShapeUtil.configure({ registry }),
    MatrixShapeUtil,
    SalienceDiagramShapeUtil,
  ] as const
}
