/**
 * A workbook as an XLSX file, written by hand as minimal SpreadsheetML and zipped with
 * fflate: one worksheet per sheet given, inline strings (no shared-string table to keep in
 * step), a bold frozen header row, wrapped text for multi-line cells, column widths from
 * the content. The output is deterministic: the same sheets give the same bytes (fixed zip
 * timestamps), so exports can be compared and cached.
 *
 * Text is always written as a string cell (`t="inlineStr"`), never as a formula, so a value
 * like `=HYPERLINK(…)` is shown as typed and cannot run: the CSV formula guard
 * (`neutraliseCell`, a leading apostrophe) is not needed here and would show in the cell.
 */
import { strToU8, zipSync } from 'fflate'
import { EXCHANGE_LIMITS } from './exchangeLimits'
import type { RegisterCell } from './registerRows'
import { escapeXlsxText } from './xlsxText'

/** One sheet of a workbook: its name, header row and data rows. */
export interface WorkbookSheet {
  /** Cut to Excel's 31 characters, `[]:*?/\` removed; must be unique in the workbook. */
  name: string
  header: string[]
  rows: RegisterCell[][]
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
/** Zip entries need a timestamp; a fixed one keeps the output reproducible. */
const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1))

/** Style indexes in `styles.xml`. */
const STYLE_HEADER = 1
const STYLE_WRAP = 2

/** Column letters of a zero-based column index: 0 → A, 26 → AA. */
export function xlsxColumnName(index: number): string {
  let name = ''
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name
  }
  return name
}

/** A name Excel accepts, unique among `taken` (Excel refuses duplicates). */
function sheetName(name: string, index: number, taken: Set<string>): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, '')
    .slice(0, 31)
    .trim()
  let unique = clean === '' ? `Sheet${index + 1}` : clean
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${clean.slice(0, 28)} ${n}`
  taken.add(unique.toLowerCase())
  return unique
}

/** Widest line of a cell, in characters. */
function cellWidth(cell: RegisterCell): number {
  if (cell === null) return 0
  const text = typeof cell === 'number' ? String(cell) : cell
  return Math.max(0, ...text.split('\n').map((line) => line.length))
}

/** Widest column, in Excel's character units; longer text wraps. */
const MAX_COLUMN_WIDTH = 60

/** Column widths that fit the content, within 8 and {@link MAX_COLUMN_WIDTH}. */
function columnWidths(sheet: WorkbookSheet): number[] {
  return sheet.header.map((header, column) => {
    const widest = Math.max(
      cellWidth(header),
      ...sheet.rows.map((row) => cellWidth(row[column] ?? null)),
    )
    return Math.min(MAX_COLUMN_WIDTH, Math.max(8, widest + 2))
  })
}

function cellXml(cell: RegisterCell, ref: string, header: boolean): string {
  if (cell === null) return ''
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return ''
    return `<c r="${ref}"${header ? ` s="${STYLE_HEADER}"` : ''}><v>${String(cell)}</v></c>`
  }
  if (cell === '') return ''
  const text = cell.slice(0, EXCHANGE_LIMITS.xlsxCellChars)
  const wraps = text.includes('\n') || text.length > MAX_COLUMN_WIDTH
  const style = header ? STYLE_HEADER : wraps ? STYLE_WRAP : 0
  const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
  return (
    `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr">` +
    `<is><t${preserve}>${escapeXlsxText(text)}</t></is></c>`
  )
}

function sheetXml(sheet: WorkbookSheet): string {
  const lines = [sheet.header, ...sheet.rows].map((row, rowIndex) => {
    const cells = row
      .map((cell, column) =>
        cellXml(cell, `${xlsxColumnName(column)}${rowIndex + 1}`, rowIndex === 0),
      )
      .join('')
    return `<row r="${rowIndex + 1}">${cells}</row>`
  })
  const widths = columnWidths(sheet)
  const cols =
    widths.length === 0
      ? ''
      : `<cols>${widths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews>' +
    cols +
    `<sheetData>${lines.join('')}</sheetData></worksheet>`
  )
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  )
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>'
  )
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>'

/** Relationship ids: rId1 … rIdN are the sheets, rId(N+1) the styles. */
function workbookRels(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Relationship Id="rId${index + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  )
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    sheets.join('') +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  )
}

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

function workbookXml(names: readonly string[]): string {
  const sheets = names.map(
    (name, index) =>
      `<sheet name="${escapeXlsxText(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
  )
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheets>${sheets.join('')}</sheets></workbook>`
  )
}

/**
 * The sheets as an XLSX file, in the order given (the first opens first). Numbers are number
 * cells; text is string cells. Works the same in the browser and in Node (no Buffer, no
 * streams).
 */
export function writeXlsx(sheets: readonly WorkbookSheet[]): Uint8Array {
  const taken = new Set<string>()
  const names = sheets.map((sheet, index) => sheetName(sheet.name, index, taken))
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(workbookXml(names)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels(sheets.length)),
    'xl/styles.xml': strToU8(STYLES),
  }
  sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(sheetXml(sheet))
  })
  return zipSync(files, { level: 6, mtime: FIXED_MTIME })
}
