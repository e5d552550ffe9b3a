/**
 * Names of downloaded files: the map title in safe characters, what the file is, and the
 * day (UTC), e.g. `cacao-keten-ghana-register-2026-05-12.csv`. The same scheme as the
 * client's `exportFileName`, so a file looks the same whichever way it was made.
 */

/** Characters of the title kept in a file name. */
const MAX_TITLE_CHARS = 60

/** The title as a file-name part: ASCII letters, digits and single dashes, lower case. */
function safeFileNamePart(title: string): string {
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
 * The file name of an export of the map titled `title` made at `date`. Only ASCII letters,
 * digits, dashes and one dot: safe in a quoted `Content-Disposition` filename and on every
 * file system, with nothing a header or a shell could trip over.
 */
export function attachmentFileName(
  title: string,
  kind: string,
  extension: string,
  date: Date,
): string {
  const day = date.toISOString().slice(0, 10)
  return `${safeFileNamePart(title)}-${kind}-${day}.${extension}`
}
