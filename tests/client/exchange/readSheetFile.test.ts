/**
 * Picking a spreadsheet saved by LibreOffice Calc in the import panel (the files of
 * tests/fixtures/spreadsheets/): what `readSheetFile` answers, and the message the panel
 * shows for it in each language.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exchangeErrorMessage, translateExchange } from '../../../client/exchange/exchangeMessages'
import { readSheetFile } from '../../../client/exchange/readSheetFile'

const ODS_TYPE = 'application/vnd.oasis.opendocument.spreadsheet'
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function picked(fixture: string, name: string, type: string): File {
  const bytes = readFileSync(new URL(`../../fixtures/spreadsheets/${fixture}`, import.meta.url))
  return new File([bytes], name, { type })
}

describe('picking a spreadsheet to import', () => {
  it('refuses an OpenDocument spreadsheet and says which kinds it takes', async () => {
    const file = picked('stakeholders-nl.ods', 'stakeholders-nl.ods', ODS_TYPE)
    expect(await readSheetFile(file)).toEqual({ ok: false, reason: 'type' })
    expect(translateExchange('nl', 'import.error.type', { file: file.name })).toBe(
      '"stakeholders-nl.ods" is geen CSV- of XLSX-bestand.',
    )
    expect(translateExchange('en', 'import.error.type', { file: file.name })).toBe(
      '"stakeholders-nl.ods" is not a CSV or XLSX file.',
    )
  })

  it('refuses an OpenDocument spreadsheet renamed to .xlsx as unreadable', async () => {
    const result = await readSheetFile(picked('stakeholders-nl.ods', 'lijst.xlsx', XLSX_TYPE))
    expect(result).toMatchObject({ ok: false, reason: 'exchange', error: { code: 'not-xlsx' } })
    expect(exchangeErrorMessage('nl', 'not-xlsx')).toBe(
      'Het bestand is geen leesbaar Excelbestand (XLSX).',
    )
  })

  it('reads the same list saved as XLSX', async () => {
    const result = await readSheetFile(
      picked('stakeholders-nl.xlsx', 'stakeholders-nl.xlsx', XLSX_TYPE),
    )
    expect(result.ok && result.rows[1]?.[0]).toBe('Cacaocoöperatie Kuapa Kokoo')
  })
})
