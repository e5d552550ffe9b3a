import type { TLUiOverrides } from 'tldraw'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { DeleteCardsDialog } from './DeleteCardsDialog'
import { cardsShowing, isStakeholderCard } from './boardActions'

/**
 * tldraw's delete action (Delete key, toolbar, menus) asks what to remove when the
 * selection holds the last card of a stakeholder; other shapes are deleted as usual. A card
 * whose stakeholder keeps another card (its view on the other board, or a second copy) is
 * only a view: it goes without asking, and the record stays.
 */
export function deleteAsksAboutStakeholders(registry: StakeholderRegistry): TLUiOverrides {
  return {
    actions(editor, actions, helpers) {
      const original = actions['delete']
      if (!original) return actions
      return {
        ...actions,
        delete: {
          ...original,
          onSelect(source) {
            const shapeIds = editor.getSelectedShapeIds()
            const selected = new Set<string>(shapeIds)
            const removesLastView = shapeIds
              .map((id) => editor.getShape(id))
              .filter(isStakeholderCard)
              .some((card) =>
                cardsShowing(editor, card.props.stakeholderId).every((other) =>
                  selected.has(other.id),
                ),
              )
            if (!removesLastView || editor.getIsReadonly()) return original.onSelect(source)
            helpers.addDialog({
              component: ({ onClose }) => (
                <DeleteCardsDialog
                  onClose={onClose}
                  editor={editor}
                  registry={registry}
                  shapeIds={shapeIds}
                />
              ),
            })
          },
        },
      }
    },
  }
}
