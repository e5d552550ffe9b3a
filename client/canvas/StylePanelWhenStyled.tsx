/**
 * tldraw's style panel, shown only when it has something to style: a selection holding a
 * shape with styles (a sticky note, a drawing, an arrow), or a drawing tool about to make
 * one. tldraw shows it whenever the select tool is active, so on opening a map it covered
 * the top right of the board (the salience diagram), and selecting a stakeholder card or
 * a board (which have no styles) showed a panel with only an opacity slider.
 */
import { DefaultStylePanel, type TLUiStylePanelProps, useEditor, useValue } from 'tldraw'

/** The `StylePanel` component for tldraw's `components` prop. */
export function StylePanelWhenStyled(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const wanted = useValue(
    'style panel wanted',
    () => {
      // A tool that creates a shape (rectangle, draw, note…) styles the shape it will make.
      if (editor.root.getCurrent()?.shapeType) return true
      return (
        editor.isIn('select') &&
        editor.getSelectedShapeIds().length > 0 &&
        editor.getSharedStyles().size > 0
      )
    },
    [editor],
  )
  return wanted ? <DefaultStylePanel {...props} /> : null
}
