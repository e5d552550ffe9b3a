import { HTMLContainer, useValue } from 'tldraw'
import {
  WORKSHEET_SECTIONS,
  WORKSHEET_SECTION_FIELDS,
} from '../../../shared/dialogue/worksheetSections'
import { DIALOGUE_PLAN_COLUMN_LABELS } from '../../../shared/labels/dialogueFieldLabels'
import { WORKSHEET_SECTION_LABELS } from '../../../shared/labels/worksheetSectionLabels'
import { EXAMPLE_WORKSHEET } from '../../../shared/dialogue/exampleWorksheet'
import { BoardForm } from '../../canvas/BoardForm'
import '../../canvas/boardForms.css'
import { usePhase2Translation } from '../../i18n/phase2Messages'
import { TextArea, TextField } from '../../panels/fields'
import type { Phase2BoardModel } from '../../workshop/model/Phase2BoardModel'
import {
  EXAMPLE_WORKSHEET_SIZE,
  EXAMPLE_WORKSHEET_TYPE,
  type ExampleWorksheetShape,
  exampleWorksheetMigrations,
  exampleWorksheetProps,
} from './exampleWorksheetShape'
import { RecordBoardShapeUtil } from '../RecordBoardShapeUtil'

/** Options handed in with `ExampleWorksheetShapeUtil.configure({ phase2 })`. */
export interface ExampleWorksheetOptions {
  phase2: Phase2BoardModel | null
}

/**
 * The filled-in example worksheet, in the reader's language, in the worksheet's sections.
 * Participants see it only while the trainer shows it (they do not see the shape at all
 * otherwise: exampleVisibility.ts); the trainers see it marked as hidden. Trainers reword it
 * in place, as they type the case card (shared/dialogue/exampleWorksheet.ts); everyone else
 * reads it (the server refuses their changes anyway).
 */
export class ExampleWorksheetShapeUtil extends RecordBoardShapeUtil<ExampleWorksheetShape> {
  static override type = EXAMPLE_WORKSHEET_TYPE
  static override props = exampleWorksheetProps
  static override migrations = exampleWorksheetMigrations

  override options: ExampleWorksheetOptions = { phase2: null }

  override getDefaultProps(): ExampleWorksheetShape['props'] {
    return { ...EXAMPLE_WORKSHEET_SIZE }
  }

  /** Enter on the selected shape goes into its first field (BoardForm.tsx), for trainers. */
  override canEdit() {
    return this.options.phase2?.canEdit ?? false
  }

  /** Drawn as HTML: always drawn, so a field being typed in never unmounts. */
  override canCull() {
    return false
  }

  override component(shape: ExampleWorksheetShape) {
    return (
      <HTMLContainer>
        <ExampleView shape={shape} phase2={this.options.phase2} />
      </HTMLContainer>
    )
  }
}

function ExampleView({
  shape,
  phase2,
}: {
  shape: ExampleWorksheetShape
  phase2: Phase2BoardModel | null
}) {
  const { t2, locale } = usePhase2Translation()
  const shown = useValue('example shown', () => phase2?.exampleShown.get() ?? false, [phase2])
  // Without the map's model (a version opened from the history), the built-in example.
  const example = useValue('example', () => phase2?.example(locale) ?? EXAMPLE_WORKSHEET[locale], [
    phase2,
    locale,
  ])
  const labels = DIALOGUE_PLAN_COLUMN_LABELS[locale]
  const canEdit = phase2?.canEdit ?? false
  return (
    <BoardForm
      shapeId={shape.id}
      className={`board-worksheet board-worksheet--example${shown ? '' : ' board-worksheet--hidden'}`}
      style={{ width: shape.props.w, height: shape.props.h }}
      readOnly={!canEdit}
      testId="example-worksheet"
    >
      <header className="board-worksheet__header" data-shown={shown}>
        <h2>{t2('phase2.example.heading')}</h2>
        {canEdit ? (
          <>
            <TextField
              label={t2('phase2.example.title')}
              value={example.title}
              draftKey="board/example/title"
              maxLength={200}
              onCommit={(value) =>
                phase2?.writeExampleField('title', value) ?? { ok: true as const }
              }
              testId="example-title"
            />
            <p className="board-worksheet__hint">
              {t2('phase2.example.ours')} {t2('phase2.example.trainersOnly')}
            </p>
          </>
        ) : (
          <p className="board-worksheet__hint">
            <strong data-testid="example-title">{example.title}</strong> —{' '}
            {t2('phase2.example.ours')}
          </p>
        )}
        {!shown && (
          <p className="board-worksheet__hidden-note">{t2('phase2.example.hiddenForOthers')}</p>
        )}
      </header>
      <div className="board-worksheet__grid">
        {WORKSHEET_SECTIONS.map((section) => (
          <section
            key={section}
            className={`board-worksheet__section board-worksheet__section--${section}`}
            // A long answer may scroll: the section then takes the focus, so keys scroll it.
            tabIndex={canEdit ? undefined : 0}
            aria-labelledby={`example-${shape.id}-${section}`}
          >
            <h3 id={`example-${shape.id}-${section}`}>
              {WORKSHEET_SECTION_LABELS[locale][section]}
            </h3>
            {WORKSHEET_SECTION_FIELDS[section].map((column) => (
              <TextArea
                key={column}
                label={labels[column]}
                value={example.fields[column] ?? ''}
                draftKey={`board/example/${column}`}
                rows={2}
                onCommit={(value) =>
                  phase2?.writeExampleField(column, value) ?? { ok: true as const }
                }
                testId={`example-${column}`}
              />
            ))}
          </section>
        ))}
      </div>
    </BoardForm>
  )
}
