/**
 * The stakeholder editor: which record the selection shows (or the one someone else removed
 * while it was open), then the form. Each part of the form is its own file in this folder.
 */
import { type ReactNode, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import { isStakeholderCard } from '../../canvas/boardActions'
import { useTranslation } from '../../i18n/useTranslation'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import { BoardViews } from '../BoardViews'
import { RemovedStakeholder } from '../RemovedStakeholder'
import { StakeholderForm } from './StakeholderForm'

/** Edits every field of the stakeholder whose card is selected. */
export function StakeholderEditor({
  editor,
  registry,
  onRemove,
  auditTrail,
}: {
  editor: Editor
  registry: StakeholderRegistry
  onRemove(stakeholderId: string): void
  /** The stakeholder's audit trail, for roles that may read it. */
  auditTrail?: (stakeholderId: string) => ReactNode
}) {
  const { t } = useTranslation()
  const selection = useValue('selection', () => editor.getSelectedShapes(), [editor])
  const cards = selection.filter(isStakeholderCard)
  const stakeholderId = cards.length === 1 ? cards[0]!.props.stakeholderId : null
  const stakeholder = useValue(
    'selected stakeholder',
    () => (stakeholderId ? registry.get(stakeholderId) : null),
    [registry, stakeholderId],
  )
  // The last record shown, so that one removed by someone else while open (its cards go with
  // it) can be restored, with what this person typed into it.
  const [lastShown, setLastShown] = useState<Stakeholder | null>(null)
  const lastShownStillThere = useValue(
    'last shown record',
    () => (lastShown ? registry.get(lastShown.id) !== null : false),
    [registry, lastShown],
  )
  if (stakeholder && stakeholder !== lastShown) setLastShown(stakeholder)
  if (!stakeholder && cards.length !== 1 && lastShown && lastShownStillThere) setLastShown(null)
  if (lastShown && !lastShownStillThere && (!stakeholderId || stakeholderId === lastShown.id)) {
    return (
      <RemovedStakeholder
        record={lastShown}
        editor={editor}
        registry={registry}
        onDismiss={() => setLastShown(null)}
      />
    )
  }
  if (cards.length === 0) return <p className="panel__empty">{t('editor.empty')}</p>
  if (cards.length > 1) {
    return <p className="panel__empty">{t('editor.many', { count: cards.length })}</p>
  }
  if (!stakeholder) return <p className="panel__empty">{t('editor.orphan')}</p>
  return (
    <>
      <BoardViews editor={editor} stakeholder={stakeholder} />
      <StakeholderForm
        key={stakeholder.id}
        stakeholder={stakeholder}
        registry={registry}
        onRemove={() => {
          // Removed by this person: nothing to offer back (their own undo can).
          setLastShown(null)
          onRemove(stakeholder.id)
        }}
      />
      {auditTrail?.(stakeholder.id)}
    </>
  )
}
