/**
 * tldraw's page menu, shown only when a map has more than one page. A stakeholder map is one
 * board, and its page's stored name is one text for everyone (an existing map says "Page 1"
 * whatever the reader's language), so a single page's name is never shown. A map that does
 * have several pages keeps the menu, to reach them.
 */
import { DefaultPageMenu, useEditor, useValue } from 'tldraw'

/** The page menu when there are several pages to choose from; nothing otherwise. */
export function PageMenuForSeveralPages() {
  const editor = useEditor()
  const several = useValue('several pages', () => editor.getPages().length > 1, [editor])
  return several ? <DefaultPageMenu /> : null
}
