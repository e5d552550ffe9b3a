import { describe, expect, it } from 'vitest'
import { en } from '../../../client/i18n/messages.en'
import { nl } from '../../../client/i18n/messages.nl'
import { CONTACT_PARTS, STAKEHOLDER_FIELDS } from '../../../shared/stakeholder/stakeholderFields'

describe("the editor's field labels", () => {
  it('name every field of the table the form shows, in both languages', () => {
    // The form shows every field but the id; contacts have their own editor and words.
    const shown = STAKEHOLDER_FIELDS.filter(
      (field) => field.key !== 'id' && !(field.key in CONTACT_PARTS),
    )
    expect(shown.length).toBeGreaterThan(15)
    for (const { label } of shown) {
      const key = `field.${label}`
      expect(Object.keys(en), key).toContain(key)
      expect(Object.keys(nl), key).toContain(key)
      expect(nl[key as keyof typeof nl]).not.toBe('')
    }
  })
})
