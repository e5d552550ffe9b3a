/**
 * The organisation's library in Chromium, in Dutch: a signed-in user (the session cookie
 * set in the browser from a session made in the store; sign-in itself is signIn.test.ts's)
 * sees the maps they are a member of, finds one by a stakeholder's name, archives it and
 * restores it from the archived maps, opens it without any link, and manages its members
 * in the Members tab, where removing the last owner is refused in Dutch.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../../server/config'
import { type StakeholderCanvasServer, createServer } from '../../server/createServer'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import { signInDirectly } from '../server/library/signedInUsers'
import { freeLoopbackPort } from '../server/identity/testIdentityProvider'
import { axeViolations } from './axeCheck'
import { launchChromium, openTrackedPage, waitForMapReady } from './browserFixture'

/** Screenshots for a person to look at; not compared by the tests. */
const SCREENSHOT_DIR = '.tmp/screenshots'

describe('the library in the browser (organisation mode)', () => {
  let browser: Browser
  let server: StakeholderCanvasServer
  let appUrl: string
  let dataDir: string

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const port = await freeLoopbackPort()
    appUrl = `http://127.0.0.1:${port}`
    dataDir = mkdtempSync(join(tmpdir(), 'stakeholder-canvas-browser-'))
    server = createServer(
      loadConfig({
        DATA_DIR: dataDir,
        STATIC_DIR: join(process.cwd(), 'dist/client'),
        LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
        // Nothing here signs in through the provider: the sessions are made in the store.
        OIDC_ISSUER: 'http://127.0.0.1:9/issuer',
        OIDC_CLIENT_ID: 'canvas',
        OIDC_CLIENT_SECRET: 'test-secret',
        PUBLIC_URL: appUrl,
        OIDC_GROUPS_CLAIM: 'groups',
      }),
    )
    await server.listen(port, '127.0.0.1')
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('lists, searches, archives and restores maps and opens the Members tab, in Dutch', async () => {
    const { store } = server
    const ann = await signInDirectly(store, 'ann', 'Ann de Vries')
    await signInDirectly(store, 'bob', 'Bob Jansen')
    for (const [id, title] of [
      ['map-windpark-1', 'Windpark Noord'],
      ['map-haven-0001', 'Haven Zuid'],
    ] as const) {
      await store.createMap({ id, title, template: 'blank' })
      await store.library.claimMap(id, ann.user.id)
    }
    const doc = new Y.Doc()
    writeStakeholder(doc, createStakeholder({ id: 'sh-1', name: 'Vogelbescherming' }))
    await store.appendUpdates('map-windpark-1', [Y.encodeStateAsUpdate(doc)])
    await store.library.recordSummary('map-windpark-1', {
      stakeholderNames: ['Vogelbescherming'],
      updatedBy: 'Ann de Vries',
    })

    const { page, context, errors } = await openTrackedPage(browser, appUrl, { locale: 'nl-NL' })
    const [name, value] = ann.cookie.split('=') as [string, string]
    await context.addCookies([{ name, value, url: appUrl, httpOnly: true, sameSite: 'Lax' }])
    await page.goto(appUrl)
    await page.getByRole('heading', { name: 'Kaarten van je organisatie' }).waitFor()
    const rows = page.locator('.library__table tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    const windpark = rows.filter({ hasText: 'Windpark Noord' })
    await expect.poll(() => windpark.textContent()).toContain('door Ann de Vries')
    expect(await windpark.textContent()).toContain('Eigenaar')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/library-nl.png`, fullPage: true })
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('vogel')
    await expect.poll(() => rows.count()).toBe(1)
    await expect.poll(() => rows.first().textContent()).toContain('Windpark Noord')
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('')
    await expect.poll(() => rows.count()).toBe(2)

    await page.getByRole('button', { name: 'Archiveren: Haven Zuid' }).click()
    await expect.poll(() => rows.count()).toBe(1)
    await page.getByRole('checkbox', { name: 'Gearchiveerde kaarten' }).check()
    await page.getByRole('button', { name: 'Terugzetten: Haven Zuid' }).waitFor()
    expect(await rows.count()).toBe(1)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/library-nl-archived.png` })
    await page.getByRole('button', { name: 'Terugzetten: Haven Zuid' }).click()
    await page.getByText('Geen gearchiveerde kaarten.').waitFor()
    await page.getByRole('checkbox', { name: 'Gearchiveerde kaarten' }).uncheck()
    await page.getByRole('button', { name: 'Archiveren: Haven Zuid' }).waitFor()
    expect(await rows.count()).toBe(2)

    // Open the map from the library: no link, the session's membership lets it in.
    await page.getByRole('link', { name: 'Windpark Noord' }).click()
    await waitForMapReady(page)
    await page.getByRole('tab', { name: 'Leden' }).click()
    await page.getByRole('heading', { name: 'Leden', level: 3 }).waitFor()
    await page.getByRole('button', { name: 'Ann de Vries verwijderen' }).click()
    await page.getByRole('alert').filter({ hasText: 'minstens één eigenaar' }).waitFor()
    await page.getByRole('searchbox', { name: 'Naam of e-mailadres' }).fill('bob')
    await page.getByRole('button', { name: /Bob Jansen .* toevoegen als bewerker/ }).click()
    await page.locator('.members__list li', { hasText: 'Bob Jansen' }).waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/library-nl-members.png` })
    expect(await axeViolations(page)).toEqual([])
    const members = await store.library.listMembers('map-windpark-1')
    expect(members.map((m) => [m.user?.name, m.role])).toEqual([
      ['Ann de Vries', 'owner'],
      ['Bob Jansen', 'editor'],
    ])
    expect(errors.filter((e) => !e.includes('409'))).toEqual([])
    await context.close()
  })

  it('shows the library in English, with the date in English', async () => {
    const eve = await signInDirectly(server.store, 'eve', 'Eve Miller')
    await server.store.createMap({ id: 'map-english-01', title: 'Port West', template: 'blank' })
    await server.store.library.claimMap('map-english-01', eve.user.id)
    const { page, context } = await openTrackedPage(browser, appUrl, { locale: 'en-GB' })
    const [name, value] = eve.cookie.split('=') as [string, string]
    await context.addCookies([{ name, value, url: appUrl, httpOnly: true, sameSite: 'Lax' }])
    await page.goto(appUrl)
    await page.getByRole('heading', { name: 'Your organisation’s maps' }).waitFor()
    const row = page.locator('.library__table tbody tr', { hasText: 'Port West' })
    await row.waitFor()
    const month = new Intl.DateTimeFormat('en-GB', { month: 'short' }).format(new Date())
    expect(await row.textContent()).toContain(month)
    expect(await row.textContent()).toContain('Owner')
    await page.getByRole('button', { name: 'Archive: Port West' }).waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/library-en.png`, fullPage: true })
    await context.close()
  })
})
