/**
 * Contacts in real Chromium: an owner's contact reaches a facilitator's browser, and not an
 * editor's page, sockets or IndexedDB; a local copy an earlier version left in IndexedDB
 * (contacts inside the map document) is cleared when the map is opened: for a viewer the
 * contact is deleted, for an owner it moves into the confidential document and is kept.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import {
  type AppServer,
  type TrackedPage,
  createMapViaApi,
  launchChromium,
  openTrackedPage,
  shareLinkFor,
  startAppServer,
  waitForMapReady,
} from './browserFixture'

const unique = `${Date.now()}-${Math.random().toString(36).slice(2)}`

/** Every IndexedDB database of the page's origin: its name and its values as Latin-1 text. */
function localDatabases(page: Page): Promise<{ name: string; text: string }[]> {
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
    return Promise.all(names.map(async (name) => ({ name, text: await read(name) })))
  })
}

/** Writes `updates` as the rows of a y-indexeddb copy called `name` (its own layout). */
function seedLocalCopy(page: Page, name: string, updates: Uint8Array[]): Promise<void> {
  return page.evaluate(
    ({ name, rows }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onupgradeneeded = () => {
          request.result.createObjectStore('updates', { autoIncrement: true })
          request.result.createObjectStore('custom')
        }
        request.onerror = () => reject(request.error)
        request.onsuccess = () => {
          const db = request.result
          const transaction = db.transaction('updates', 'readwrite')
          for (const row of rows) transaction.objectStore('updates').add(new Uint8Array(row))
          transaction.oncomplete = () => {
            db.close()
            resolve()
          }
          transaction.onerror = () => reject(transaction.error)
        }
      }),
    { name, rows: updates.map((update) => [...update]) },
  )
}

/** A map document as an earlier version kept it: a record, its contact in `contacts`. */
function oldLocalCopy(email: string): Uint8Array {
  const doc = new Y.Doc()
  const record = createStakeholder(
    { id: 'sh-old', name: 'Kept offline' },
    { now: '2025-06-01T10:00:00.000Z' },
  )
  if (!writeStakeholder(doc, record).ok) throw new Error('invalid record')
  const contact = {
    id: 'c-old',
    name: 'Ama',
    role: '',
    organisation: '',
    email,
    phone: '',
    notes: '',
  }
  doc.getMap('contacts').set('sh-old', new Y.Map([['c-old', contact]]))
  return Y.encodeStateAsUpdate(doc)
}

/** The URLs of the sockets a page opens. */
function socketsOf(page: Page): string[] {
  const urls: string[] = []
  page.on('websocket', (socket) => urls.push(socket.url()))
  return urls
}

/** Selects the card of the stakeholder `name` (it may be outside this person's view). */
async function selectCard(page: Page, name: string): Promise<void> {
  const shape = page.locator('.tl-shape', {
    has: page.locator('.stakeholder-card', { hasText: name }),
  })
  await shape.waitFor({ state: 'attached', timeout: 10_000 })
  const id = await shape.getAttribute('data-shape-id')
  await page.evaluate((shapeId) => {
    ;(window as unknown as { editor: { select(id: string): void } }).editor.select(shapeId!)
  }, id)
  await page.getByRole('tab', { name: 'Stakeholder' }).click()
  await expect.poll(() => page.getByTestId('field-name').inputValue()).toBe(name)
}

describe('contacts in the browser', () => {
  let server: AppServer
  let browser: Browser

  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it("an owner's contact appears in a facilitator's browser, not in an editor's", async () => {
    const email = `owner-added-${unique}@example.org`
    const map = await createMapViaApi(server.url, 'Contacts check')
    const open = async (token: string): Promise<TrackedPage & { sockets: string[] }> => {
      const tracked = await openTrackedPage(browser, server.url)
      const sockets = socketsOf(tracked.page)
      await tracked.page.goto(shareLinkFor(server.url, map.id, token))
      await waitForMapReady(tracked.page)
      return { ...tracked, sockets }
    }
    const owner = await open(map.tokens.owner)
    const facilitator = await open(map.tokens.facilitator)
    const editor = await open(map.tokens.editor)

    await owner.page.getByRole('tab', { name: 'Add' }).click()
    await owner.page.getByLabel('Name', { exact: true }).fill('Farmers union')
    await owner.page.getByRole('button', { name: 'Add stakeholder', exact: true }).click()
    await expect.poll(() => owner.page.getByTestId('field-name').inputValue()).toBe('Farmers union')
    const contacts = owner.page.locator('fieldset.confidential')
    await contacts.getByRole('button', { name: 'Add contact' }).click()
    await contacts.getByLabel('E-mail').fill(email)
    await contacts.getByLabel('E-mail').press('Enter')

    await selectCard(facilitator.page, 'Farmers union')
    const seen = facilitator.page.locator('fieldset.confidential input[type="email"]')
    await expect.poll(() => seen.inputValue(), { timeout: 10_000 }).toBe(email)

    await selectCard(editor.page, 'Farmers union')
    // The editor is not offered contacts, nor the confidential level of a log entry.
    expect(await editor.page.locator('fieldset.confidential').count()).toBe(0)
    await editor.page.getByRole('button', { name: 'Add engagement' }).click()
    const levels = await editor.page
      .getByLabel('Confidentiality')
      .locator('option')
      .allTextContents()
    expect(levels).toEqual(['Public', 'Internal'])
    expect(await editor.page.content()).not.toContain(email)
    const editorCopies = await localDatabases(editor.page)
    expect(editorCopies.map((db) => db.name)).toContain(`stakeholder-canvas:${map.id}`)
    expect(editorCopies.some((db) => db.name.endsWith(':confidential'))).toBe(false)
    expect(editorCopies.some((db) => db.text.includes(email))).toBe(false)
    expect(editor.sockets.some((url) => url.includes('/confidential'))).toBe(false)
    // The owner's and facilitator's browsers keep it in their confidential copy only.
    expect(facilitator.sockets.some((url) => url.includes(`/sync/${map.id}/confidential`))).toBe(
      true,
    )
    await expect
      .poll(async () =>
        (await localDatabases(owner.page))
          .filter((db) => db.text.includes(email))
          .map((db) => db.name),
      )
      .toEqual([`stakeholder-canvas:${map.id}:confidential`])
    expect(owner.errors.concat(facilitator.errors, editor.errors)).toEqual([])
  })

  it("a viewer's local copy from an earlier version loses its contacts on opening", async () => {
    const email = `old-copy-viewer-${unique}@example.org`
    const map = await createMapViaApi(server.url, 'Old copy, viewer')
    const viewer = await openTrackedPage(browser, server.url)
    await viewer.page.goto(`${server.url}/`)
    await seedLocalCopy(viewer.page, `stakeholder-canvas:${map.id}`, [oldLocalCopy(email)])
    expect((await localDatabases(viewer.page)).some((db) => db.text.includes(email))).toBe(true)

    await viewer.page.goto(shareLinkFor(server.url, map.id, map.tokens.viewer))
    await waitForMapReady(viewer.page)
    await expect
      .poll(async () => (await localDatabases(viewer.page)).some((db) => db.text.includes(email)))
      .toBe(false)
    const names = (await localDatabases(viewer.page)).map((db) => db.name)
    expect(names).toContain(`stakeholder-canvas:${map.id}`)
    expect(names.some((name) => name.endsWith(':confidential'))).toBe(false)
  })

  it("an owner's local copy from an earlier version keeps its unsynced contact, moved", async () => {
    const email = `old-copy-owner-${unique}@example.org`
    const map = await createMapViaApi(server.url, 'Old copy, owner')
    const owner = await openTrackedPage(browser, server.url)
    await owner.page.goto(`${server.url}/`)
    await seedLocalCopy(owner.page, `stakeholder-canvas:${map.id}`, [oldLocalCopy(email)])

    await owner.page.goto(shareLinkFor(server.url, map.id, map.tokens.owner))
    await waitForMapReady(owner.page)
    // On the server, in the confidential part (what an owner's export with contacts=1 reads).
    const exported = async (query: string) =>
      (
        await fetch(`${server.url}/api/maps/${map.id}/export.json${query}`, {
          headers: { authorization: `Bearer ${map.tokens.owner}` },
        })
      ).text()
    await expect.poll(() => exported('?contacts=1'), { timeout: 10_000 }).toContain(email)
    expect(await exported('')).not.toContain(email)
    // In this browser, only in the confidential document's copy.
    await expect
      .poll(async () =>
        (await localDatabases(owner.page))
          .filter((db) => db.text.includes(email))
          .map((db) => db.name),
      )
      .toEqual([`stakeholder-canvas:${map.id}:confidential`])
  })
})
