/**
 * Words for the dialogue records' vocabularies and alerts, in English and Dutch, beside
 * `modelLabels.ts` (which holds the stakeholder model's). The records only hold codes.
 *
 * The Dutch names of the nine elements of the SER dialogue model are our translations of
 * the English names in ../docs/dialogues.md, not checked against the SER's own poster: a
 * trainer may edit the texts shown on the boards.
 */
import type { EngagementStage } from '../dialogue/EngagementStage'
import type { DialogueAlertCode } from '../scoring/dialogueAlerts'
import type {
  BarrierKind,
  CommitmentStatus,
  DefaultEngagementStage,
  DialogueElement,
  DialogueFormat,
  DialoguePlanStatus,
} from '../dialogue/dialogueVocabulary'
import type { LabelLocale } from './modelLabels'

type Labels<K extends string> = Readonly<Record<LabelLocale, Readonly<Record<K, string>>>>

/** Where a dialogue plan stands. */
export const DIALOGUE_PLAN_STATUS_LABELS: Labels<DialoguePlanStatus> = {
  en: { draft: 'Draft', planned: 'Planned', held: 'Held', cancelled: 'Cancelled' },
  nl: { draft: 'Concept', planned: 'Gepland', held: 'Gehouden', cancelled: 'Afgelast' },
}

/** How a dialogue takes place. */
export const DIALOGUE_FORMAT_LABELS: Labels<DialogueFormat> = {
  en: {
    meeting: 'Meeting',
    'site-visit': 'Site visit',
    'focus-group': 'Focus group',
    survey: 'Survey',
    'grievance-channel': 'Grievance channel',
    online: 'Online',
  },
  nl: {
    meeting: 'Bijeenkomst',
    'site-visit': 'Bezoek ter plaatse',
    'focus-group': 'Focusgroep',
    survey: 'Enquête',
    'grievance-channel': 'Klachtenkanaal',
    online: 'Online',
  },
}

/** The default engagement stages (CSDDD art. 13). */
export const ENGAGEMENT_STAGE_LABELS: Labels<DefaultEngagementStage> = {
  en: {
    'identify-assess-prioritise': 'Identifying, assessing and prioritising impacts',
    'action-plans': 'Developing prevention and corrective action plans',
    'suspend-or-end-relationship': 'Deciding to suspend or end a business relationship',
    remediation: 'Remediation',
    'monitoring-indicators': 'Developing monitoring indicators',
  },
  nl: {
    'identify-assess-prioritise': 'Impact identificeren, beoordelen en prioriteren',
    'action-plans': 'Preventie- en correctieve actieplannen opstellen',
    'suspend-or-end-relationship':
      'Besluiten een zakelijke relatie op te schorten of te beëindigen',
    remediation: 'Herstel',
    'monitoring-indicators': 'Indicatoren voor monitoring opstellen',
  },
}

/** Said after a stage a plan still uses but the map's list no longer has. */
export const REMOVED_STAGE_MARK: Readonly<Record<LabelLocale, string>> = {
  en: 'removed from the list',
  nl: 'van de lijst gehaald',
}

/**
 * The words of an engagement stage; null while not decided. With the map's list (`stages`,
 * readEngagementStages): a stage's typed label, or a default stage's own words; a stage
 * removed from the list, or not on it, is marked so. Without it: a default stage's words, and
 * any other code as given.
 */
export function engagementStageLabel(
  locale: LabelLocale,
  stage: string | null,
  stages?: readonly EngagementStage[],
): string | null {
  if (stage === null) return null
  const labels: Readonly<Record<string, string>> = ENGAGEMENT_STAGE_LABELS[locale]
  const own = Object.hasOwn(labels, stage) ? labels[stage]! : stage
  if (stages === undefined) return own
  const listed = stages.find((each) => each.code === stage)
  const words = listed?.label?.trim() || own
  return listed && !listed.removed ? words : `${words} (${REMOVED_STAGE_MARK[locale]})`
}

/** Barriers to taking part. */
export const BARRIER_KIND_LABELS: Labels<BarrierKind> = {
  en: {
    travel: 'Travel',
    literacy: 'Literacy',
    language: 'Language',
    gender: 'Gender',
    'fear-of-retaliation': 'Fear of retaliation',
    'digital-access': 'Digital access',
    'time-and-cost': 'Time and cost',
    other: 'Other',
  },
  nl: {
    travel: 'Reizen',
    literacy: 'Geletterdheid',
    language: 'Taal',
    gender: 'Gender',
    'fear-of-retaliation': 'Angst voor represailles',
    'digital-access': 'Digitale toegang',
    'time-and-cost': 'Tijd en kosten',
    other: 'Overig',
  },
}

/** Where a commitment stands. */
export const COMMITMENT_STATUS_LABELS: Labels<CommitmentStatus> = {
  en: { open: 'Open', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' },
  nl: { open: 'Open', 'in-progress': 'Bezig', done: 'Gedaan', dropped: 'Vervallen' },
}

/** The nine elements of the SER model of meaningful dialogue. */
export const DIALOGUE_ELEMENT_LABELS: Labels<DialogueElement> = {
  en: {
    motivation: 'Motivation',
    commitment: 'Commitment',
    inclusion: 'Inclusion',
    transparency: 'Transparency',
    'personal-contact': 'Personal contact',
    'organising-the-conversation': 'Organising the conversation',
    'internal-processes': 'Internal processes',
    collaboration: 'Collaboration',
    knowledge: 'Knowledge',
  },
  nl: {
    motivation: 'Motivatie',
    commitment: 'Commitment',
    inclusion: 'Inclusie',
    transparency: 'Transparantie',
    'personal-contact': 'Persoonlijk contact',
    'organising-the-conversation': 'Organiseren van het gesprek',
    'internal-processes': 'Interne processen',
    collaboration: 'Samenwerking',
    knowledge: 'Kennis',
  },
}

/** Alerts about the map's dialogue plans. */
export const DIALOGUE_ALERT_LABELS: Labels<DialogueAlertCode> = {
  en: {
    'severely-affected-left-out':
      'Affected stakeholder with a severe impact, invited to no planned dialogue',
    'rightsholders-without-barrier-assessment':
      'Plan for rightsholders without an assessment of barriers to taking part',
    'rightsholders-without-safety-assessment':
      'Plan for rightsholders without an assessment of their safety and confidentiality',
    'no-feedback-step': 'No step planned to let the stakeholders hear back',
  },
  nl: {
    'severely-affected-left-out':
      'Geraakte stakeholder met een ernstige impact, voor geen enkele geplande dialoog uitgenodigd',
    'rightsholders-without-barrier-assessment':
      'Plan voor rechthebbenden zonder inschatting van drempels om mee te doen',
    'rightsholders-without-safety-assessment':
      'Plan voor rechthebbenden zonder inschatting van hun veiligheid en vertrouwelijkheid',
    'no-feedback-step':
      'Geen stap gepland waarin de stakeholders horen wat er met hun inbreng is gedaan',
  },
}
