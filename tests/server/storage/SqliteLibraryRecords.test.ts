import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { SqliteMapStore } from '../../../server/storage/SqliteMapStore'
import { describeLibraryRecords } from './describeLibraryRecords'

describeLibraryRecords('SQLite', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stakeholder-canvas-library-'))
  return {
    store: new SqliteMapStore(dir),
    reopen: async () => new SqliteMapStore(dir),
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  }
})
