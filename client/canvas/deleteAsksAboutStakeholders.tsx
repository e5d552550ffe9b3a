import type { TLUiOverrides } from 'tldraw'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { DeleteCardsDialog } from './DeleteCardsDialog'
import { isStakeholderCard } from './boardActions'

/**
 * tldraw's delete action (Delete key, toolbar, menus) asks what to remove when the
 * selection holds stakeholder cards; other shapes are deleted as usual.
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
            const hasCards = shapeIds.some((id) => isStakeholderCard(editor.getShape(id)))
            if (!hasCards || editor.getIsReadonly()) return original.onSelect(source)
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
