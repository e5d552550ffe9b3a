import {
  type Editor,
  type TLShapeId,
  type TLUiDialogProps,
  TldrawUiButton,
  TldrawUiButtonLabel,
  TldrawUiDialogBody,
  TldrawUiDialogCloseButton,
  TldrawUiDialogFooter,
  TldrawUiDialogHeader,
  TldrawUiDialogTitle,
} from 'tldraw'
import { useTranslation } from '../i18n/useTranslation'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { cardsShowing, isStakeholderCard } from './boardActions'

/**
 * Asked when cards are deleted: a card only shows a stakeholder, so removing the card and
 * removing the stakeholder (everywhere, with its record) are different things.
 */
export function DeleteCardsDialog({
  onClose,
  editor,
  registry,
  shapeIds,
}: TLUiDialogProps & { editor: Editor; registry: StakeholderRegistry; shapeIds: TLShapeId[] }) {
  const { t } = useTranslation()
  const cards = shapeIds.map((id) => editor.getShape(id)).filter(isStakeholderCard)

  function removeCardsOnly() {
    editor.deleteShapes(shapeIds)
    onClose()
  }

  function removeStakeholders() {
    const stakeholderIds = [...new Set(cards.map((card) => card.props.stakeholderId))]
    const everyCard = stakeholderIds.flatMap((id) => cardsShowing(editor, id).map((c) => c.id))
    editor.deleteShapes([...new Set([...shapeIds, ...everyCard])])
    for (const id of stakeholderIds) registry.remove(id)
    onClose()
  }

  return (
    <>
      <TldrawUiDialogHeader>
        <TldrawUiDialogTitle>{t('delete.title', { count: cards.length })}</TldrawUiDialogTitle>
        <TldrawUiDialogCloseButton />
      </TldrawUiDialogHeader>
      <TldrawUiDialogBody style={{ maxWidth: 420 }}>
        {t('delete.body', { count: cards.length })}
      </TldrawUiDialogBody>
      <TldrawUiDialogFooter className="tlui-dialog__footer__actions">
        <TldrawUiButton type="normal" onClick={onClose}>
          <TldrawUiButtonLabel>{t('delete.cancel')}</TldrawUiButtonLabel>
        </TldrawUiButton>
        <TldrawUiButton type="normal" onClick={removeCardsOnly} data-testid="delete-card-only">
          <TldrawUiButtonLabel>{t('delete.cardOnly')}</TldrawUiButtonLabel>
        </TldrawUiButton>
        <TldrawUiButton type="danger" onClick={removeStakeholders} data-testid="delete-stakeholder">
          <TldrawUiButtonLabel>{t('delete.everywhere')}</TldrawUiButtonLabel>
        </TldrawUiButton>
      </TldrawUiDialogFooter>
    </>
  )
}
