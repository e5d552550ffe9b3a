/**
 * The report's own words in English and Dutch: headings, field names of the evidence, and
 * the method appendix. Words for the model's codes (classes, quadrants, steps, reasons,
 * alerts) are not here: they come from `shared/labels/modelLabels.ts`, and those of the
 * dialogue records (statuses, formats, elements, field names) from `dialogueLabels.ts` and
 * `dialogueFieldLabels.ts`. Texts with `{name}` take parameters (`formatLabel`).
 */
import type { LabelLocale } from '../labels/modelLabels'

/** Every text of the report in one language. */
export interface ReportText {
  documentKind: string
  organisation: string
  generatedAt: string
  version: string
  versionNone: string
  stakeholderCount: string
  confidentialNotice: string
  publicNotice: string
  contents: string
  registerHeading: string
  registerIntro: string
  registerAlertsNote: string
  figuresHeading: string
  matrixHeading: string
  matrixCaption: string
  axisInfluence: string
  axisImpact: string
  notPlaced: string
  salienceHeading: string
  salienceCaption: string
  salienceNotAssessed: string
  salienceAssessedAbsent: string
  legendHeading: string
  none: string
  orderHeading: string
  orderIntro: string
  reasons: string
  alerts: string
  noAlerts: string
  warning: string
  info: string
  logHeading: string
  logIntro: string
  notDecided: string
  vulnerabilityNote: string
  represents: string
  attitude: string
  interests: string
  concerns: string
  logSubheading: string
  impactsHeading: string
  contactsHeading: string
  noLog: string
  withheld: string
  plansHeading: string
  plansIntro: string
  noPlans: string
  /** Before the alerts about stakeholders invited to no plan. */
  mapPlanAlerts: string
  untitledPlan: string
  /** Between an invited stakeholder and who attends on its behalf. */
  representedBy: string
  /** Before how a barrier is lowered. */
  barrierLowered: string
  /** `{count}` confidential plans left out. */
  plansWithheld: string
  heldHeading: string
  heldIntro: string
  noHeld: string
  /** `{count}` confidential held dialogues left out. */
  heldWithheld: string
  commitmentsHeading: string
  /** `{date}`: the report's day, on which overdue is decided. */
  commitmentsIntro: string
  noCommitments: string
  /** `{count}` commitments of a confidential dialogue left out. */
  commitmentsWithheld: string
  /** Commitments not made in a planned dialogue. */
  noDialogue: string
  evaluationsHeading: string
  evaluationsIntro: string
  noEvaluations: string
  /** `{count}` evaluations of a confidential dialogue left out. */
  evaluationsWithheld: string
  /** An evaluation of a role play or dialogue without a plan. */
  evaluationWithoutPlan: string
  /** The role play's observer sheets (observerNotesHtml.ts). */
  observerNotesHeading: string
  observerNotesIntro: string
  /** `{number}`: the round. */
  observerRound: string
  /** `{number}`: an observer without a role card, counted in the round. */
  observerNumber: string
  observerGeneral: string
  /** Lowest–highest score of an element. */
  range: string
  /** An element whose result is not revealed yet. */
  notScored: string
  /** Under an evaluation whose results were taken from an imported file, with `{date}`. */
  importedResults: string
  methodHeading: string
  /** Paragraphs of the method appendix, as plain text. */
  methodParts: { heading: string; paragraphs: string[] }[]
  sourcesHeading: string
  /** Sources, as plain text (never links: the report loads nothing). */
  sources: string[]
  emptyMap: string
}

// The sources are the same in both languages: titles are cited as published.
const SOURCES = [
  'R. K. Mitchell, B. R. Agle and D. J. Wood (1997), "Toward a theory of stakeholder identification and salience: defining the principle of who and what really counts", Academy of Management Review 22(4): 853–886.',
  'A. Mendelow (1991), "Stakeholder mapping", Proceedings of the 2nd International Conference on Information Systems, Cambridge, MA.',
  'OECD (2018), OECD Due Diligence Guidance for Responsible Business Conduct, OECD Publishing, Paris.',
  'United Nations (2011), Guiding Principles on Business and Human Rights, principles 14 and 24, OHCHR, New York and Geneva.',
  'Directive (EU) 2024/1760 on corporate sustainability due diligence (CSDDD), article 13 "Meaningful engagement with stakeholders", Official Journal of the European Union, 5 July 2024 (check the current consolidated text: the directive was being amended).',
  'SER, Workshop "Betekenisvolle stakeholderdialoog in (internationale) waardeketens", trainershandleiding, and the tool "In 9 stappen naar een betekenisvolle dialoog".',
]

const en: ReportText = {
  documentKind: 'Stakeholder map — due-diligence record',
  organisation: 'Organisation',
  generatedAt: 'Generated',
  version: 'Version',
  versionNone: 'Current state of the map (no saved version)',
  stakeholderCount: 'Stakeholders',
  confidentialNotice:
    'CONFIDENTIAL: this report contains personal data of contacts and confidential engagement records. Share it only with people who need it, and store it securely (GDPR).',
  publicNotice: 'Contact details and confidential engagement records are left out of this report.',
  contents: 'Contents',
  registerHeading: '1. Stakeholder register',
  registerIntro:
    'One row per stakeholder, in engagement order: the most severely affected first (OECD). Salience class, quadrant and severity are derived from the scores; section 4 gives the other fields of each stakeholder.',
  registerAlertsNote: 'The alerts column counts the alerts; section 3 lists them.',
  figuresHeading: '2. Matrix and salience',
  matrixHeading: 'Influence × impact',
  matrixCaption:
    'Each dot is a stakeholder at its scores; the number is its place in the engagement order.',
  axisInfluence: 'Influence on the company',
  axisImpact: 'Impact of the company',
  notPlaced: 'Not placed (influence or impact not assessed)',
  salienceHeading: 'Salience: power, legitimacy, urgency',
  salienceCaption:
    'An attribute counts as present from a score of 3. Numbers are places in the engagement order; a name marked * is not fully assessed yet (its class may still grow).',
  salienceNotAssessed: 'Salience not (fully) assessed',
  salienceAssessedAbsent: 'Non-stakeholder (assessed as absent)',
  legendHeading: 'Legend',
  none: '—',
  orderHeading: '3. Engagement order',
  orderIntro:
    'Following the OECD guidance, the most severely affected are engaged first, not the most influential. Salience only orders stakeholders of equal severity.',
  reasons: 'Reasoning',
  alerts: 'Alerts',
  noAlerts: 'No alerts.',
  warning: 'Warning',
  info: 'Note',
  logHeading: '4. Per stakeholder: details, impacts and engagement log',
  logIntro:
    'What was done with each stakeholder, as evidence of meaningful engagement (CSDDD art. 13): when, at which due-diligence step, how, what was shared, what came back, how it was used, and which barriers were lowered.',
  notDecided: 'not decided',
  vulnerabilityNote: 'Why vulnerable',
  represents: 'Represents or advocates for',
  attitude: 'Attitude',
  interests: 'Interests',
  concerns: 'Concerns',
  logSubheading: 'Engagement log',
  impactsHeading: 'Adverse impacts',
  contactsHeading: 'Contacts (confidential)',
  noLog: 'No engagement recorded.',
  withheld: 'Confidential entry withheld',
  plansHeading: '5. Dialogue plans',
  plansIntro:
    'Dialogues being prepared (drafts and planned ones) and cancelled ones, by date: why and with whom, at which due-diligence step, and how the plan makes taking part possible and safe (OECD; CSDDD art. 13). Held dialogues are in section 6.',
  noPlans: 'No dialogue plans recorded.',
  mapPlanAlerts: 'Alerts on the plans as a whole',
  untitledPlan: 'Untitled dialogue plan',
  representedBy: 'represented by',
  barrierLowered: 'Lowered by',
  plansWithheld:
    '{count, plural, one {# confidential dialogue plan is} other {# confidential dialogue plans are}} left out of this report.',
  heldHeading: '6. Held dialogues',
  heldIntro:
    'Dialogues that took place, by date: who took part, what was shared, and how their input is used and fed back.',
  noHeld: 'No dialogue held yet.',
  heldWithheld:
    '{count, plural, one {# confidential held dialogue is} other {# confidential held dialogues are}} left out of this report.',
  commitmentsHeading: '7. Commitments',
  commitmentsIntro:
    'What was promised to stakeholders, and whether it was kept. Overdue commitments (open or in progress, and due before {date}) come first, marked "Overdue"; then by due date.',
  noCommitments: 'No commitments recorded.',
  commitmentsWithheld:
    '{count, plural, one {# commitment made in a confidential dialogue is} other {# commitments made in a confidential dialogue are}} left out of this report.',
  noDialogue: 'Outside a planned dialogue',
  evaluationsHeading: '8. Evaluations',
  evaluationsIntro:
    'How each dialogue was evaluated against the nine elements of the SER model of meaningful dialogue. Participants scored each element privately from 1 to 5; the median is the group’s result, and elements on which the scores lie far apart are marked as disagreement, to be talked through.',
  noEvaluations: 'No evaluations recorded.',
  evaluationsWithheld:
    '{count, plural, one {# evaluation of a confidential dialogue is} other {# evaluations of a confidential dialogue are}} left out of this report.',
  evaluationWithoutPlan: 'Evaluation without a dialogue plan',
  observerNotesHeading: 'Observer notes from the role play',
  observerNotesIntro:
    'What the observers of each round of the role play noted, in general and per element of the SER dialogue model, for the evaluation.',
  observerRound: 'Round {number}',
  observerNumber: 'Observer {number}',
  observerGeneral: 'In general',
  range: 'Range',
  notScored: 'not scored yet',
  importedResults: 'Results from an imported file, taken over on {date}: not counted on this map.',
  methodHeading: '10. Method',
  methodParts: [
    {
      heading: 'Salience (Mitchell, Agle & Wood 1997)',
      paragraphs: [
        'A stakeholder has power (it can impose its will), legitimacy (its claim is seen as proper) and urgency (its claim is time-sensitive and critical) to some degree. Each is scored from 1 to 5 and counts as present from 3. Which attributes are present gives the class: one attribute makes a latent stakeholder (dormant, discretionary, demanding), two an expectant one (dominant, dangerous, dependent), all three a definitive one. Salience rises with the number of attributes present.',
      ],
    },
    {
      heading: 'Influence × impact (after Mendelow 1991)',
      paragraphs: [
        'A variant of Mendelow’s power/interest grid. Influence is the stakeholder’s influence on the company; impact is the company’s actual or potential impact on the stakeholder. A score above 3 is high.',
        'Mendelow would only "keep informed" those with little influence on whom the company has a large impact. The OECD guidance says the opposite: those most affected are engaged first, whatever their influence, and barriers to their participation are removed. One-way information is not meaningful engagement for them, so this quadrant is called "empower and engage".',
      ],
    },
    {
      heading: 'Severity and engagement order (OECD 2018; UNGP 14 and 24)',
      paragraphs: [
        'The severity of an adverse impact is made of its scale (how grave), scope (how many are affected) and irremediable character (how hard it is to undo); any one of them can make an impact severe. For potential impacts, likelihood also counts, after severity. The engagement order puts affected stakeholders (rightsholders) with a severe impact first, then other affected stakeholders, then legitimate representatives of affected stakeholders, then other relevant stakeholders; vulnerable stakeholders come first at equal severity.',
      ],
    },
    {
      heading: 'Meaningful engagement (OECD 2018; CSDDD art. 13)',
      paragraphs: [
        'Meaningful engagement is two-way, in good faith, responsive and ongoing. The CSDDD asks for it when impacts are identified and prioritised, when action plans are made, before deciding to suspend or end a business relationship, on remediation and on monitoring; for relevant information to those consulted, for removing barriers, and for protection against retaliation and for confidentiality. The engagement log records exactly this evidence; the dialogue plans, commitments and evaluations (sections 5 to 8) record how dialogues were prepared, followed up and evaluated.',
      ],
    },
  ],
  sourcesHeading: 'Sources',
  sources: SOURCES,
  emptyMap: 'This map has no stakeholders yet.',
}

const nl: ReportText = {
  documentKind: 'Stakeholderkaart — vastlegging gepaste zorgvuldigheid (due diligence)',
  organisation: 'Organisatie',
  generatedAt: 'Gemaakt',
  version: 'Versie',
  versionNone: 'Huidige stand van de kaart (geen opgeslagen versie)',
  stakeholderCount: 'Stakeholders',
  confidentialNotice:
    'VERTROUWELIJK: dit rapport bevat persoonsgegevens van contactpersonen en vertrouwelijke verslagen van dialogen. Deel het alleen met wie het nodig heeft en bewaar het veilig (AVG).',
  publicNotice:
    'Contactgegevens en vertrouwelijke verslagen van dialogen zijn uit dit rapport weggelaten.',
  contents: 'Inhoud',
  registerHeading: '1. Stakeholderregister',
  registerIntro:
    'Eén regel per stakeholder, in de volgorde waarin ze betrokken worden: de ernstigst geraakten eerst (OESO). Saillantieklasse, kwadrant en ernst volgen uit de scores; hoofdstuk 4 geeft de overige gegevens per stakeholder.',
  registerAlertsNote: 'De kolom signalen telt de signalen; hoofdstuk 3 noemt ze.',
  figuresHeading: '2. Matrix en saillantie',
  matrixHeading: 'Invloed × impact',
  matrixCaption:
    'Elke stip is een stakeholder op zijn scores; het nummer is de plaats in de volgorde van betrekken.',
  axisInfluence: 'Invloed op het bedrijf',
  axisImpact: 'Impact van het bedrijf',
  notPlaced: 'Niet geplaatst (invloed of impact niet beoordeeld)',
  salienceHeading: 'Saillantie: macht, legitimiteit, urgentie',
  salienceCaption:
    'Een kenmerk telt als aanwezig vanaf score 3. Nummers zijn plaatsen in de volgorde van betrekken; een naam met * is nog niet volledig beoordeeld (de klasse kan nog groeien).',
  salienceNotAssessed: 'Saillantie niet (volledig) beoordeeld',
  salienceAssessedAbsent: 'Geen stakeholder (beoordeeld als afwezig)',
  legendHeading: 'Legenda',
  none: '—',
  orderHeading: '3. Volgorde van betrekken',
  orderIntro:
    'Volgens de OESO-richtlijnen worden de ernstigst geraakten het eerst betrokken, niet de invloedrijksten. Saillantie bepaalt alleen de volgorde bij gelijke ernst.',
  reasons: 'Onderbouwing',
  alerts: 'Signalen',
  noAlerts: 'Geen signalen.',
  warning: 'Waarschuwing',
  info: 'Opmerking',
  logHeading: '4. Per stakeholder: gegevens, impact en logboek',
  logIntro:
    'Wat er met elke stakeholder is gedaan, als onderbouwing van betekenisvolle dialoog (CSDDD art. 13): wanneer, bij welke stap van gepaste zorgvuldigheid, hoe, wat is gedeeld, wat er terugkwam, wat ermee is gedaan en welke drempels zijn weggenomen.',
  notDecided: 'nog niet bepaald',
  vulnerabilityNote: 'Waarom kwetsbaar',
  represents: 'Vertegenwoordigt of komt op voor',
  attitude: 'Houding',
  interests: 'Belangen',
  concerns: 'Zorgen',
  logSubheading: 'Logboek van de dialoog',
  impactsHeading: 'Negatieve impact',
  contactsHeading: 'Contactpersonen (vertrouwelijk)',
  noLog: 'Geen dialoog vastgelegd.',
  withheld: 'Vertrouwelijke vastlegging weggelaten',
  plansHeading: '5. Dialoogplannen',
  plansIntro:
    'Dialogen in voorbereiding (concepten en geplande) en afgelaste, op datum: waarom en met wie, bij welke stap van gepaste zorgvuldigheid, en hoe het plan meedoen mogelijk en veilig maakt (OESO; CSDDD art. 13). Gehouden dialogen staan in hoofdstuk 6.',
  noPlans: 'Geen dialoogplannen vastgelegd.',
  mapPlanAlerts: 'Signalen over de plannen als geheel',
  untitledPlan: 'Dialoogplan zonder titel',
  representedBy: 'vertegenwoordigd door',
  barrierLowered: 'Verlaagd door',
  plansWithheld:
    '{count, plural, one {# vertrouwelijk dialoogplan is} other {# vertrouwelijke dialoogplannen zijn}} uit dit rapport weggelaten.',
  heldHeading: '6. Gehouden dialogen',
  heldIntro:
    'Dialogen die hebben plaatsgevonden, op datum: wie meededen, wat er is gedeeld, en wat er met hun inbreng gebeurt en hoe zij dat terughoren.',
  noHeld: 'Nog geen dialoog gehouden.',
  heldWithheld:
    '{count, plural, one {# vertrouwelijke gehouden dialoog is} other {# vertrouwelijke gehouden dialogen zijn}} uit dit rapport weggelaten.',
  commitmentsHeading: '7. Toezeggingen',
  commitmentsIntro:
    'Wat stakeholders is toegezegd, en of het is nagekomen. Toezeggingen die te laat zijn (open of bezig, met een uiterste datum vóór {date}) staan eerst, gemarkeerd met "Te laat"; daarna op uiterste datum.',
  noCommitments: 'Geen toezeggingen vastgelegd.',
  commitmentsWithheld:
    '{count, plural, one {# toezegging uit een vertrouwelijke dialoog is} other {# toezeggingen uit een vertrouwelijke dialoog zijn}} uit dit rapport weggelaten.',
  noDialogue: 'Buiten een geplande dialoog',
  evaluationsHeading: '8. Evaluaties',
  evaluationsIntro:
    'Hoe elke dialoog is geëvalueerd op de negen elementen van het SER-model voor betekenisvolle dialoog. Deelnemers gaven elk element in stilte een score van 1 tot 5; de mediaan is de uitkomst van de groep, en elementen waarop de scores ver uiteenlopen zijn gemarkeerd als verdeeld, om samen te bespreken.',
  noEvaluations: 'Geen evaluaties vastgelegd.',
  evaluationsWithheld:
    '{count, plural, one {# evaluatie van een vertrouwelijke dialoog is} other {# evaluaties van een vertrouwelijke dialoog zijn}} uit dit rapport weggelaten.',
  evaluationWithoutPlan: 'Evaluatie zonder dialoogplan',
  observerNotesHeading: 'Aantekeningen van de waarnemers in het rollenspel',
  observerNotesIntro:
    'Wat de waarnemers van elke ronde van het rollenspel noteerden, in het algemeen en per element van het SER-dialoogmodel, voor de evaluatie.',
  observerRound: 'Ronde {number}',
  observerNumber: 'Waarnemer {number}',
  observerGeneral: 'Algemeen',
  range: 'Spreiding',
  notScored: 'nog niet gescoord',
  importedResults:
    'Resultaten uit een geïmporteerd bestand, overgenomen op {date}: niet op deze kaart geteld.',
  methodHeading: '10. Methode',
  methodParts: [
    {
      heading: 'Saillantie (Mitchell, Agle & Wood 1997)',
      paragraphs: [
        'Een stakeholder heeft in zekere mate macht (kan zijn wil opleggen), legitimiteit (zijn claim wordt als terecht gezien) en urgentie (zijn claim is tijdgevoelig en dringend). Elk kenmerk krijgt een score van 1 tot 5 en telt als aanwezig vanaf 3. Welke kenmerken aanwezig zijn bepaalt de klasse: één kenmerk maakt een latente stakeholder (slapend, discretionair, veeleisend), twee een verwachtende (dominant, gevaarlijk, afhankelijk), alle drie een definitieve. De saillantie stijgt met het aantal aanwezige kenmerken.',
      ],
    },
    {
      heading: 'Invloed × impact (naar Mendelow 1991)',
      paragraphs: [
        'Een variant van Mendelows macht/belang-matrix. Invloed is de invloed van de stakeholder op het bedrijf; impact is de feitelijke of potentiële impact van het bedrijf op de stakeholder. Een score boven 3 is hoog.',
        'Mendelow zou wie weinig invloed heeft maar sterk geraakt wordt alleen "informeren". De OESO-richtlijnen zeggen het omgekeerde: wie het meest geraakt wordt, wordt het eerst betrokken, ongeacht invloed, en drempels voor deelname worden weggenomen. Eenrichtingsinformatie is voor hen geen betekenisvolle dialoog; daarom heet dit kwadrant "versterken en betrekken".',
      ],
    },
    {
      heading: 'Ernst en volgorde van betrekken (OESO 2018; UNGP 14 en 24)',
      paragraphs: [
        'De ernst van een negatieve impact bestaat uit de schaal (hoe ernstig), de reikwijdte (hoeveel mensen) en het onherstelbare karakter (hoe moeilijk terug te draaien); elk daarvan kan een impact ernstig maken. Bij potentiële impact telt ook de waarschijnlijkheid, na de ernst. De volgorde zet geraakte stakeholders (rechthebbenden) met een ernstige impact eerst, dan andere geraakte stakeholders, dan legitieme vertegenwoordigers van geraakten, dan andere relevante stakeholders; kwetsbare stakeholders gaan bij gelijke ernst voor.',
      ],
    },
    {
      heading: 'Betekenisvolle dialoog (OESO 2018; CSDDD art. 13)',
      paragraphs: [
        'Betekenisvolle dialoog is tweezijdig, te goeder trouw, responsief en doorlopend. De CSDDD vraagt erom bij het identificeren en prioriteren van impact, bij actieplannen, vóór een besluit een zakelijke relatie op te schorten of te beëindigen, bij herstel en bij monitoring; om relevante informatie voor wie geraadpleegd wordt, om het wegnemen van drempels, en om bescherming tegen represailles en vertrouwelijkheid. Het logboek legt precies deze onderbouwing vast; de dialoogplannen, toezeggingen en evaluaties (hoofdstukken 5 tot en met 8) leggen vast hoe dialogen zijn voorbereid, opgevolgd en geëvalueerd.',
      ],
    },
  ],
  sourcesHeading: 'Bronnen',
  sources: SOURCES,
  emptyMap: 'Deze kaart heeft nog geen stakeholders.',
}

/** The report's texts per language. */
export const REPORT_TEXT: Readonly<Record<LabelLocale, ReportText>> = { en, nl }
