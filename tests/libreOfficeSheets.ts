/**
 * Reads an XLSX file the way a user's spreadsheet program does: LibreOffice Calc (Debian's
 * libreoffice-calc-nogui, `soffice --headless`) converts every sheet to CSV, which papaparse
 * reads. Nothing of our own XLSX or CSV code is involved, so it checks our writer from the
 * outside. Each conversion gets its own LibreOffice profile, so parallel test files do not
 * collide. Missing `soffice`: fails under CI (`CI` set), elsewhere the caller skips.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Papa from 'papaparse'

/** Where Debian's libreoffice-calc-nogui puts the program; `npm test` installs it when missing. */
export const SOFFICE = '/usr/bin/soffice'

/**
 * CSV filter options (LibreOffice 7.2+): comma, double quote, UTF-8, from line 1, cell
 * content as shown (a formula would show its result), and the last token -1 = every sheet
 * to its own file `<name>-<sheet>.csv`.
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'

/** True when LibreOffice can be used; under CI its absence is an error. */
export function libreOfficeAvailable(): boolean {
  if (existsSync(SOFFICE)) return true
  if (process.env['CI'])
    throw new Error(`${SOFFICE} is missing: apt-get install libreoffice-calc-nogui`)
  console.warn(`${SOFFICE} not found: LibreOffice checks are skipped`)
  return false
}

/** Every sheet of `xlsx` as LibreOffice reads it: sheet name → rows of cell texts. */
export async function readWithLibreOffice(xlsx: Uint8Array): Promise<Map<string, string[][]>> {
  const dir = mkdtempSync(join(tmpdir(), 'stakeholder-canvas-soffice-'))
  try {
    const file = join(dir, 'book.xlsx')
    writeFileSync(file, xlsx)
    await promisify(execFile)(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        CSV_FILTER,
        '--outdir',
        join(dir, 'out'),
        file,
      ],
      { timeout: 60_000 },
    )
    const sheets = new Map<string, string[][]>()
    for (const name of readdirSync(join(dir, 'out')).sort()) {
      const sheet = /^book-(.*)\.csv$/.exec(name)?.[1]
      if (sheet === undefined) continue
      const parsed = Papa.parse(readFileSync(join(dir, 'out', name), 'utf8'), {
        skipEmptyLines: true,
      })
      sheets.set(sheet, parsed.data)
    }
    return sheets
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
