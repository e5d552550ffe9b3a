import { setLocalUserPreferences } from '../user/localUser'
import { LOCALES, type Locale } from './locale'
import { useTranslation } from './useTranslation'

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', nl: 'Nederlands' }

/** A language picker; the choice also switches tldraw's own UI. */
export function LanguageSwitch() {
  const { t, locale } = useTranslation()
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select
        value={locale}
        onChange={(event) => setLocalUserPreferences({ locale: event.target.value as Locale })}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  )
}
