/**
 * tldraw's sticky note, whose text on a projector is drawn large enough to read from the back
 * of a room: on a plate in the note's colour, where the presenter layout puts it
 * (client/presenter/presenterLayout.ts). Everywhere else it is tldraw's own note.
 */
import {
  DEFAULT_THEME,
  HTMLContainer,
  NoteShapeUtil,
  type TLNoteShape,
  getColorValue,
  renderPlaintextFromRichText,
  useEditor,
  useValue,
} from 'tldraw'
import { type PresenterSpot, presenterSpot } from '../../presenter/presenterLayout'

/** tldraw's note, enlarged while presenting. */
export class NoteReadableOnProjector extends NoteShapeUtil {
  override component(shape: TLNoteShape) {
    return <NoteOrPlate util={this} shape={shape} />
  }

  /** Its enlarged text may reach beyond the note: always drawn. */
  override canCull(shape: TLNoteShape) {
    return !presenterSpot(this.editor, shape.id)
  }
}

/** The two are components of their own: tldraw's note uses hooks the plate does not. */
function NoteOrPlate({ util, shape }: { util: NoteShapeUtil; shape: TLNoteShape }) {
  const editor = useEditor()
  const spot = useValue('presenter spot', () => presenterSpot(editor, shape.id), [editor, shape.id])
  return spot ? <NotePlate shape={shape} spot={spot} /> : <TldrawNote util={util} shape={shape} />
}

function TldrawNote({ util, shape }: { util: NoteShapeUtil; shape: TLNoteShape }) {
  return NoteShapeUtil.prototype.component.call(util, shape)
}

function NotePlate({ shape, spot }: { shape: TLNoteShape; spot: PresenterSpot }) {
  const editor = useEditor()
  const colours = DEFAULT_THEME.colors.light
  return (
    <HTMLContainer>
      <div
        className="presenter-note"
        style={{
          left: spot.x - shape.x,
          top: spot.y - shape.y,
          width: spot.w,
          height: spot.h,
          fontSize: spot.fontSize,
          background: getColorValue(colours, shape.props.color, 'noteFill'),
          color: getColorValue(colours, shape.props.color, 'noteText'),
        }}
      >
        {renderPlaintextFromRichText(editor, shape.props.richText)}
      </div>
    </HTMLContainer>
  )
}
