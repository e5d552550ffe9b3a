import { HTMLContainer, useValue } from 'tldraw'
import { EXAMPLE_WORKSHEET } from '../../../shared/dialogue/exampleWorksheet'
import {
  WORKSHEET_SECTIONS,
  WORKSHEET_SECTION_FIELDS,
} from '../../../shared/dialogue/worksheetSections'
import { DIALOGUE_PLAN_COLUMN_LABELS } from '../../../shared/labels/dialogueFieldLabels'
import '../../canvas/boardForms.css'
import { usePhase2Translation } from '../../i18n/phase2Messages'
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
 * otherwise: exampleVisibility.ts); the trainers see it marked as hidden.
 */
export class ExampleWorksheetShapeUtil extends RecordBoardShapeUtil<ExampleWorksheetShape> {
  static override type = EXAMPLE_WORKSHEET_TYPE
  static override props = exampleWorksheetProps
  static override migrations = exampleWorksheetMigrations

  override options: ExampleWorksheetOptions = { phase2: null }

  override getDefaultProps(): ExampleWorksheetShape['props'] {
    return { ...EXAMPLE_WORKSHEET_SIZE }
  }

  override canEdit() {
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
  const example = EXAMPLE_WORKSHEET[locale]
  const labels = DIALOGUE_PLAN_COLUMN_LABELS[locale]
  return (
    <div
      className={`board-worksheet board-worksheet--example${shown ? '' : ' board-worksheet--hidden'}`}
      style={{ width: shape.props.w, height: shape.props.h }}
      data-testid="example-worksheet"
      data-shown={shown}
    >
      <header className="board-worksheet__header">
        <h2>{t2('phase2.example.heading')}</h2>
        <p className="board-worksheet__hint">
          <strong>{example.title}</strong> — {t2('phase2.example.ours')}
        </p>
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
            tabIndex={0}
            aria-labelledby={`example-${shape.id}-${section}`}
          >
            <h3 id={`example-${shape.id}-${section}`}>{t2(`phase2.section.${section}`)}</h3>
            {WORKSHEET_SECTION_FIELDS[section].map((column) => (
              <div key={column} className="field field--readonly">
                <span className="field__label">{labels[column]}</span>
                <p className="field__value">{example.fields[column] ?? '—'}</p>
              </div>
            ))}
          </section>
        ))}
      </div>
    </div>
  )
}
