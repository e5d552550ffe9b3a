/**
 * The register as an XLSX workbook, written by hand as minimal SpreadsheetML and zipped with
 * fflate. One sheet, inline strings (no shared-string table to keep in step), a bold frozen
 * header row, wrapped text for multi-line cells. The output is deterministic: the same
 * table gives the same bytes (fixed zip timestamps), so exports can be compared and cached.
 */
import { strToU8, zipSync } from 'fflate'
import { EXCHANGE_LIMITS } from './exchangeLimits'
import { neutraliseCell } from './neutraliseCell'
import type { RegisterCell, RegisterTable } from './registerRows'
import { escapeXlsxText } from './xlsxText'

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
/** Zip entries need a timestamp; a fixed one keeps the output reproducible. */
const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1))

/** Style indexes in `styles.xml`. */
const STYLE_HEADER = 1
const STYLE_WRAP = 2

/** Options for {@link registerToXlsx}. */
export interface RegisterXlsxOptions {
  /** Sheet name; default `Register`. Cut to Excel's 31 characters, `[]:*?/\` removed. */
  sheetName?: string
}

/** Column letters of a zero-based column index: 0 → A, 26 → AA. */
export function xlsxColumnName(index: number): string {
  let name = ''
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name
  }
  return name
}

function sheetName(name: string | undefined): string {
  const clean = (name ?? 'Register').replace(/[[\]:*?/\\]/g, '').slice(0, 31)
  return clean.trim() === '' ? 'Register' : clean
}

function cellXml(cell: RegisterCell, ref: string, header: boolean): string {
  if (cell === null) return ''
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return ''
    return `<c r="${ref}"${header ? ` s="${STYLE_HEADER}"` : ''}><v>${String(cell)}</v></c>`
  }
  if (cell === '') return ''
  const text = neutraliseCell(cell).slice(0, EXCHANGE_LIMITS.xlsxCellChars)
  const style = header ? STYLE_HEADER : text.includes('\n') ? STYLE_WRAP : 0
  const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
  return (
    `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr">` +
    `<is><t${preserve}>${escapeXlsxText(text)}</t></is></c>`
  )
}

function sheetXml(table: RegisterTable): string {
  const lines = [table.header, ...table.rows].map((row, rowIndex) => {
    const cells = row
      .map((cell, column) =>
        cellXml(cell, `${xlsxColumnName(column)}${rowIndex + 1}`, rowIndex === 0),
      )
      .join('')
    return `<row r="${rowIndex + 1}">${cells}</row>`
  })
  const width = Math.max(table.header.length, 1)
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews>' +
    `<cols><col min="1" max="${width}" width="20" customWidth="1"/></cols>` +
    `<sheetData>${lines.join('')}</sheetData></worksheet>`
  )
}

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>'

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>'

const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  '</Relationships>'

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">' +
  '<alignment vertical="top" wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

function workbookXml(name: string): string {
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheets><sheet name="${escapeXlsxText(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  )
}

/**
 * The register as an XLSX file. Text cells pass through `neutraliseCell`; numbers are
 * number cells. Works the same in the browser and in Node (no Buffer, no streams).
 */
export function registerToXlsx(
  table: RegisterTable,
  options: RegisterXlsxOptions = {},
): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'xl/workbook.xml': strToU8(workbookXml(sheetName(options.sheetName))),
      'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
      'xl/styles.xml': strToU8(STYLES),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml(table)),
    },
    { level: 6, mtime: FIXED_MTIME },
  )
}
