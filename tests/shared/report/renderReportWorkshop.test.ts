/**
 * The report as the trainer sends it to the participants after the workshop (issue 21): the
 * case as the trainers edited it and each table's filled-in worksheet under its table, in
 * Dutch and English, found from the contents, and each worksheet printed once (not again
 * among the other plans). A map without the workshop prints as before.
 */
import { describe, expect, it } from 'vitest'
import { createDialoguePlan } from '../../../shared/dialogue/createDialogueRecords'
import { renderReport } from '../../../shared/report/renderReport'
import type { ReportInput } from '../../../shared/report/renderReport'
import { withoutContacts } from '../../../shared/stakeholder/withoutContacts'
import { EMPTY_CASE_CARD } from '../../../shared/workshop/caseCard'
import { phase2PlanId } from '../../../shared/workshop/phase2Worksheets'
import { NOW, richStakeholders } from '../exchange/richMap'
import { reportDialogues } from './dialogueReportMap'

const CASE = {
  ...EMPTY_CASE_CARD,
  title: 'Chocolade uit Soubré',
  sector: 'Cacao en chocolade',
  chain: 'Boer → coöperatie → handelaar → fabriek',
  country: 'Ivoorkust',
  risks: 'Kinderarbeid <in> de oogst',
  counterparts: 'Coöperatie, ngo, vakbond',
}
const CREATED = '2026-03-01T09:00:00.000Z'

function worksheet(index: number, goal: string) {
  return createDialoguePlan(
    {
      id: phase2PlanId(index),
      title: `Tafel ${index + 1}: dialoog over de casus`,
      goal,
      feedback: `Terugkoppeling van tafel ${index + 1}`,
      invited: [{ stakeholderId: 'sh-farmers', representedBy: null }],
    },
    { now: CREATED },
  )
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  const dialogues = reportDialogues()
  return {
    title: 'Cacaoketen Ghana',
    generatedAt: NOW,
    stakeholders: richStakeholders().map(withoutContacts),
    locale: 'nl',
    ...dialogues,
    // Table 2's before table 1's: the report orders them by table.
    dialoguePlans: [
      ...(dialogues.dialoguePlans ?? []),
      worksheet(1, 'Doel van tafel twee'),
      worksheet(0, 'Doel van tafel één'),
    ],
    caseCard: CASE,
    ...overrides,
  }
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The inside of the element with `id` up to the next worksheet or the section's end. */
function part(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`)
  if (start < 0) return ''
  const end = html.indexOf('class="plan', start + 1)
  return html.slice(start, end < 0 ? html.indexOf('</section>', start) : end)
}

describe('the workshop’s case and worksheets in the report', () => {
  for (const [locale, words] of [
    [
      'nl',
      {
        heading: 'Workshop, fase 2: de casus en het werkblad van elke tafel',
        case: 'De casus',
        sector: 'Sector Cacao en chocolade',
        chain: 'Keten Boer → coöperatie → handelaar → fabriek',
        table1: 'Werkblad van tafel 1 Concept Tafel 1: dialoog over de casus',
        section: '1. Doel: waarvoor, en waarom nu?',
        goal: 'Doel Doel van tafel één',
      },
    ],
    [
      'en',
      {
        heading: 'Workshop, phase 2: the case and each table’s worksheet',
        case: 'The case',
        sector: 'Sector Cacao en chocolade',
        chain: 'Value chain Boer → coöperatie → handelaar → fabriek',
        table1: 'Worksheet of table 1 Draft Tafel 1: dialoog over de casus',
        section: '1. Goal: what for, and why now?',
        goal: 'Goal Doel van tafel één',
      },
    ],
  ] as const) {
    it(`opens section 5 with the case and each table’s worksheet, in ${locale}`, () => {
      const html = renderReport(input({ locale }))
      const workshop = part(html, 'workshop')
      expect(text(workshop)).toContain(words.heading)
      expect(text(workshop)).toContain(words.case)
      expect(text(workshop)).toContain(words.sector)
      expect(text(workshop)).toContain(words.chain)
      expect(workshop).toContain('Kinderarbeid &lt;in&gt; de oogst')
      const first = text(part(html, 'worksheet-table-1'))
      expect(first).toContain(words.table1)
      expect(first).toContain(words.section)
      expect(first).toContain(words.goal)
      expect(first).toContain('Terugkoppeling van tafel 1')
      expect(first).not.toContain('tafel twee')
      expect(text(part(html, 'worksheet-table-2'))).toContain('Doel van tafel twee')
      // In order of the tables, inside section 5, before the other plans.
      const at = (needle: string) => html.indexOf(needle)
      expect(at('id="plans"')).toBeLessThan(at('id="workshop"'))
      expect(at('id="worksheet-table-1"')).toBeLessThan(at('id="worksheet-table-2"'))
      expect(at('id="worksheet-table-2"')).toBeLessThan(at('Premie en leefbaar inkomen'))
      expect(at('id="worksheet-table-2"')).toBeLessThan(at('id="held"'))
    })
  }

  it('lists each table’s worksheet in the contents, linked, and prints it only once', () => {
    const html = renderReport(input({ locale: 'en' }))
    const contents = /<ol class="contents">(.*?)<\/ol>/s.exec(html)?.[1] ?? ''
    expect(contents).toContain(
      '<a href="#worksheet-table-1">Worksheet of table 1 — Tafel 1: dialoog',
    )
    expect(contents).toContain(
      '<a href="#worksheet-table-2">Worksheet of table 2 — Tafel 2: dialoog',
    )
    expect(html.split('Doel van tafel één').length - 1).toBe(1)
    expect(html.split('Terugkoppeling van tafel 2').length - 1).toBe(1)
  })

  it('prints the case without worksheets, and worksheets without a case, saying so', () => {
    const caseOnly = renderReport(input({ dialoguePlans: reportDialogues().dialoguePlans }))
    expect(text(part(caseOnly, 'workshop'))).toContain('Sector Cacao en chocolade')
    expect(caseOnly).not.toContain('id="worksheet-table-')
    const noCase = renderReport(input({ caseCard: EMPTY_CASE_CARD }))
    expect(text(part(noCase, 'workshop'))).toContain('De trainers hebben de casus niet beschreven.')
    expect(noCase).toContain('id="worksheet-table-1"')
  })

  it('leaves the part out of a map used without the workshop', () => {
    const html = renderReport(
      input({ dialoguePlans: reportDialogues().dialoguePlans, caseCard: null }),
    )
    expect(html).not.toContain('id="workshop"')
    expect(html).toContain('<li>Dialoogplannen</li>')
  })

  it('withholds a confidential worksheet unless asked, as other plans', () => {
    const secret = {
      ...worksheet(2, 'Geheim doel van tafel drie'),
      confidentiality: 'confidential' as const,
    }
    const plans = [...(input().dialoguePlans ?? []), secret]
    expect(renderReport(input({ dialoguePlans: plans }))).not.toContain('Geheim doel')
    expect(renderReport(input({ dialoguePlans: plans, includeConfidential: true }))).toContain(
      'Geheim doel',
    )
  })
})
