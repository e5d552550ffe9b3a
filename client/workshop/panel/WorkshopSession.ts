/**
 * What every section of the Workshop tab works with, handed down once by WorkshopPanel
 * through a React context: the editor (for what happens on the canvas), the workshop model
 * (state and actions), the stakeholder records (names), and this person's role.
 */
import { createContext, useContext } from 'react'
import type { Editor } from 'tldraw'
import { type Role, canEditMap, canFacilitate } from '../../../shared/protocol/roles'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import type { WorkshopModel } from '../WorkshopModel'
import type { RolePlayModel } from '../model/RolePlayModel'

/** The Workshop tab's session: what its sections read and act on. */
export interface WorkshopSession {
  editor: Editor
  model: WorkshopModel
  registry: StakeholderRegistry
  role: Role
  /** The role play's cards and this person's own role. */
  rolePlay: RolePlayModel
}

/** Provided by WorkshopPanel. */
export const WorkshopSessionContext = createContext<WorkshopSession | null>(null)

/** The session, with what the role allows: running the session, taking part in it. */
export function useWorkshopSession() {
  const session = useContext(WorkshopSessionContext)
  if (!session) throw new Error('A workshop section was rendered outside WorkshopPanel')
  return {
    ...session,
    facilitator: canFacilitate(session.role),
    participant: canEditMap(session.role),
  }
}
