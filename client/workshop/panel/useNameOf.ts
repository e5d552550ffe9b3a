/**
 * The names of the people in this session by their server-known id (a role card's holder,
 * a round's observer), as everyone sees them; "(not here)" for someone not seen.
 */
import { useValue } from 'tldraw'
import { useTranslation } from '../../i18n/useTranslation'
import { shownName } from '../../user/displayName'
import { participantIdOf } from '../model/ParticipantsModel'
import { useWorkshopSession } from './WorkshopSession'

export function useNameOf(): (id: string) => string {
  const { t } = useTranslation()
  const { model } = useWorkshopSession()
  const participants = useValue('participants', () => model.participants.get(), [model])
  const names = new Map(
    participants.map((each) => [participantIdOf(each.userId), shownName(each.name, t)]),
  )
  return (id) => names.get(id) ?? t('workshop.roles.absent')
}
