/** English UI strings. Keys are shared with the Dutch catalogue, which must have them all. */
export const en = {
  'app.name': 'Stakeholder Canvas',
  'app.tagline': 'Map your stakeholders together, and keep the map as a due-diligence record.',
  'home.create.heading': 'New stakeholder map',
  'home.create.titleLabel': 'Title',
  'home.create.titlePlaceholder': 'e.g. Cocoa supply chain, workshop 12 May',
  'home.create.submit': 'Create map',
  'home.create.creating': 'Creating…',
  'home.create.failed': 'The map could not be created: {reason}',
  'home.recent.heading': 'Recently opened',
  'home.recent.empty': 'Maps you open appear here.',
  'home.recent.forget': 'Remove from list',
  'language.label': 'Language',
  'user.nameLabel': 'Your name',
  'user.namePlaceholder': 'Shown to others on the map',
  'map.back': 'All maps',
  'map.loading': 'Loading the map…',
  'map.notFound': 'This map does not exist, or the link is incomplete.',
  'map.refused': 'The server refused the connection ({code}).',
  'map.outdated':
    'This map was changed by a newer version of Stakeholder Canvas. Reload the page to keep editing.',
  'map.reload': 'Reload',
  'map.readOnly': 'Read only',
  'status.connecting': 'Connecting…',
  'status.connected': 'Connected',
  'status.reconnecting': 'Reconnecting…',
  'status.offline': 'Offline — changes are kept and sent when you are back',
  'status.refused': 'Not connected',
} as const

/** A key of the UI string catalogue. */
export type MessageKey = keyof typeof en
