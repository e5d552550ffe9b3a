/**
 * The headings of phase 2's worksheet sections (shared/dialogue/worksheetSections.ts) in
 * English and Dutch: the board and the report's filled-in worksheets word them the same.
 */
import type { WorksheetSection } from '../dialogue/worksheetSections'
import type { LabelLocale } from './modelLabels'

/** The heading of each section of the worksheet. */
export const WORKSHEET_SECTION_LABELS: Readonly<
  Record<LabelLocale, Readonly<Record<WorksheetSection, string>>>
> = {
  en: {
    goal: '1. Goal: what for, and why now?',
    who: '2. Who takes part?',
    step: '3. Which step of due diligence?',
    how: '4. How, where, in which language?',
    barriers: '5. Barriers and safety',
    information: '6. What is shared beforehand?',
    company: '7. Who speaks for the company?',
    followUp: '8. What happens with the input?',
  },
  nl: {
    goal: '1. Doel: waarvoor, en waarom nu?',
    who: '2. Wie doen er mee?',
    step: '3. Bij welke stap van due diligence?',
    how: '4. Hoe, waar, in welke taal?',
    barriers: '5. Drempels en veiligheid',
    information: '6. Wat wordt vooraf gedeeld?',
    company: '7. Wie spreekt er namens het bedrijf?',
    followUp: '8. Wat gebeurt er met de inbreng?',
  },
}
