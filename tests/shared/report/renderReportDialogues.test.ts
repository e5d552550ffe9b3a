/**
 * The report's dialogue chapters as a reader sees them: plans and held dialogues with their
 * invited stakeholders by name, commitments overdue first and marked in words, evaluations
 * with median and disagreement, confidential plans withheld unless asked, and every text
 * escaped.
 */
import { describe, expect, it } from 'vitest'
import {
  createCommitment,
  createDialogueEvaluation,
  createDialoguePlan,
} from '../../../shared/dialogue/createDialogueRecords'
import { DIALOGUE_PLAN_COLUMN_LABELS } from '../../../shared/labels/dialogueFieldLabels'
import { DIALOGUE_ALERT_LABELS } from '../../../shared/labels/dialogueLabels'
import { renderReport } from '../../../shared/report/renderReport'
import type { ReportInput } from '../../../shared/report/renderReport'
import { REPORT_TEXT } from '../../../shared/report/reportText'
import { escapeHtml } from '../../../shared/report/escapeHtml'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { withoutContacts } from '../../../shared/stakeholder/withoutContacts'
import { NOW, richStakeholders } from '../exchange/richMap'
import {
  CONFIDENTIAL_PLAN_TITLE,
  CONFIDENTIAL_PROMISE,
  DROPPED_REASON,
  reportDialogues,
} from './dialogueReportMap'

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes'`
const FARMERS = 'Cacaoboeren in Ghana — coöperatie “Ɔdɔ”'

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    title: 'Cacaoketen Ghana',
    generatedAt: NOW,
    stakeholders: richStakeholders().map(withoutContacts),
    locale: 'nl',
    ...reportDialogues(),
    ...overrides,
  }
}

/** The inside of the section with `id`. */
function section(html: string, id: string): string {
  return new RegExp(`<section[^>]*id="${id}">(.*?)</section>`, 's').exec(html)?.[1] ?? ''
}

/** The rows of a section's (first) table body, as the text a reader sees per cell. */
function tableRows(html: string): string[][] {
  const body = /<tbody>(.*?)<\/tbody>/s.exec(html)?.[1] ?? ''
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((row) =>
    [...row[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((cell) =>
      cell[1]!
        .replace(/<br>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .trim(),
    ),
  )
}

describe('the report’s dialogue chapters', () => {
  for (const [locale, headings] of [
    ['nl', ['5. Dialoogplannen', '6. Gehouden dialogen', '7. Toezeggingen', '8. Evaluaties']],
    ['en', ['5. Dialogue plans', '6. Held dialogues', '7. Commitments', '8. Evaluations']],
  ] as const) {
    it(`has four chapters in ${locale}, in the contents and before the method`, () => {
      const html = renderReport(input({ locale }))
      const contents = /<ol class="contents">(.*?)<\/ol>/s.exec(html)?.[1] ?? ''
      for (const heading of headings) {
        expect(html).toContain(`<h2>${heading}</h2>`)
        expect(contents).toContain(`<li>${heading.replace(/^\d+\.\s*/, '')}</li>`)
      }
      const order = ['log', 'plans', 'held', 'commitments', 'evaluations', 'method'].map((id) =>
        html.indexOf(`id="${id}"`),
      )
      expect(order.every((at, index) => at > 0 && (index === 0 || at > order[index - 1]!))).toBe(
        true,
      )
      expect(html).toContain(`<h2>${REPORT_TEXT[locale].methodHeading}</h2>`)
    })
  }

  it('names the invited stakeholders and who represents them, not their ids', () => {
    const plans = section(renderReport(input()), 'plans')
    expect(plans).toContain(`<li>${escapeHtml(FARMERS)}</li>`)
    expect(plans).toContain('<li>Bank (vertegenwoordigd door FNV Mondiaal)</li>')
    expect(plans).not.toMatch(/sh-(farmers|bank|union)/)
    // The plan in words: step, stage, format, barriers and how they are lowered.
    for (const words of [
      '2. Negatieve impact identificeren en beoordelen',
      'Impact identificeren, beoordelen en prioriteren',
      'Bezoek ter plaatse',
      '<strong>Reizen</strong>: Boeren kunnen in de oogsttijd niet naar de stad',
      'Verlaagd door: In het dorp, na het werk',
      'Mag een vervolgbezoek toezeggen, geen prijzen',
      `<dt>${DIALOGUE_PLAN_COLUMN_LABELS.nl.safety}</dt>`,
      'Gepland',
    ]) {
      expect(plans).toContain(words)
    }
    // A held dialogue is in its own chapter, headed by its date.
    expect(plans).not.toContain('Eerste kennismaking')
    expect(section(renderReport(input()), 'held')).toContain(
      '<h3>20 maart 2026 — Eerste kennismaking</h3>',
    )
  })

  it('words the plan alerts as the other alerts, under the plan and for the map', () => {
    const plans = section(renderReport(input()), 'plans')
    expect(plans).toContain(
      `<li class="alert-warning"><span class="visually-level">Waarschuwing:</span> ${escapeHtml(DIALOGUE_ALERT_LABELS.nl['no-feedback-step'])}</li>`,
    )
    // Without plans, the severely affected farmers are invited to none: said with their name.
    const none = section(
      renderReport(input({ dialoguePlans: [], commitments: [], dialogueEvaluations: [] })),
      'plans',
    )
    expect(none).toContain(
      `${escapeHtml(DIALOGUE_ALERT_LABELS.nl['severely-affected-left-out'])}: ${escapeHtml(FARMERS)}</li>`,
    )
    expect(none).toContain(REPORT_TEXT.nl.noPlans)
  })

  it('lists the overdue commitment first and says it is overdue, in words', () => {
    for (const [locale, overdue] of [
      ['nl', 'Te laat'],
      ['en', 'Overdue'],
    ] as const) {
      const commitments = section(renderReport(input({ locale })), 'commitments')
      const rows = tableRows(commitments)
      expect(rows.map((row) => row[1])).toEqual([
        'Premieberekening delen',
        'Vervoer naar de bijeenkomst regelen',
        'Brief met de uitkomsten sturen',
        'Verslag van de dialoog delen',
      ])
      expect(rows[0]![0]).toBe(escapeHtml(FARMERS))
      expect(rows[0]![3]).toBe(locale === 'nl' ? `1 mei 2026 ${overdue}` : `1 May 2026 ${overdue}`)
      expect(rows.slice(1).every((row) => !row[3]!.includes(overdue))).toBe(true)
      expect(commitments.match(/<tr class="overdue">/g)).toHaveLength(1)
      expect(rows[3]![0]).toBe('FNV Mondiaal')
    }
  })

  it('shows why a commitment was dropped, and the evidence of a kept one', () => {
    const rows = tableRows(section(renderReport(input()), 'commitments'))
    expect(rows[1]![4]).toBe(`Vervallen Reden vervallen: ${DROPPED_REASON}`)
    expect(rows[2]![4]).toBe('Gedaan')
    expect(rows[2]![5]).toBe('Brief van 12 april')
    expect(rows[2]![6]).toBe('Eerste kennismaking')
  })

  it('gives each element’s median, range and count, and marks disagreement', () => {
    const evaluations = section(renderReport(input()), 'evaluations')
    expect(evaluations).toContain('<h3>21 maart 2026 — Eerste kennismaking</h3>')
    const rows = tableRows(evaluations)
    expect(rows).toHaveLength(9)
    expect(rows[0]).toEqual(['Motivatie', '4', '4–5', '3', 'nee', 'Duidelijk waarom we kwamen'])
    expect(rows[2]).toEqual(['Inclusie', '4', '1–5', '3', 'ja', 'Vrouwen spraken nauwelijks'])
    expect(rows[3]).toEqual(['Transparantie', '3,25', '3–3,5', '2', 'nee', ''])
    expect(rows[1]).toEqual(['Commitment', 'nog niet gescoord', ''])
    expect(evaluations).toContain('<tr class="disagreement">')
    expect(evaluations).toContain('Eerste evaluatie, met de coöperatie')
    expect(evaluations).toContain('Kom terug met cijfers')
    const english = tableRows(section(renderReport(input({ locale: 'en' })), 'evaluations'))
    expect(english[2]).toEqual(['Inclusion', '4', '1–5', '3', 'yes', 'Vrouwen spraken nauwelijks'])
    expect(english[3]![1]).toBe('3.25')
  })

  it('leaves a confidential plan and its records out unless asked, and says so', () => {
    const closed = renderReport(input())
    for (const secret of [
      CONFIDENTIAL_PLAN_TITLE,
      CONFIDENTIAL_PROMISE,
      'Over de klokkenluiders',
    ]) {
      expect(closed).not.toContain(secret)
    }
    expect(section(closed, 'plans')).toContain(
      '1 vertrouwelijk dialoogplan is uit dit rapport weggelaten.',
    )
    expect(section(closed, 'commitments')).toContain(
      '1 toezegging uit een vertrouwelijke dialoog is uit dit rapport weggelaten.',
    )
    expect(section(closed, 'evaluations')).toContain(
      '1 evaluatie van een vertrouwelijke dialoog is uit dit rapport weggelaten.',
    )

    for (const open of [
      renderReport(input({ includeConfidential: true })),
      renderReport(input({ includeContacts: true })),
    ]) {
      expect(section(open, 'plans')).toContain(escapeHtml(CONFIDENTIAL_PLAN_TITLE))
      expect(section(open, 'plans')).toContain('Namen alleen bij de duurzaamheidsmanager')
      expect(section(open, 'commitments')).toContain(CONFIDENTIAL_PROMISE)
      expect(section(open, 'evaluations')).toContain('Over de klokkenluiders')
      expect(open).not.toContain('weggelaten.</p>')
    }
  })

  it('says so in one line when a chapter has no records', () => {
    const html = renderReport(
      input({ locale: 'en', dialoguePlans: undefined, commitments: [], dialogueEvaluations: [] }),
    )
    const text = REPORT_TEXT.en
    expect(section(html, 'held')).toContain(`<p>${text.noHeld}</p>`)
    expect(section(html, 'commitments')).toContain(`<p>${text.noCommitments}</p>`)
    expect(section(html, 'evaluations')).toContain(`<p>${text.noEvaluations}</p>`)
    expect(section(html, 'commitments')).not.toContain('<table')
  })

  it('escapes every text of the dialogue records', () => {
    const hostile = createStakeholder(
      { id: 'sh-hostile', name: HOSTILE, affected: true },
      { now: NOW },
    )
    const plan = createDialoguePlan(
      {
        id: 'plan-hostile',
        title: HOSTILE,
        status: 'held',
        date: '2026-04-01',
        goal: HOSTILE,
        invited: [{ stakeholderId: 'sh-hostile', representedBy: 'sh-hostile-rep' }],
        engagementStage: HOSTILE,
        place: HOSTILE,
        barriers: [{ kind: 'other', description: HOSTILE, howLowered: HOSTILE }],
        safety: HOSTILE,
        feedback: HOSTILE,
        notes: HOSTILE,
      },
      { now: NOW },
    )
    const commitment = createCommitment(
      {
        id: 'commit-hostile',
        stakeholderId: 'sh-hostile',
        dialogueId: 'plan-hostile',
        what: HOSTILE,
        owner: HOSTILE,
        status: 'dropped',
        droppedReason: HOSTILE,
        evidence: HOSTILE,
      },
      { now: NOW },
    )
    const evaluation = createDialogueEvaluation(
      {
        id: 'eval-hostile',
        dialogueId: 'plan-hostile',
        elements: { knowledge: { result: null, notes: HOSTILE } },
        notes: HOSTILE,
        stakeholderRemarks: HOSTILE,
      },
      { now: NOW },
    )
    const html = renderReport(
      input({
        stakeholders: [hostile],
        dialoguePlans: [plan],
        commitments: [commitment],
        dialogueEvaluations: [evaluation],
      }),
    )
    expect(html.toLowerCase()).not.toContain('<script')
    expect(html).not.toContain('<img')
    const escaped = escapeHtml(HOSTILE)
    for (const id of ['held', 'commitments', 'evaluations']) {
      expect(section(html, id)).toContain(escaped)
    }
    expect(section(html, 'held')).toContain(`<h3>1 april 2026 — ${escaped}</h3>`)
    expect(section(html, 'held')).toContain(
      `<li>${escaped} (vertegenwoordigd door sh-hostile-rep)</li>`,
    )
  })
})
