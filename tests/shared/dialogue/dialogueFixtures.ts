/** A filled-in dialogue plan, commitment and evaluation for the dialogue tests. */
import { aggregateElementRatings } from '../../../shared/dialogue/aggregateElementRatings'
import {
  createCommitment,
  createDialogueEvaluation,
  createDialoguePlan,
} from '../../../shared/dialogue/createDialogueRecords'

export const NOW = '2026-03-02T09:30:00.000Z'

export const plan = () =>
  createDialoguePlan(
    {
      id: 'plan-soubre',
      title: 'Living income, cooperative Soubré',
      status: 'planned',
      goal: 'Hear what a living income means for the farmers',
      whyNow: 'New premium scheme next season',
      invited: [
        { stakeholderId: 'sh-farmers', representedBy: null },
        { stakeholderId: 'sh-pickers', representedBy: 'sh-union' },
      ],
      dueDiligenceStep: 'identify-assess',
      engagementStage: 'identify-assess-prioritise',
      format: 'site-visit',
      place: 'Soubré',
      date: '2026-04-14',
      language: 'French, Baoulé',
      interpretation: 'Baoulé–French by the cooperative’s secretary',
      barriers: [
        {
          kind: 'travel',
          description: 'Farmers cannot leave the harvest',
          howLowered: 'Meeting in the village after work',
        },
      ],
      barrierAssessment: '',
      safety: 'No names in the minutes; buyer not present in the pickers’ session',
      confidentiality: 'internal',
      informationBeforehand: 'Summary of the premium scheme',
      informationForm: 'Printed, read out in Baoulé',
      companyAttendees: 'Sustainability manager, buyer',
      companyMandate: 'May promise a follow-up visit, not prices',
      inputUse: 'Feeds the premium design',
      feedback: 'Letter and visit within two months',
    },
    { now: NOW },
  )

export const commitment = () =>
  createCommitment(
    {
      id: 'commit-1',
      stakeholderId: 'sh-farmers',
      dialogueId: 'plan-soubre',
      what: 'Share the premium calculation',
      owner: 'Buyer cocoa',
      dueDate: '2026-05-01',
      evidence: '',
    },
    { now: NOW },
  )

export const evaluation = () => {
  const results = aggregateElementRatings([
    { motivation: 4, inclusion: 2 },
    { motivation: 5, inclusion: 5 },
    { motivation: 4 },
  ])
  return createDialogueEvaluation(
    {
      id: 'eval-1',
      dialogueId: 'plan-soubre',
      date: '2026-04-15',
      elements: {
        motivation: { result: results.motivation, notes: 'Clear why we came' },
        inclusion: { result: results.inclusion, notes: 'Women pickers hardly spoke' },
      },
      notes: 'Role play at table 2',
      stakeholderRemarks: 'Come back with numbers',
    },
    { now: NOW },
  )
}
