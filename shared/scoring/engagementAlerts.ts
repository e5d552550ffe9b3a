/**
 * Checks one stakeholder record against what meaningful engagement and a credible
 * due-diligence record need (OECD guidance, CSDDD art. 13). Alerts are codes with
 * parameters; the client translates them. `warning` means the record suggests the
 * engagement itself falls short; `info` means the record is incomplete.
 */
import type { Stakeholder } from '../stakeholder/Stakeholder'
import type { SalienceOptions } from './classifySalience'
import { SALIENCE_ATTRIBUTES } from './classifySalience'
import { engagementQuadrant } from './engagementQuadrant'
import type { QuadrantOptions } from './engagementQuadrant'
import { DEFAULT_SEVERE_THRESHOLD, impactSeverity } from './impactSeverity'
import type { SeverityOptions } from './impactSeverity'
import { prioritiseImpacts } from './prioritiseImpacts'
import type { ReasonParams } from './prioritiseStakeholders'
import { scoreValue } from './scoreValue'

/** Every alert code, warnings first; alerts are returned in this order. */
export const ENGAGEMENT_ALERT_CODES = [
  // Warnings: the engagement itself may fall short.
  'affected-severe-impact-low-impact-score',
  'affected-without-engagement',
  'no-impacts-recorded-for-affected',
  'vulnerable-without-barrier-notes',
  'empower-quadrant-only-informed',
  'representative-without-represented',
  'input-use-not-recorded',
  // Information: the record is incomplete or inconsistent.
  'engagement-without-input',
  'impacts-on-non-affected',
  'impact-severity-not-assessed',
  'impact-likelihood-not-assessed',
  'vulnerable-without-note',
  'salience-not-assessed',
  'salience-partly-assessed',
  'grid-position-not-assessed',
] as const
/** See {@link ENGAGEMENT_ALERT_CODES}. */
export type EngagementAlertCode = (typeof ENGAGEMENT_ALERT_CODES)[number]

/** How serious an alert is. */
export type AlertLevel = 'warning' | 'info'

/** One finding about a stakeholder record. */
export interface EngagementAlert {
  code: EngagementAlertCode
  level: AlertLevel
  params: ReasonParams
}

/** Options for {@link engagementAlerts}. */
export interface AlertOptions extends SalienceOptions, QuadrantOptions, SeverityOptions {
  /**
   * The other stakeholders on the map, to check "represents" links. When left out,
   * `representative-without-represented` is not checked.
   */
  stakeholders?: readonly Pick<Stakeholder, 'id'>[]
}

const FIRST_INFO_CODE = ENGAGEMENT_ALERT_CODES.indexOf('engagement-without-input')

function isBlank(text: string): boolean {
  return text.trim() === ''
}

/** The alerts for one stakeholder, warnings first, in {@link ENGAGEMENT_ALERT_CODES} order. */
export function engagementAlerts(
  stakeholder: Stakeholder,
  options: AlertOptions = {},
): EngagementAlert[] {
  const found: { code: EngagementAlertCode; params: ReasonParams }[] = []
  const add = (code: EngagementAlertCode, params: ReasonParams = {}): void => {
    found.push({ code, params })
  }
  const severeThreshold = options.severeThreshold ?? DEFAULT_SEVERE_THRESHOLD
  const quadrant = engagementQuadrant(stakeholder, options)
  const { log } = stakeholder.engagement

  if (stakeholder.affected) {
    const [top] = prioritiseImpacts(stakeholder.impacts)
    const max = top === undefined ? null : impactSeverity(top).max
    // A severe impact placed low on the impact axis: the grid understates the company's impact.
    if (top !== undefined && max !== null && max >= severeThreshold) {
      if (quadrant === 'monitor' || quadrant === 'keep-satisfied') {
        add('affected-severe-impact-low-impact-score', {
          impactId: top.id,
          severity: max,
          impact: scoreValue(stakeholder.impact),
          quadrant,
        })
      }
    }
    if (log.length === 0)
      add('affected-without-engagement', { status: stakeholder.engagement.status })
    if (stakeholder.impacts.length === 0) add('no-impacts-recorded-for-affected')
  }
  if (stakeholder.vulnerable && log.every((entry) => isBlank(entry.barrierMeasures))) {
    add('vulnerable-without-barrier-notes')
  }
  // One-way information is not engagement for those the company affects most.
  if (quadrant === 'empower' && stakeholder.engagement.intendedLevel === 'inform') {
    add('empower-quadrant-only-informed')
  }
  if (options.stakeholders !== undefined && stakeholder.represents.length > 0) {
    const known = new Set(options.stakeholders.map((other) => other.id))
    const missingIds = stakeholder.represents.filter((id) => !known.has(id))
    if (missingIds.length > 0) add('representative-without-represented', { missingIds })
  }
  for (const entry of log) {
    if (!isBlank(entry.inputReceived) && isBlank(entry.howInputWasUsed)) {
      add('input-use-not-recorded', { entryId: entry.id, date: entry.date })
    }
  }
  for (const entry of log) {
    if (isBlank(entry.inputReceived))
      add('engagement-without-input', { entryId: entry.id, date: entry.date })
  }
  if (!stakeholder.affected && stakeholder.impacts.length > 0) {
    add('impacts-on-non-affected', { count: stakeholder.impacts.length })
  }
  for (const impact of stakeholder.impacts) {
    if (impactSeverity(impact).max === null)
      add('impact-severity-not-assessed', { impactId: impact.id })
  }
  for (const impact of stakeholder.impacts) {
    if (impact.actuality === 'potential' && scoreValue(impact.likelihood) === null) {
      add('impact-likelihood-not-assessed', { impactId: impact.id })
    }
  }
  if (stakeholder.vulnerable && isBlank(stakeholder.vulnerabilityNote))
    add('vulnerable-without-note')
  const unscored = SALIENCE_ATTRIBUTES.filter(
    (attribute) => scoreValue(stakeholder[attribute]) === null,
  )
  if (unscored.length === SALIENCE_ATTRIBUTES.length) add('salience-not-assessed')
  else if (unscored.length > 0) add('salience-partly-assessed', { missing: unscored })
  if (quadrant === 'unassessed') add('grid-position-not-assessed')

  // Checks run in code order already; the stable sort only guards future edits.
  return found
    .map(({ code, params }) => {
      const index = ENGAGEMENT_ALERT_CODES.indexOf(code)
      return { code, params, index, level: index < FIRST_INFO_CODE ? 'warning' : 'info' } as const
    })
    .sort((a, b) => a.index - b.index)
    .map(({ code, level, params }) => ({ code, level, params }))
}
