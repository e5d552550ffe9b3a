/**
 * Checks the map's dialogue plans against what meaningful engagement needs, like the
 * salience alerts of `engagementAlerts.ts` do for one stakeholder. Alerts are codes with
 * parameters; the client translates them (`DIALOGUE_ALERT_LABELS`). All are warnings:
 * - `severely-affected-left-out`: an affected stakeholder with a severe impact
 *   (`isSevereImpact`) invited to no dialogue that is planned (any plan but a cancelled one
 *   counts, drafts too: phase 2's worksheet is a draft). The most severely affected are
 *   engaged first (OECD).
 * - `rightsholders-without-barrier-assessment` / `rightsholders-without-safety-assessment`:
 *   a plan inviting affected stakeholders (themselves or through a representative) with no
 *   barrier listed and no barrier assessment written, or no safety assessment.
 * - `no-feedback-step`: a plan that does not say how the stakeholders hear back.
 */
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import type { Stakeholder } from '../stakeholder/Stakeholder'
import { impactSeverity, isSevereImpact } from './impactSeverity'
import type { SeverityOptions } from './impactSeverity'
import { prioritiseImpacts } from './prioritiseImpacts'
import type { ReasonParams } from './prioritiseStakeholders'

/** Every dialogue alert code; alerts are returned in this order. */
export const DIALOGUE_ALERT_CODES = [
  'severely-affected-left-out',
  'rightsholders-without-barrier-assessment',
  'rightsholders-without-safety-assessment',
  'no-feedback-step',
] as const
/** See {@link DIALOGUE_ALERT_CODES}. */
export type DialogueAlertCode = (typeof DIALOGUE_ALERT_CODES)[number]

/** One finding: about a stakeholder (`stakeholderId`) or about a plan (`planId`). */
export interface DialogueAlert {
  code: DialogueAlertCode
  level: 'warning'
  /** `stakeholderId` and `impactId`, or `planId`. */
  params: ReasonParams
}

/** The fields of a stakeholder the checks read. */
export type DialogueAlertStakeholder = Pick<Stakeholder, 'id' | 'affected' | 'impacts'>

function isBlank(text: string): boolean {
  return text.trim() === ''
}

/** True for a plan that counts as a planned dialogue. */
function isPlanned(plan: Pick<DialoguePlan, 'status'>): boolean {
  return plan.status !== 'cancelled'
}

/** The alerts of the map's plans, in {@link DIALOGUE_ALERT_CODES} order, then map order. */
export function dialogueAlerts(
  plans: readonly DialoguePlan[],
  stakeholders: readonly DialogueAlertStakeholder[],
  options: SeverityOptions = {},
): DialogueAlert[] {
  const found: DialogueAlert[] = []
  const add = (code: DialogueAlertCode, params: ReasonParams) =>
    found.push({ code, level: 'warning', params })
  const planned = plans.filter(isPlanned)
  const invited = new Set(planned.flatMap((plan) => plan.invited.map((i) => i.stakeholderId)))
  const affected = new Set(stakeholders.filter((s) => s.affected).map((s) => s.id))

  for (const stakeholder of stakeholders) {
    if (!stakeholder.affected || invited.has(stakeholder.id)) continue
    const [top] = prioritiseImpacts(stakeholder.impacts)
    if (top === undefined || !isSevereImpact(top, options)) continue
    add('severely-affected-left-out', {
      stakeholderId: stakeholder.id,
      impactId: top.id,
      severity: impactSeverity(top).max ?? 0,
    })
  }
  const forRightsholders = planned.filter((plan) =>
    plan.invited.some((invitation) => affected.has(invitation.stakeholderId)),
  )
  for (const plan of forRightsholders) {
    if (plan.barriers.length === 0 && isBlank(plan.barrierAssessment)) {
      add('rightsholders-without-barrier-assessment', { planId: plan.id })
    }
  }
  for (const plan of forRightsholders) {
    if (isBlank(plan.safety)) add('rightsholders-without-safety-assessment', { planId: plan.id })
  }
  for (const plan of planned) {
    if (isBlank(plan.feedback)) add('no-feedback-step', { planId: plan.id })
  }
  return found
}
