import { describe, expect, it } from 'vitest'
import { STAKEHOLDER_FIELDS } from '../../../shared/stakeholder/stakeholderFields'
import { type EditorField, fieldLabelKey } from '../../../client/i18n/fieldLabelKey'
import { en } from '../../../client/i18n/messages.en'
import { nl } from '../../../client/i18n/messages.nl'

const EDITOR_FIELDS = STAKEHOLDER_FIELDS.map((field) => field.key).filter(
  (key) => key !== 'id' && !key.startsWith('contact'),
) as EditorField[]

describe('fieldLabelKey', () => {
  it('names every field of the editor in Dutch and English from the field table', () => {
    expect(EDITOR_FIELDS.length).toBeGreaterThan(15)
    for (const field of EDITOR_FIELDS) {
      const key = fieldLabelKey(field)
      expect(en[key], field).toMatch(/\S/)
      expect(nl[key], field).toMatch(/\S/)
    }
  })

  it('gives the nested engagement status its own label', () => {
    expect(fieldLabelKey('engagementStatus')).toBe('field.engagementStatus')
    expect(nl[fieldLabelKey('vulnerabilityNote')]).not.toBe(en[fieldLabelKey('vulnerabilityNote')])
  })
})
