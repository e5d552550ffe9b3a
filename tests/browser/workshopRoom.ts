/**
 * "A workshop room": the set-up the workshop's browser tests share. One real server, one
 * Chromium, one map made through the HTTP API, and its people, each in a browser context of
 * their own: the facilitator on the facilitator link, the participants on the editor link
 * and, when asked, the projector on the viewer link. The facilitator is connected before the
 * others follow their links, so the room is theirs from the start, as in a real workshop.
 */
import type { Browser } from 'playwright-core'
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

/** Who a person is in the room: as openTrackedPage takes it. */
export type WorkshopPerson = NonNullable<Parameters<typeof openTrackedPage>[2]>

/** What {@link openWorkshopRoom} answers; `close()` ends the browser and the server. */
export interface WorkshopRoom {
  server: AppServer
  browser: Browser
  map: CreatedMap
  facilitator: TrackedPage
  participants: TrackedPage[]
  /** The projector on the viewer link; null when none was asked for. */
  projector: TrackedPage | null
  close(): Promise<void>
}

/** Starts a server and Chromium, makes a map, and brings everyone in `options` onto it. */
export async function openWorkshopRoom(options: {
  title: string
  template?: 'blank' | 'ser-phase-1'
  facilitator: WorkshopPerson
  participants: readonly WorkshopPerson[]
  projector?: WorkshopPerson
}): Promise<WorkshopRoom> {
  const server = await startAppServer()
  const browser = await launchChromium()
  const close = async () => {
    await browser.close()
    await server.close()
  }
  try {
    const map = await createMapViaApi(server.url, options.title, options.template)
    const link = (role: keyof CreatedMap['tokens']) =>
      shareLinkFor(server.url, map.id, map.tokens[role])
    const facilitator = await openTrackedPage(browser, server.url, options.facilitator)
    const participants: TrackedPage[] = []
    for (const person of options.participants)
      participants.push(await openTrackedPage(browser, server.url, person))
    const projector = options.projector
      ? await openTrackedPage(browser, server.url, options.projector)
      : null
    await facilitator.page.goto(link('facilitator'))
    await waitForMapReady(facilitator.page)
    for (const { page } of participants) await page.goto(link('editor'))
    if (projector) await projector.page.goto(link('viewer'))
    const followers = projector ? [...participants, projector] : participants
    await Promise.all(followers.map(({ page }) => waitForMapReady(page)))
    return { server, browser, map, facilitator, participants, projector, close }
  } catch (failure) {
    await close()
    throw failure
  }
}
