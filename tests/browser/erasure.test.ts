/**
 * Erasing personal data from the interface, in real Chromium: the owner erases a contact in
 * Dutch after the confirmation dialog; afterwards the e-mail address is in no file of the
 * data directory, in no version, and not in the IndexedDB copy of a facilitator's browser
 * that held it while away and then came back; facilitators and editors are refused.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AppServer,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

const SHOTS = '/tmp/hb-shots'

/** Every value of every IndexedDB database of the page's origin, as Latin-1 text. */
function localText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const read = (name: string) =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          const stores = [...db.objectStoreNames]
          if (stores.length === 0) return resolve('')
          const transaction = db.transaction(stores, 'readonly')
          const parts: string[] = []
          for (const store of stores) {
            const all = transaction.objectStore(store).getAll()
            all.onsuccess = () => {
              for (const value of all.result as unknown[]) {
                const bytes =
                  value instanceof Uint8Array ? value : new TextEncoder().encode(String(value))
                parts.push(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
              }
            }
          }
          transaction.oncomplete = () => {
            db.close()
            resolve(parts.join('\n'))
          }
        }
      })
    const names = (await indexedDB.databases()).flatMap((db) => (db.name ? [db.name] : []))
    return (await Promise.all(names.map(read))).join('\n')
  })
}

/** Selects the card of stakeholder `name` and opens the stakeholder tab (any language). */
async function selectCard(page: Page, name: string): Promise<void> {
  const shape = page.locator('.tl-shape', {
    has: page.locator('.stakeholder-card', { hasText: name }),
  })
  await shape.waitFor({ state: 'attached', timeout: 15_000 })
  const id = await shape.getAttribute('data-shape-id')
  await page.evaluate((shapeId) => {
    ;(window as unknown as { editor: { select(id: string): void } }).editor.select(shapeId!)
  }, id)
  await page.locator('#tab-stakeholder').click()
  await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe(name)
}

describe('erasing personal data from the interface', () => {
  let server: AppServer
  let browser: Browser

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
    await fs.mkdir(SHOTS, { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the owner erases a contact in Dutch: gone from the data files, versions and a returning browser', async () => {
    const email = `wis-mij-${Date.now()}@example.org`
    const map = await createMapViaApi(server.url, 'Erasure check')
    const link = (token: string) => shareLinkFor(server.url, map.id, token)

    // A facilitator records the contact; their browser keeps a copy of it.
    const facilitator = await openTrackedPage(browser, server.url)
    await facilitator.page.goto(link(map.tokens.facilitator))
    await waitForMapReady(facilitator.page)
    await facilitator.page.getByRole('tab', { name: 'Add' }).click()
    await facilitator.page.getByLabel('Name', { exact: true }).fill('Boerenbond')
    await facilitator.page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    await expect
      .poll(() => facilitator.page.getByTestId('field-name').inputValue())
      .toBe('Boerenbond')
    const contacts = facilitator.page.locator('fieldset.confidential')
    await contacts.getByRole('button', { name: 'Add contact' }).click()
    await contacts.getByTestId('contact-name').fill('Jan Jansen')
    await contacts.getByTestId('contact-name').press('Enter')
    await contacts.getByLabel('E-mail').fill(email)
    await contacts.getByLabel('E-mail').press('Enter')
    // Not the owner: the button says it only removes from the current map, no erasure.
    await expect
      .poll(() => contacts.getByRole('button', { name: 'Remove from current map' }).count())
      .toBe(1)
    expect(await contacts.getByTestId('erase-contact').count()).toBe(0)
    await expect.poll(() => localText(facilitator.page), { timeout: 10_000 }).toContain(email)
    const named = await fetch(`${server.url}/api/maps/${map.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.tokens.owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Na de workshop' }),
    })
    expect(named.status).toBe(201)
    // The facilitator's browser goes away, with its copy.
    await facilitator.page.close()

    // Facilitator and editor tokens are refused by the server.
    const eraseUrl = (sid: string, cid: string) =>
      `${server.url}/api/maps/${map.id}/stakeholders/${sid}/contacts/${cid}/erase`
    const owner = await openTrackedPage(browser, server.url, { locale: 'nl-NL' })
    await owner.page.goto(link(map.tokens.owner))
    await waitForMapReady(owner.page)
    await selectCard(owner.page, 'Boerenbond')
    const entry = owner.page.locator('fieldset.confidential details.entry')
    const [stakeholderId, contactId] = [
      await owner.page.evaluate(() => {
        const editor = (
          window as unknown as {
            editor: { getSelectedShapes(): { props: { stakeholderId: string } }[] }
          }
        ).editor
        return editor.getSelectedShapes()[0]!.props.stakeholderId
      }),
      await entry.getAttribute('data-entry-id'),
    ]
    for (const role of ['facilitator', 'editor'] as const) {
      const refused = await fetch(eraseUrl(stakeholderId, contactId!), {
        method: 'POST',
        headers: { authorization: `Bearer ${map.tokens[role]}` },
      })
      expect(refused.status).toBe(403)
    }

    // The dialog in English, from a second owner window.
    const english = await openTrackedPage(browser, server.url)
    await english.page.goto(link(map.tokens.owner))
    await waitForMapReady(english.page)
    await selectCard(english.page, 'Boerenbond')
    await english.page.locator('fieldset.confidential summary').click()
    await english.page.getByTestId('erase-contact').click()
    await expect.poll(() => english.page.getByTestId('erase-contact-dialog').isVisible()).toBe(true)
    await english.page.screenshot({ path: path.join(SHOTS, 'erase-dialog-en.png') })
    await english.context.close()

    // In Dutch: the dialog says what it does; focus on Annuleren; Escape cancels.
    await entry.locator('summary').click()
    const trigger = owner.page.getByTestId('erase-contact')
    await trigger.click()
    const dialog = owner.page.getByTestId('erase-contact-dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.innerText()).toContain('alle versies en de database')
    expect(await dialog.innerText()).toContain('niet ongedaan')
    expect(await owner.page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren')
    await owner.page.screenshot({ path: path.join(SHOTS, 'erase-dialog-nl.png') })
    await owner.page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(
      await owner.page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('erase-contact')
    expect(await entry.count()).toBe(1)

    await trigger.click()
    await owner.page.getByTestId('erase-contact-confirm').click()
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(0)

    // No file of the data directory holds the address (database, -wal, -shm).
    const needle = Buffer.from(email)
    const holding = async () => {
      const found: string[] = []
      for (const file of await fs.readdir(server.dataDir)) {
        const full = path.join(server.dataDir, file)
        if ((await fs.stat(full)).isFile() && (await fs.readFile(full)).includes(needle)) {
          found.push(file)
        }
      }
      return found
    }
    await expect.poll(holding, { timeout: 10_000 }).toEqual([])
    // Nor any version (both parts).
    const auth = { authorization: `Bearer ${map.tokens.owner}` }
    const versions = (await (
      await fetch(`${server.url}/api/maps/${map.id}/versions`, { headers: auth })
    ).json()) as { id: number }[]
    expect(versions.length).toBeGreaterThan(0)
    for (const version of versions) {
      for (const part of ['', '/confidential']) {
        const url = `${server.url}/api/maps/${map.id}/versions/${version.id}${part}`
        const body = Buffer.from(await (await fetch(url, { headers: auth })).arrayBuffer())
        expect(body.includes(needle)).toBe(false)
      }
    }

    // The facilitator's browser comes back: its copy loses the contact, the server stays clean.
    const back = await facilitator.context.newPage()
    await back.goto(link(map.tokens.facilitator))
    await waitForMapReady(back)
    await expect.poll(() => localText(back), { timeout: 15_000 }).not.toContain(email)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const exported = await fetch(`${server.url}/api/maps/${map.id}/export.json?contacts=1`, {
      headers: auth,
    })
    expect(await exported.text()).not.toContain(email)
    expect(await holding()).toEqual([])
    await facilitator.context.close()
    await owner.context.close()
  })
})
