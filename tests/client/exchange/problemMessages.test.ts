import { describe, expect, it } from 'vitest'
import { guessColumnMapping } from '../../../shared/exchange/guessColumnMapping'
import { MAP_JSON_ISSUE_CODES, parseMapJson } from '../../../shared/exchange/parseMapJson'
import { parseCsv } from '../../../shared/exchange/parseCsv'
import { planImport } from '../../../shared/exchange/planImport'
import { VALIDATION_ERROR_CODES } from '../../../shared/stakeholder/validateStakeholder'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { problemMessage, problemPathLabel } from '../../../client/exchange/problemMessages'

const CSV = [
  'Naam;Macht;Geraakt;E-mail contactpersoon',
  'Ministerie;7;nee;',
  'Boeren;2;misschien;',
  ';3;ja;geen-email',
].join('\r\n')

/** What the import panel shows per rejected row: "<where> <what>". */
function rejectedRows(locale: 'en' | 'nl') {
  const parsed = parseCsv(CSV)
  if (!parsed.ok) throw new Error(parsed.error.code)
  const header = parsed.rows[0]!.map(String)
  let next = 0
  const plan = planImport(parsed.rows, guessColumnMapping(header), {
    idFactory: () => `id-${++next}`,
    now: '2026-05-12T10:00:00.000Z',
  })
  return plan.rejected.map((row) =>
    row.errors
      .map(
        (error) =>
          `${header[error.column ?? -1] ?? problemPathLabel(locale, error.path)}: ${problemMessage(locale, error)}`,
      )
      .sort(),
  )
}

describe('import problems in the user’s language', () => {
  it('explains rejected rows in Dutch, with nothing left in English', () => {
    expect(rejectedRows('nl')).toEqual([
      ['Macht: moet een heel getal van 1 tot 5 zijn'],
      ['Geraakt: moet ja of nee zijn, niet "misschien"'],
      ['E-mail contactpersoon: is geen e-mailadres', 'Naam: mag niet leeg zijn'],
    ])
    expect(rejectedRows('en')).toEqual([
      ['Macht: must be a whole number from 1 to 5'],
      ['Geraakt: must be yes or no (ja/nee), not "misschien"'],
      ['E-mail contactpersoon: is not an e-mail address', 'Naam: must not be empty'],
    ])
  })

  it('names where a map file is wrong in words, with the labels the exports use', () => {
    const broken = createStakeholder(
      { id: 'sh-1', name: 'Boeren' },
      { now: '2026-05-12T10:00:00.000Z' },
    )
    const file = JSON.stringify({
      format: 'stakeholder-canvas-map',
      version: 1,
      title: 'Kaart',
      exportedAt: '2026-05-12T10:00:00.000Z',
      contactsIncluded: false,
      stakeholders: [
        {
          ...broken,
          impacts: [
            {
              id: 'i',
              description: '',
              topic: '',
              actuality: 'actual',
              scale: 9,
              scope: null,
              irremediability: null,
              likelihood: null,
            },
          ],
          engagement: {
            status: 'ongoing',
            intendedLevel: null,
            log: [
              {
                id: 'l',
                date: '12-05-2026',
                step: 'track',
                method: '',
                informationShared: '',
                inputReceived: '',
                howInputWasUsed: '',
                followUp: '',
                barriers: '',
                barrierMeasures: '',
                confidentiality: 'public',
              },
            ],
          },
        },
      ],
      tldraw: { schema: null, records: [] },
      meta: {},
      history: [],
    })
    const parsed = parseMapJson(file)
    if (parsed.ok) throw new Error('the file should be refused')
    const lines = (locale: 'en' | 'nl') =>
      parsed.errors.map(
        (error) => `${problemPathLabel(locale, error.path)}: ${problemMessage(locale, error)}`,
      )
    expect(lines('nl')).toEqual([
      'stakeholder 1, impact 1, Schaal: moet een heel getal van 1 tot 5 zijn',
      'stakeholder 1, logboekregel 1, Datum: moet een datum zijn, geschreven als JJJJ-MM-DD',
    ])
    expect(lines('en')).toEqual([
      'stakeholder 1, impact 1, Scale: must be a whole number from 1 to 5',
      'stakeholder 1, log entry 1, Date: must be a date written YYYY-MM-DD',
    ])
    const notAMap = parseMapJson('{"format":"iets anders"}')
    expect(!notAMap.ok && problemMessage('nl', notAMap.errors[0]!)).toBe(
      'is geen kaart uit Stakeholder Canvas',
    )
  })

  it('has a sentence for every code in both languages, every placeholder filled', () => {
    const params = { max: 200, min: 1, id: 'sh-1', value: 'x', version: 2, supported: 1, limit: 50 }
    for (const code of [...VALIDATION_ERROR_CODES, ...MAP_JSON_ISSUE_CODES]) {
      for (const locale of ['en', 'nl'] as const) {
        const text = problemMessage(locale, { code, params })
        expect(text, code).not.toMatch(/[{}]/)
        expect(text.length, code).toBeGreaterThan(3)
      }
      expect(problemMessage('nl', { code, params: {} }), code).not.toBe(
        problemMessage('en', { code, params: {} }),
      )
    }
  })
})
