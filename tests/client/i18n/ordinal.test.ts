/** A participant's place in the hand queue reads as a place in a row, in both languages. */
import { describe, expect, it } from 'vitest'
import { ordinal } from '../../../client/i18n/ordinal'

describe('ordinal', () => {
  it('writes English places with their endings', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => ordinal('en', n))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
    ])
  })

  it('writes Dutch places with -e', () => {
    expect([1, 2, 8, 20].map((n) => ordinal('nl', n))).toEqual(['1e', '2e', '8e', '20e'])
  })
})
