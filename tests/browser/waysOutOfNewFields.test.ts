/**
 * "Every way out of a field keeps what was typed", for the fields issue 18 added: a guest's
 * new name in the participants list, the member search, and the last day of a guest link.
 * Tab, Enter, a click on the canvas, another panel tab, a reload and closing the tab while
 * offline each leave what was typed in place (Enter in the rename saves it: everyone sees
 * the new name); a new tab of the same browser shows it again. Also: an organisation admin
 * signs a member out from the Members tab with the keyboard, in Dutch, and signs out a
 * person found by the search who has access only through a group.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'
import { type StakeholderCanvasServer, createServer } from '../../server/createServer'
import { signInDirectly } from '../server/library/signedInUsers'
import { freeLoopbackPort } from '../server/identity/testIdentityProvider'
import {
  type AppServer,
  type CreatedMap,
  type TrackedPage,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'
import { waysOutOfAField } from './waysOutOfAField'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/**
 * Closes the tab right after the last keystroke, offline (nothing typed can have reached
 * the server), and opens the same map in a new tab of the same browser, which becomes
 * `tracked.page`.
 */
async function closeTabAndReopen(tracked: TrackedPage): Promise<Page> {
  const url = tracked.page.url()
  await tracked.context.setOffline(true)
  await tracked.page.close()
  await tracked.context.setOffline(false)
  const page = await tracked.context.newPage()
  page.on('pageerror', (error) => tracked.errors.push(error.message))
  await page.goto(url)
  await waitForMapReady(page)
  tracked.page = page
  return page
}

/** Back to a panel tab after a way out (a reload starts on the default tab). */
async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click()
}

describe('fields of guests and guest links (open mode)', () => {
  let server: AppServer
  let map: CreatedMap
  let trainer: TrackedPage
  let guest: TrackedPage

  beforeAll(async () => {
    server = await startAppServer()
    map = await createMapViaApi(server.url, 'Rollenspel')
    trainer = await openTrackedPage(browser, server.url, { name: 'Fatima' })
    guest = await openTrackedPage(browser, server.url, { name: 'Ann' })
    await trainer.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await guest.page.goto(shareLinkFor(server.url, map.id, map.tokens.editor))
    await Promise.all([waitForMapReady(trainer.page), waitForMapReady(guest.page)])
  })

  afterAll(async () => {
    await server?.close()
  })

  let n = 0
  for (const way of waysOutOfAField('en')) {
    it(`a guest's new name: typed, then ${way.name}, is kept`, async () => {
      const { page } = trainer
      await showTab(page, 'Workshop')
      await page.getByRole('button', { name: /^Rename / }).click()
      const text = `Minister ${++n}`
      const field = page.getByRole('textbox', { name: /^New name for / })
      await field.click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type(text)
      await way.leave(page)
      if (way.name === 'Enter') {
        // Enter saves: the others see it.
        await showTab(guest.page, 'Workshop')
        await expect
          .poll(() => guest.page.getByTestId('participants').textContent(), { timeout: 5000 })
          .toContain(text)
        return
      }
      await showTab(page, 'Workshop')
      await expect
        .poll(() => page.getByRole('textbox', { name: /^New name for / }).inputValue())
        .toBe(text)
      await page.getByRole('button', { name: 'Cancel' }).click()
      expect(await page.getByRole('textbox', { name: /^New name for / }).count()).toBe(0)
    })
  }

  for (const way of waysOutOfAField('en')) {
    it(`a guest link's last day: typed, then ${way.name}, is kept`, async () => {
      const { page } = trainer
      await showTab(page, 'Share')
      await page.getByLabel('Valid for').selectOption('date')
      const day = new Date(Date.now() + (10 + ++n) * 86_400_000).toISOString().slice(0, 10)
      const field = page.getByLabel('Last day')
      await field.click()
      await field.fill(day)
      await way.leave(page)
      await showTab(page, 'Share')
      expect(await page.getByLabel('Valid for').inputValue()).toBe('date')
      await expect.poll(() => page.getByLabel('Last day').inputValue()).toBe(day)
    })
  }

  it("a guest's new name: typed, then the tab closed offline, is back in a new tab", async () => {
    const { page } = trainer
    await showTab(page, 'Workshop')
    await page.getByRole('button', { name: /^Rename / }).click()
    await page.getByRole('textbox', { name: /^New name for / }).click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('Minister of closed tabs')
    const reopened = await closeTabAndReopen(trainer)
    await showTab(reopened, 'Workshop')
    await expect
      .poll(() => reopened.getByRole('textbox', { name: /^New name for / }).inputValue())
      .toBe('Minister of closed tabs')
    await reopened.getByRole('button', { name: 'Cancel' }).click()
  })

  it("a guest link's last day: typed, then the tab closed offline, is back in a new tab", async () => {
    const { page } = trainer
    await showTab(page, 'Share')
    await page.getByLabel('Valid for').selectOption('date')
    const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10)
    await page.getByLabel('Last day').fill(day)
    const reopened = await closeTabAndReopen(trainer)
    await showTab(reopened, 'Share')
    expect(await reopened.getByLabel('Valid for').inputValue()).toBe('date')
    await expect.poll(() => reopened.getByLabel('Last day').inputValue()).toBe(day)
  })

  it('leaves no errors in either browser', () => {
    expect(trainer.errors.concat(guest.errors)).toEqual([])
  })
})

describe('the member search and signing a person out (organisation mode)', () => {
  let server: StakeholderCanvasServer
  let appUrl: string
  let dataDir: string
  let owner: TrackedPage
  const mapId = 'map-fields-0001'

  beforeAll(async () => {
    const port = await freeLoopbackPort()
    appUrl = `http://127.0.0.1:${port}`
    dataDir = mkdtempSync(join(tmpdir(), 'stakeholder-canvas-browser-'))
    server = createServer(
      loadConfig({
        DATA_DIR: dataDir,
        STATIC_DIR: join(process.cwd(), 'dist/client'),
        LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
        OIDC_ISSUER: 'http://127.0.0.1:9/issuer',
        OIDC_CLIENT_ID: 'canvas',
        OIDC_CLIENT_SECRET: 'test-secret',
        PUBLIC_URL: appUrl,
        OIDC_GROUPS_CLAIM: 'groups',
        ORG_ADMIN_GROUP: 'canvas-admins',
      }),
    )
    await server.listen(port, '127.0.0.1')
    const ann = await signInDirectly(server.store, 'ann', 'Ann de Vries')
    await server.store.createMap({ id: mapId, title: 'Windpark Noord', template: 'blank' })
    await server.store.library.claimMap(mapId, ann.user.id)
    owner = await openTrackedPage(browser, appUrl)
    const [name, value] = ann.cookie.split('=') as [string, string]
    await owner.context.addCookies([{ name, value, url: appUrl, httpOnly: true, sameSite: 'Lax' }])
    await owner.page.goto(`${appUrl}/m/${mapId}`)
    await waitForMapReady(owner.page)
  })

  afterAll(async () => {
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  let n = 0
  for (const way of waysOutOfAField('en')) {
    it(`the member search: typed, then ${way.name}, is kept`, async () => {
      const { page } = owner
      await showTab(page, 'Members')
      const text = `jan${++n}`
      const field = page.getByRole('searchbox', { name: 'Name or e-mail' })
      await field.click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type(text)
      await way.leave(page)
      await showTab(page, 'Members')
      await expect
        .poll(() => page.getByRole('searchbox', { name: 'Name or e-mail' }).inputValue())
        .toBe(text)
    })
  }

  it('the member search: typed, then the tab closed offline, is back in a new tab', async () => {
    await showTab(owner.page, 'Members')
    await owner.page.getByRole('searchbox', { name: 'Name or e-mail' }).click()
    await owner.page.keyboard.press('ControlOrMeta+A')
    await owner.page.keyboard.type('closed-tab search')
    const reopened = await closeTabAndReopen(owner)
    await showTab(reopened, 'Members')
    await expect
      .poll(() => reopened.getByRole('searchbox', { name: 'Name or e-mail' }).inputValue())
      .toBe('closed-tab search')
    await reopened.getByRole('searchbox', { name: 'Name or e-mail' }).fill('')
  })

  it('lets an admin sign a member out with the keyboard, in Dutch', async () => {
    const { store } = server
    const ada = await signInDirectly(store, 'ada', 'Ada Admin', ['canvas-admins'])
    const bob = await signInDirectly(store, 'bob', 'Bob Jansen')
    await store.library.putMember(mapId, 'user', bob.user.id, 'editor')
    const admin = await openTrackedPage(browser, appUrl, { locale: 'nl-NL' })
    const [name, value] = ada.cookie.split('=') as [string, string]
    await admin.context.addCookies([{ name, value, url: appUrl, httpOnly: true, sameSite: 'Lax' }])
    await admin.page.goto(`${appUrl}/m/${mapId}`)
    await waitForMapReady(admin.page)
    await showTab(admin.page, 'Leden')
    // Only admins are offered it: the owner, no admin, is not.
    await showTab(owner.page, 'Share')
    await showTab(owner.page, 'Members')
    await owner.page.locator('.members__list li', { hasText: 'Bob Jansen' }).waitFor()
    expect(await owner.page.getByRole('button', { name: /everywhere/ }).count()).toBe(0)

    const signOut = admin.page.getByRole('button', { name: 'Bob Jansen overal uitloggen' })
    await signOut.focus()
    await admin.page.keyboard.press('Enter')
    await admin.page
      .getByRole('status')
      .filter({ hasText: 'Bob Jansen is overal uitgelogd' })
      .waitFor()
    const library = await fetch(`${appUrl}/api/library`, { headers: { cookie: bob.cookie } })
    expect(library.status).toBe(401)
    await admin.page.screenshot({ path: '/tmp/i18-sessions-admin-sign-out-nl.png' })
    expect(admin.errors.concat(owner.errors)).toEqual([])
    await admin.context.close()
  })

  it('lets an admin sign out a person found by the search who has access through a group', async () => {
    const { store } = server
    const ada = await signInDirectly(store, 'ada', 'Ada Admin', ['canvas-admins'])
    const cem = await signInDirectly(store, 'cem', 'Cem Yilmaz', ['sales'])
    await store.library.putMember(mapId, 'group', 'sales', 'viewer')
    const admin = await openTrackedPage(browser, appUrl, { locale: 'en-GB' })
    const [name, value] = ada.cookie.split('=') as [string, string]
    await admin.context.addCookies([{ name, value, url: appUrl, httpOnly: true, sameSite: 'Lax' }])
    await admin.page.goto(`${appUrl}/m/${mapId}`)
    await waitForMapReady(admin.page)
    await showTab(admin.page, 'Members')
    // Cem is no member himself: the list names the group only.
    await admin.page.locator('.members__list li', { hasText: 'Group sales' }).waitFor()
    expect(await admin.page.locator('.members__list').textContent()).not.toContain('Cem')
    expect(await cemOpensTheMap()).toBe(200)

    await admin.page.getByRole('searchbox', { name: 'Name or e-mail' }).fill('Cem')
    await admin.page.getByRole('button', { name: 'Sign Cem Yilmaz out everywhere' }).click()
    await admin.page
      .getByRole('status')
      .filter({ hasText: 'Cem Yilmaz is signed out everywhere' })
      .waitFor()
    expect(await cemOpensTheMap()).toBe(401)
    // The owner, no admin, finds Cem too but is not offered to sign him out.
    await owner.page.getByRole('searchbox', { name: 'Name or e-mail' }).fill('Cem')
    await owner.page.getByRole('button', { name: /^Add Cem Yilmaz/ }).waitFor()
    expect(await owner.page.getByRole('button', { name: /everywhere/ }).count()).toBe(0)
    await admin.page.screenshot({ path: '/tmp/i18-sign-out-found-person-en.png' })
    expect(admin.errors.concat(owner.errors)).toEqual([])
    await admin.context.close()

    async function cemOpensTheMap() {
      return (await fetch(`${appUrl}/api/maps/${mapId}`, { headers: { cookie: cem.cookie } }))
        .status
    }
  })
})
