import { describe, expect, it } from 'vitest'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { dialogueAlerts } from '../../../shared/scoring/dialogueAlerts'
import { plan } from '../dialogue/dialogueFixtures'

const severe = {
  id: 'i-wage',
  description: '',
  topic: 'living income',
  actuality: 'actual' as const,
  scale: 5,
  scope: 3,
  irremediability: 2,
  likelihood: null,
}
const mild = { ...severe, id: 'i-mild', scale: 2, scope: 2 }

const stakeholders = [
  createStakeholder({ id: 'sh-farmers', name: 'Farmers', affected: true, impacts: [severe] }),
  createStakeholder({ id: 'sh-pickers', name: 'Pickers', affected: true, impacts: [severe] }),
  createStakeholder({ id: 'sh-village', name: 'Village', affected: true, impacts: [severe] }),
  createStakeholder({ id: 'sh-traders', name: 'Traders', affected: true, impacts: [mild] }),
  createStakeholder({ id: 'sh-union', name: 'Union', affected: false }),
]

describe('dialogueAlerts', () => {
  it('is quiet for a complete plan that invites every severely affected stakeholder', () => {
    const everyone = {
      ...plan(),
      invited: [...plan().invited, { stakeholderId: 'sh-village', representedBy: null }],
    }
    expect(dialogueAlerts([everyone], stakeholders)).toEqual([])
  })

  it('names a severely affected stakeholder left out of every planned dialogue', () => {
    const cancelled = {
      ...plan(),
      id: 'plan-old',
      status: 'cancelled' as const,
      invited: [{ stakeholderId: 'sh-village', representedBy: null }],
    }
    expect(dialogueAlerts([plan(), cancelled], stakeholders)).toEqual([
      {
        code: 'severely-affected-left-out',
        level: 'warning',
        params: { stakeholderId: 'sh-village', impactId: 'i-wage', severity: 5 },
      },
    ])
    // A rightsholder represented by someone else counts as invited; mild impacts do not alert.
    const codes = dialogueAlerts([], stakeholders).map((a) => a.params['stakeholderId'])
    expect(codes).toEqual(['sh-farmers', 'sh-pickers', 'sh-village'])
  })

  it('asks a plan for rightsholders for its barrier and safety assessment, and every plan for feedback', () => {
    const bare = {
      ...plan(),
      invited: [{ stakeholderId: 'sh-village', representedBy: null }],
      barriers: [],
      barrierAssessment: ' ',
      safety: '',
      feedback: '',
    }
    const forOthers = {
      ...bare,
      id: 'plan-union',
      invited: [{ stakeholderId: 'sh-union', representedBy: null }],
    }
    const alerts = dialogueAlerts([bare, forOthers], [stakeholders[2]!, stakeholders[4]!])
    expect(alerts.map((a) => [a.code, a.params['planId']])).toEqual([
      ['rightsholders-without-barrier-assessment', 'plan-soubre'],
      ['rightsholders-without-safety-assessment', 'plan-soubre'],
      ['no-feedback-step', 'plan-soubre'],
      ['no-feedback-step', 'plan-union'],
    ])
    const assessed = { ...bare, barrierAssessment: 'No barriers: meeting in their village' }
    expect(dialogueAlerts([assessed], stakeholders.slice(2, 3)).map((a) => a.code)).toEqual([
      'rightsholders-without-safety-assessment',
      'no-feedback-step',
    ])
  })
})
