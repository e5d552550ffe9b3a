/**
 * "Allow guest links" in the Share panel: the owner's choice for this map in organisation
 * mode — follow the organisation (showing what its default is now), allowed, or not
 * allowed. The server applies it at once: forbidding closes the guest links' open sessions.
 */
import type { GuestLinkSetting, MapSettingsResponse } from '../../shared/protocol/mapSettings'
import type { Locale } from '../i18n/locale'
import { sharingText } from './sharingMessages'

/** Props of {@link GuestLinkSettingField}. */
export interface GuestLinkSettingFieldProps {
  settings: MapSettingsResponse
  locale: Locale
  busy: boolean
  onChange(setting: GuestLinkSetting): void
}

/** The setting as a labelled choice. */
export function GuestLinkSettingField({
  settings,
  locale,
  busy,
  onChange,
}: GuestLinkSettingFieldProps) {
  const choice = sharingText(locale, `guest.allow.choice.${settings.organisationDefault}`)
  return (
    <label className="guest-links__setting">
      {sharingText(locale, 'guest.allow')}
      <select
        value={settings.guestLinks}
        disabled={busy}
        onChange={(event) => onChange(event.target.value as GuestLinkSetting)}
      >
        <option value="default">{sharingText(locale, 'guest.allow.default', { choice })}</option>
        <option value="allowed">{sharingText(locale, 'guest.allow.allowed')}</option>
        <option value="forbidden">{sharingText(locale, 'guest.allow.forbidden')}</option>
      </select>
    </label>
  )
}
