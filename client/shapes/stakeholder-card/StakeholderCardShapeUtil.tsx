import {
  HTMLContainer,
  Rectangle2d,
  ShapeUtil,
  type TLResizeInfo,
  type Signal,
  resizeBox,
  useValue,
} from 'tldraw'
import { RATING_ATTRIBUTES } from '../../../shared/scoring/aggregateRatings'
import { classifySalience } from '../../../shared/scoring/classifySalience'
import { engagementQuadrant } from '../../../shared/scoring/engagementQuadrant'
import {
  CATEGORY_LABELS,
  QUADRANT_LABELS,
  SALIENCE_CLASS_LABELS,
} from '../../../shared/labels/modelLabels'
import { useTranslation } from '../../i18n/useTranslation'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import type { CardDecoration } from '../../workshop/WorkshopModel'
import { CategoryIcon } from './CategoryIcon'
import { SALIENCE_COLOURS, UNASSESSED_COLOUR, isSalienceAssessed } from './salienceColours'
import {
  CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
  stakeholderCardMigrations,
  stakeholderCardProps,
} from './stakeholderCardShape'

/** Options handed in with `StakeholderCardShapeUtil.configure({ registry })`. */
export interface StakeholderCardOptions {
  registry: StakeholderRegistry | null
  /** Vote dots and revealed group scores to show on cards during a session. */
  decorations: Signal<Map<string, CardDecoration>> | null
}

/** Renders stakeholder cards; the record comes from the map's stakeholder registry. */
export class StakeholderCardShapeUtil extends ShapeUtil<StakeholderCardShape> {
  static override type = STAKEHOLDER_CARD_TYPE
  static override props = stakeholderCardProps
  static override migrations = stakeholderCardMigrations

  override options: StakeholderCardOptions = { registry: null, decorations: null }

  override getDefaultProps(): StakeholderCardShape['props'] {
    return { stakeholderId: '', w: CARD_SIZE.w, h: CARD_SIZE.h }
  }

  override getGeometry(shape: StakeholderCardShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
  }

  override canEdit() {
    return false
  }

  override onResize(shape: StakeholderCardShape, info: TLResizeInfo<StakeholderCardShape>) {
    return resizeBox(shape, info, { minWidth: 160, minHeight: 90 })
  }

  override component(shape: StakeholderCardShape) {
    return (
      <HTMLContainer>
        <StakeholderCard
          shape={shape}
          registry={this.options.registry}
          decorations={this.options.decorations}
        />
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: StakeholderCardShape) {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 10)
    return path
  }
}

/** Cards lower than this drop the icon and quadrant and show the name first. */
const COMPACT_BELOW = 100

function StakeholderCard({
  shape,
  registry,
  decorations,
}: {
  shape: StakeholderCardShape
  registry: StakeholderRegistry | null
  decorations: Signal<Map<string, CardDecoration>> | null
}) {
  const { t, locale } = useTranslation()
  const stakeholder = useValue(
    'stakeholder',
    () => registry?.get(shape.props.stakeholderId) ?? null,
    [registry, shape.props.stakeholderId],
  )
  const decoration = useValue(
    'decoration',
    () => decorations?.get().get(shape.props.stakeholderId) ?? null,
    [decorations, shape.props.stakeholderId],
  )
  const style = { width: shape.props.w, height: shape.props.h }
  if (!stakeholder) {
    return (
      <div className="stakeholder-card stakeholder-card--missing" style={style}>
        {t('card.missing')}
      </div>
    )
  }
  const salienceClass = classifySalience(stakeholder)
  const quadrant = engagementQuadrant(stakeholder)
  // A new card is not a "non-stakeholder": nobody has scored it yet.
  const assessed = isSalienceAssessed(stakeholder)
  const colour = assessed ? SALIENCE_COLOURS[salienceClass] : UNASSESSED_COLOUR
  return (
    <div
      className={`stakeholder-card${shape.props.h < COMPACT_BELOW ? ' stakeholder-card--compact' : ''}`}
      style={{ ...style, borderColor: colour }}
      data-stakeholder-id={stakeholder.id}
      data-salience={salienceClass}
      data-quadrant={quadrant}
    >
      <div
        className={`stakeholder-card__class${assessed ? '' : ' stakeholder-card__class--unassessed'}`}
        style={{ background: colour }}
      >
        {assessed ? SALIENCE_CLASS_LABELS[locale][salienceClass] : t('card.salienceNotAssessed')}
      </div>
      <div className="stakeholder-card__body">
        <span className="stakeholder-card__icon" style={{ color: colour }}>
          <CategoryIcon
            category={stakeholder.category}
            size={28}
            title={CATEGORY_LABELS[locale][stakeholder.category]}
          />
        </span>
        <span className="stakeholder-card__name">{stakeholder.name}</span>
      </div>
      <div className="stakeholder-card__footer">
        {stakeholder.affected && (
          <span className="badge badge--affected" title={t('card.affected.title')}>
            {t('card.affected')}
          </span>
        )}
        {stakeholder.vulnerable && (
          <span className="badge badge--vulnerable" title={t('card.vulnerable.title')}>
            {t('card.vulnerable')}
          </span>
        )}
        <span className={`stakeholder-card__quadrant quadrant--${quadrant}`}>
          {QUADRANT_LABELS[locale][quadrant]}
        </span>
      </div>
      {decoration && <CardDecorationBadges decoration={decoration} />}
    </div>
  )
}

/** Vote dots and the group's revealed scores (median and range, disagreement flagged). */
function CardDecorationBadges({ decoration }: { decoration: CardDecoration }) {
  const { t } = useTranslation()
  const ratings = decoration.ratings
  return (
    <div className="card-decoration">
      {decoration.votes !== undefined && (
        <span className="card-decoration__votes" data-testid="card-votes">
          {t('workshop.card.votes', { count: decoration.votes })}
        </span>
      )}
      {ratings && (
        <span className="card-decoration__ratings" data-testid="card-ratings">
          {RATING_ATTRIBUTES.filter((attribute) => ratings[attribute].count > 0).map(
            (attribute) => {
              const { median, min, max, disagreement } = ratings[attribute]
              return (
                <span
                  key={attribute}
                  className={disagreement ? 'card-decoration__rating--disagree' : undefined}
                  title={disagreement ? t('workshop.card.disagreement') : undefined}
                >
                  {t(`workshop.short.${attribute}`)} {median} ({min}–{max})
                </span>
              )
            },
          )}
        </span>
      )}
    </div>
  )
}
