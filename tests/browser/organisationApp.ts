/**
 * The app in organisation mode for browser tests: the real in-process test provider
 * (tests/server/identity/testIdentityProvider.ts) and our server on a port known before the
 * provider starts (the redirect URI is registered exactly), with a fresh data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../server/config'
import { type StakeholderCanvasServer, createServer } from '../../server/createServer'
import {
  type TestIdentityProvider,
  freeLoopbackPort,
  startTestIdentityProvider,
} from '../server/identity/testIdentityProvider'

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
