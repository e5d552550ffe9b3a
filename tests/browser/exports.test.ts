/**
 * Import and export in real Chromium, through the panels a facilitator uses: a stakeholder
 * list in, the register, a picture of the board, the report and the whole map out, and the
 * map back in as a new map from the home page. Files are caught as real downloads.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import type { Browser, Download, Page } from 'playwright-core'
import readExcelFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../shared/exchange/parseCsv'
import { parseMapJson } from '../../shared/exchange/parseMapJson'
import type { MapJson } from '../../shared/exchange/mapJsonFormat'
import {
  type AppServer,
  type CreatedMap,
  type TestEditor,
  type TrackedPage,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

const SCREENSHOT_DIR = '.tmp/screenshots'
const TITLE = 'Cacaoketen Ghana'
const FILE_TITLE = 'cacaoketen-ghana'
const FORMULA = '=HYPERLINK("http://x")'
/** A name that would run script if an export put it into markup unescaped. */
const HOSTILE = 'Gemeente <img src=x onerror=alert(1)>'

/**
 * A list as a Dutch participant brings it: Dutch headers, `;`, a formula as a name, and
 * row 4 (Boeren) with power 9, outside the 1–5 scale.
 */
const CSV =
  'Naam;Categorie;Macht;Legitimiteit;Opmerkingen\r\n' +
  'FNV Mondiaal;vakbonden;4;5;Landelijke vakbond\r\n' +
  `"${FORMULA.replace(/"/g, '""')}";ngo;3;3;formule als naam\r\n` +
  'Boeren;gemeenschappen;9;4;score te hoog\r\n' +
  `${HOSTILE};overheid;2;4;\r\n`
const GOOD_NAMES = ['FNV Mondiaal', FORMULA, HOSTILE]

/** The stakeholder-card shapes of the map open in `page`, as `stakeholderId`s. */
function cardStakeholderIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { editor: TestEditor }).editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'stakeholder-card')
      .map((shape) => String(shape.props.stakeholderId))
      .sort(),
  )
}

/** Clicks `button` and answers the download it starts, with its bytes. */
async function downloadFrom(
  page: Page,
  button: string,
): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
  const path = await file.path()
  if (path === null) throw new Error(`download of ${button} failed: ${await file.failure()}`)
  return { file, bytes: readFileSync(path) }
}

/** The server's map JSON of `mapId`, read with the owner's token. */
async function serverMapJson(baseUrl: string, mapId: string, token: string): Promise<MapJson> {
  const response = await fetch(`${baseUrl}/api/maps/${mapId}/export.json`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as MapJson
}

/** The `<section id="register">` of a report, which must not depend on who rendered it. */
function registerSection(html: string): string {
  return /<section[^>]*id="register">[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
}

describe('import and export in the browser', () => {
  let server: AppServer
  let browser: Browser
  let map: CreatedMap
  let owner: TrackedPage

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    server = await startAppServer()
    browser = await launchChromium()
    map = await createMapViaApi(server.url, TITLE)
    owner = await openTrackedPage(browser, server.url)
    await owner.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(owner.page)
    await owner.page.getByRole('tab', { name: 'Data' }).click()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('imports a Dutch CSV: the bad row is named by its number, Cancel keeps the map as it was, Confirm places cards', async () => {
    const { page } = owner
    const fileInput = page.getByLabel('CSV or Excel file (.csv, .xlsx)')
    const chooseFile = () =>
      fileInput.setInputFiles({
        name: 'stakeholders.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV, 'utf8'),
      })
    await chooseFile()
    await expect.poll(() => page.getByLabel('Imports as: Naam').inputValue()).toBe('name')
    await expect.poll(() => page.getByLabel('Imports as: Macht').inputValue()).toBe('power')
    await page.getByRole('heading', { name: 'Will be imported (3)' }).waitFor()
    await page.getByRole('heading', { name: 'Will not be imported (1)' }).waitFor()
    const rejected = page.locator('.exchange__rejected li')
    await expect.poll(() => rejected.count()).toBe(1)
    expect(await rejected.textContent()).toMatch(/^Row 4: column "Macht"/)

    await page.getByRole('button', { name: 'Cancel', exact: true }).click()
    await page.getByRole('heading', { name: 'Will be imported (3)' }).waitFor({ state: 'detached' })
    expect(await cardStakeholderIds(page)).toEqual([])
    expect(await serverMapJson(server.url, map.id, map.tokens.owner)).toMatchObject({
      stakeholders: [],
    })

    await chooseFile()
    await page.getByRole('button', { name: 'Import 3 stakeholders' }).click()
    await page.getByText('3 stakeholders imported and placed on the board.').waitFor()
    const cards = page.locator('.stakeholder-card')
    await expect.poll(() => cards.count()).toBe(3)
    for (const name of GOOD_NAMES) {
      await page.locator('.stakeholder-card', { hasText: name }).waitFor()
    }
    expect(await page.locator('.stakeholder-card', { hasText: 'Boeren' }).count()).toBe(0)
    // Everyone sees it: the server has exactly the good rows.
    await expect
      .poll(async () =>
        (await serverMapJson(server.url, map.id, map.tokens.owner)).stakeholders
          .map((stakeholder) => stakeholder.name)
          .sort(),
      )
      .toEqual([...GOOD_NAMES].sort())
    expect(owner.errors).toEqual([])
  })

  it('exports the register as CSV with a BOM and the formula neutralised', async () => {
    const { page } = owner
    const { file, bytes } = await downloadFrom(page, 'Download CSV')
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^${FILE_TITLE}-register-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    )
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = parseCsv(bytes.toString('utf8'))
    if (!parsed.ok) throw new Error(parsed.error.code)
    const [header, ...rows] = parsed.rows
    const name = header?.indexOf('Name') ?? -1
    expect(name).toBeGreaterThanOrEqual(0)
    const names = rows.map((row) => row[name])
    expect(names).toContain(`'${FORMULA}`)
    expect(names).not.toContain(FORMULA)
    expect(names).toContain(HOSTILE)
    // Contacts are off by default: no contact columns.
    expect(header).not.toContain('Contact names')
  })

  it('exports the register as an XLSX workbook: the formula as typed, no apostrophe, with impacts and log sheets', async () => {
    const { page } = owner
    const { file, bytes } = await downloadFrom(page, 'Download XLSX')
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${FILE_TITLE}-register-.*\\.xlsx$`))
    const sheets = await readExcelFile(bytes, { trim: false })
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([
      'Register',
      'Impacts',
      'Engagement log',
      'Dialogue plans',
      'Commitments',
      'Evaluations',
      'Self-assessments',
    ])
    const [header, ...rows] = sheets[0]!.data
    const names = rows.map((row) => row[header!.indexOf('Name')])
    expect(names).toContain(FORMULA)
    expect(names).not.toContain(`'${FORMULA}`)
    expect(names).toContain(HOSTILE)
  })

  it('exports the board as an SVG without script and a PNG with a PNG signature', async () => {
    const { page } = owner
    const svg = (await downloadFrom(page, 'Download SVG')).bytes.toString('utf8')
    expect(svg).toMatch(/^<svg[\s>]/)
    // The hostile name is on a card, so it is in the picture, but only as text.
    expect(svg).toContain('Gemeente &lt;img src=x onerror=alert(1)&gt;')
    expect(svg).not.toMatch(/<script/i)
    expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
    expect(svg).not.toMatch(/javascript:/i)

    const png = (await downloadFrom(page, 'Download PNG')).bytes
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.byteLength).toBeGreaterThan(1000)
  })

  it.each(['nl', 'en'] as const)(
    'opens the report in %s, the same register as the server',
    async (locale) => {
      const { page, context } = owner
      await page.getByLabel('Language of the report').selectOption(locale)
      const [report] = await Promise.all([
        context.waitForEvent('page'),
        page.getByRole('button', { name: 'Open report and print' }).click(),
      ])
      await report.waitForLoadState('load')
      await report.setViewportSize({ width: 794, height: 1123 }) // A4 at 96 dpi
      expect(await report.evaluate(() => document.documentElement.lang)).toBe(locale)
      expect(await report.locator('h1').textContent()).toBe(TITLE)
      expect(await report.evaluate(() => document.scripts.length)).toBe(0)
      // The hostile name is shown as text in the register, not turned into an element.
      expect(await report.locator('#register img').count()).toBe(0)
      await report.locator('#register td', { hasText: HOSTILE }).first().waitFor()
      await report.screenshot({ path: `${SCREENSHOT_DIR}/report-${locale}.png` })

      const html = await report.content()
      const fromServer = await fetch(
        `${server.url}/api/maps/${map.id}/report.html?lang=${locale}&token=${map.tokens.viewer}`,
      )
      expect(fromServer.status).toBe(200)
      const serverSection = registerSection(await fromServer.text())
      expect(serverSection).not.toBe('')
      // content() serialises the parsed DOM; parse the server's text the same way to compare.
      await report.setContent(serverSection)
      expect(registerSection(await report.content())).toBe(registerSection(html))
      await report.close()
    },
  )

  it('exports the map JSON and imports it from the home page as a new map', async () => {
    const { page } = owner
    const { file, bytes } = await downloadFrom(page, 'Download map JSON')
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${FILE_TITLE}-map-.*\\.json$`))
    const parsed = parseMapJson(bytes.toString('utf8'))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.value.stakeholders.map((s) => s.name).sort()).toEqual([...GOOD_NAMES].sort())
    const originalCards = await cardStakeholderIds(page)

    await page.goto(server.url)
    await page.getByLabel('Map file exported from Stakeholder Canvas (.json)').setInputFiles({
      name: file.suggestedFilename(),
      mimeType: 'application/json',
      buffer: bytes,
    })
    await page.getByRole('button', { name: 'Import as a new map' }).click()
    await page.waitForURL((url) => /^\/m\/[^/]+$/.test(url.pathname) && !url.href.includes(map.id))
    await waitForMapReady(page)
    const newId = new URL(page.url()).pathname.split('/')[2] ?? ''
    expect(newId).not.toBe(map.id)

    // The same stakeholders, each with its card.
    await expect.poll(() => cardStakeholderIds(page)).toEqual(originalCards)
    for (const name of GOOD_NAMES) {
      await page.locator('.stakeholder-card', { hasText: name }).waitFor()
    }
    const newToken = await page.evaluate(
      (id) =>
        (
          JSON.parse(localStorage.getItem('stakeholder-canvas:access') ?? '{}') as Record<
            string,
            { tokens: { owner?: string } }
          >
        )[id]?.tokens.owner ?? '',
      newId,
    )
    const before = await serverMapJson(server.url, map.id, map.tokens.owner)
    const after = await serverMapJson(server.url, newId, newToken)
    expect(after.title).toBe(TITLE)
    expect(after.stakeholders).toEqual(before.stakeholders)
    const cardsOf = (json: MapJson) =>
      json.tldraw.records.filter((record) => record.type === 'stakeholder-card')
    expect(cardsOf(after)).toEqual(cardsOf(before))
    expect(owner.foreignRequests).toEqual([])
  })
})
