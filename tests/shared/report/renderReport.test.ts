import { describe, expect, it } from 'vitest'
import { renderReport } from '../../../shared/report/renderReport'
import type { ReportInput } from '../../../shared/report/renderReport'
import { REPORT_TEXT } from '../../../shared/report/reportText'
import { escapeHtml } from '../../../shared/report/escapeHtml'
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { withoutContacts } from '../../../shared/stakeholder/withoutContacts'
import { ALERT_LABELS, DUE_DILIGENCE_STEP_LABELS } from '../../../shared/labels/modelLabels'
import { ENGAGEMENT_ENTRY_FIELD_LABELS } from '../../../shared/labels/fieldLabels'
import { REPORT_REGISTER_COLUMNS } from '../../../shared/report/registerSection'
import { registerRows } from '../../../shared/exchange/registerRows'
import { NOW, richStakeholders } from '../exchange/richMap'
import { judgedAbsent, unscoredRightsholders } from '../exchange/salienceCases'

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes'`

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    title: 'Cocoa supply chain',
    organisation: 'Choco BV',
    generatedAt: NOW,
    version: { name: 'After workshop', createdAt: '2026-05-01T08:00:00.000Z' },
    stakeholders: richStakeholders().map(withoutContacts),
    locale: 'en',
    ...overrides,
  }
}

/** Every attribute name used in the document's tags. */
function attributeNames(html: string): string[] {
  const names: string[] = []
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    for (const match of tag.matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)=/g)) names.push(match[1]!)
  }
  return names
}

describe('renderReport', () => {
  for (const locale of ['en', 'nl'] as const) {
    it(`renders every section in ${locale}`, () => {
      const html = renderReport(input({ locale }))
      const text = REPORT_TEXT[locale]
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
      expect(html).toContain(`<html lang="${locale}">`)
      expect(html).toContain('</html>')
      for (const id of [
        'title',
        'register',
        'figures',
        'matrix',
        'salience',
        'order',
        'log',
        'plans',
        'held',
        'commitments',
        'evaluations',
        'method',
      ]) {
        expect(html).toContain(`id="${id}"`)
      }
      for (const heading of [
        text.registerHeading,
        text.figuresHeading,
        text.orderHeading,
        text.logHeading,
        text.plansHeading,
        text.heldHeading,
        text.commitmentsHeading,
        text.evaluationsHeading,
        text.methodHeading,
        text.sourcesHeading,
      ]) {
        expect(html).toContain(heading)
      }
      expect(html).toContain('Cocoa supply chain')
      expect(html).toContain('Choco BV')
      expect(html).toContain('After workshop')
      expect(html).toContain('Academy of Management Review 22(4)')
      expect(html).toContain('OECD Due Diligence Guidance for Responsible Business Conduct')
      expect(html).toContain('2024/1760')
      expect(html).toContain('Mendelow')
      expect(html).toContain(DUE_DILIGENCE_STEP_LABELS[locale]['cease-prevent-mitigate'])
      expect(html.match(/<svg /g)).toHaveLength(2)
    })
  }

  it('writes the date in the chosen language', () => {
    expect(renderReport(input({ locale: 'en' }))).toContain('12 May 2026')
    expect(renderReport(input({ locale: 'nl' }))).toContain('12 mei 2026')
  })

  it('has print rules for A4 with page breaks, and no scripts or event handlers', () => {
    const html = renderReport(input())
    expect(html).toContain('@media print')
    expect(html).toContain('size: A4')
    expect(html).toMatch(/break-before: page|page-break-before: always/)
    expect(html.toLowerCase()).not.toContain('<script')
    expect(attributeNames(html).filter((name) => /^on/i.test(name))).toEqual([])
    expect(html).toContain("default-src 'none'")
  })

  it('loads nothing: no src or href attributes, sources as plain text', () => {
    const html = renderReport(input())
    const names = attributeNames(html).map((name) => name.toLowerCase())
    expect(names).not.toContain('src')
    expect(names).not.toContain('href')
    expect(names).not.toContain('xlink:href')
    expect(html).not.toMatch(/url\(/i)
    expect(html).not.toMatch(/@import/i)
  })

  it('escapes every user string', () => {
    const hostile = createStakeholder(
      {
        id: 'sh-hostile',
        name: HOSTILE,
        affected: true,
        influence: 2,
        impact: 5,
        power: 4,
        legitimacy: 4,
        urgency: 4,
        notes: HOSTILE,
        impacts: [
          {
            id: 'i1',
            description: HOSTILE,
            topic: HOSTILE,
            actuality: 'actual',
            scale: 5,
            scope: 5,
            irremediability: 5,
            likelihood: null,
          },
        ],
        engagement: {
          status: 'ongoing',
          intendedLevel: 'consult',
          log: [
            {
              id: 'l1',
              date: '2026-01-02',
              step: 'identify-assess',
              method: HOSTILE,
              informationShared: HOSTILE,
              inputReceived: HOSTILE,
              howInputWasUsed: HOSTILE,
              followUp: HOSTILE,
              barriers: HOSTILE,
              barrierMeasures: HOSTILE,
              confidentiality: 'public',
            },
          ],
        },
      },
      { now: NOW },
    )
    const html = renderReport(
      input({ title: HOSTILE, organisation: HOSTILE, stakeholders: [hostile], version: null }),
    )
    expect(html.toLowerCase()).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(attributeNames(html).filter((name) => /^on/i.test(name))).toEqual([])
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('&amp; &#39;quotes&#39;')
  })

  it('withholds confidential log entries and contacts unless asked', () => {
    const withContacts = richStakeholders()
    const closed = renderReport(input({ stakeholders: withContacts }))
    expect(closed).toContain(REPORT_TEXT.en.withheld)
    // The confidential entry of the farmers (log-1) says this; it must not be printed.
    expect(closed).not.toContain('Kinderarbeid in oogsttijd')
    expect(closed).not.toContain('ama@example.org')
    expect(closed).not.toContain('Ama Owusu')
    expect(closed).toContain(REPORT_TEXT.en.publicNotice)

    const open = renderReport(input({ stakeholders: withContacts, includeContacts: true }))
    expect(open).not.toContain(REPORT_TEXT.en.withheld)
    expect(open).toContain('Kinderarbeid in oogsttijd')
    expect(open).toContain('ama@example.org')
    expect(open).toContain(REPORT_TEXT.en.confidentialNotice)
  })

  it('shows every evidence field of a log entry', () => {
    const html = renderReport(input())
    for (const field of [
      'date',
      'step',
      'method',
      'informationShared',
      'inputReceived',
      'howInputWasUsed',
      'followUp',
      'barriers',
      'barrierMeasures',
      'confidentiality',
    ] as const) {
      expect(html).toContain(`<dt>${ENGAGEMENT_ENTRY_FIELD_LABELS.en[field]}</dt>`)
    }
    expect(html).toContain('Tolk Twi, vervoer vergoed')
  })

  it('gives the engagement order with translated reasons and alerts', () => {
    const html = renderReport(input({ locale: 'nl' }))
    expect(html).toContain('Geraakt door een ernstige impact (ernst 5 van 5)')
    const order = /id="order">(.*?)<\/section>/s.exec(html)?.[1] ?? ''
    expect(order.indexOf('Cacaoboeren')).toBeLessThan(order.indexOf('FNV Mondiaal'))
    expect(html).not.toMatch(/\{(date|quadrant|max|salienceClass)\}/)
    const silent = createStakeholder(
      { id: 'sh-silent', name: 'Villagers', affected: true, influence: 1, impact: 5 },
      { now: NOW },
    )
    const alerted = renderReport(input({ locale: 'nl', stakeholders: [silent] }))
    expect(alerted).toContain(escapeHtml(ALERT_LABELS.nl['affected-without-engagement']))
    expect(alerted).toContain('class="alert-warning"')
  })

  it.each([
    [
      'nl',
      'Saillantie niet beoordeeld',
      'Geen stakeholder (beoordeeld als afwezig)',
      'Saillantie: niet beoordeeld',
    ],
    [
      'en',
      'Salience not assessed',
      'Non-stakeholder (assessed as absent)',
      'Salience: not assessed',
    ],
  ] as const)(
    '%s: an unscored rightsholder is not assessed in the register, the figure and the legend',
    (locale, notAssessed, absent, reason) => {
      const html = renderReport(
        input({ locale, stakeholders: [judgedAbsent(), unscoredRightsholders()] }),
      )
      const section = (id: string) =>
        new RegExp(`<section[^>]*id="${id}">(.*?)</section>`, 's').exec(html)?.[1] ?? ''
      const register = section('register')
      // First in the engagement order, and not assessed.
      expect(register).toMatch(
        new RegExp(
          `<tr><td class="number">1</td><td>Inheemse gemeenschap Kayapó</td>.*?<td>${notAssessed}</td>`,
        ),
      )
      expect(register).toContain(`<td>${escapeHtml(absent)}</td>`)
      const figure = /<g data-class="not-assessed">(.*?)<\/g>/s.exec(html)?.[1] ?? ''
      expect(figure).toContain('1. Inheemse')
      expect(figure).toContain('data-stakeholder-id="sh-unscored"')
      const judged = /<g data-class="non-stakeholder">(.*?)<\/g>/s.exec(html)?.[1] ?? ''
      expect(judged).toContain('Lokale sportclub')
      expect(judged).not.toContain('sh-unscored')
      expect(section('figures')).toContain(`Inheemse gemeenschap Kayapó — `)
      expect(section('figures')).toMatch(new RegExp(`Kayapó — [^<]*; ${notAssessed}</li>`))
      expect(section('order')).toContain(`<li>${reason}</li>`)
    },
  )

  it('prints the register essentials on a landscape page and the rest per stakeholder', () => {
    const html = renderReport(input({ locale: 'nl' }))
    const register = /<section[^>]*id="register">(.*?)<\/section>/s.exec(html)?.[1] ?? ''
    const header = registerRows([], { locale: 'nl' })
    const headings = [...register.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])
    expect(headings).toEqual(
      REPORT_REGISTER_COLUMNS.map((column) =>
        escapeHtml(header.header[header.columns.indexOf(column)]!),
      ),
    )
    expect(headings.length).toBeLessThanOrEqual(15)
    expect(html).toMatch(/\.register \{ page: landscape;/)
    expect(html).toMatch(/@page landscape \{ size: A4 landscape;/)
    expect(html).toMatch(/\.register table \{ font-size: 8pt;/)
    // What the register leaves out is in section 4.
    const details = /<section[^>]*id="log">(.*?)<\/section>/s.exec(html)?.[1] ?? ''
    for (const text of ['Positie in de waardeketen', 'Upstream', 'Ghana (Ashanti)', 'Betrekken']) {
      expect(details).toContain(text)
    }
    // One term per concept: the severity dimensions as the OECD's Dutch texts name them.
    expect(details).toContain('<th scope="col">Schaal</th><th scope="col">Reikwijdte</th>')
    expect(html).not.toContain('Omvang')
  })

  it('renders an empty map', () => {
    const html = renderReport(input({ stakeholders: [], organisation: undefined }))
    expect(html).toContain(REPORT_TEXT.en.emptyMap)
    expect(html).toContain('</html>')
  })
})
