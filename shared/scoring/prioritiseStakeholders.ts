/**
 * Engagement order for a map, following the OECD guidance: the most severely affected are
 * engaged first, not the most influential. Salience only orders stakeholders whose
 * severity is equal, and the stakeholders who are not affected.
 *
 * Tiers, in order:
 * 1. `affected-severe`: affected stakeholders with at least one severe impact.
 * 2. `affected`: other affected stakeholders (minor impacts, impacts not yet assessed, or
 *    none recorded: they are still rightsholders whose impacts must be identified).
 * 3. `represents-affected`: legitimate representatives of affected stakeholders on the map
 *    (unions, NGOs), ordered by the severity of those they speak for.
 * 4. `other`: other relevant stakeholders.
 * Within a tier: severity of the most severe impact (own, or the represented's in tier 3),
 * then vulnerable before not vulnerable, then salience score, then input order.
 */
import type { Stakeholder } from '../stakeholder/Stakeholder'
import type { SalienceOptions } from './classifySalience'
import { DEFAULT_SEVERE_THRESHOLD, compareImpactSeverity, impactSeverity } from './impactSeverity'
import type { ImpactSeverity, SeverityOptions } from './impactSeverity'
import { prioritiseImpacts } from './prioritiseImpacts'
import { salienceAssessment } from './salienceAssessment'
import type { SalienceAssessment } from './salienceAssessment'
import { salienceScore } from './salienceScore'

/** The fields of a stakeholder that prioritisation reads. */
export type PrioritisableStakeholder = Pick<
  Stakeholder,
  'id' | 'affected' | 'vulnerable' | 'represents' | 'impacts' | 'power' | 'legitimacy' | 'urgency'
>

/** Priority tiers, first engaged first. */
export const PRIORITY_TIERS = [
  'affected-severe',
  'affected',
  'represents-affected',
  'other',
] as const
/** See {@link PRIORITY_TIERS}. */
export type PriorityTier = (typeof PRIORITY_TIERS)[number]

/** Machine-readable reasons; the client translates them. */
export const PRIORITY_REASON_CODES = [
  'affected-severe-impact',
  'affected-impact',
  'affected-impacts-unassessed',
  'affected-no-impacts-recorded',
  'represents-affected',
  'not-affected',
  'vulnerable',
  'salience',
] as const
/** See {@link PRIORITY_REASON_CODES}. */
export type PriorityReasonCode = (typeof PRIORITY_REASON_CODES)[number]

/** Values a reason or alert may carry for the translated message. */
export type ReasonParams = Readonly<
  Record<string, string | number | boolean | null | readonly string[] | SalienceAssessment>
>

/** Why a stakeholder is where it is. */
export interface PriorityReason {
  code: PriorityReasonCode
  params: ReasonParams
}

/** One stakeholder in the engagement order. */
export interface PrioritisedStakeholder<T extends PrioritisableStakeholder> {
  stakeholder: T
  /** 1 for the first to engage; every rank is unique. */
  rank: number
  tier: PriorityTier
  reasons: PriorityReason[]
}

/** Options for {@link prioritiseStakeholders}. */
export interface PrioritiseOptions extends SalienceOptions, SeverityOptions {}

interface Entry<T extends PrioritisableStakeholder> {
  stakeholder: T
  index: number
  tier: PriorityTier
  severity: ImpactSeverity | null
  salience: number
  reasons: PriorityReason[]
}

/** The most severe impact of a stakeholder with its severity, if any impact is recorded. */
function topImpact(stakeholder: PrioritisableStakeholder) {
  const [impact] = prioritiseImpacts(stakeholder.impacts)
  return impact === undefined ? undefined : { impact, severity: impactSeverity(impact) }
}

function severityParams(id: string, severity: ImpactSeverity): ReasonParams {
  return { impactId: id, max: severity.max, sum: severity.sum, likelihood: severity.likelihood }
}

function compareEntries<T extends PrioritisableStakeholder>(a: Entry<T>, b: Entry<T>): number {
  const tier = PRIORITY_TIERS.indexOf(a.tier) - PRIORITY_TIERS.indexOf(b.tier)
  if (tier !== 0) return tier
  if (a.severity !== null || b.severity !== null) {
    if (a.severity === null) return 1
    if (b.severity === null) return -1
    const severity = compareImpactSeverity(a.severity, b.severity)
    if (severity !== 0) return severity
  }
  const vulnerable = Number(b.stakeholder.vulnerable) - Number(a.stakeholder.vulnerable)
  return vulnerable || b.salience - a.salience || a.index - b.index
}

/**
 * The stakeholders in engagement order with their rank, tier and reasons. The input is
 * not changed; see the module comment for the ordering.
 */
export function prioritiseStakeholders<T extends PrioritisableStakeholder>(
  stakeholders: readonly T[],
  options: PrioritiseOptions = {},
): PrioritisedStakeholder<T>[] {
  const severeThreshold = options.severeThreshold ?? DEFAULT_SEVERE_THRESHOLD
  const byId = new Map<string, T>()
  for (const stakeholder of stakeholders) {
    if (!byId.has(stakeholder.id)) byId.set(stakeholder.id, stakeholder)
  }

  const entries = stakeholders.map((stakeholder, index): Entry<T> => {
    const reasons: PriorityReason[] = []
    let tier: PriorityTier = 'other'
    let severity: ImpactSeverity | null = null
    if (stakeholder.affected) {
      const top = topImpact(stakeholder)
      if (top === undefined) {
        tier = 'affected'
        reasons.push({ code: 'affected-no-impacts-recorded', params: {} })
      } else if (top.severity.max === null) {
        tier = 'affected'
        severity = top.severity
        reasons.push({
          code: 'affected-impacts-unassessed',
          params: { count: stakeholder.impacts.length },
        })
      } else {
        const severe = top.severity.max >= severeThreshold
        tier = severe ? 'affected-severe' : 'affected'
        severity = top.severity
        reasons.push({
          code: severe ? 'affected-severe-impact' : 'affected-impact',
          params: severityParams(top.impact.id, top.severity),
        })
      }
    } else {
      const represented = stakeholder.represents
        .map((id) => byId.get(id))
        .filter((other): other is T => other !== undefined && other.affected)
      if (represented.length > 0) {
        tier = 'represents-affected'
        for (const other of represented) {
          const top = topImpact(other)
          if (top === undefined) continue
          if (severity === null || compareImpactSeverity(top.severity, severity) < 0) {
            severity = top.severity
          }
        }
        reasons.push({
          code: 'represents-affected',
          params: { ids: represented.map((other) => other.id) },
        })
      } else {
        reasons.push({ code: 'not-affected', params: {} })
      }
    }
    if (stakeholder.vulnerable) reasons.push({ code: 'vulnerable', params: {} })
    const salience = salienceScore(stakeholder, options)
    reasons.push({
      code: 'salience',
      params: { salience: salienceAssessment(stakeholder, options), score: salience },
    })
    return { stakeholder, index, tier, severity, salience, reasons }
  })

  return entries.sort(compareEntries).map((entry, position) => ({
    stakeholder: entry.stakeholder,
    rank: position + 1,
    tier: entry.tier,
    reasons: entry.reasons,
  }))
}
