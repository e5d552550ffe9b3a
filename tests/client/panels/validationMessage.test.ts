import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { patchStakeholder } from '../../../shared/document/stakeholderDocument'
import { validateStakeholder } from '../../../shared/stakeholder/validateStakeholder'
import { validationError } from '../../../shared/stakeholder/validationError'
import {
  createContact,
  createEngagementEntry,
  createStakeholder,
} from '../../../shared/stakeholder/createStakeholder'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import { en } from '../../../client/i18n/messages.en'
import { nl } from '../../../client/i18n/messages.nl'
import { validationMessage } from '../../../client/panels/validationMessage'

/** The first error the real model gives for a record with `change` applied. */
function firstError(change: Partial<Stakeholder>) {
  const result = validateStakeholder({
    ...createStakeholder({ id: 'sh-1', name: 'FNV' }),
    ...change,
  })
  if (result.ok) throw new Error('expected the model to refuse this record')
  return result.errors[0]!
}

const cases: { what: string; change: Partial<Stakeholder>; typed: string; key: keyof typeof en }[] =
  [
    {
      what: 'an e-mail address without @',
      change: { contacts: [{ ...createContact('c-1'), email: 'ama.example.org' }] },
      typed: 'ama.example.org',
      key: 'validation.email',
    },
    {
      what: 'an emptied engagement date',
      change: {
        engagement: {
          status: 'ongoing',
          intendedLevel: null,
          log: [createEngagementEntry('log-1', '')],
        },
      },
      typed: '',
      key: 'validation.dateRequired',
    },
    {
      what: 'an emptied name',
      change: { name: '  ' },
      typed: '  ',
      key: 'validation.nameRequired',
    },
    {
      what: 'a fractional power score',
      change: { power: 1.5 },
      typed: '1,5',
      key: 'validation.wholeScore',
    },
    { what: 'an influence of 7', change: { influence: 7 }, typed: '7', key: 'validation.score' },
    {
      what: 'a region longer than the field takes',
      change: { countryOrRegion: 'x'.repeat(201) },
      typed: 'x'.repeat(201),
      key: 'validation.tooLong',
    },
  ]

describe('validation errors in the user language', () => {
  it('says how long a text may be', () => {
    const error = firstError({ countryOrRegion: 'x'.repeat(201) })
    expect(validationMessage(error, 'x'.repeat(201)).params).toEqual({ max: 200 })
  })

  for (const { what, change, typed, key } of cases) {
    it(`explains ${what} in Dutch and in English, never with the model's English`, () => {
      const error = firstError(change)
      const message = validationMessage(error, typed)
      expect(message.key).toBe(key)
      // Each catalogue has its own sentence: no English validator text on a Dutch screen.
      expect(nl[key]).not.toBe(en[key])
      expect(nl[key]).not.toContain(error.message)
      expect(en[key]).not.toContain(error.message)
    })
  }

  it('words a write to a removed stakeholder, a confidential field and a non-number by code', () => {
    const doc = new Y.Doc()
    const removed = patchStakeholder(doc, 'gone', { name: 'X' })
    expect(removed.ok).toBe(false)
    if (removed.ok) return
    expect(removed.errors[0]).toMatchObject({ path: 'id', code: 'unknown-stakeholder' })
    expect(validationMessage(removed.errors[0]!, 'X').key).toBe('validation.removed')
    const confidential = validationError('contacts', { code: 'confidential', params: {} })
    expect(validationMessage(confidential, 'x').key).toBe('validation.confidential')
    const notANumber = validationError('score', { code: 'not-a-number', params: {} })
    expect(validationMessage(notANumber, 'abc').key).toBe('validation.score')
    expect(nl['validation.confidential']).not.toBe(en['validation.confidential'])
  })

  it('chooses the sentence by code, whatever the English message says', () => {
    const error = { ...firstError({ countryOrRegion: 'x'.repeat(201) }), message: 'anders' }
    expect(validationMessage(error, 'x'.repeat(201))).toEqual({
      key: 'validation.tooLong',
      params: { max: 200 },
    })
  })
})
