/**
 * Phase 2's worksheet as the board shows it: the dialogue plan's fields grouped in the order
 * a group works through them — what and why, who takes part, which step, how and where,
 * barriers and safety, what is shared beforehand, who speaks for the company, and how the
 * stakeholders hear back. The questions follow the OECD guidance on meaningful engagement
 * and CSDDD art. 13 (docs/dialogues.md): the SER worksheet's own questions are not in this
 * repository. The filled-in example (exampleWorksheet.ts) uses the same sections.
 */
import type { DialoguePlanColumn } from '../labels/dialogueFieldLabels'

/** The sections of the worksheet, in order. */
export const WORKSHEET_SECTIONS = [
  'goal',
  'who',
  'step',
  'how',
  'barriers',
  'information',
  'company',
  'followUp',
] as const
/** One section of the worksheet. */
export type WorksheetSection = (typeof WORKSHEET_SECTIONS)[number]

/** The plan's fields in each section, in the order they are filled in. */
export const WORKSHEET_SECTION_FIELDS: Readonly<
  Record<WorksheetSection, readonly DialoguePlanColumn[]>
> = {
  goal: ['goal', 'whyNow'],
  who: ['invited'],
  step: ['dueDiligenceStep', 'engagementStage'],
  how: ['format', 'place', 'date', 'language', 'interpretation'],
  barriers: ['barriers', 'barrierAssessment', 'safety'],
  information: ['informationBeforehand', 'informationForm'],
  company: ['companyAttendees', 'companyMandate'],
  followUp: ['inputUse', 'feedback'],
}
