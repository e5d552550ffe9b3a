import { useTranslation } from '../i18n/useTranslation'
import { translateExchange } from './exchangeMessages'
import type { ExchangeMessageKey, MessageParams } from './exchangeMessages'

/** The exchange messages in the current UI language; re-renders on a language switch. */
export function useExchangeT() {
  const { locale } = useTranslation()
  const t = (key: ExchangeMessageKey, params?: MessageParams) =>
    translateExchange(locale, key, params)
  return { t, locale }
}
