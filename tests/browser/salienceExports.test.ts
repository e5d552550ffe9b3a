/**
 * Not assessed and assessed as absent, in real Chromium and in Dutch: an affected group that
 * nobody has scored is "Saillantie niet beoordeeld" in the register and the report the
 * browser makes (CSV, XLSX read by two independent readers, report), in Dutch and English;
 * dropping a card in the salience diagram's "none" region files "Geen stakeholder
 * (beoordeeld als afwezig)" everywhere, the server's export API included. Also: the report's
 * register fits a landscape A4 page in readable type, and a one-page map shows no page name.
 */
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import readExcelFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { regionAnchor } from '../../client/shapes/salience-diagram/salienceGeometry'
import { readStakeholders, writeStakeholder } from '../../shared/document/stakeholderDocument'
import { parseCsv } from '../../shared/exchange/parseCsv'
import { libreOfficeAvailable, readWithLibreOffice } from '../libreOfficeSheets'
import { unscoredRightsholders } from '../shared/exchange/salienceCases'
import {
  type AppServer,
  type CreatedMap,
  type TestEditor,
  type TrackedPage,
  createMapViaApi,
  dragOnScreen,
  launchChromium,
  openTrackedPage,
  shapeCentreOnScreen,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
  zoomToFit,
} from './browserFixture'

const SCREENSHOT_DIR = '.tmp/screenshots'
const UNSCORED = 'Inheemse gemeenschap Kayapó'
const CLUB = 'Lokale sportclub'

const WORDS = {
  nl: {
    notAssessed: 'Saillantie niet beoordeeld',
    absent: 'Geen stakeholder (beoordeeld als afwezig)',
    salienceColumn: 'Saillantieklasse',
    nameColumn: 'Naam',
    csv: 'CSV downloaden',
    xlsx: 'XLSX downloaden',
  },
  en: {
    notAssessed: 'Salience not assessed',
    absent: 'Non-stakeholder (assessed as absent)',
    salienceColumn: 'Salience class',
    nameColumn: 'Name',
    csv: 'Download CSV',
    xlsx: 'Download XLSX',
  },
} as const

/** Writes `records` into the map from Node, with the published y-websocket client. */
async function seedMap(server: AppServer, map: CreatedMap) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, map.id, doc, {
    params: { token: map.tokens.editor },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  const written = writeStakeholder(doc, unscoredRightsholders())
  if (!written.ok) throw new Error(JSON.stringify(written.errors))
  // The server has it once a second client reads it back.
  const check = new Y.Doc()
  const reader = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, map.id, check, {
    params: { token: map.tokens.viewer },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => {
    const done = () => {
      if (readStakeholders(check).stakeholders.length === 0) return
      check.off('update', done)
      resolve()
    }
    check.on('update', done)
    done()
  })
  reader.destroy()
  provider.destroy()
}

/** Clicks `button` and answers the bytes of the download it starts. */
async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
  const path = await file.path()
  if (path === null) throw new Error(`download of ${button} failed`)
  return readFileSync(path)
}

/** The salience cell of the row whose name is `name`, in a table with a header row. */
function salienceOf(rows: readonly (readonly unknown[])[], locale: 'nl' | 'en', name: string) {
  const header = rows[0]!.map(String)
  const row = rows.find((cells) => cells[header.indexOf(WORDS[locale].nameColumn)] === name)
  return row?.[header.indexOf(WORDS[locale].salienceColumn)]
}

/** The register as the CSV and XLSX buttons give it: salience of `name` per reader. */
async function exportedSalience(page: Page, locale: 'nl' | 'en', name: string) {
  const csv = parseCsv((await download(page, WORDS[locale].csv)).toString('utf8'))
  if (!csv.ok) throw new Error(csv.error.code)
  const xlsx = await download(page, WORDS[locale].xlsx)
  const sheets = await readExcelFile(xlsx)
  const found = {
    csv: salienceOf(csv.rows, locale, name),
    xlsx: salienceOf(sheets[0]!.data, locale, name),
    libreOffice: undefined as unknown,
  }
  if (libreOfficeAvailable()) {
    const register = (await readWithLibreOffice(xlsx)).get(sheets[0]!.sheet)!
    found.libreOffice = salienceOf(register, locale, name)
  } else found.libreOffice = found.xlsx
  return found
}

/** The report's language select and open button, as a Dutch UI labels them. */
const REPORT_LANGUAGE = 'Taal van het rapport'
const OPEN_REPORT = 'Rapport openen en afdrukken'

/** Opens the report in `locale` from the Dutch export panel; answers its window. */
async function openReport(tracked: TrackedPage, locale: 'nl' | 'en'): Promise<Page> {
  const { page, context } = tracked
  await page.getByLabel(REPORT_LANGUAGE).selectOption(locale)
  const [report] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: OPEN_REPORT }).click(),
  ])
  await report.waitForLoadState('load')
  return report
}

/** The report's HTML in `locale`; its window is closed again. */
async function reportHtml(tracked: TrackedPage, locale: 'nl' | 'en'): Promise<string> {
  const report = await openReport(tracked, locale)
  const html = await report.content()
  await report.close()
  return html
}

describe('not assessed and assessed as absent, in the browser', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let owner: TrackedPage

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, 'Palmolie Borneo')
    await seedMap(server, map)
    owner = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    await owner.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(owner.page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('shows no page name on a one-page map', async () => {
    const { page } = owner
    expect(await page.getByText(/^(Page|Pagina) 1$/).count()).toBe(0)
    expect(await page.locator('.tlui-page-menu__trigger').count()).toBe(0)
  })

  it('files an unscored affected group as "niet beoordeeld" in the CSV, XLSX and report, in Dutch and English', async () => {
    const { page } = owner
    await page.getByRole('tab', { name: 'Gegevens' }).click()
    expect(await exportedSalience(page, 'nl', UNSCORED)).toEqual({
      csv: WORDS.nl.notAssessed,
      xlsx: WORDS.nl.notAssessed,
      libreOffice: WORDS.nl.notAssessed,
    })
    for (const locale of ['nl', 'en'] as const) {
      const html = await reportHtml(owner, locale)
      const register = /<section[^>]*id="register">(.*?)<\/section>/s.exec(html)?.[1] ?? ''
      expect(register).toContain(`<td>${WORDS[locale].notAssessed}</td>`)
      const figure = /<g data-class="not-assessed">(.*?)<\/g>/s.exec(html)?.[1] ?? ''
      expect(figure).toContain('data-stakeholder-id="sh-unscored"')
    }
    // The same in the English UI.
    await page.locator('.language-switch select').selectOption('en')
    await page.getByRole('tab', { name: 'Data' }).click()
    expect(await exportedSalience(page, 'en', UNSCORED)).toEqual({
      csv: WORDS.en.notAssessed,
      xlsx: WORDS.en.notAssessed,
      libreOffice: WORDS.en.notAssessed,
    })
    await page.locator('.language-switch select').selectOption('nl')
    expect(owner.errors).toEqual([])
  })

  it('a drop in the "none" region of the salience diagram is stored as assessed as absent, everywhere', async () => {
    const { page } = owner
    await page.getByRole('tab', { name: 'Toevoegen' }).click()
    await page.getByRole('button', { name: 'Saillantiediagram' }).click()
    await page.getByLabel('Naam', { exact: true }).fill(CLUB)
    await page.getByRole('button', { name: 'Stakeholder toevoegen', exact: true }).click()
    await zoomToFit(page)
    const clubCard = page.locator('.stakeholder-card', { hasText: CLUB })
    // Nobody has scored it: not assessed, not a non-stakeholder.
    expect(await clubCard.getAttribute('data-salience')).toBe('not-assessed')
    const [diagram] = await page.evaluate(() =>
      (window as unknown as { editor: TestEditor }).editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'salience-diagram'),
    )
    const anchor = regionAnchor(
      'non-stakeholder',
      diagram!.props.w as number,
      diagram!.props.h as number,
    )
    const target = await page.evaluate(
      ({ id, point }) => {
        const editor = (window as unknown as { editor: TestEditor }).editor
        const bounds = editor.getShapePageBounds(id)!
        return editor.pageToScreen({ x: bounds.x + point.x, y: bounds.y + point.y })
      },
      { id: diagram!.id, point: anchor },
    )
    const cardId = await page.locator('.tl-shape', { has: clubCard }).getAttribute('data-shape-id')
    await dragOnScreen(page, await shapeCentreOnScreen(page, cardId!), target)
    await expect
      .poll(() => clubCard.getAttribute('data-salience'), { timeout: 5000 })
      .toBe('non-stakeholder')
    expect(await clubCard.textContent()).toContain(WORDS.nl.absent)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/salience-none-region-nl.png` })

    // Every attribute judged absent (below the threshold), none left unassessed.
    await page.getByRole('tab', { name: 'Stakeholder' }).click()
    for (const attribute of ['power', 'legitimacy', 'urgency']) {
      const value = await page.getByTestId(`field-${attribute}`).inputValue()
      expect(Number(value), attribute).toBeGreaterThanOrEqual(1)
      expect(Number(value), attribute).toBeLessThan(3)
    }
    expect(await page.getByTestId('model-salience').textContent()).toBe(WORDS.nl.absent)

    await page.getByRole('tab', { name: 'Gegevens' }).click()
    expect(await exportedSalience(page, 'nl', CLUB)).toEqual({
      csv: WORDS.nl.absent,
      xlsx: WORDS.nl.absent,
      libreOffice: WORDS.nl.absent,
    })
    const html = await reportHtml(owner, 'nl')
    const judged = /<g data-class="non-stakeholder">(.*?)<\/g>/s.exec(html)?.[1] ?? ''
    expect(judged).toContain(CLUB)
    // The server's export API says the same, for any role that may read the map.
    await expect
      .poll(async () => {
        const response = await fetch(
          `${server.url}/api/maps/${map.id}/export.csv?lang=nl&token=${map.tokens.viewer}`,
        )
        const parsed = parseCsv(await response.text())
        return parsed.ok ? salienceOf(parsed.rows, 'nl', CLUB) : parsed.error.code
      })
      .toBe(WORDS.nl.absent)
    expect(owner.errors).toEqual([])
  })

  it('prints the report register on landscape A4 pages in readable type', async () => {
    // The opened window prints at once; lay the same report out in a page of our own.
    const report = await owner.context.newPage()
    await report.setContent(await reportHtml(owner, 'nl'))
    await report.emulateMedia({ media: 'print' })
    // A4 landscape less the register page's margins (10 mm each side), at 96 px per inch.
    const printable = Math.floor(((297 - 20) / 25.4) * 96)
    await report.setViewportSize({ width: printable, height: 700 })
    const fit = await report.evaluate(() => {
      const table = document.querySelector('#register table') as HTMLTableElement
      const cell = table.querySelector('td') as HTMLTableCellElement
      return {
        width: table.getBoundingClientRect().width,
        scrollWidth: table.scrollWidth,
        fontPx: parseFloat(getComputedStyle(cell).fontSize),
        columns: table.querySelectorAll('thead th').length,
      }
    })
    expect(fit.scrollWidth).toBeLessThanOrEqual(printable)
    expect(fit.width).toBeLessThanOrEqual(printable)
    // 8 pt = 10.67 px: print type a reader can read.
    expect(fit.fontPx).toBeGreaterThanOrEqual(10.6)
    expect(fit.columns).toBeLessThanOrEqual(15)
    const pdf = await report.pdf({ preferCSSPageSize: true, printBackground: true })
    expect(pdf.byteLength).toBeGreaterThan(10_000)
    await report.close()
  })
})
