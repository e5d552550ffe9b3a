/**
 * The report's stylesheet: A4 portrait pages, the register on landscape pages (CSS named
 * pages) in 8 pt type, page breaks before each section, and rows, figures and entries kept
 * whole across pages. Overdue commitments and disagreement are marked by a word in bold and
 * a sign, so they read without colour. Inline in the document, since the report loads nothing.
 */

/** The report's CSS. */
export const REPORT_STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
@page landscape { size: A4 landscape; margin: 12mm 10mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #111; line-height: 1.4; }
body { margin: 0 auto; max-width: 190mm; padding: 12mm 0; }
h1 { font-size: 26pt; margin: 0 0 6mm; line-height: 1.15; }
h2 { font-size: 16pt; margin: 0 0 4mm; border-bottom: 1.5pt solid #1f4e8c; padding-bottom: 1.5mm; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2.5mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eef2f8; }
thead { display: table-header-group; }
tr, figure, .entry, .order-item { break-inside: avoid; page-break-inside: avoid; }
.title-page { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; }
.kind { font-size: 13pt; color: #1f4e8c; margin-bottom: 10mm; }
.meta th { width: 40mm; background: none; border: none; padding-left: 0; }
.meta td { border: none; }
.notice { border: 1pt solid #b35c00; background: #fff4e5; padding: 3mm; margin-top: 8mm; }
.notice.quiet { border-color: #999; background: #f6f6f6; }
.title-page h2 { margin-top: 10mm; }
.contents { margin: 0; padding-left: 6mm; }
.report-section { break-before: page; page-break-before: always; }
.register { page: landscape; max-width: none; }
.register table { font-size: 8pt; line-height: 1.25; table-layout: auto; }
.register th, .register td { padding: 0.8mm 1mm; }
.register th { hyphens: auto; }
.register td.number { text-align: right; white-space: nowrap; }
.details { display: grid; grid-template-columns: 50mm 1fr; gap: 0.5mm 3mm; margin: 0 0 2mm; }
.details dt { font-weight: bold; }
.details dd { margin: 0; }
figure { margin: 0 0 6mm; }
figure svg { width: 100%; height: auto; max-height: 150mm; }
figcaption { font-size: 9pt; color: #444; }
.legend { columns: 2; column-gap: 12mm; font-size: 8.5pt; padding-left: 6mm; }
.legend li { break-inside: avoid; }
.order { list-style: none; padding: 0; }
.order-item { border-top: 0.5pt solid #ccc; padding: 2mm 0; }
.order-item h3 { margin-top: 0; }
.tier { color: #1f4e8c; font-weight: bold; }
.alert-warning::before { content: "⚠ "; }
.alert-warning { color: #8a3b00; }
.alert-info { color: #333; }
.entry { border: 0.5pt solid #bbb; padding: 2mm; margin: 2mm 0; }
.entry dl { display: grid; grid-template-columns: 45mm 1fr; gap: 0.5mm 3mm; margin: 0; }
.entry dt { font-weight: bold; }
.entry dd { margin: 0; }
.withheld { color: #555; font-style: italic; }
.stakeholder-log { break-inside: auto; }
.sources li { margin-bottom: 1.5mm; }
.plan, .evaluation { border-top: 0.5pt solid #ccc; padding-top: 2mm; margin-top: 4mm; }
.plan h3, .evaluation h3 { margin-top: 0; break-after: avoid; page-break-after: avoid; }
.plan h4 { break-after: avoid; page-break-after: avoid; }
.status { color: #1f4e8c; font-size: 10.5pt; margin-left: 2mm; }
.workshop { break-after: page; page-break-after: always; }
.worksheet { break-before: page; page-break-before: always; border-top: none; }
.worksheet__title { font-size: 12pt; font-weight: bold; margin: 0 0 3mm; }
.worksheet h4 { font-size: 14pt; margin: 0 0 2mm; border-bottom: 1pt solid #1f4e8c; padding-bottom: 1mm; }
h5 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid; }
.details dt, .details dd { break-inside: avoid; page-break-inside: avoid; }
ul.plain { margin: 0; padding-left: 4mm; }
.commitments table, .evaluation table { font-size: 9pt; line-height: 1.3; }
.nowrap { white-space: nowrap; }
tr.overdue td:first-child { border-left: 2.5pt solid #8a3b00; }
.overdue-mark, .disagreement-mark { color: #8a3b00; }
.rating { font-weight: bold; } .rating--green { color: #1a7f37; } .rating--orange { color: #953800; } .rating--red { color: #a40e26; }
.overdue-mark::before, .disagreement-mark::before { content: "⚠ "; }
.reason { font-style: italic; }
td.number { text-align: right; white-space: nowrap; }
td.quiet { color: #555; font-style: italic; }
@media screen { body { padding: 12mm; } .report-section { margin-top: 14mm; } }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`
