/**
 * How a version is named and signed in the version history, in the viewer's language: a
 * named version by its name, an automatic one by why the server made it (stored as a code,
 * see shared/protocol/versionNames.ts; old English names are read too), and the server's
 * own versions signed "by the server" rather than with its internal name.
 */
import type { VersionSummary } from '../../shared/protocol/accessApi'
import { readVersionName } from '../../shared/protocol/versionNames'
import type { Locale } from '../i18n/locale'
import { sharingText } from './sharingMessages'

/** The version's name for `locale`; `all` lets "before restoring" name the version restored. */
export function versionLabel(
  version: Pick<VersionSummary, 'kind' | 'name'>,
  all: readonly Pick<VersionSummary, 'id' | 'kind' | 'name'>[],
  locale: Locale,
): string {
  const meaning = readVersionName(version)
  if (meaning.kind === 'named' || meaning.reason === null) return meaning.name
  if (meaning.reason !== 'before-restore')
    return sharingText(locale, `versions.reason.${meaning.reason}`)
  const restored = meaning.restored
  let name: string
  if (restored === undefined) name = ''
  else if ('name' in restored) name = restored.name
  else {
    const found = all.find((other) => other.id === restored.id)
    // A restored automatic version is named by its reason too (it cannot restore itself).
    name =
      found && found.name !== version.name
        ? versionLabel(found, all, locale)
        : sharingText(locale, 'versions.restoredUnknown', { id: restored.id })
  }
  return sharingText(locale, 'versions.reason.before-restore', { name })
}

/** Who made the version: the participant's name, or "by the server". */
export function versionAuthor(version: Pick<VersionSummary, 'createdBy'>, locale: Locale): string {
  return version.createdBy.role === null
    ? sharingText(locale, 'versions.byServer')
    : sharingText(locale, 'versions.by', { name: version.createdBy.name })
}
