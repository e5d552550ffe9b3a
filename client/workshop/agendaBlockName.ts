import type { Locale } from '../i18n/locale'
import { translate } from '../i18n/useTranslation'
import type { AgendaBlock, AgendaPart } from '../../shared/workshop/agenda'

/** A block's own title, or the translated name of its kind. */
export function agendaBlockName(block: AgendaBlock, locale: Locale): string {
  return block.title || translate(locale, `workshop.block.${block.kind}`)
}

/** A part's own title, or the translated name of its kind (phase 1's assignments). */
export function agendaPartName(part: AgendaPart, locale: Locale): string {
  return part.title || translate(locale, `workshop.part.${part.kind}`)
}
