/**
 * "A map with a page per role": the set-up the editor's browser tests share. One real server,
 * one Chromium, one map made through the HTTP API, and for each role asked for a browser
 * context of its own (a separate person) opened on that role's share link and connected.
 * Also the steps those tests repeat: add stakeholders through the Add tab, open the editor
 * on one, and read a stakeholder back as the server holds it (through the export API, as an
 * integrator would).
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { en } from '../../client/i18n/messages.en'
import { nl } from '../../client/i18n/messages.nl'
import type { MapJson } from '../../shared/exchange/mapJsonFormat'
import { formatMessage } from '../../shared/i18n/formatMessage'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
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
  zoomToFit,
} from './browserFixture'

/** A role a share link can carry. */
export type MapRole = keyof CreatedMap['tokens']

/** What {@link openMapWithRolePages} answers; `close()` ends the browser and the server. */
export interface MapWithRolePages<R extends MapRole> {
  server: AppServer
  browser: Browser
  map: CreatedMap
  /** One person per role, each on the map with that role's link. */
  pages: Record<R, TrackedPage>
  /** The share link of `role`. */
  link(role: MapRole): string
  /** The stakeholder called `name` as the server holds it, contacts included. */
  serverRecord(name: string): Promise<Stakeholder | undefined>
  close(): Promise<void>
}

/** Starts a server and Chromium, makes a map, and opens it once for each role in `roles`. */
export async function openMapWithRolePages<R extends MapRole>(options: {
  title: string
  roles: readonly R[]
  /** The browsers' language; en-GB unless told. */
  locale?: string
  /** Server settings, as for startAppServer. */
  env?: Record<string, string>
}): Promise<MapWithRolePages<R>> {
  const server = await startAppServer(options.env)
  const browser = await launchChromium()
  try {
    const map = await createMapViaApi(server.url, options.title)
    const link = (role: MapRole) => shareLinkFor(server.url, map.id, map.tokens[role])
    const pages = {} as Record<R, TrackedPage>
    for (const role of options.roles) {
      const name = role[0]!.toUpperCase() + role.slice(1)
      const tracked = await openTrackedPage(browser, server.url, { name, locale: options.locale })
      tracked.page.setDefaultTimeout(10_000)
      await tracked.page.goto(link(role))
      await waitForMapReady(tracked.page)
      pages[role] = tracked
    }
    return {
      server,
      browser,
      map,
      pages,
      link,
      async serverRecord(name) {
        const response = await fetch(`${server.url}/api/maps/${map.id}/export.json?contacts=1`, {
          headers: { authorization: `Bearer ${map.tokens.owner}` },
        })
        expect(response.status).toBe(200)
        const json = (await response.json()) as MapJson
        // Asked with contacts=1, so every record carries its contacts.
        return json.stakeholders.find((stakeholder) => stakeholder.name === name) as
          Stakeholder | undefined
      },
      async close() {
        await browser.close()
        await server.close()
      },
    }
  } catch (failure) {
    await browser.close()
    await server.close()
    throw failure
  }
}

/** The UI catalogue of `page`'s language, for set-up steps only (assertions spell text out). */
export async function catalogueOf(page: Page) {
  const lang = await page.evaluate(() => document.documentElement.lang || navigator.language)
  return lang.startsWith('nl') ? nl : en
}

/** Adds `names` to the board through the Add tab's list, and fits them in view. */
export async function addStakeholders(page: Page, names: readonly string[]) {
  const text = await catalogueOf(page)
  await page.getByRole('tab', { name: text['panel.tab.add'] }).click()
  await page.getByLabel(text['add.many.label']).fill(names.join('\n'))
  await page
    .getByRole('button', {
      name: formatMessage(text === nl ? 'nl' : 'en', text['add.many.submit'], {
        count: names.length,
      }),
    })
    .click()
  for (const name of names) await page.locator('.stakeholder-card', { hasText: name }).waitFor()
  await zoomToFit(page)
}

/** Selects the card showing `name` (as the register's "show" does) and opens its editor. */
export async function openEditorOn(page: Page, name: string) {
  const text = await catalogueOf(page)
  await page.locator('.stakeholder-card', { hasText: name }).first().waitFor()
  const id = await page
    .locator('.tl-shape', { has: page.locator('.stakeholder-card', { hasText: name }) })
    .first()
    .getAttribute('data-shape-id')
  if (!id) throw new Error(`no card for ${name}`)
  await page.evaluate((shapeId) => {
    ;(window as unknown as { editor: { select(id: string): void } }).editor.select(shapeId)
  }, id)
  await page.getByRole('tab', { name: text['panel.tab.stakeholder'] }).click()
  await page.waitForFunction(
    (wanted) =>
      (document.querySelector('[data-testid="field-name"]') as HTMLInputElement | null)?.value ===
        wanted || document.querySelector('.side-panel__body')?.textContent?.includes(wanted),
    name,
  )
}

/** Opens the entry block (impact, log entry, contact) that holds `input`, if it is closed. */
export async function revealEntryField(page: Page, input: Locator) {
  if (await input.isVisible()) return
  await input.locator('xpath=ancestor::details[1]').locator('summary').first().click()
  await input.waitFor({ state: 'visible' })
}
