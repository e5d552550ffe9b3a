/**
 * Process entry point: reads the environment, starts the server, and shuts it down cleanly
 * on SIGTERM/SIGINT (sockets closed with 1001, pending updates written, database closed).
 */
import { ConfigError, loadConfig } from './config'
import { createLogger } from './logger'
import { createServer } from './createServer'

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
      nodeId: config.nodeId,
      storage: config.databaseUrl === null ? config.dataDir : 'postgresql',
      cluster: config.redisUrl !== null,
      staticDir: config.staticDir,
    },
    `listening on ${url}`,
  )

  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

await main()
