import { useEffect, useState } from 'react'
import { Tldraw, atom, createTLStore, defaultBindingUtils } from 'tldraw'
import type * as Y from 'yjs'
import type { VersionSummary } from '../../shared/protocol/accessApi'
import { loadOnlyDrawnFonts } from '../canvas/loadOnlyDrawnFonts'
import { ownAssetUrls, withoutEmbeds } from '../canvas/ownAssetUrls'
import { useTranslation } from '../i18n/useTranslation'
import { customShapeUtils, withDefaultShapeUtils } from '../shapes/customShapeUtils'
import { SelfAssessmentRecords } from '../selfAssessment/SelfAssessmentRecords'
import { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { bindTldrawStoreToYDoc } from '../sync/TldrawYjsBinding'
import { tldrawCurrentUser } from '../user/localUser'
import { PageMenuForSeveralPages } from './PageMenuForSeveralPages'

/** As on the live map: a single page's name is never shown. */
const TLDRAW_COMPONENTS = { PageMenu: PageMenuForSeveralPages }

/**
 * A stored version of the map, shown read-only over the live map. The version's document is
 * a throwaway copy: nothing done here reaches the live map, and it is destroyed on close.
 */
export function VersionViewer({
  doc,
  version,
  label,
  onClose,
}: {
  doc: Y.Doc
  version: VersionSummary
  /** The version's name in the viewer's language. */
  label: string
  onClose(): void
}) {
  const { t, locale } = useTranslation()
  const [view] = useState(() => {
    const registry = new StakeholderRegistry(doc)
    // The version's own self-assessments, so its boards show what they showed then.
    const shapeUtils = customShapeUtils(registry, null, null, new SelfAssessmentRecords(doc))
    const store = createTLStore({
      shapeUtils: withDefaultShapeUtils(shapeUtils),
      bindingUtils: defaultBindingUtils,
      collaboration: {
        status: atom('status', 'offline' as const),
        mode: atom('mode', 'readonly' as const),
      },
    })
    const binding = bindTldrawStoreToYDoc(store, doc, { writable: false })
    return { registry, shapeUtils, store, binding }
  })
  useEffect(
    () => () => {
      view.binding.dispose()
      view.registry.dispose()
      doc.destroy()
    },
    [view, doc],
  )
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  return (
    <div
      className="version-viewer"
      role="dialog"
      aria-modal="true"
      aria-labelledby="version-viewer-title"
    >
      <header className="version-viewer__bar">
        <h2 id="version-viewer-title">
          {t('version.viewing', {
            name: label,
            date: new Date(version.createdAt).toLocaleString(locale),
          })}
        </h2>
        <span className="map-bar__role">{t('map.readOnly')}</span>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('version.close')}
        </button>
      </header>
      <div className="version-viewer__canvas">
        <Tldraw
          store={view.store}
          shapeUtils={view.shapeUtils}
          user={tldrawCurrentUser}
          assetUrls={ownAssetUrls}
          components={TLDRAW_COMPONENTS}
          overrides={withoutEmbeds}
          onMount={(editor) => {
            const stopFonts = loadOnlyDrawnFonts(editor)
            editor.updateInstanceState({ isReadonly: true })
            editor.zoomToFit()
            return stopFonts
          }}
        />
      </div>
    </div>
  )
}
