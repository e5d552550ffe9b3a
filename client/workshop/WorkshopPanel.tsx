/**
 * The Workshop tab: what participants do and the facilitator's controls, one section per
 * job (panel/). It hands the editor, the workshop model, the records and the role to the
 * sections once, through WorkshopSession; sections render the model's state and call its
 * actions.
 */
import { useMemo } from 'react'
import { AgendaSection } from './panel/AgendaSection'
import { EvaluationSection } from './panel/EvaluationSection'
import { FollowUpBoardSection } from './panel/FollowUpBoardSection'
import { HandsSection } from './panel/HandsSection'
import { ParticipantsList } from './panel/ParticipantsList'
import { MyRoleCard, RolePlaySection } from './panel/RolePlaySection'
import { MyObserverSheet, RolePlayRoundsSection } from './panel/RolePlayRoundsSection'
import { ScoringSection } from './panel/ScoringSection'
import { TablesSection } from './panel/TablesSection'
import { ViewSection } from './panel/ViewSection'
import { VotingSection } from './panel/VotingSection'
import {
  type WorkshopSession,
  WorkshopSessionContext,
  useWorkshopSession,
} from './panel/WorkshopSession'

/** Everything of the workshop in one panel. */
export function WorkshopPanel({ editor, model, registry, role, rolePlay }: WorkshopSession) {
  const session = useMemo(
    () => ({ editor, model, registry, role, rolePlay }),
    [editor, model, registry, role, rolePlay],
  )
  return (
    <WorkshopSessionContext.Provider value={session}>
      <WorkshopSections />
    </WorkshopSessionContext.Provider>
  )
}

function WorkshopSections() {
  const { facilitator, participant, rolePlay } = useWorkshopSession()
  return (
    <div className="workshop">
      <MyRoleCard rolePlay={rolePlay} />
      <MyObserverSheet rolePlay={rolePlay} />
      {participant && <HandsSection />}
      <AgendaSection />
      {facilitator && <ViewSection />}
      <TablesSection />
      <ScoringSection />
      <VotingSection />
      <RolePlaySection rolePlay={rolePlay} />
      <RolePlayRoundsSection rolePlay={rolePlay} />
      <EvaluationSection />
      <FollowUpBoardSection />
      <ParticipantsList />
    </div>
  )
}
