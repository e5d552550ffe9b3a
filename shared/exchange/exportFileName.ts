/**
 * Names of downloaded files: the map title in safe characters, what the file is, and the
 * date, e.g. `cacao-keten-ghana-register-2026-05-12.csv` or `cacao-keten-ghana-rapport-2026-05-12.html`. Safe on Windows, macOS and Linux,
 * and free of characters a mail filter or a shell would trip over.
 */

/** What a file holds, as its name says it, in the language of what it holds. */
const FILE_KIND_WORDS = {
  en: {
    register: 'register',
    map: 'map',
    selection: 'selection',
    board: 'board',
    report: 'report',
    'dialogue-plans': 'dialogue-plans',
    commitments: 'commitments',
    evaluations: 'evaluations',
    'self-assessments': 'self-assessments',
  },
  nl: {
    register: 'register',
    map: 'kaart',
    selection: 'selectie',
    board: 'bord',
    report: 'rapport',
    'dialogue-plans': 'dialoogplannen',
    commitments: 'toezeggingen',
    evaluations: 'evaluaties',
    'self-assessments': 'zelfevaluaties',
  },
} as const

/** The kinds of exported file. */
export type ExportFileKind = keyof (typeof FILE_KIND_WORDS)['en']

/** Characters of the title kept in a file name. */
const MAX_TITLE_CHARS = 60

/** The title as a file-name part: ASCII letters, digits and single dashes, lower case. */
export function safeFileNamePart(title: string): string {
  const part = title
    .normalize('NFKD')
    // Accents become their base letters (coöperatie → cooperatie).
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TITLE_CHARS)
    .replace(/-+$/g, '')
  return part === '' ? 'stakeholder-map' : part
}

/**
 * The file name for an export of the map titled `title`, made on `date`: in the browser's
 * local calendar by default, in UTC on the server (`utc: true`). Only ASCII letters, digits,
 * dashes and one dot, so it is also safe in a quoted `Content-Disposition` header.
 */
export function exportFileName(
  title: string,
  kind: ExportFileKind,
  extension: string,
  date: Date,
  options: { utc?: boolean; locale?: keyof typeof FILE_KIND_WORDS } = {},
): string {
  const day = options.utc
    ? date.toISOString().slice(0, 10)
    : [
        String(date.getFullYear()).padStart(4, '0'),
        String(date.getMonth() + 1).padStart(2, '0'),
        String(date.getDate()).padStart(2, '0'),
      ].join('-')
  const words = FILE_KIND_WORDS[options.locale ?? 'en']
  return `${safeFileNamePart(title)}-${words[kind]}-${day}.${extension}`
}
