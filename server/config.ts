import path from 'node:path'

/** Settings of one server process, read from the environment by {@link loadConfig}. */
export interface ServerConfig {
  port: number
  host: string
  /** Directory holding the SQLite database (created when missing). */
  dataDir: string
  logLevel: LogLevel
  /** tldraw licence key handed to clients through `GET /api/config`; null when unset. */
  tldrawLicenseKey: string | null
  /** Largest WebSocket frame accepted, in bytes; bigger frames close the socket with 1009. */
  maxMessageBytes: number
  /** Compact a map's update log once it holds more rows than this. */
  compactAfterUpdates: number
  /** Compact a map's update log once its updates add up to more bytes than this. */
  compactAfterBytes: number
  /** Directory of the built client (`npm run build`), served as static files. */
  staticDir: string
}

/** Log levels accepted by `LOG_LEVEL` (pino's names). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

export type LogLevel = (typeof LOG_LEVELS)[number]

/** Thrown by {@link loadConfig} when an environment variable holds an invalid value. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** One environment variable the server reads; the README's settings table is built from these. */
export interface ConfigSetting {
  name: string
  default: string
  description: string
}

/** Every environment variable the server reads, with its default and meaning. */
export const CONFIG_SETTINGS: readonly ConfigSetting[] = [
  { name: 'PORT', default: '8080', description: 'TCP port for HTTP and WebSocket traffic.' },
  { name: 'HOST', default: '0.0.0.0', description: 'Interface to listen on.' },
  {
    name: 'DATA_DIR',
    default: './data',
    description:
      'Directory for the SQLite database `stakeholder-canvas.sqlite` (created if missing).',
  },
  {
    name: 'LOG_LEVEL',
    default: 'info',
    description: `JSON log verbosity: ${LOG_LEVELS.join(', ')}.`,
  },
  {
    name: 'TLDRAW_LICENSE_KEY',
    default: '(none)',
    description: 'tldraw licence key sent to browsers; not needed on localhost.',
  },
  {
    name: 'MAX_MESSAGE_BYTES',
    default: String(8 * 1024 * 1024),
    description: 'Largest WebSocket message accepted, in bytes (8 MiB).',
  },
  {
    name: 'COMPACT_AFTER_UPDATES',
    default: '500',
    description: "Merge a map's stored updates into one once there are more rows than this.",
  },
  {
    name: 'COMPACT_AFTER_BYTES',
    default: String(1024 * 1024),
    description: "Merge a map's stored updates into one once they exceed this many bytes (1 MiB).",
  },
  {
    name: 'STATIC_DIR',
    default: 'dist/client',
    description: 'Directory of the built client that the server hands out.',
  },
]

type Env = Readonly<Record<string, string | undefined>>

/**
 * Reads the server settings from environment variables, applying defaults.
 * Throws a {@link ConfigError} naming the variable when a value is invalid.
 */
export function loadConfig(env: Env): ServerConfig {
  const logLevel = text(env, 'LOG_LEVEL', 'info')
  if (!isLogLevel(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`)
  }
  const licenseKey = env['TLDRAW_LICENSE_KEY']?.trim()
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: text(env, 'HOST', '0.0.0.0'),
    dataDir: path.resolve(text(env, 'DATA_DIR', './data')),
    logLevel,
    tldrawLicenseKey: licenseKey ? licenseKey : null,
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 8 * 1024 * 1024, 1024, 1024 ** 3),
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 1, Number.MAX_SAFE_INTEGER),
    compactAfterBytes: integer(env, 'COMPACT_AFTER_BYTES', 1024 * 1024, 1, Number.MAX_SAFE_INTEGER),
    staticDir: path.resolve(text(env, 'STATIC_DIR', 'dist/client')),
  }
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value)
}

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim()
  return value ? value : fallback
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  // Number('') and Number('1e3') are accepted by JS; a setting should be plain digits.
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`)
  const value = Number(raw)
  if (value < min || value > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`)
  }
  return value
}
