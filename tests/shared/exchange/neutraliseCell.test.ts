import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutraliseCell } from '../../../shared/exchange/neutraliseCell'

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r']

describe('neutraliseCell', () => {
  it.each(TRIGGERS)('prefixes an apostrophe to a cell starting with %j', (trigger) => {
    expect(neutraliseCell(`${trigger}1+1`)).toBe(`'${trigger}1+1`)
  })

  it('leaves other text alone', () => {
    expect(neutraliseCell('Vakbond')).toBe('Vakbond')
    expect(neutraliseCell('')).toBe('')
    expect(neutraliseCell("'quoted")).toBe("'quoted")
  })

  it('never returns text starting with a formula trigger (seed printed on failure)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(...TRIGGERS).chain((t) => fc.string().map((s) => t + s)),
        ),
        (value) => {
          const result = neutraliseCell(value)
          expect(TRIGGERS.some((trigger) => result.startsWith(trigger))).toBe(false)
          expect(result.endsWith(value)).toBe(true)
        },
      ),
      { seed: Date.now(), numRuns: 500 },
    )
  })
})
