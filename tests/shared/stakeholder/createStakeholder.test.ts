import { describe, expect, it } from 'vitest'
import {
  createStakeholder,
  publicFields,
  validateStakeholder,
  withoutContacts,
} from '../../../shared/index'

const NOW = '2025-01-01T00:00:00.000Z'

describe('createStakeholder', () => {
  it('fills defaults: nothing assessed, engagement not started', () => {
    const stakeholder = createStakeholder({ id: 'a', name: 'A' }, { now: NOW })
    expect(stakeholder).toMatchObject({
      schemaVersion: 1,
      kind: 'organisation',
      category: 'other',
      affected: false,
      power: null,
      influence: null,
      attitude: 'unknown',
      engagement: { status: 'not-started', intendedLevel: null, log: [] },
      contacts: [],
      createdAt: NOW,
      updatedAt: NOW,
    })
    expect(validateStakeholder(stakeholder).ok).toBe(true)
  })

  it('uses the current time by default', () => {
    const stakeholder = createStakeholder({ id: 'a', name: 'A' })
    expect(validateStakeholder(stakeholder).ok).toBe(true)
  })
})

describe('withoutContacts and publicFields', () => {
  const entry = {
    id: 'e',
    date: '2025-01-02',
    step: 'communicate' as const,
    method: '',
    informationShared: '',
    inputReceived: '',
    howInputWasUsed: '',
    followUp: '',
    barriers: '',
    barrierMeasures: '',
  }
  const stakeholder = createStakeholder(
    {
      id: 'a',
      name: 'A',
      contacts: [
        {
          id: 'c',
          name: 'Jan',
          role: '',
          organisation: '',
          email: 'jan@example.org',
          phone: '',
          notes: '',
        },
      ],
      engagement: {
        status: 'ongoing',
        intendedLevel: 'consult',
        log: [
          { ...entry, id: 'pub', confidentiality: 'public' },
          { ...entry, id: 'int', confidentiality: 'internal' },
          { ...entry, id: 'conf', confidentiality: 'confidential' },
        ],
      },
    },
    { now: NOW },
  )

  it('withoutContacts removes personal data and nothing else', () => {
    const stripped = withoutContacts(stakeholder)
    expect('contacts' in stripped).toBe(false)
    expect(JSON.stringify(stripped)).not.toContain('jan@example.org')
    expect(stripped.engagement.log).toHaveLength(3)
    expect(stakeholder.contacts).toHaveLength(1)
  })

  it('publicFields also keeps only public log entries', () => {
    const published = publicFields(stakeholder)
    expect('contacts' in published).toBe(false)
    expect(published.engagement.log.map((e) => e.id)).toEqual(['pub'])
    expect(stakeholder.engagement.log).toHaveLength(3)
  })
})
