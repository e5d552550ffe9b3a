/**
 * The app in organisation mode for browser tests: the real in-process test provider
 * (tests/server/identity/testIdentityProvider.ts) and our server on a port known before the
 * provider starts (the redirect URI is registered exactly), with a fresh data directory.
 * Also the set-up steps its tests repeat: Chromium next to the app for a `describe`, signing
 * in at the provider, and making a map once signed in.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { loadConfig } from '../../server/config'
import { type StakeholderCanvasServer, createServer } from '../../server/createServer'
import {
  type TestIdentityProvider,
  freeLoopbackPort,
  type TestUser,
  startTestIdentityProvider,
} from '../server/identity/testIdentityProvider'
import { launchChromium, waitForMapReady } from './browserFixture'
import { catalogueOf } from './mapWithRolePages'

export interface OrganisationApp {
  appUrl: string
  idp: TestIdentityProvider
  server: StakeholderCanvasServer
  /** Stops the server and the provider and removes the data directory. */
  close(): Promise<void>
}

/** Starts provider and app; `env` adds settings (e.g. a shorter audit window). */
export async function startOrganisationApp(
  env: Record<string, string> = {},
): Promise<OrganisationApp> {
  const port = await freeLoopbackPort()
  const appUrl = `http://127.0.0.1:${port}`
  const idp = await startTestIdentityProvider({ appUrl })
  const dataDir = mkdtempSync(join(tmpdir(), 'stakeholder-canvas-browser-'))
  const server = createServer(
    loadConfig({
      DATA_DIR: dataDir,
      STATIC_DIR: join(process.cwd(), 'dist/client'),
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      ...idp.env(),
      ...env,
    }),
  )
  await server.listen(port, '127.0.0.1')
  return {
    appUrl,
    idp,
    server,
    async close() {
      await server.close()
      await idp.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The app and Chromium of {@link withOrganisationAppInChromium}, there once the tests run. */
export interface OrganisationAppInChromium {
  app: OrganisationApp
  browser: Browser
}

/**
 * Starts the app and Chromium before the tests of the calling `describe` and stops both after
 * them; read the answer's fields inside the tests.
 */
export function withOrganisationAppInChromium(): OrganisationAppInChromium {
  const running = {} as OrganisationAppInChromium
  beforeAll(async () => {
    running.app = await startOrganisationApp()
    running.browser = await launchChromium()
  })
  afterAll(async () => {
    await running.browser?.close()
    await running.app?.close()
  })
  return running
}

/** Signs `user` in at the test provider from the home page, in the page's language. */
export async function signInAtTestProvider(page: Page, app: OrganisationApp, user: TestUser) {
  const text = await catalogueOf(page)
  await page.goto(app.appUrl)
  await page.getByRole('link', { name: text['session.signIn'], exact: true }).click()
  await page.waitForURL(`${app.idp.issuer}/interaction/**`)
  await page.getByRole('link', { name: `Sign in as ${user.name}` }).click()
  await page.waitForURL(`${app.appUrl}/`)
}

/** Signs `user` in, makes a map called `title` from the home page and answers its id. */
export async function signInAndMakeMap(
  page: Page,
  app: OrganisationApp,
  user: TestUser,
  title: string,
): Promise<string> {
  await signInAtTestProvider(page, app, user)
  const text = await catalogueOf(page)
  await page.getByLabel(text['home.create.titleLabel'], { exact: true }).fill(title)
  await page.getByRole('button', { name: text['home.create.submit'] }).click()
  await waitForMapReady(page)
  return new URL(page.url()).pathname.split('/').pop() ?? ''
}
