import type * as Y from 'yjs'
import {
  holdsConfidentialData,
  stakeholdersMap,
  writeStakeholder,
} from '../document/stakeholderDocument'
import { validateStakeholder } from '../stakeholder/validateStakeholder'
import { chunkByStructs, estimatedStructs } from './chunkByStructs'
import { exchangeError } from './exchangeLimits'
import type { ExchangeError } from './exchangeLimits'
import type { ImportPlan } from './planImport'

/** Outcome of {@link applyImport}: how many stakeholders were written, or why none was. */
export type ApplyImportResult =
  { ok: true; written: number } | { ok: false; errors: ExchangeError[] }

/**
 * Writes the records of a confirmed import plan into `doc` (contacts into `confidential`),
 * in as few Yjs transactions as the server's per-update limit allows (chunkByStructs.ts):
 * peers see the list arrive in a few quick steps, and one undo step removes it. All or nothing: every record is checked again first (a plan may have been
 * kept or passed around), and nothing is written if a record is invalid, its id is taken, or
 * it has contacts and there is no confidential document (a role that may not write them).
 */
export function applyImport(
  doc: Y.Doc,
  plan: Pick<ImportPlan, 'toImport'>,
  origin?: unknown,
  confidential: Y.Doc | null = null,
): ApplyImportResult {
  const errors: ExchangeError[] = []
  const ids = new Set<string>()
  const existing = stakeholdersMap(doc)
  plan.toImport.forEach((record, index) => {
    const validated = validateStakeholder(record)
    if (!validated.ok) {
      errors.push({
        ...exchangeError('invalid-record', `record ${index} is not valid`, { index }),
        path: `toImport[${index}]`,
      })
    } else if (confidential === null && holdsConfidentialData(validated.value)) {
      errors.push({
        ...exchangeError(
          'confidential-not-allowed',
          `record ${index} has contacts, which only owners and facilitators may import`,
          { index },
        ),
        path: `toImport[${index}].contacts`,
      })
    } else if (ids.has(record.id) || existing.has(record.id)) {
      errors.push({
        ...exchangeError('id-conflict', `id "${record.id}" is already taken`, { id: record.id }),
        path: `toImport[${index}].id`,
      })
    }
    ids.add(record.id)
  })
  if (errors.length > 0) return { ok: false, errors }
  // Several transactions, each small enough for the server's per-update limit.
  for (const chunk of chunkByStructs(plan.toImport, estimatedStructs)) {
    const write = () => {
      for (const record of chunk) writeStakeholder(doc, record, origin, confidential)
    }
    doc.transact(
      () => (confidential === null ? write() : confidential.transact(write, origin)),
      origin,
    )
  }
  return { ok: true, written: plan.toImport.length }
}
