/** The stakeholder card selected alone on the canvas, which spotlight and scoring act on. */
import { useValue } from 'tldraw'
import { isStakeholderCard } from '../../canvas/boardActions'
import type { StakeholderCardShape } from '../../shapes/stakeholder-card/stakeholderCardShape'
import { useWorkshopSession } from './WorkshopSession'

/** The only selected shape when it is a stakeholder card; null otherwise. */
export function useSelectedCard(): StakeholderCardShape | null {
  const { editor } = useWorkshopSession()
  return useValue(
    'selected card',
    () => {
      const only = editor.getOnlySelectedShape()
      return isStakeholderCard(only) ? only : null
    },
    [editor],
  )
}
