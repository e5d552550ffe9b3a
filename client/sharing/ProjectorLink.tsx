/**
 * The projector link in the Share panel (issue 19): a viewer link with `?present`, so the
 * projector laptop opens the map straight into presenter mode — only the board, following
 * the facilitator, names large enough for the back of the room — without anyone knowing the
 * address trick. In open mode it is built from the viewer share link; in organisation mode
 * (no share links) from a viewer guest link, which can be made here in one click.
 */
import { useState } from 'react'
import type { Locale } from '../i18n/locale'
import { PRESENT_PARAMETER } from '../map/presenterMode'
import { sharingText } from './sharingMessages'

/** Props of {@link ProjectorLink}. */
export interface ProjectorLinkProps {
  /** The viewer link to present with, or null when this browser holds none. */
  viewerLink: string | null
  locale: Locale
  /** Makes a viewer link for the projector (organisation mode); absent: say how to get one. */
  onMake?: () => void
  busy?: boolean
}

/** A viewer link (`…/m/<id>#t=…`) as the link that opens it in presenter mode. */
export function asProjectorLink(viewerLink: string): string {
  const url = new URL(viewerLink)
  url.searchParams.set(PRESENT_PARAMETER, '')
  // `?present=` reads the same as `?present`; the shorter one is kinder to type on a projector.
  return url.toString().replace(`${PRESENT_PARAMETER}=`, PRESENT_PARAMETER)
}

/** The projector link with its explanation and a copy button. */
export function ProjectorLink({ viewerLink, locale, onMake, busy }: ProjectorLinkProps) {
  const [copied, setCopied] = useState(false)
  const [failed, setFailed] = useState(false)
  const t = (key: Parameters<typeof sharingText>[1]) => sharingText(locale, key)
  const link = viewerLink ? asProjectorLink(viewerLink) : null

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
      setFailed(false)
    } catch {
      setFailed(true)
    }
  }

  return (
    <section className="projector-link" aria-labelledby="projector-link-heading">
      <h4 id="projector-link-heading">{t('projector.heading')}</h4>
      <p className="panel__muted">{t('projector.intro')}</p>
      {link ? (
        <div className="share-panel__link">
          <input readOnly value={link} aria-label={t('projector.heading')} />
          <button type="button" className="button" onClick={() => void copy(link)}>
            {copied ? t('share.copied') : t('projector.copy')}
          </button>
        </div>
      ) : onMake ? (
        <button type="button" className="button" disabled={busy} onClick={onMake}>
          {t('projector.make')}
        </button>
      ) : (
        <p className="panel__muted">{t('projector.unknown')}</p>
      )}
      {failed && <p role="alert">{t('share.copyFailed')}</p>}
    </section>
  )
}
