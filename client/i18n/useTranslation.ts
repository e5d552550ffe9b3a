import { useValue } from '@tldraw/state-react'
import { formatMessage } from '../../shared/i18n/formatMessage'
import { localUserPreferences } from '../user/localUser'
import type { Locale } from './locale'
import { type MessageKey, en } from './messages.en'
import { nl } from './messages.nl'

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, nl }

/** Translates `key` into `locale`, filling `{name}` placeholders from `params`. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(locale, CATALOGUES[locale][key], params)
}

/** The current language and a translate function bound to it; re-renders on a switch. */
export function useTranslation() {
  const locale = useValue('locale', () => localUserPreferences.get().locale, [])
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale, key, params)
  return { locale, t }
}
