/**
 * Every setting of the server in one place: the table the README's settings table is built
 * from (CONFIG_SETTINGS) and its parsing into a typed ServerConfig. Long because each setting
 * is a row of the table and a line of parsing; splitting it would scatter the one list.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import {
  GUEST_LINK_CHOICES,
  type GuestLinkChoice,
  isGuestLinkChoice,
} from '../shared/protocol/mapSettings'

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
  /** Most structs (plus delete ranges) in one update; more closes the socket with 4413. */
  maxUpdateStructs: number
  /** Deepest nesting of shared types below a root that one update may reach (else 4413). */
  maxUpdateDepth: number
  /** Largest awareness state of one client, in UTF-8 bytes; larger closes the socket (4413). */
  maxAwarenessBytes: number
  /** Compact a map's update log once it holds more rows than this. */
  compactAfterUpdates: number
  /** Compact a map's update log once its updates add up to more bytes than this. */
  compactAfterBytes: number
  /** Directory of the built client (`npm run build`), served as static files. */
  staticDir: string
  /** Hand out the build's source maps (`*.map`); off, they are a 404. */
  serveSourceMaps: boolean
  /** Origins allowed besides the server's own; empty means localhost and 127.0.0.1. */
  allowedOrigins: string[]
  /** When set, `POST /api/maps` needs `Authorization: Bearer <this>`. */
  createMapToken: string | null
  /** Maps one client address may create: sustained rate per hour and burst (token bucket). */
  createMapsPerHour: number
  createMapBurst: number
  /** When set, `GET /metrics` needs `Authorization: Bearer <this>`. */
  metricsToken: string | null
  /** Per-connection message budget: sustained rate and burst (token bucket). */
  rateMessagesPerSecond: number
  rateMessageBurst: number
  /** Per-connection byte budget: sustained rate and burst (token bucket). */
  rateBytesPerSecond: number
  rateByteBurst: number
  /** Take the client address from the last `X-Forwarded-For` entry (behind a reverse proxy). */
  trustProxy: boolean
  /** Open sync sockets allowed per map and per client IP address. */
  maxConnectionsPerMap: number
  maxConnectionsPerIp: number
  /** Automatic snapshot of a changed map this often while it is open. */
  snapshotIntervalMs: number
  /** A participant's edits of one stakeholder within this window share one audit row. */
  auditWindowMs: number
  /** PostgreSQL connection URL; null keeps the SQLite database in `dataDir`. */
  databaseUrl: string | null
  /** Most PostgreSQL connections this node opens. */
  databasePoolSize: number
  /** Redis URL; set, several nodes serve maps together (server/cluster). Null: one node. */
  redisUrl: string | null
  /** This node's name in the cluster (logs, Redis messages, lock owners). */
  nodeId: string
  /** Sign-in with the organisation's identity provider; absent in open mode (links only). */
  organisation?: OrganisationConfig
}

/** Organisation mode (issue 18): set when `OIDC_ISSUER` is. See docs/identity.md. */
export interface OrganisationConfig {
  /** The provider's issuer URL; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string
  clientId: string
  clientSecret: string
  /** The app's external URL without a trailing slash; the redirect URI is this + `/auth/callback`. */
  publicUrl: string
  /** Space-separated scopes asked for at sign-in. */
  scopes: string
  /** The ID-token or userinfo claim listing the user's groups; null: groups are not read. */
  groupsClaim: string | null
  /** Members of this group administer the organisation; null: nobody does. */
  adminGroup: string | null
  /** A session unused this long ends. */
  sessionIdleMinutes: number
  /** A session ends this long after sign-in, used or not. */
  sessionMaxHours: number
  /** Whether guest links of a map that has no setting of its own work (shared/protocol/mapSettings.ts). */
  guestLinksDefault: GuestLinkChoice
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
    name: 'MAX_UPDATE_STRUCTS',
    default: '2000',
    description:
      'Most structs (items, plus delete ranges) in one Yjs update; a larger one closes the socket with 4413.',
  },
  {
    name: 'MAX_UPDATE_DEPTH',
    default: '8',
    description:
      'Deepest nesting of shared types below a root that one update may create (else 4413).',
  },
  {
    name: 'MAX_AWARENESS_BYTES',
    default: String(64 * 1024),
    description:
      'Largest presence (awareness) state of one client, in bytes (64 KiB); larger closes the socket with 4413.',
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
  {
    name: 'SERVE_SOURCE_MAPS',
    default: 'false',
    description:
      "`true` hands out the client's source maps (for debugging); otherwise they are a 404.",
  },
  {
    name: 'ALLOWED_ORIGINS',
    default: '(own origin, localhost, 127.0.0.1)',
    description:
      'Comma-separated origins allowed to open sockets and change data, besides the own origin.',
  },
  {
    name: 'CREATE_MAP_TOKEN',
    default: '(none)',
    description:
      'When set, creating a map needs `Authorization: Bearer <CREATE_MAP_TOKEN>`. Open mode only: with `OIDC_ISSUER` the server refuses to start (signed-in members create maps).',
  },
  {
    name: 'CREATE_MAPS_PER_HOUR',
    default: '60',
    description: 'Maps one client address may create per hour on average (else 429).',
  },
  {
    name: 'CREATE_MAP_BURST',
    default: '20',
    description: 'Maps one client address may create in a burst.',
  },
  {
    name: 'METRICS_TOKEN',
    default: '(none)',
    description:
      'When set, `GET /metrics` needs `Authorization: Bearer <METRICS_TOKEN>` (else 401).',
  },
  {
    name: 'RATE_MESSAGES_PER_SECOND',
    default: '300',
    description: 'Messages per second one connection may send on average (else 1008).',
  },
  {
    name: 'RATE_MESSAGE_BURST',
    default: '600',
    description: 'Messages one connection may send in a burst.',
  },
  {
    name: 'RATE_BYTES_PER_SECOND',
    default: String(8 * 1024 * 1024),
    description: 'Bytes per second one connection may send on average (8 MiB).',
  },
  {
    name: 'RATE_BYTE_BURST',
    default: String(16 * 1024 * 1024),
    description: 'Bytes one connection may send in a burst (16 MiB).',
  },
  {
    name: 'MAX_CONNECTIONS_PER_MAP',
    default: '100',
    description: 'Open sockets allowed per map; more are closed with 4429.',
  },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    description:
      '`true` behind a reverse proxy: per-address limits use the last `X-Forwarded-For` entry (the address the proxy saw).',
  },
  {
    name: 'MAX_CONNECTIONS_PER_IP',
    default: '50',
    description: 'Open sockets allowed per client address; more are closed with 4429.',
  },
  {
    name: 'SNAPSHOT_INTERVAL_MS',
    default: String(60 * 60 * 1000),
    description: 'Automatic version of a changed map this often while it is open (1 hour).',
  },
  {
    name: 'AUDIT_WINDOW_MS',
    default: String(5 * 60 * 1000),
    description: "A participant's edits of one stakeholder within this window share one audit row.",
  },
  {
    name: 'DATABASE_URL',
    default: '(none: SQLite)',
    description:
      'PostgreSQL URL (`postgres://user@host:5432/db`); when set, maps are stored there, not in SQLite.',
  },
  {
    name: 'DATABASE_POOL_SIZE',
    default: '10',
    description: 'Most PostgreSQL connections one node opens.',
  },
  {
    name: 'REDIS_URL',
    default: '(none: one node)',
    description:
      'Redis URL (`redis://host:6379`); when set, several nodes on one PostgreSQL serve maps together.',
  },
  {
    name: 'NODE_ID',
    default: '(random)',
    description: "This node's name in logs and in the cluster; must differ between nodes.",
  },
  {
    name: 'OIDC_ISSUER',
    default: '(none: open mode)',
    description:
      'OpenID Connect issuer URL of the organisation; set, people sign in: organisation mode ([docs/identity.md](docs/identity.md)).',
  },
  {
    name: 'OIDC_CLIENT_ID',
    default: '(none)',
    description: 'Client id of this app at the provider; required with `OIDC_ISSUER`.',
  },
  {
    name: 'OIDC_CLIENT_SECRET',
    default: '(none)',
    description: 'Client secret of this app at the provider; required with `OIDC_ISSUER`.',
  },
  {
    name: 'PUBLIC_URL',
    default: '(none)',
    description:
      "The app's external URL; the redirect URI is it + `/auth/callback`. Required with `OIDC_ISSUER`; https makes the cookie `Secure`.",
  },
  {
    name: 'OIDC_SCOPES',
    default: 'openid profile email',
    description: 'Scopes asked for at sign-in, separated by spaces (`openid` is always included).',
  },
  {
    name: 'OIDC_GROUPS_CLAIM',
    default: '(none)',
    description:
      "Claim of the ID token or userinfo that lists the user's groups (e.g. `groups`); unset, groups are not read.",
  },
  {
    name: 'ORG_ADMIN_GROUP',
    default: '(none)',
    description:
      'Members of this group (a value of `OIDC_GROUPS_CLAIM`) administer the organisation.',
  },
  {
    name: 'SESSION_IDLE_MINUTES',
    default: '480',
    description: 'A sign-in session unused this many minutes ends (8 hours).',
  },
  {
    name: 'SESSION_MAX_HOURS',
    default: '24',
    description: 'A sign-in session ends this many hours after sign-in, used or not.',
  },
  {
    name: 'GUEST_LINKS_DEFAULT',
    default: 'allowed',
    description:
      'Organisation mode: whether guest links work on a map whose owner chose nothing (`allowed` or `forbidden`); open mode always allows them.',
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
  // Checked in open mode too, so a typo shows before organisation mode is switched on.
  const guestLinksDefault = guestLinkChoice(env)
  const licenseKey = env['TLDRAW_LICENSE_KEY']?.trim()
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'])
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:'])
  if (redisUrl !== null && databaseUrl === null) {
    // Nodes with a SQLite file each would each hold a different map.
    throw new ConfigError('REDIS_URL needs DATABASE_URL: the nodes must share one database')
  }
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: text(env, 'HOST', '0.0.0.0'),
    dataDir: path.resolve(text(env, 'DATA_DIR', './data')),
    logLevel,
    tldrawLicenseKey: licenseKey ? licenseKey : null,
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 8 * 1024 * 1024, 1024, 1024 ** 3),
    maxUpdateStructs: integer(env, 'MAX_UPDATE_STRUCTS', 2_000, 100, 10_000_000),
    maxUpdateDepth: integer(env, 'MAX_UPDATE_DEPTH', 8, 3, 1000),
    maxAwarenessBytes: integer(env, 'MAX_AWARENESS_BYTES', 64 * 1024, 1024, 1024 ** 3),
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 1, Number.MAX_SAFE_INTEGER),
    compactAfterBytes: integer(env, 'COMPACT_AFTER_BYTES', 1024 * 1024, 1, Number.MAX_SAFE_INTEGER),
    staticDir: path.resolve(text(env, 'STATIC_DIR', 'dist/client')),
    serveSourceMaps: flag(env, 'SERVE_SOURCE_MAPS'),
    allowedOrigins: text(env, 'ALLOWED_ORIGINS', '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
    createMapToken: env['CREATE_MAP_TOKEN']?.trim() || null,
    createMapsPerHour: integer(env, 'CREATE_MAPS_PER_HOUR', 60, 1, 1_000_000_000),
    createMapBurst: integer(env, 'CREATE_MAP_BURST', 20, 1, 1_000_000_000),
    metricsToken: env['METRICS_TOKEN']?.trim() || null,
    rateMessagesPerSecond: integer(env, 'RATE_MESSAGES_PER_SECOND', 300, 1, 1_000_000),
    rateMessageBurst: integer(env, 'RATE_MESSAGE_BURST', 600, 1, 1_000_000),
    rateBytesPerSecond: integer(env, 'RATE_BYTES_PER_SECOND', 8 * 1024 * 1024, 1024, 1024 ** 3),
    rateByteBurst: integer(env, 'RATE_BYTE_BURST', 16 * 1024 * 1024, 1024, 1024 ** 3),
    maxConnectionsPerMap: integer(env, 'MAX_CONNECTIONS_PER_MAP', 100, 1, 100_000),
    maxConnectionsPerIp: integer(env, 'MAX_CONNECTIONS_PER_IP', 50, 1, 100_000),
    trustProxy: flag(env, 'TRUST_PROXY'),
    snapshotIntervalMs: integer(env, 'SNAPSHOT_INTERVAL_MS', 60 * 60 * 1000, 10, 2 ** 31 - 1),
    auditWindowMs: integer(env, 'AUDIT_WINDOW_MS', 5 * 60 * 1000, 0, 2 ** 31 - 1),
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    redisUrl,
    nodeId: text(env, 'NODE_ID', randomUUID().slice(0, 8)),
    ...organisation(env, guestLinksDefault),
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The organisation-mode settings when `OIDC_ISSUER` is set; nothing in open mode. */
function organisation(
  env: Env,
  guestLinksDefault: GuestLinkChoice,
): { organisation?: OrganisationConfig } {
  const issuer = env['OIDC_ISSUER']?.trim()
  if (!issuer) return {}
  const required = (name: string): string => {
    const value = env[name]?.trim()
    if (!value) throw new ConfigError(`${name} is required when OIDC_ISSUER is set`)
    return value
  }
  // Creating a map there needs a signed-in member; a token that silently stopped guarding
  // creation would mislead whoever set it (a script that used it now gets 401).
  if (env['CREATE_MAP_TOKEN']?.trim()) {
    throw new ConfigError(
      'CREATE_MAP_TOKEN cannot be used with OIDC_ISSUER: in organisation mode only signed-in members create maps. Remove CREATE_MAP_TOKEN.',
    )
  }
  // The issuer is kept as written: ID tokens must name it exactly (a trailing slash counts).
  webUrl('OIDC_ISSUER', issuer)
  const publicUrl = webUrl('PUBLIC_URL', required('PUBLIC_URL'))
  const scopes = new Set(text(env, 'OIDC_SCOPES', 'openid profile email').split(/\s+/))
  scopes.add('openid')
  return {
    organisation: {
      issuer,
      clientId: required('OIDC_CLIENT_ID'),
      clientSecret: required('OIDC_CLIENT_SECRET'),
      publicUrl: publicUrl.href.replace(/\/+$/, ''),
      scopes: [...scopes].join(' '),
      groupsClaim: env['OIDC_GROUPS_CLAIM']?.trim() || null,
      adminGroup: env['ORG_ADMIN_GROUP']?.trim() || null,
      sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 480, 1, 60 * 24 * 365),
      sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 24, 1, 24 * 365),
      guestLinksDefault,
    },
  }
}

/**
 * An https URL (plain http only on a loopback host, for tests and a trial on one machine)
 * without query or fragment.
 */
function webUrl(name: string, raw: string): URL {
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`)
  }
  const secure =
    parsed.protocol === 'https:' ||
    (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname))
  if (!secure) {
    throw new ConfigError(
      `${name} must be an https:// URL (http:// only on localhost), got "${raw}"`,
    )
  }
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '') {
    throw new ConfigError(
      `${name} must be a plain URL without query, fragment or user, got "${raw}"`,
    )
  }
  return parsed
}

/** An optional URL setting with one of `protocols`; null when unset. */
function url(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = env[name]?.trim()
  if (!raw) return null
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    // Not echoed: the value may hold a password.
    throw new ConfigError(`${name} must be a URL`)
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}//`)
  }
  return raw
}

/** An on/off setting: `true`/`1`/`yes` or `false`/`0`/`no` (unset: off). */
function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase()
  if (!raw) return false
  if (['true', '1', 'yes', 'on'].includes(raw)) return true
  if (['false', '0', 'no', 'off'].includes(raw)) return false
  throw new ConfigError(`${name} must be true or false, got "${raw}"`)
}

/** `GUEST_LINKS_DEFAULT`: `allowed` (unset) or `forbidden`. */
function guestLinkChoice(env: Env): GuestLinkChoice {
  const raw = text(env, 'GUEST_LINKS_DEFAULT', 'allowed').toLowerCase()
  if (!isGuestLinkChoice(raw)) {
    throw new ConfigError(
      `GUEST_LINKS_DEFAULT must be one of ${GUEST_LINK_CHOICES.join(', ')}, got "${raw}"`,
    )
  }
  return raw
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
