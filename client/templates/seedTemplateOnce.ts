import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { META_MAP } from '../../shared/document/mapDocumentLayout'
import type { MapMetadata } from '../../shared/protocol/api'
import type { Locale } from '../i18n/locale'
import { SEEDED_TEMPLATE_PREFIX, applySerPhase1Template } from './serPhase1Template'

/** Key in `meta` that records that the map's starting template was put on the board. */
const TEMPLATE_SEEDED_KEY = 'templateSeeded'

/**
 * Puts the map's starting template on the board the first time anyone opens it. Fixed shape
 * ids make two people doing this at once write the same shapes; the flag stops a template
 * the group deleted on purpose from coming back.
 */
export function seedTemplateOnce(
  editor: Editor,
  doc: Y.Doc,
  template: MapMetadata['template'],
  locale: Locale,
) {
  const meta = doc.getMap<unknown>(META_MAP)
  if (template !== 'ser-phase-1' || meta.get(TEMPLATE_SEEDED_KEY) || editor.getIsReadonly()) return
  applySerPhase1Template(editor, locale, { prefix: SEEDED_TEMPLATE_PREFIX })
  meta.set(TEMPLATE_SEEDED_KEY, true)
  editor.zoomToFit({ animation: { duration: 300 } })
}
