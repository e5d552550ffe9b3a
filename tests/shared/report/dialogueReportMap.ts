/**
 * Dialogue records for the report tests, beside the rich stakeholders (`richMap.ts`, whose
 * report is made on 12 May 2026): a planned dialogue inviting the farmers and, through the
 * union, the bank; a held one; a confidential plan with a commitment and an evaluation of
 * its own; commitments overdue, not yet due, done and dropped; and an evaluation with
 * disagreement on one element. The texts are Dutch, as a Dutch map's would be.
 */
import { aggregateElementRatings } from '../../../shared/dialogue/aggregateElementRatings'
import {
  createCommitment,
  createDialogueEvaluation,
  createDialoguePlan,
} from '../../../shared/dialogue/createDialogueRecords'
import type { ReportInput } from '../../../shared/report/renderReport'

const CREATED = '2026-03-01T09:00:00.000Z'

/** Title of the confidential plan: must not be printed unless asked for. */
export const CONFIDENTIAL_PLAN_TITLE = 'Gesprek met klokkenluiders plantage Kumasi'
/** What the commitment made in the confidential plan says. */
export const CONFIDENTIAL_PROMISE = 'Verhuizing van twee gezinnen betalen'
/** Why the dropped commitment was dropped. */
export const DROPPED_REASON = 'De coöperatie regelt het vervoer nu zelf'

/** The report input's dialogue records. */
export function reportDialogues(): Pick<
  ReportInput,
  'dialoguePlans' | 'commitments' | 'dialogueEvaluations'
> {
  const planned = createDialoguePlan(
    {
      id: 'plan-premium',
      title: 'Premie en leefbaar inkomen',
      status: 'planned',
      goal: 'Horen wat een leefbaar inkomen is voor de boeren',
      whyNow: 'Nieuwe premieregeling volgend seizoen',
      invited: [
        { stakeholderId: 'sh-farmers', representedBy: null },
        { stakeholderId: 'sh-bank', representedBy: 'sh-union' },
      ],
      dueDiligenceStep: 'identify-assess',
      engagementStage: 'identify-assess-prioritise',
      format: 'site-visit',
      place: 'Kumasi, dorpshuis',
      date: '2026-06-10',
      language: 'Twi, Engels',
      interpretation: 'Twi–Engels door de secretaris van de coöperatie',
      barriers: [
        {
          kind: 'travel',
          description: 'Boeren kunnen in de oogsttijd niet naar de stad',
          howLowered: 'In het dorp, na het werk',
        },
        { kind: 'gender', description: 'Vrouwen spreken niet in gemengde groepen', howLowered: '' },
      ],
      safety: 'Geen namen in het verslag; de inkoper is niet bij de sessie van de plukkers',
      confidentiality: 'internal',
      informationBeforehand: 'Samenvatting van de premieregeling',
      informationForm: 'Gedrukt, voorgelezen in het Twi',
      companyAttendees: 'Duurzaamheidsmanager, inkoper',
      companyMandate: 'Mag een vervolgbezoek toezeggen, geen prijzen',
      inputUse: 'Voedt het ontwerp van de premie',
      feedback: '',
    },
    { now: CREATED },
  )
  const held = createDialoguePlan(
    {
      id: 'plan-visit',
      title: 'Eerste kennismaking',
      status: 'held',
      goal: 'Kennismaken en zorgen ophalen',
      invited: [{ stakeholderId: 'sh-farmers', representedBy: null }],
      dueDiligenceStep: 'identify-assess',
      format: 'meeting',
      place: 'Kumasi',
      date: '2026-03-20',
      barrierAssessment: 'Bijeenkomst in het dorp',
      safety: 'Alleen groepsuitspraken vastgelegd',
      informationBeforehand: 'Wie wij zijn en wat we kopen',
      companyAttendees: 'Duurzaamheidsmanager',
      inputUse: 'Risicoanalyse bijgewerkt',
      feedback: 'Brief in april',
    },
    { now: CREATED },
  )
  const secret = createDialoguePlan(
    {
      id: 'plan-secret',
      title: CONFIDENTIAL_PLAN_TITLE,
      status: 'planned',
      invited: [{ stakeholderId: 'sh-farmers', representedBy: null }],
      safety: 'Namen alleen bij de duurzaamheidsmanager',
      confidentiality: 'confidential',
      feedback: 'Persoonlijk, via de vakbond',
      date: '2026-05-30',
    },
    { now: CREATED },
  )
  const commitments = [
    createCommitment(
      {
        id: 'commit-later',
        stakeholderId: 'sh-union',
        dialogueId: 'plan-premium',
        what: 'Verslag van de dialoog delen',
        owner: 'Duurzaamheidsmanager',
        dueDate: '2026-07-01',
      },
      { now: CREATED },
    ),
    createCommitment(
      {
        id: 'commit-dropped',
        stakeholderId: 'sh-farmers',
        dialogueId: 'plan-visit',
        what: 'Vervoer naar de bijeenkomst regelen',
        owner: 'Inkoper',
        dueDate: '2026-04-01',
        status: 'dropped',
        droppedReason: DROPPED_REASON,
      },
      { now: CREATED },
    ),
    createCommitment(
      {
        id: 'commit-done',
        stakeholderId: 'sh-farmers',
        dialogueId: 'plan-visit',
        what: 'Brief met de uitkomsten sturen',
        owner: 'Duurzaamheidsmanager',
        dueDate: '2026-04-15',
        status: 'done',
        evidence: 'Brief van 12 april',
      },
      { now: CREATED },
    ),
    createCommitment(
      {
        id: 'commit-overdue',
        stakeholderId: 'sh-farmers',
        dialogueId: 'plan-visit',
        what: 'Premieberekening delen',
        owner: 'Inkoper cacao',
        dueDate: '2026-05-01',
        status: 'in-progress',
      },
      { now: CREATED },
    ),
    createCommitment(
      {
        id: 'commit-secret',
        stakeholderId: 'sh-farmers',
        dialogueId: 'plan-secret',
        what: CONFIDENTIAL_PROMISE,
        dueDate: '2026-06-30',
      },
      { now: CREATED },
    ),
  ]
  const results = aggregateElementRatings([
    { motivation: 4, inclusion: 1, transparency: 3 },
    { motivation: 4, inclusion: 4, transparency: 3.5 },
    { motivation: 5, inclusion: 5 },
  ])
  const evaluations = [
    createDialogueEvaluation(
      {
        id: 'eval-visit',
        dialogueId: 'plan-visit',
        date: '2026-03-21',
        elements: {
          motivation: { result: results.motivation, notes: 'Duidelijk waarom we kwamen' },
          inclusion: { result: results.inclusion, notes: 'Vrouwen spraken nauwelijks' },
          transparency: { result: results.transparency, notes: '' },
        },
        notes: 'Eerste evaluatie, met de coöperatie',
        stakeholderRemarks: 'Kom terug met cijfers',
      },
      { now: CREATED },
    ),
    createDialogueEvaluation(
      {
        id: 'eval-secret',
        dialogueId: 'plan-secret',
        date: '2026-05-31',
        notes: 'Over de klokkenluiders',
      },
      { now: CREATED },
    ),
  ]
  return { dialoguePlans: [planned, held, secret], commitments, dialogueEvaluations: evaluations }
}
