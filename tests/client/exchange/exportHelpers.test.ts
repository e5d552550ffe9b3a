import { describe, expect, it } from 'vitest'
import { defaultCsvDelimiter } from '../../../client/exchange/defaultCsvDelimiter'
import { exportFileName, safeFileNamePart } from '../../../shared/exchange/exportFileName'
import { importedRowNumbers, sheetFileKind } from '../../../client/exchange/readSheetFile'

describe('exportFileName', () => {
  const date = new Date(2026, 4, 12, 23, 30)

  it('builds title, kind and local date', () => {
    expect(exportFileName('Cocoa supply chain', 'register', 'csv', date)).toBe(
      'cocoa-supply-chain-register-2026-05-12.csv',
    )
  })

  it('names what the file holds in the language of its content', () => {
    const nl = { locale: 'nl' } as const
    expect(exportFileName('Cacaoketen', 'report', 'html', date, nl)).toBe(
      'cacaoketen-rapport-2026-05-12.html',
    )
    expect(exportFileName('Cacaoketen', 'map', 'json', date, nl)).toBe(
      'cacaoketen-kaart-2026-05-12.json',
    )
    expect(exportFileName('Cacaoketen', 'board', 'png', date, nl)).toBe(
      'cacaoketen-bord-2026-05-12.png',
    )
    expect(exportFileName('Cocoa', 'report', 'html', date)).toBe('cocoa-report-2026-05-12.html')
  })

  it('keeps only safe characters, folding accents', () => {
    expect(safeFileNamePart('Coöperatie “Ɔdɔ” / Ghana: <tabel 2>')).toBe(
      'cooperatie-d-ghana-tabel-2',
    )
    expect(safeFileNamePart('../../etc/passwd')).toBe('etc-passwd')
    expect(safeFileNamePart('CON\u0000\r\n')).toBe('con')
  })

  it('falls back to a generic name and caps the length', () => {
    expect(safeFileNamePart('😟 ')).toBe('stakeholder-map')
    expect(safeFileNamePart('a'.repeat(200))).toHaveLength(60)
    expect(safeFileNamePart(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59))
  })
})

describe('defaultCsvDelimiter', () => {
  it('offers ; in Dutch and , in English', () => {
    expect(defaultCsvDelimiter('nl')).toBe(';')
    expect(defaultCsvDelimiter('en')).toBe(',')
  })
})

describe('sheetFileKind', () => {
  it('recognises CSV and XLSX by extension or type', () => {
    expect(sheetFileKind('Stakeholders.CSV', '')).toBe('csv')
    expect(sheetFileKind('list.txt', 'text/plain')).toBe('csv')
    expect(sheetFileKind('list.xlsx', '')).toBe('xlsx')
    expect(sheetFileKind('noext', 'text/csv')).toBe('csv')
  })

  it('refuses other files', () => {
    expect(sheetFileKind('list.xls', 'application/vnd.ms-excel')).toBeNull()
    expect(sheetFileKind('photo.png', 'image/png')).toBeNull()
    expect(sheetFileKind('map.json', 'application/json')).toBeNull()
  })
})

describe('importedRowNumbers', () => {
  it('gives the file row numbers of the imported records, skipping rejected and empty rows', () => {
    expect(importedRowNumbers(7, [{ rowNumber: 3 }, { rowNumber: 6 }], [5])).toEqual([2, 4, 7])
    expect(importedRowNumbers(1, [], [])).toEqual([])
  })
})
