import { type Editor, type TLArrowShape, getArrowBindings, toRichText, useValue } from 'tldraw'
import { useTranslation } from '../i18n/useTranslation'
import type { MessageKey } from '../i18n/messages.en'
import { isStakeholderCard } from '../canvas/boardActions'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'

/** Kinds of relationship an arrow between two cards can stand for. */
export const RELATIONSHIP_TYPES = [
  'influences',
  'depends-on',
  'represents',
  'conflict',
  'cooperation',
] as const
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number]

/** How each kind looks, so the map reads at a glance. */
const RELATIONSHIP_STYLE: Record<RelationshipType, { color: string; dash: string }> = {
  influences: { color: 'black', dash: 'solid' },
  'depends-on': { color: 'blue', dash: 'dotted' },
  represents: { color: 'violet', dash: 'solid' },
  conflict: { color: 'red', dash: 'dashed' },
  cooperation: { color: 'green', dash: 'solid' },
}

/** The relationship kind stored on an arrow (`meta.relationship`), if any. */
export function relationshipOf(arrow: TLArrowShape): RelationshipType | null {
  const value = arrow.meta.relationship
  return RELATIONSHIP_TYPES.includes(value as RelationshipType) ? (value as RelationshipType) : null
}

/**
 * Picks the kind of a selected arrow. The kind is kept in the arrow's meta and written on the
 * arrow as its label; "represents" between two cards is also recorded on the stakeholder.
 */
export function RelationshipEditor({
  editor,
  registry,
}: {
  editor: Editor
  registry: StakeholderRegistry
}) {
  const { t } = useTranslation()
  const arrow = useValue(
    'selected arrow',
    () => {
      const selected = editor.getOnlySelectedShape()
      return selected?.type === 'arrow' ? (selected as TLArrowShape) : null
    },
    [editor],
  )
  if (!arrow) return null
  const current = relationshipOf(arrow)

  function choose(kind: RelationshipType | null) {
    if (!arrow) return
    const style = kind ? RELATIONSHIP_STYLE[kind] : { color: 'black', dash: 'draw' }
    editor.updateShape({
      id: arrow.id,
      type: 'arrow',
      meta: { ...arrow.meta, relationship: kind },
      props: {
        richText: toRichText(kind ? t(`relation.${kind}` as MessageKey) : ''),
        color: style.color as TLArrowShape['props']['color'],
        dash: style.dash as TLArrowShape['props']['dash'],
      },
    })
    if (kind !== 'represents') return
    const bindings = getArrowBindings(editor, arrow)
    const from = bindings.start && editor.getShape(bindings.start.toId)
    const to = bindings.end && editor.getShape(bindings.end.toId)
    if (!isStakeholderCard(from) || !isStakeholderCard(to)) return
    const representative = registry.get(from.props.stakeholderId)
    const represented = to.props.stakeholderId
    if (representative && !representative.represents.includes(represented)) {
      registry.patch(representative.id, { represents: [...representative.represents, represented] })
    }
  }

  return (
    <section className="relationship" aria-labelledby="relationship-heading">
      <h3 id="relationship-heading">{t('relation.heading')}</h3>
      <label>
        {t('relation.type')}
        <select
          value={current ?? ''}
          data-testid="relationship-type"
          onChange={(event) => choose((event.target.value || null) as RelationshipType | null)}
        >
          <option value="">{t('relation.none')}</option>
          {RELATIONSHIP_TYPES.map((kind) => (
            <option key={kind} value={kind}>
              {t(`relation.${kind}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  )
}
