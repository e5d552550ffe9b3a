import { strFromU8, unzipSync } from 'fflate'
import readExcelFile from 'read-excel-file/node'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readMapDialogues } from '../../../shared/document/dialogueDocument'
import { readStakeholders } from '../../../shared/document/stakeholderDocument'
import { dialogueRecordSheet } from '../../../shared/exchange/dialogueRecordSheets'
import { parseCsv } from '../../../shared/exchange/parseCsv'
import { parseXlsx } from '../../../shared/exchange/parseXlsx'
import { registerToCsv } from '../../../shared/exchange/registerToCsv'
import { registerWorkbook } from '../../../shared/exchange/registerWorkbook'
import { writeXlsx } from '../../../shared/exchange/writeXlsx'
import { DIALOGUE_FORMULA, DIALOGUE_TODAY, writeDialogueRecords } from './dialogueMap'
import { richDocuments } from './richMap'

/** The rich map with the dialogue records, read back from its Y.Doc as an export reads it. */
function mapUnderTest() {
  const { doc } = richDocuments()
  writeDialogueRecords(doc)
  const { stakeholders } = readStakeholders(doc)
  return { stakeholders, dialogues: readMapDialogues(doc, null) }
}

/** Every sheet of an XLSX export, read by an independent reader (its own unzip and XML). */
async function sheetsOf(locale: 'en' | 'nl') {
  const { stakeholders, dialogues } = mapUnderTest()
  const bytes = writeXlsx(
    registerWorkbook(stakeholders, { locale, dialogues, today: DIALOGUE_TODAY }),
  )
  const read = await readExcelFile(Buffer.from(bytes), { trim: false })
  return { bytes, read, byName: new Map(read.map((sheet) => [sheet.sheet, sheet.data])) }
}

const FARMERS = 'Cacaoboeren in Ghana — coöperatie “Ɔdɔ”'

describe('dialogue records in the register workbook (XLSX)', () => {
  it('adds dialogue plans, commitments and evaluations after the register sheets, in Dutch', async () => {
    const { bytes, read, byName } = await sheetsOf('nl')
    expect(read.map((sheet) => sheet.sheet)).toEqual([
      'Register',
      'Negatieve impact',
      'Logboek',
      'Dialoogplannen',
      'Toezeggingen',
      'Evaluaties',
      'Zelfevaluaties',
    ])
    // The register is still the first sheet, as our own importer reads it.
    const first = parseXlsx(bytes)
    if (!first.ok) throw new Error(first.error.code)
    expect(first.rows[0]).toEqual(read[0]!.data[0])

    const [planHeader, ...plans] = byName.get('Dialoogplannen')!
    expect(planHeader!.slice(0, 7)).toEqual([
      'Plan-id',
      'Titel',
      'Status',
      'Datum',
      'Doel',
      'Waarom nu',
      'Uitgenodigde stakeholders',
    ])
    expect(plans).toHaveLength(1)
    const plan = Object.fromEntries(planHeader!.map((name, index) => [name, plans[0]![index]]))
    expect(plan).toMatchObject({
      'Plan-id': 'plan-soubre',
      Status: 'Gepland',
      Datum: '2026-04-14',
      // Named, one per line; one not on the map keeps its id; a representative is said.
      'Uitgenodigde stakeholders': `${FARMERS}\nsh-pickers (vertegenwoordigd door FNV Mondiaal)`,
      'Stap van gepaste zorgvuldigheid': '2. Negatieve impact identificeren en beoordelen',
      'Fase van betrokkenheid': 'Impact identificeren, beoordelen en prioriteren',
      Vorm: 'Bezoek ter plaatse',
      'Drempels en hoe ze worden verlaagd': 'Reizen — Oogsttijd — In het dorp, na het werk',
      Vertrouwelijkheid: 'Intern',
    })

    const [commitmentHeader, ...commitments] = byName.get('Toezeggingen')!
    expect(commitmentHeader).toEqual([
      'Te laat',
      'Toezegging-id',
      'Stakeholder-id',
      'Stakeholder',
      'Wat is toegezegd',
      'Eigenaar',
      'Uiterste datum',
      'Status',
      'Reden vervallen',
      'Bewijs',
      'Dialoog',
    ])
    // Overdue first although the done one was due earlier; then by due date.
    expect(commitments.map((row) => row.slice(0, 2))).toEqual([
      ['ja', 'commit-overdue'],
      ['nee', 'commit-done'],
      ['nee', 'commit-later'],
    ])
    expect(commitments[0]).toEqual([
      'ja',
      'commit-overdue',
      'sh-farmers',
      FARMERS,
      DIALOGUE_FORMULA,
      'Inkoper cacao',
      '2026-05-01',
      'Bezig',
      null,
      null,
      'Leefbaar inkomen, coöperatie Soubré',
    ])
    expect(commitments[1]!.slice(7, 10)).toEqual(['Gedaan', null, 'Verslag van 18 april'])
    // Made outside a planned dialogue: no dialogue named.
    expect(commitments[2]![10]).toBeNull()

    const [evaluationHeader, ...evaluations] = byName.get('Evaluaties')!
    expect(evaluationHeader!.slice(3, 9)).toEqual([
      'Element',
      'Scores',
      'Mediaan',
      'Laagste',
      'Hoogste',
      'Verdeeld',
    ])
    // One row per element of the SER model, in its order.
    expect(evaluations).toHaveLength(9)
    expect(evaluations.map((row) => row[3])).toContain('Organiseren van het gesprek')
    const inclusion = evaluations.find((row) => row[3] === 'Inclusie')!
    expect(inclusion).toEqual([
      'eval-1',
      'Leefbaar inkomen, coöperatie Soubré',
      '2026-04-15',
      'Inclusie',
      2,
      3.5,
      2,
      5,
      'ja',
      null,
      'Vrouwen spraken nauwelijks',
      'Rollenspel aan tafel 2',
      'Kom terug met cijfers',
    ])
    // An element nobody scored is empty, not zero.
    expect(evaluations.find((row) => row[3] === 'Kennis')!.slice(4, 10)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ])
  })

  it('writes the same sheets with English headers and words', async () => {
    const { byName } = await sheetsOf('en')
    expect([...byName.keys()].slice(3)).toEqual([
      'Dialogue plans',
      'Commitments',
      'Evaluations',
      'Self-assessments',
    ])
    const [planHeader, plan] = byName.get('Dialogue plans')!
    expect(planHeader!.slice(0, 3)).toEqual(['Plan id', 'Title', 'Status'])
    expect(plan!.slice(2, 3)).toEqual(['Planned'])
    expect(plan![6]).toBe(`${FARMERS}\nsh-pickers (represented by FNV Mondiaal)`)
    const [commitmentHeader, ...commitments] = byName.get('Commitments')!
    expect(commitmentHeader!.slice(0, 4)).toEqual([
      'Overdue',
      'Commitment id',
      'Stakeholder id',
      'Stakeholder',
    ])
    expect(commitments.map((row) => [row[0], row[1], row[7]])).toEqual([
      ['yes', 'commit-overdue', 'In progress'],
      ['no', 'commit-done', 'Done'],
      ['no', 'commit-later', 'Open'],
    ])
    const [evaluationHeader, ...evaluations] = byName.get('Evaluations')!
    expect(evaluationHeader!.slice(4, 9)).toEqual([
      'Scores',
      'Median',
      'Lowest',
      'Highest',
      'Disagreement',
    ])
    expect(evaluations[0]!.slice(3, 9)).toEqual(['Motivation', 3, 4, 4, 5, 'no'])
  })

  it('shows a formula-like promise as typed and never as a formula', async () => {
    const { bytes, byName } = await sheetsOf('en')
    expect(byName.get('Commitments')![1]![4]).toBe(DIALOGUE_FORMULA)
    for (const [name, file] of Object.entries(unzipSync(bytes))) {
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(file)).not.toContain('<f>')
    }
  })

  it('shows that a promise is overdue only once its day has passed', async () => {
    const { stakeholders, dialogues } = mapUnderTest()
    const sheets = registerWorkbook(stakeholders, { locale: 'en', dialogues, today: '2026-05-01' })
    const commitments = sheets.find((sheet) => sheet.name === 'Commitments')!
    expect(commitments.rows.map((row) => [row[0], row[1]])).toEqual([
      ['no', 'commit-done'],
      ['no', 'commit-overdue'],
      ['no', 'commit-later'],
    ])
  })

  it('has no dialogue sheets when the caller gives no records, and empty ones for a map without', () => {
    const { stakeholders } = mapUnderTest()
    expect(registerWorkbook(stakeholders, { locale: 'en' })).toHaveLength(3)
    const empty = readMapDialogues(new Y.Doc(), null)
    const sheets = registerWorkbook(stakeholders, { locale: 'en', dialogues: empty })
    expect(sheets.slice(3).map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ['Dialogue plans', 0],
      ['Commitments', 0],
      ['Evaluations', 0],
      ['Self-assessments', 0],
    ])
  })
})

describe('dialogue records as CSV files', () => {
  it('writes one file per record type, neutralised against formulas, in the export language', () => {
    const { stakeholders, dialogues } = mapUnderTest()
    const options = {
      locale: 'nl' as const,
      today: DIALOGUE_TODAY,
      stakeholderNames: new Map(stakeholders.map(({ id, name }) => [id, name])),
    }
    const csv = registerToCsv(dialogueRecordSheet('commitments', dialogues, options), {
      delimiter: ';',
    })
    const parsed = parseCsv(csv)
    if (!parsed.ok) throw new Error(parsed.error.code)
    expect(parsed.rows[0]!.slice(0, 2)).toEqual(['Te laat', 'Toezegging-id'])
    expect(parsed.rows.slice(1).map((row) => row[1])).toEqual([
      'commit-overdue',
      'commit-done',
      'commit-later',
    ])
    // The apostrophe keeps Excel from running the promise as a formula.
    expect(parsed.rows[1]![4]).toBe(`'${DIALOGUE_FORMULA}`)

    const evaluations = parseCsv(
      registerToCsv(dialogueRecordSheet('evaluations', dialogues, options), { delimiter: ';' }),
    )
    if (!evaluations.ok) throw new Error(evaluations.error.code)
    // Dutch Excel reads a decimal comma as a number.
    expect(evaluations.rows.find((row) => row[3] === 'Inclusie')![5]).toBe('3,5')
    // A result taken over from a map file says so, with the day the server took it.
    const imported = {
      ...dialogues,
      evaluations: dialogues.evaluations.map((evaluation) => ({
        ...evaluation,
        elements: Object.fromEntries(
          Object.entries(evaluation.elements).map(([code, element]) => [
            code,
            element.result
              ? {
                  ...element,
                  result: { ...element.result, importedAt: '2026-12-08T04:40:00.000Z' },
                }
              : element,
          ]),
        ) as typeof evaluation.elements,
      })),
    }
    const marked = dialogueRecordSheet('evaluations', imported, options)
    const column = marked.header.indexOf('Resultaat uit een geïmporteerd bestand, overgenomen op')
    expect(marked.rows.find((row) => row[3] === 'Inclusie')![column]).toBe('2026-12-08')
    expect(marked.rows.find((row) => row[3] === 'Kennis')![column]).toBeNull()
    const counted = dialogueRecordSheet('evaluations', dialogues, options)
    expect(counted.rows.find((row) => row[3] === 'Inclusie')![column]).toBeNull()
    const plans = parseCsv(
      registerToCsv(dialogueRecordSheet('dialogue-plans', dialogues, options), { delimiter: ';' }),
    )
    if (!plans.ok) throw new Error(plans.error.code)
    expect(plans.rows.map((row) => row[0])).toEqual(['Plan-id', 'plan-soubre'])
  })
})
