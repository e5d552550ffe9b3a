import { describe, expect, it } from 'vitest'
import {
  ALERT_LABELS,
  ENGAGEMENT_ALERT_CODES,
  createStakeholder,
  engagementAlerts,
  formatLabel,
} from '../../../shared/index'
import type { EngagementEntry, StakeholderInit } from '../../../shared/index'

const NOW = '2025-01-01T00:00:00.000Z'
const codes = (init: StakeholderInit, stakeholders?: { id: string }[]) =>
  engagementAlerts(createStakeholder(init, { now: NOW }), stakeholders ? { stakeholders } : {}).map(
    (alert) => alert.code,
  )
const entry: EngagementEntry = {
  id: 'e1',
  date: '2025-02-03',
  step: 'identify-assess',
  method: 'focus group with interpreter',
  informationShared: 'draft risk assessment',
  inputReceived: 'overtime is common in peak season',
  howInputWasUsed: 'added to the action plan',
  followUp: 'report back in May',
  barriers: 'fear of retaliation',
  barrierMeasures: 'met off-site without supervisors',
  confidentiality: 'confidential',
}
const assessed = { power: 3, legitimacy: 4, urgency: 2, influence: 2, impact: 4 }

describe('engagementAlerts', () => {
  it('has no alerts for a complete, well-engaged record', () => {
    expect(
      codes({
        id: 'w',
        name: 'Workers',
        affected: true,
        vulnerable: true,
        vulnerabilityNote: 'migrant workers, many without contracts',
        ...assessed,
        impacts: [
          {
            id: 'i',
            description: '',
            topic: 'overtime',
            actuality: 'actual',
            scale: 4,
            scope: 4,
            irremediability: 2,
            likelihood: null,
          },
        ],
        engagement: { status: 'ongoing', intendedLevel: 'involve', log: [entry] },
      }),
    ).toEqual([])
  })

  it('flags an affected stakeholder that nobody has engaged or assessed', () => {
    expect(codes({ id: 'c', name: 'Community', affected: true })).toEqual([
      'affected-without-engagement',
      'no-impacts-recorded-for-affected',
      'salience-not-assessed',
      'grid-position-not-assessed',
    ])
  })

  it('flags a partly scored salience with the attributes still to score, in words', () => {
    const alerts = engagementAlerts(
      createStakeholder({ id: 'p', name: 'P', power: 4, influence: 2, impact: 2 }, { now: NOW }),
    )
    expect(alerts).toEqual([
      {
        code: 'salience-partly-assessed',
        level: 'info',
        params: { missing: ['legitimacy', 'urgency'] },
      },
    ])
    const [alert] = alerts
    expect(formatLabel('nl', ALERT_LABELS.nl[alert!.code], alert!.params)).toBe(
      'Saillantie deels beoordeeld: legitimiteit en urgentie niet beoordeeld',
    )
  })

  it('flags a severe impact scored low on the grid, with parameters', () => {
    const alerts = engagementAlerts(
      createStakeholder(
        {
          id: 'w',
          name: 'Workers',
          affected: true,
          ...assessed,
          impact: 2.5,
          impacts: [
            {
              id: 'i9',
              description: '',
              topic: '',
              actuality: 'potential',
              scale: 1,
              scope: 1,
              irremediability: 5,
              likelihood: 2,
            },
          ],
          engagement: { status: 'ongoing', intendedLevel: 'consult', log: [entry] },
        },
        { now: NOW },
      ),
    )
    expect(alerts).toEqual([
      {
        code: 'affected-severe-impact-low-impact-score',
        level: 'warning',
        params: { impactId: 'i9', severity: 5, impact: 2.5, quadrant: 'monitor' },
      },
    ])
  })

  it('flags vulnerable stakeholders without barrier measures or note', () => {
    const log = [{ ...entry, barrierMeasures: '  ' }]
    expect(
      codes({
        id: 'v',
        name: 'V',
        vulnerable: true,
        ...assessed,
        engagement: { status: 'ongoing', intendedLevel: 'consult', log },
      }),
    ).toEqual(['vulnerable-without-barrier-notes', 'vulnerable-without-note'])
  })

  it('flags one-way information in the empower quadrant', () => {
    expect(
      codes({
        id: 'e',
        name: 'E',
        ...assessed,
        engagement: { status: 'planned', intendedLevel: 'inform', log: [] },
      }),
    ).toEqual(['empower-quadrant-only-informed'])
  })

  it('flags representatives whose represented stakeholders are not on the map', () => {
    const init = { id: 'u', name: 'Union', represents: ['w', 'gone'], ...assessed }
    expect(codes(init, [{ id: 'u' }, { id: 'w' }])).toEqual(['representative-without-represented'])
    expect(codes(init)).toEqual([])
    const alerts = engagementAlerts(createStakeholder(init, { now: NOW }), { stakeholders: [] })
    expect(alerts[0]!.params).toEqual({ missingIds: ['w', 'gone'] })
  })

  it('flags log entries without input, or without recording how input was used', () => {
    const log = [
      { ...entry, id: 'a', howInputWasUsed: '' },
      { ...entry, id: 'b', inputReceived: '' },
    ]
    const alerts = engagementAlerts(
      createStakeholder(
        {
          id: 'x',
          name: 'X',
          ...assessed,
          engagement: { status: 'ongoing', intendedLevel: 'consult', log },
        },
        { now: NOW },
      ),
    )
    expect(alerts.map((a) => [a.code, a.level, a.params['entryId']])).toEqual([
      ['input-use-not-recorded', 'warning', 'a'],
      ['engagement-without-input', 'info', 'b'],
    ])
  })

  it('flags incomplete impacts and impacts on a stakeholder marked not affected', () => {
    const impacts = [
      {
        id: 'p',
        description: '',
        topic: '',
        actuality: 'potential' as const,
        scale: null,
        scope: null,
        irremediability: null,
        likelihood: null,
      },
    ]
    expect(codes({ id: 'n', name: 'N', ...assessed, impacts })).toEqual([
      'impacts-on-non-affected',
      'impact-severity-not-assessed',
      'impact-likelihood-not-assessed',
    ])
  })

  it('returns alerts in code order with warnings before info', () => {
    const alerts = engagementAlerts(
      createStakeholder({ id: 'z', name: 'Z', affected: true, vulnerable: true }, { now: NOW }),
    )
    const indices = alerts.map((a) => ENGAGEMENT_ALERT_CODES.indexOf(a.code))
    expect(indices).toEqual([...indices].sort((a, b) => a - b))
    const levels = alerts.map((a) => a.level)
    expect(levels.lastIndexOf('warning')).toBeLessThan(levels.indexOf('info'))
  })
})
