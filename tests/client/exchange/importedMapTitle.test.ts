import { describe, expect, it } from 'vitest'
import { importedMapTitle } from '../../../client/exchange/importMapFile'
import type { ParsedMapJson } from '../../../shared/exchange/mapJsonFormat'

const file = (title: string) => ({ title }) as ParsedMapJson

describe('importedMapTitle: the title of a map made from a file', () => {
  it("is the file's title, trimmed", () => {
    expect(importedMapTitle(file('  Cacaoketen  '), 'nl')).toBe('Cacaoketen')
  })

  it("is a default in the user's language when the file has none", () => {
    expect(importedMapTitle(file('   '), 'nl')).toBe('Geïmporteerde kaart')
    expect(importedMapTitle(file(''), 'en')).toBe('Imported map')
  })
})
