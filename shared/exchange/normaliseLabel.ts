/**
 * A header or value as compared by the import guesses: accents removed, lower case, every
 * run of punctuation and spaces turned into one space. "E-mail", "e‑mail " and "EMAIL"
 * compare as `e mail` and `email`; "Ngo's" as `ngo s`.
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** True when `phrase` (normalised) occurs in `text` (normalised) as whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  return phrase !== '' && ` ${text} `.includes(` ${phrase} `)
}
