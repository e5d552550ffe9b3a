/**
 * The words of phase 2's board and of linking agenda blocks to boards, in English and Dutch.
 * Kept beside the main catalogues (messages.en.ts, messages.nl.ts) rather than in them, so
 * the boards colleagues build at the same time each add a file instead of editing the same
 * lines; a missing Dutch text fails the typecheck as it does there.
 */
import { useValue } from '@tldraw/state-react'
import { formatMessage } from '../../shared/i18n/formatMessage'
import { localUserPreferences } from '../user/localUser'
import type { Locale } from './locale'

const en = {
  'phase2.board.name': 'Phase 2: preparing the dialogue',
  'phase2.worksheet.frame': '{table} · worksheet',
  'phase2.worksheet.heading': '{table}: worksheet for preparing the dialogue',
  'phase2.worksheet.planTitle': '{table}: dialogue on the case',
  'phase2.worksheet.missing':
    'This worksheet’s dialogue plan is not on the map for you: it was removed, or marked confidential (only trainers see those). The facilitator can make it again in the Workshop tab.',
  'phase2.worksheet.hint': 'Click a field to fill it in; Tab goes to the next one.',
  'phase2.case.heading': 'The case',
  'phase2.case.trainersOnly': 'Only the trainers can change the case.',
  'phase2.case.empty': 'The trainers have not described the case yet.',
  'phase2.example.heading': 'Example: a filled-in worksheet',
  'phase2.example.ours':
    'Our own example on the role play’s case, not the SER’s filled-in worksheet (which is not part of this app).',
  'phase2.example.hiddenForOthers': 'Hidden: participants do not see this example.',
  'phase2.example.trainersOnly':
    'Only the trainers can change the example. A field nobody reworded shows the built-in example in each reader’s language.',
  'phase2.example.title': 'Title of the example',
  'boards.followUpStep.wording': 'Words of this step (on every follow-up board)',
  'phase2.panel.heading': 'Phase 2: dialogue worksheets',
  'phase2.panel.intro':
    'A worksheet per table, each with its own dialogue plan (also in the Dialogues tab), the case card above them and a filled-in example.',
  'phase2.panel.tables': 'Number of worksheets',
  'phase2.panel.make': 'Make a worksheet for each table',
  'phase2.panel.made':
    '{count, plural, one {# worksheet} other {# worksheets}} on the phase-2 board.',
  'phase2.panel.goTo': 'Go to the phase-2 board',
  'phase2.panel.showExample': 'Show the example to everyone',
  'phase2.panel.hideExample': 'Hide the example',
  'phase2.panel.exampleShown': 'Everyone sees the filled-in example.',
  'phase2.panel.exampleHidden': 'The example is hidden from participants.',
  'boards.open': 'Open the board',
  'boards.openNamed': 'Open the board of {name} for everyone',
  'boards.link': 'Board of {name}',
  'boards.none': 'No board',
  'boards.missing': 'This block’s board is not on the canvas yet.',
  'boards.phase1': 'Phase 1 template',
  'boards.phase4': 'Phase 4 follow-up boards',
  'boards.selfAssessment': 'Self-assessment',
} as const

/** A key of phase 2's words. */
export type Phase2MessageKey = keyof typeof en

const nl: Record<Phase2MessageKey, string> = {
  'phase2.board.name': 'Fase 2: de dialoog voorbereiden',
  'phase2.worksheet.frame': '{table} · werkblad',
  'phase2.worksheet.heading': '{table}: werkblad voor het voorbereiden van de dialoog',
  'phase2.worksheet.planTitle': '{table}: dialoog over de casus',
  'phase2.worksheet.missing':
    'Het dialoogplan van dit werkblad staat niet voor jou op de kaart: het is verwijderd, of vertrouwelijk gemaakt (dat zien alleen de trainers). De begeleider kan het opnieuw maken in het tabblad Workshop.',
  'phase2.worksheet.hint': 'Klik op een veld om het in te vullen; met Tab ga je naar het volgende.',
  'phase2.case.heading': 'De casus',
  'phase2.case.trainersOnly': 'Alleen de trainers kunnen de casus wijzigen.',
  'phase2.case.empty': 'De trainers hebben de casus nog niet beschreven.',
  'phase2.example.heading': 'Voorbeeld: een ingevuld werkblad',
  'phase2.example.ours':
    'Ons eigen voorbeeld over de casus van het rollenspel, niet het ingevulde werkblad van de SER (dat zit niet in deze app).',
  'phase2.example.hiddenForOthers': 'Verborgen: deelnemers zien dit voorbeeld niet.',
  'phase2.example.trainersOnly':
    'Alleen de trainers kunnen het voorbeeld wijzigen. Een veld dat niemand herschreef toont het ingebouwde voorbeeld in de taal van wie het leest.',
  'phase2.example.title': 'Titel van het voorbeeld',
  'boards.followUpStep.wording': 'Tekst van deze stap (op elke opvolgingskaart)',
  'phase2.panel.heading': 'Fase 2: werkbladen voor de dialoog',
  'phase2.panel.intro':
    'Een werkblad per tafel, elk met een eigen dialoogplan (ook in het tabblad Dialogen), de casuskaart erboven en een ingevuld voorbeeld.',
  'phase2.panel.tables': 'Aantal werkbladen',
  'phase2.panel.make': 'Maak een werkblad voor elke tafel',
  'phase2.panel.made':
    '{count, plural, one {# werkblad} other {# werkbladen}} op het bord van fase 2.',
  'phase2.panel.goTo': 'Ga naar het bord van fase 2',
  'phase2.panel.showExample': 'Toon het voorbeeld aan iedereen',
  'phase2.panel.hideExample': 'Verberg het voorbeeld',
  'phase2.panel.exampleShown': 'Iedereen ziet het ingevulde voorbeeld.',
  'phase2.panel.exampleHidden': 'Het voorbeeld is verborgen voor deelnemers.',
  'boards.open': 'Open het bord',
  'boards.openNamed': 'Open het bord van {name} voor iedereen',
  'boards.link': 'Bord van {name}',
  'boards.none': 'Geen bord',
  'boards.missing': 'Het bord van dit blok staat nog niet op het canvas.',
  'boards.phase1': 'Sjabloon fase 1',
  'boards.phase4': 'Opvolgborden fase 4',
  'boards.selfAssessment': 'Zelfevaluatie',
}

const CATALOGUES: Record<Locale, Record<Phase2MessageKey, string>> = { en, nl }

/** Translates one of phase 2's keys into `locale`. */
export function translatePhase2(
  locale: Locale,
  key: Phase2MessageKey,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(locale, CATALOGUES[locale][key], params)
}

/** Phase 2's words in the current language; re-renders on a switch. */
export function usePhase2Translation() {
  const locale = useValue('locale', () => localUserPreferences.get().locale, [])
  const t2 = (key: Phase2MessageKey, params?: Record<string, string | number>) =>
    translatePhase2(locale, key, params)
  return { locale, t2 }
}
