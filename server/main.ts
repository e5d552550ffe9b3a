/**
 * Process entry point: reads the environment, starts the server, and shuts it down cleanly
 * on SIGTERM/SIGINT (sockets closed with 1001, pending updates written, database closed).
 * `npm start` runs the bundled copy (`node dist/server/main.js`, exec'd by the npm script), so
 * this process is the one a process manager signals. A shutdown that takes longer than
 * {@link SHUTDOWN_LIMIT_MS} is cut short, as process managers give about 10 s before SIGKILL.
 */
import { ConfigError, loadConfig } from './config'
import { createLogger } from './logger'
import { createServer } from './createServer'

/** Longest a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_LIMIT_MS = 9000

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(`Invalid configuration: ${error.message}`)
    process.exit(1)
  }
  const logger = createLogger(config.logLevel)
  const server = createServer(config, { logger })
  const { url, port } = await server.listen()
  // `port` is the real one even with PORT=0: scripts and tests read it from this line.
  logger.info(
    {
      url,
      port,
      pid: process.pid,
      nodeId: config.nodeId,
      storage: config.databaseUrl === null ? config.dataDir : 'postgresql',
      cluster: config.redisUrl !== null,
      staticDir: config.staticDir,
    },
    `listening on ${url}`,
  )

  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    // Ctrl-C in a terminal signals npm and the server alike, and npm forwards its copy: the
    // second signal must not cut the first one's shutdown short.
    if (stopping) return logger.info({ signal }, 'already shutting down')
    stopping = true
    logger.info({ signal }, 'shutting down')
    const started = Date.now()
    setTimeout(() => {
      logger.error({ limitMs: SHUTDOWN_LIMIT_MS }, 'shutdown took too long; exiting')
      process.exit(1)
    }, SHUTDOWN_LIMIT_MS).unref()
    server.close().then(
      () => {
        logger.info({ durationMs: Date.now() - started }, 'stopped')
        process.exit(0)
      },
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

await main()
