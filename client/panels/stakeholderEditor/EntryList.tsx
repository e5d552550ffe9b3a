import { type ReactNode, useContext, useState } from 'react'
import { FieldsReadOnly } from '../fields'

/**
 * The frame shared by the impacts, the engagement log and the contacts: one collapsible
 * block per entry with its fields, a remove button, and an add button that starts a new,
 * empty entry. A block opens when its entry is added and otherwise stays as the person
 * left it: typing in it (and the summary line changing) never collapses it.
 */
export function EntryList<T extends { id: string }>({
  entries,
  summary,
  initiallyOpen,
  renderFields,
  labels,
  onAdd,
  onRemove,
  actions,
}: {
  entries: readonly T[]
  summary(entry: T): ReactNode
  /** Which entries start open when the list is first shown. */
  initiallyOpen?(entry: T, index: number): boolean
  renderFields(entry: T): ReactNode
  labels: { none: string; add: string; remove: string }
  /** Adds an empty entry and answers its id. */
  onAdd(): string | null
  onRemove(entry: T): void
  /** More actions on an entry, after "remove". */
  actions?(entry: T): ReactNode
}) {
  const readOnly = useContext(FieldsReadOnly)
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () =>
      new Set(
        entries.filter((entry, index) => initiallyOpen?.(entry, index)).map((entry) => entry.id),
      ),
  )
  const toggle = (id: string, isOpen: boolean) =>
    setOpen((previous) => {
      if (previous.has(id) === isOpen) return previous
      const next = new Set(previous)
      if (isOpen) next.add(id)
      else next.delete(id)
      return next
    })
  return (
    <>
      {entries.length === 0 && <p className="panel__muted">{labels.none}</p>}
      {entries.map((entry) => (
        <details
          key={entry.id}
          className="entry"
          open={open.has(entry.id)}
          data-entry-id={entry.id}
          onToggle={(event) => toggle(entry.id, event.currentTarget.open)}
        >
          <summary>{summary(entry)}</summary>
          {renderFields(entry)}
          {!readOnly && (
            <button type="button" className="button button--quiet" onClick={() => onRemove(entry)}>
              {labels.remove}
            </button>
          )}
          {!readOnly && actions?.(entry)}
        </details>
      ))}
      {!readOnly && (
        <button
          type="button"
          className="button"
          onClick={() => {
            const id = onAdd()
            if (id) toggle(id, true)
          }}
        >
          {labels.add}
        </button>
      )}
    </>
  )
}
