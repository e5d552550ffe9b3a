import { describe, expect, it } from 'vitest'
import { guessColumnMapping } from '../../../shared/exchange/guessColumnMapping'
import {
  REGISTER_COLUMNS,
  REGISTER_CONTACT_COLUMNS,
  REGISTER_LABELS,
} from '../../../shared/exchange/registerLabels'
import { REGISTER_SORT_COLUMNS } from '../../../shared/register/sortRegister'
import { STAKEHOLDER_FIELD_LABELS } from '../../../shared/labels/stakeholderFieldLabels'
import { STAKEHOLDER_KEYS } from '../../../shared/stakeholder/Stakeholder'
import {
  CONTACT_PARTS,
  IMPORT_FIELDS,
  STAKEHOLDER_FIELDS,
  exportColumnOf,
} from '../../../shared/stakeholder/stakeholderFields'

describe('the stakeholder field table', () => {
  it('has each field once, each a record key or a flattened one', () => {
    const keys = STAKEHOLDER_FIELDS.map((field) => field.key)
    expect(new Set(keys).size).toBe(keys.length)
    const flattened = ['engagementStatus', 'engagementLevel', ...Object.keys(CONTACT_PARTS)]
    for (const key of keys) {
      expect([...STAKEHOLDER_KEYS, ...flattened]).toContain(key)
    }
  })

  it('names only columns the register panel and the exported register have', () => {
    const exported: readonly string[] = [...REGISTER_COLUMNS, ...REGISTER_CONTACT_COLUMNS]
    for (const { registerColumn, exportColumn } of STAKEHOLDER_FIELDS) {
      if (registerColumn !== null) expect(REGISTER_SORT_COLUMNS).toContain(registerColumn)
      if (exportColumn !== null) expect(exported).toContain(exportColumn)
    }
  })

  it('gives the import panel its fields, in the table order', () => {
    expect(IMPORT_FIELDS).toEqual(
      STAKEHOLDER_FIELDS.filter((field) => field.importable).map((field) => field.key),
    )
    expect(IMPORT_FIELDS).not.toContain('id')
  })

  it('lets an exported register be imported again, in both languages', () => {
    for (const locale of ['en', 'nl'] as const) {
      const columns = [...REGISTER_COLUMNS, ...REGISTER_CONTACT_COLUMNS]
      const mapping = guessColumnMapping(
        columns.map((column) => REGISTER_LABELS[locale].columns[column]),
      )
      const expected = columns.map((column) => {
        const field = STAKEHOLDER_FIELDS.find((row) => row.exportColumn === column)
        return field?.importable ? field.key : null
      })
      expect(mapping).toEqual(expected)
    }
  })

  it('maps each importable field with a register column back to it', () => {
    for (const field of IMPORT_FIELDS) {
      const column = exportColumnOf(field)
      if (column !== undefined) {
        expect(STAKEHOLDER_FIELDS.find((row) => row.exportColumn === column)?.key).toBe(field)
      }
    }
  })

  it('names every field in both languages', () => {
    for (const { label } of STAKEHOLDER_FIELDS) {
      expect(Object.keys(STAKEHOLDER_FIELD_LABELS.en), label).toContain(label)
      expect(Object.keys(STAKEHOLDER_FIELD_LABELS.nl), label).toContain(label)
    }
  })
})
