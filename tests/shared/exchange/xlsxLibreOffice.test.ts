import { describe, expect, it } from 'vitest'
import { registerWorkbook } from '../../../shared/exchange/registerWorkbook'
import { writeXlsx } from '../../../shared/exchange/writeXlsx'
import { libreOfficeAvailable, readWithLibreOffice } from '../../libreOfficeSheets'
import { richStakeholders } from './richMap'
import { judgedAbsent, unscoredRightsholders } from './salienceCases'

const FORMULA = '=1+1'
const stakeholders = [
  ...richStakeholders(),
  unscoredRightsholders(),
  { ...judgedAbsent(), notes: FORMULA },
]

describe.runIf(libreOfficeAvailable())('the register workbook opened in LibreOffice Calc', () => {
  it.each([
    [
      'nl',
      'Saillantieklasse',
      'Saillantie niet beoordeeld',
      'Geen stakeholder (beoordeeld als afwezig)',
    ],
    ['en', 'Salience class', 'Salience not assessed', 'Non-stakeholder (assessed as absent)'],
  ] as const)(
    '%s: every sheet opens; unscored is not assessed, judged absent is assessed as absent; a formula stays text',
    async (locale, column, notAssessed, absent) => {
      const sheets = registerWorkbook(stakeholders, { locale, includeContacts: true })
      const read = await readWithLibreOffice(writeXlsx(sheets))
      expect([...read.keys()].sort()).toEqual(sheets.map((sheet) => sheet.name).sort())
      const register = read.get(sheets[0]!.name)!
      const header = register[0]!
      const salience = header.indexOf(column)
      const row = (id: string) => register.find((cells) => cells.includes(id))!
      expect(row('sh-unscored')[salience]).toBe(notAssessed)
      expect(row('sh-absent')[salience]).toBe(absent)
      // Shown as typed (a formula cell would show 2), without an apostrophe.
      expect(row('sh-absent')).toContain(FORMULA)
      expect(register.flat().some((cell) => cell.startsWith("'"))).toBe(false)
      // Every sheet has as many rows as was written.
      for (const sheet of sheets) expect(read.get(sheet.name)).toHaveLength(sheet.rows.length + 1)
    },
    60_000,
  )
})
