import { describe, expect, it } from 'vitest'
import {
  EXCHANGE_MESSAGES,
  exchangeErrorMessage,
  importFieldLabel,
  importWarningMessage,
  translateExchange,
} from '../../../client/exchange/exchangeMessages'
import { EXCHANGE_ERROR_CODES } from '../../../shared/exchange/exchangeLimits'
import { IMPORT_FIELDS } from '../../../shared/exchange/guessColumnMapping'
import { IMPORT_WARNING_CODES } from '../../../shared/exchange/planImport'

describe('exchange messages', () => {
  it('has every key in Dutch, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [key, english] of Object.entries(EXCHANGE_MESSAGES.en)) {
      const dutch = EXCHANGE_MESSAGES.nl[key as keyof typeof EXCHANGE_MESSAGES.nl]
      expect(dutch, key).toBeTruthy()
      expect(placeholders(dutch), key).toEqual(placeholders(english))
    }
  })

  it('labels every import field in both languages', () => {
    for (const locale of ['en', 'nl'] as const) {
      const labels = IMPORT_FIELDS.map((field) => importFieldLabel(locale, field))
      for (const label of labels) expect(label).toMatch(/\S/)
      expect(new Set(labels).size).toBe(labels.length)
    }
    expect(importFieldLabel('nl', 'power')).toBe('Macht')
  })

  it('translates every error and warning code', () => {
    for (const locale of ['en', 'nl'] as const) {
      for (const code of EXCHANGE_ERROR_CODES) {
        expect(exchangeErrorMessage(locale, code, { limit: 5000 })).not.toMatch(/\{|error\./)
      }
      for (const code of IMPORT_WARNING_CODES) {
        const message = importWarningMessage(locale, code, {
          name: 'FNV',
          firstRowNumber: 2,
          field: 'category',
          value: 'vakbondje',
        })
        expect(message).not.toContain('{')
      }
    }
    expect(
      importWarningMessage('nl', 'unrecognised-value', { field: 'category', value: 'x' }),
    ).toContain('categorie')
  })

  it('fills placeholders', () => {
    expect(translateExchange('en', 'import.confirm', { count: 3 })).toBe('Import 3 stakeholders')
  })
})
