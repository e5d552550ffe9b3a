import { pino } from 'pino'
import type { Logger } from 'pino'
import type { LogLevel } from './config'

export type { Logger }

/** Creates the process logger: JSON lines on stdout, one field per fact (pino). */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'stakeholder-canvas' } })
}
