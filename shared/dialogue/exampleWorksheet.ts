/**
 * The filled-in example of phase 2's worksheet, which the trainer shows or hides for
 * everyone (the `exampleShown` facilitation setting). The SER manual names a filled-in
 * example ("Werkblad groepsopdracht fase 2 - ingevuld voorbeeld") but its content is not in
 * this repository's seed, so this example is our own, and says so on the board. It plans a
 * dialogue on the role play's fictitious case (rolePlay.ts): a European chocolate maker, a
 * cocoa cooperative in Côte d'Ivoire, child labour and low farm-gate prices.
 *
 * Trainers may reword it on the board (their case, their example): their wording is the map
 * document's `exampleWorksheet` root, one key per field (title, then the worksheet's
 * fields), owners and facilitators only (FACILITATOR_ONLY_ROOTS). A field nobody reworded
 * reads as the text below in the reader's language (trainerWording.ts).
 */
import type * as Y from 'yjs'
import { EXAMPLE_WORKSHEET_MAP } from '../document/mapDocumentLayout'
import type { LabelLocale } from '../labels/modelLabels'
import type { DialoguePlanColumn } from '../labels/dialogueFieldLabels'
import { validateWording, wordingFor } from '../workshop/trainerWording'
import { WORKSHEET_SECTIONS, WORKSHEET_SECTION_FIELDS } from './worksheetSections'

/** The example: a title and, per worksheet field, the text it is filled in with. */
export interface ExampleWorksheet {
  title: string
  fields: Readonly<Partial<Record<DialoguePlanColumn, string>>>
}

/** The example in each language. */
export const EXAMPLE_WORKSHEET: Readonly<Record<LabelLocale, ExampleWorksheet>> = {
  en: {
    title: 'Living income and child labour, cooperative near Soubré',
    fields: {
      goal: 'Hear from the farming families and workers what keeps children working in the harvest, and agree on first steps together.',
      whyNow:
        'An NGO report names two villages in our chain; the new season’s contracts are signed in three months.',
      invited:
        'Farming families and pickers (women and men apart), the worker representative, the village chiefs; the NGO as an observer. Children are represented by the teachers’ association.',
      dueDiligenceStep: 'Identify and assess adverse impacts',
      engagementStage: 'Identifying, assessing and prioritising impacts',
      format: 'Meeting, then focus groups',
      place: 'The village school, not the cooperative’s office',
      date: 'Two weeks after the harvest',
      language: 'Baoulé and French',
      interpretation: 'An interpreter from the region, not from the supplier',
      barriers:
        'Pickers fear losing work if they speak while the supplier is there: a session without him. Women cannot travel: meeting in the village, at a time after market day.',
      barrierAssessment: 'Literacy is low: everything is said aloud, nothing has to be read.',
      safety:
        'No names in the notes; what is said is not shared with the supplier person by person.',
      informationBeforehand:
        'What the company buys here, what the NGO found, what the dialogue is for and what it is not.',
      informationForm: 'Read out in Baoulé by the interpreter one week before; a poster at school',
      companyAttendees: 'The buyer, the sustainability manager',
      companyMandate:
        'May promise a living-income study and a follow-up meeting; may not promise a price today.',
      inputUse:
        'Input goes into the action plan on child labour; the group sees which of its points were taken up.',
      feedback:
        'Back in the village within six weeks, with what was decided and what was not, and why.',
    },
  },
  nl: {
    title: 'Leefbaar inkomen en kinderarbeid, coöperatie bij Soubré',
    fields: {
      goal: 'Van de boerenfamilies en plukkers horen waarom kinderen in de oogst werken, en samen eerste stappen afspreken.',
      whyNow:
        'Een ngo-rapport noemt twee dorpen in onze keten; over drie maanden worden de contracten voor het nieuwe seizoen getekend.',
      invited:
        'Boerenfamilies en plukkers (vrouwen en mannen apart), de vertegenwoordiger van de arbeiders, de dorpshoofden; de ngo als waarnemer. Kinderen worden vertegenwoordigd door de vereniging van leerkrachten.',
      dueDiligenceStep: 'Negatieve impact identificeren en beoordelen',
      engagementStage: 'Impact identificeren, beoordelen en prioriteren',
      format: 'Bijeenkomst, daarna focusgroepen',
      place: 'De dorpsschool, niet het kantoor van de coöperatie',
      date: 'Twee weken na de oogst',
      language: 'Baoulé en Frans',
      interpretation: 'Een tolk uit de regio, niet van de leverancier',
      barriers:
        'Plukkers zijn bang werk te verliezen als ze spreken terwijl de leverancier erbij is: een sessie zonder hem. Vrouwen kunnen niet reizen: bijeenkomst in het dorp, na de marktdag.',
      barrierAssessment: 'Weinig mensen lezen: alles wordt verteld, niets hoeft gelezen te worden.',
      safety:
        'Geen namen in de aantekeningen; wat iemand zegt wordt niet per persoon met de leverancier gedeeld.',
      informationBeforehand:
        'Wat het bedrijf hier inkoopt, wat de ngo vond, waar de dialoog voor is en waarvoor niet.',
      informationForm:
        'Een week vooraf in het Baoulé voorgelezen door de tolk; een poster op school',
      companyAttendees: 'De inkoper, de duurzaamheidsmanager',
      companyMandate:
        'Mag een onderzoek naar een leefbaar inkomen en een vervolggesprek toezeggen; mag vandaag geen prijs beloven.',
      inputUse:
        'De inbreng gaat naar het actieplan tegen kinderarbeid; de groep ziet welke punten zijn overgenomen.',
      feedback: 'Binnen zes weken terug in het dorp, met wat besloten is en wat niet, en waarom.',
    },
  },
}

/** The example's keys in its root: the title, then the worksheet's fields in order. */
export const EXAMPLE_WORKSHEET_KEYS: readonly string[] = [
  'title',
  ...WORKSHEET_SECTIONS.flatMap((section) => WORKSHEET_SECTION_FIELDS[section]),
]

/** One key of the example: its title or a worksheet field. */
export type ExampleWorksheetKey = 'title' | DialoguePlanColumn

function prefilled(key: ExampleWorksheetKey) {
  const of = (locale: LabelLocale) => {
    const example = EXAMPLE_WORKSHEET[locale]
    return key === 'title' ? example.title : (example.fields[key] ?? '')
  }
  return { en: of('en'), nl: of('nl') }
}

/** The example as a reader of `locale` sees it: the trainers' wording, else the built-in. */
export function readExampleWorksheet(doc: Y.Doc, locale: LabelLocale): ExampleWorksheet {
  const map = doc.getMap<unknown>(EXAMPLE_WORKSHEET_MAP)
  const fields: Partial<Record<DialoguePlanColumn, string>> = {}
  for (const key of EXAMPLE_WORKSHEET_KEYS as readonly ExampleWorksheetKey[]) {
    if (key !== 'title') fields[key] = wordingFor(map.get(key), prefilled(key), locale)
  }
  return { title: wordingFor(map.get('title'), prefilled('title'), locale), fields }
}

/**
 * Writes the trainers' wording of one field (owners and facilitators: the server refuses
 * anyone else); answers the validation errors instead when the text does not fit.
 */
export function writeExampleWorksheetField(
  doc: Y.Doc,
  key: ExampleWorksheetKey,
  value: string,
  origin?: unknown,
) {
  const checked = validateWording(value)
  if (!checked.ok) return checked
  const map = doc.getMap<unknown>(EXAMPLE_WORKSHEET_MAP)
  if (map.get(key) !== checked.value) doc.transact(() => map.set(key, checked.value), origin)
  return { ok: true as const }
}
