import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  STAKEHOLDER_LIMITS,
  VALIDATION_ERROR_CODES,
  createStakeholder,
  stakeholderSchema,
  validateStakeholder,
} from '../../../shared/index'
import type { Stakeholder } from '../../../shared/index'
import { expectWellFormed } from './expectWellFormed'
import { stakeholderArbitrary } from './stakeholderArbitrary'

const NOW = '2025-01-01T00:00:00.000Z'
const valid = (): Stakeholder =>
  createStakeholder(
    {
      id: 'st-1',
      name: 'Cocoa farmers, Ivory Coast',
      affected: true,
      impacts: [
        {
          id: 'i1',
          description: '',
          topic: 'living income',
          actuality: 'actual',
          scale: 4,
          scope: 5,
          irremediability: 2,
          likelihood: null,
        },
        {
          id: 'i2',
          description: '',
          topic: 'child labour',
          actuality: 'potential',
          scale: 5,
          scope: 3,
          irremediability: 4,
          likelihood: 3,
        },
      ],
      contacts: [
        {
          id: 'c1',
          name: 'A. Person',
          role: 'chair',
          organisation: 'Coop',
          email: 'a@coop.example',
          phone: '',
          notes: '',
        },
      ],
    },
    { now: NOW },
  )

const errorsOf = (input: unknown) => {
  const result = validateStakeholder(input)
  return result.ok ? [] : result.errors
}

describe('validateStakeholder', () => {
  it('accepts a record made by createStakeholder', () => {
    const result = validateStakeholder(valid())
    expect(result).toEqual({ ok: true, value: valid(), ignoredKeys: [] })
  })

  it('returns every error with its path', () => {
    const input: Record<string, unknown> = { ...valid(), name: '', power: 7, influence: 2.5 }
    const impacts = [...valid().impacts]
    impacts[1] = { ...impacts[1]!, scale: 3.5, actuality: 'maybe' as never }
    input['impacts'] = impacts
    input['engagement'] = {
      status: 'ongoing',
      intendedLevel: null,
      log: [{ id: 'e1', date: '2025-02-30' }],
    }
    input['contacts'] = [{ ...valid().contacts[0]!, email: 'not-an-email' }]
    delete input['notes']
    const paths = errorsOf(input).map((error) => error.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'power',
        'impacts[1].scale',
        'impacts[1].actuality',
        'engagement.log[0].date',
        'engagement.log[0].step',
        'contacts[0].email',
        'notes',
      ]),
    )
    expect(paths).not.toContain('influence')
  })

  it('reports duplicate ids and self-representation', () => {
    const base = valid()
    const paths = errorsOf({
      ...base,
      represents: ['st-1', 'x', 'x'],
      impacts: [base.impacts[0], base.impacts[0]],
    }).map((error) => `${error.path}: ${error.message}`)
    expect(paths).toEqual([
      'represents[0]: a stakeholder cannot represent itself',
      'represents[2]: duplicate id "x"',
      'impacts[1].id: duplicate id "i1"',
    ])
  })

  it('refuses older and newer schema versions', () => {
    expect(errorsOf({ ...valid(), schemaVersion: 0 })[0]?.message).toMatch(/migrateStakeholder/)
    expect(errorsOf({ ...valid(), schemaVersion: 2 })[0]?.message).toMatch(/newer/)
  })

  it('strips unknown keys, including __proto__, and lists them', () => {
    const input = JSON.parse(
      JSON.stringify({
        ...valid(),
        colour: 'red',
        engagement: { ...valid().engagement, extra: 1 },
      }).replace('{', '{"__proto__":{"polluted":true},'),
    )
    const result = validateStakeholder(input)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.ignoredKeys).toEqual(['__proto__', 'colour', 'engagement.extra'])
    expect(result.value).toEqual(valid())
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('enforces length limits on strings and arrays', () => {
    const longName = 'x'.repeat(STAKEHOLDER_LIMITS.shortText + 1)
    const hugeNotes = 'x'.repeat(5_000_000)
    const manyImpacts = new Array(STAKEHOLDER_LIMITS.impacts + 1).fill(valid().impacts[0])
    // Arrays are read before the scalar fields, hence this order.
    expect(
      errorsOf({ ...valid(), name: longName, notes: hugeNotes, impacts: manyImpacts }),
    ).toEqual([
      {
        path: 'impacts',
        code: 'too-many-items',
        params: { max: 100 },
        message: 'must have at most 100 items',
      },
      {
        path: 'name',
        code: 'too-long',
        params: { max: 200 },
        message: 'must be at most 200 characters',
      },
      {
        path: 'notes',
        code: 'too-long',
        params: { max: 10_000 },
        message: 'must be at most 10000 characters',
      },
    ])
  })

  it('caps the number of errors reported', () => {
    const log = Array.from({ length: 500 }, () => ({}))
    const errors = errorsOf({
      ...valid(),
      engagement: { status: 'ongoing', intendedLevel: null, log },
    })
    expect(errors.length).toBeLessThanOrEqual(51)
    expect(errors.at(-1)?.message).toMatch(/too many errors/)
  })

  describe('never throws on hostile input', () => {
    // What each input must give: its errors as `path code` ([] = accepted).
    const hostile: [string, () => unknown, string[]][] = [
      ['undefined', () => undefined, [' not-an-object']],
      ['a string', () => 'stakeholder', [' not-an-object']],
      ['an array', () => [valid()], [' not-an-object']],
      ['a function', () => () => valid(), [' not-an-object']],
      [
        'a cyclic object',
        () => {
          const record: Record<string, unknown> = { ...valid() }
          record['engagement'] = { status: 'ongoing', intendedLevel: null, log: [record] }
          record['self'] = record
          return record
        },
        [
          'date',
          'step',
          'method',
          'informationShared',
          'inputReceived',
          'howInputWasUsed',
          'followUp',
          'barriers',
          'barrierMeasures',
          'confidentiality',
        ].map((key) => `engagement.log[0].${key} required`),
      ],
      [
        'a throwing getter',
        () => {
          const record = { ...valid() }
          Object.defineProperty(record, 'name', {
            enumerable: true,
            get: () => {
              throw new Error('boom')
            },
          })
          return record
        },
        ['name getter'],
      ],
      [
        'a Proxy whose traps throw',
        () =>
          new Proxy(
            {},
            {
              ownKeys: () => {
                throw new Error('trap')
              },
              getOwnPropertyDescriptor: () => {
                throw new Error('trap')
              },
              get: () => {
                throw new Error('trap')
              },
            },
          ),
        [' unreadable'],
      ],
      [
        'a revoked Proxy',
        () => {
          const { proxy, revoke } = Proxy.revocable({}, {})
          revoke()
          return proxy
        },
        [' unreadable'],
      ],
      [
        'a revoked Proxy as an array field',
        () => {
          const { proxy, revoke } = Proxy.revocable([], {})
          revoke()
          return { ...valid(), impacts: proxy }
        },
        ['impacts unreadable'],
      ],
      [
        'an array with a huge length',
        () => {
          const impacts: unknown[] = []
          impacts.length = 2 ** 32 - 1
          return { ...valid(), impacts }
        },
        ['impacts too-many-items'],
      ],
      [
        'an array Proxy lying about its length',
        () => ({
          ...valid(),
          contacts: new Proxy([], {
            getOwnPropertyDescriptor: (target, key) =>
              key === 'length'
                ? { value: 1e12, writable: true, configurable: false, enumerable: false }
                : Reflect.getOwnPropertyDescriptor(target, key),
          }),
        }),
        ['contacts too-many-items'],
      ],
      [
        'a sparse array',
        () => {
          const represents: string[] = []
          represents[1] = 'a'
          return { ...valid(), represents }
        },
        ['represents[0] required'],
      ],
      ['an object with a null prototype', () => Object.assign(Object.create(null), valid()), []],
      ['a Symbol-keyed object', () => ({ ...valid(), [Symbol('x')]: 1 }), []],
    ]
    it.each(hostile)('%s', (_label, make, problems) => {
      const result = validateStakeholder(make())
      expectWellFormed(result)
      const found = result.ok ? [] : result.errors.map((error) => `${error.path} ${error.code}`)
      expect(found).toEqual(problems)
    })

    it('accepts a record with a null prototype (plain data)', () => {
      expect(validateStakeholder(Object.assign(Object.create(null), valid())).ok).toBe(true)
    })

    it('reports a getter instead of running it', () => {
      const record = { ...valid() }
      let ran = false
      Object.defineProperty(record, 'name', {
        enumerable: true,
        get: () => {
          ran = true
          return 'x'
        },
      })
      expect(errorsOf(record)).toEqual([
        { path: 'name', code: 'getter', params: {}, message: 'must be plain data, not a getter' },
      ])
      expect(ran).toBe(false)
    })

    it('for any value (fc.anything)', () => {
      fc.assert(
        fc.property(
          fc.anything({
            withBigInt: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withSparseArray: true,
            withNullPrototype: true,
          }),
          (input) => {
            expectWellFormed(validateStakeholder(input))
          },
        ),
      )
    })

    it('for any JSON value, also with valid records partly corrupted', () => {
      const corrupted = fc
        .tuple(
          stakeholderArbitrary,
          fc.dictionary(
            fc.constantFrom(
              'name',
              'power',
              'impacts',
              'engagement',
              'contacts',
              'represents',
              '__proto__',
              'constructor',
            ),
            fc.jsonValue(),
          ),
        )
        .map(([record, patch]) => ({ input: { ...record, ...patch }, patched: Object.keys(patch) }))
      fc.assert(
        fc.property(fc.jsonValue(), (input) => {
          expectWellFormed(validateStakeholder(input))
        }),
      )
      fc.assert(
        fc.property(corrupted, ({ input, patched }) => {
          const result = validateStakeholder(input)
          expectWellFormed(result)
          // The record was valid: only the fields the patch replaced can be wrong.
          if (!result.ok) {
            for (const error of result.errors) {
              expect(patched).toContain(/^\w*/.exec(error.path)?.[0])
            }
          }
        }),
      )
    })
  })

  it('round-trips every valid record, also through JSON', () => {
    fc.assert(
      fc.property(stakeholderArbitrary, (record) => {
        const result = validateStakeholder(record)
        expect(result).toEqual({ ok: true, value: record, ignoredKeys: [] })
        const fromJson = validateStakeholder(JSON.parse(JSON.stringify(record)))
        expect(fromJson.ok && fromJson.value).toEqual(record)
      }),
    )
  })

  it('names every problem of the schema with a known code (no valibot wording)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), stakeholderArbitrary.map(corrupt)), (input) => {
        const result = v.safeParse(stakeholderSchema, input)
        for (const issue of result.issues ?? []) {
          const problem = JSON.parse(issue.message) as { code: unknown }
          expect(VALIDATION_ERROR_CODES).toContain(problem.code)
        }
      }),
    )
  })
})

/** A valid record with a few fields replaced by values of the wrong kind. */
function corrupt(record: Stakeholder): unknown {
  return {
    ...record,
    name: '',
    kind: 7,
    power: 'high',
    impacts: [{}, ...record.impacts, 'x'],
    engagement: { ...record.engagement, log: [{ id: '!', date: '2025-13-01' }] },
    contacts: [null, { ...record.contacts[0], email: 'no-at' }],
  }
}
