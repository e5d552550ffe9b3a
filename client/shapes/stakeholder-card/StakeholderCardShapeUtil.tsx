import type { CSSProperties } from 'react'
import {
  HTMLContainer,
  Rectangle2d,
  ShapeUtil,
  type TLResizeInfo,
  type Signal,
  resizeBox,
  useEditor,
  useSvgExportContext,
  useValue,
} from 'tldraw'
import { RATING_ATTRIBUTES } from '../../../shared/scoring/aggregateRatings'
import { formatScoreText } from '../../../shared/scoring/scoreText'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import { salienceAssessment } from '../../../shared/scoring/salienceAssessment'
import { engagementQuadrant } from '../../../shared/scoring/engagementQuadrant'
import {
  CATEGORY_LABELS,
  QUADRANT_LABELS,
  salienceAssessmentLabel,
} from '../../../shared/labels/modelLabels'
import type { Locale } from '../../i18n/locale'
import { useTranslation } from '../../i18n/useTranslation'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import { localUserPreferences } from '../../user/localUser'
import type { CardDecoration } from '../../workshop/WorkshopModel'
import { CategoryIcon } from './CategoryIcon'
import { AlertBadge } from './AlertBadge'
import { cardWarnings, warningsLabel } from './cardAlerts'
import { cardDetail, cardIsCovered } from './cardRendering'
import { salienceColour } from './salienceColours'
import {
  CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
  stakeholderCardMigrations,
  stakeholderCardProps,
} from './stakeholderCardShape'
import { nameFontSize, nameWidth } from './nameFontSize'
import { presenterSpot } from '../../presenter/presenterLayout'

/** Options handed in with `StakeholderCardShapeUtil.configure({ registry })`. */
export interface StakeholderCardOptions {
  registry: StakeholderRegistry | null
  /** Vote dots and revealed group scores to show on cards during a session. */
  decorations: Signal<Map<string, CardDecoration>> | null
  /** How many commitments to each stakeholder are overdue (DialogueRecords). */
  overdue: Signal<ReadonlyMap<string, number>> | null
}

/** Renders stakeholder cards; the record comes from the map's stakeholder registry. */
export class StakeholderCardShapeUtil extends ShapeUtil<StakeholderCardShape> {
  static override type = STAKEHOLDER_CARD_TYPE
  static override props = stakeholderCardProps
  static override migrations = stakeholderCardMigrations

  override options: StakeholderCardOptions = { registry: null, decorations: null, overdue: null }

  override getDefaultProps(): StakeholderCardShape['props'] {
    return { stakeholderId: '', w: CARD_SIZE.w, h: CARD_SIZE.h }
  }

  override getGeometry(shape: StakeholderCardShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
  }

  override canEdit() {
    return false
  }

  /** The stakeholder's name: what copying the card as text gives. */
  override getText(shape: StakeholderCardShape) {
    return this.options.registry?.get(shape.props.stakeholderId)?.name
  }

  /** What a screen reader announces when the card is selected, e.g. from the keyboard. */
  override getAriaDescriptor(shape: StakeholderCardShape) {
    const registry = this.options.registry
    const stakeholder = registry?.get(shape.props.stakeholderId)
    return stakeholder
      ? cardLabel(stakeholder, registry, localUserPreferences.get().locale)
      : undefined
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
          overdue={this.options.overdue}
        />
      </HTMLContainer>
    )
  }

  /** A waiting card's plate on a projector may lie away from the card: always drawn. */
  override canCull(shape: StakeholderCardShape) {
    return !presenterSpot(this.editor, shape.id)
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
  overdue,
}: {
  shape: StakeholderCardShape
  registry: StakeholderRegistry | null
  decorations: Signal<Map<string, CardDecoration>> | null
  overdue: Signal<ReadonlyMap<string, number>> | null
}) {
  const editor = useEditor()
  const { t, locale } = useTranslation()
  const stakeholder = useValue(
    'stakeholder',
    () => registry?.get(shape.props.stakeholderId) ?? null,
    [registry, shape.props.stakeholderId],
  )
  // A string, so the card re-renders only when the answer changes, not whenever any
  // stakeholder is added or removed.
  const representedMissing = useValue(
    'represented not on the map',
    () =>
      registry
        ?.get(shape.props.stakeholderId)
        ?.represents.filter((id) => !registry.get(id))
        .join(' ') ?? '',
    [registry, shape.props.stakeholderId],
  )
  const overdueCommitments = useValue(
    'overdue commitments',
    () => overdue?.get().get(shape.props.stakeholderId) ?? 0,
    [overdue, shape.props.stakeholderId],
  )
  const decoration = useValue(
    'decoration',
    () => decorations?.get().get(shape.props.stakeholderId) ?? null,
    [decorations, shape.props.stakeholderId],
  )
  // An export (PNG, SVG) draws every card in full, whatever the zoom and overlap on screen.
  const exporting = useSvgExportContext() !== null
  const detail = useValue('card detail', () => (exporting ? 'full' : cardDetail(editor)), [
    editor,
    exporting,
  ])
  const simple = detail !== 'full'
  const covered = useValue('covered card', () => !exporting && cardIsCovered(editor, shape.id), [
    editor,
    exporting,
    shape.id,
  ])
  // Nothing of a covered card shows, so it is not painted; a decoration hangs below the
  // card and would show, so a decorated card always is.
  const hidden = covered && !decoration
  // A card waiting off the boards has its plate in a grid of its own on a projector.
  const spot = useValue('presenter spot', () => presenterSpot(editor, shape.id), [editor, shape.id])
  const style: CSSProperties = {
    width: shape.props.w,
    height: shape.props.h,
    visibility: hidden ? 'hidden' : undefined,
  }
  if (hidden) {
    // Nothing of it shows: an empty box costs a fraction of a full card, and a map opens
    // with most cards stacked on a few points of its matrix.
    return (
      <div
        className="stakeholder-card"
        style={style}
        data-stakeholder-id={shape.props.stakeholderId}
      />
    )
  }
  if (!stakeholder) {
    return simple ? (
      <div
        className="stakeholder-card stakeholder-card--missing stakeholder-card--simple"
        style={style}
        role="img"
        aria-label={t('card.missing')}
      />
    ) : (
      <div className="stakeholder-card stakeholder-card--missing" style={style}>
        {t('card.missing')}
      </div>
    )
  }
  const salience = salienceAssessment(stakeholder)
  const quadrant = engagementQuadrant(stakeholder)
  // A new card is not a "non-stakeholder": nobody has scored it yet.
  const assessed = salience.status === 'assessed'
  const colour = salienceColour(salience)
  const compact = shape.props.h < COMPACT_BELOW
  const classLabel = salienceAssessmentLabel(locale, salience)
  // "Saillantie niet beoordeeld" does not fit a compact card's stripe (it was cut to "Saillantie
  // niet beo…", also spotlit on a projector): the stripe is salience's, so "Niet beoordeeld" says it.
  const stripeLabel = compact && !assessed ? t('field.notAssessed') : classLabel
  const missing = new Set(representedMissing.split(' '))
  const warnings = cardWarnings(stakeholder, (id) => !missing.has(id))
  // A promise past its date is a warning about the engagement too (issue 21).
  const more =
    overdueCommitments > 0
      ? [t('dialogues.commitment.overdueCount', { count: overdueCommitments })]
      : []
  const warningCount = warnings.length + more.length
  const alertLabel = warningCount > 0 ? warningsLabel(warnings, locale, more) : null
  const attributes = {
    'data-stakeholder-id': stakeholder.id,
    'data-salience': assessed ? salience.salienceClass : 'not-assessed',
    'data-quadrant': quadrant,
    'data-alerts':
      [
        ...warnings.map((alert) => alert.code),
        ...(more.length > 0 ? ['overdue-commitments'] : []),
      ].join(' ') || undefined,
  }
  if (simple) {
    // Zoomed out: outline and class stripe in the salience colour, and the name in large
    // type while it can still be read; no small text, icon or shadow (the bulk of the
    // painting). The name is for the eye; screen readers get name and class from the label.
    return (
      <div
        className={`stakeholder-card stakeholder-card--simple${compact ? ' stakeholder-card--compact' : ''}${alertLabel ? ' stakeholder-card--alert' : ''}${detail === 'presenter' ? ' stakeholder-card--presenter' : ''}`}
        style={{ ...style, borderColor: colour }}
        role="img"
        aria-label={`${stakeholder.name}: ${classLabel}${alertLabel ? `. ${alertLabel}` : ''}`}
        {...attributes}
      >
        <div
          className={`stakeholder-card__stripe${assessed ? '' : ' stakeholder-card__stripe--unassessed'}`}
          style={assessed ? { background: colour } : undefined}
        />
        {detail === 'name' && (
          <span className="stakeholder-card__large-name" aria-hidden="true">
            {stakeholder.name}
          </span>
        )}
        {detail === 'presenter' && (
          <span
            className={`stakeholder-card__presenter-name${spot ? ' stakeholder-card__presenter-name--placed' : ''}`}
            style={
              spot
                ? {
                    borderColor: colour,
                    left: spot.x - shape.x,
                    top: spot.y - shape.y,
                    width: spot.w,
                    height: spot.h,
                    fontSize: spot.fontSize,
                  }
                : { borderColor: colour }
            }
            aria-hidden="true"
            lang={locale}
          >
            {stakeholder.name}
          </span>
        )}
        {alertLabel && <AlertBadge count={warningCount} detail={detail} />}
        {decoration && <CardDecorationBadges decoration={decoration} />}
      </div>
    )
  }
  return (
    <div
      className={`stakeholder-card${compact ? ' stakeholder-card--compact' : ''}${alertLabel ? ' stakeholder-card--alert' : ''}`}
      style={{ ...style, borderColor: colour }}
      {...attributes}
    >
      <div
        className={`stakeholder-card__class${assessed ? '' : ' stakeholder-card__class--unassessed'}`}
        style={{ background: colour }}
        title={classLabel}
      >
        {stripeLabel}
      </div>
      <div className="stakeholder-card__body">
        <span className="stakeholder-card__icon" style={{ color: colour }}>
          <CategoryIcon
            category={stakeholder.category}
            size={28}
            title={CATEGORY_LABELS[locale][stakeholder.category]}
          />
        </span>
        <span
          className="stakeholder-card__name"
          lang={locale}
          style={{
            fontSize: nameFontSize(
              stakeholder.name,
              nameWidth(shape.props.w, compact),
              compact ? 16 : 19,
            ),
          }}
        >
          {stakeholder.name}
        </span>
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
      {alertLabel && <AlertBadge count={warningCount} label={alertLabel} detail={detail} />}
      {decoration && <CardDecorationBadges decoration={decoration} />}
    </div>
  )
}

/** Vote dots and the group's revealed scores (median and range, disagreement flagged). */
function CardDecorationBadges({ decoration }: { decoration: CardDecoration }) {
  const { locale, t } = useTranslation()
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
                  {`${t(`workshop.short.${attribute}`)} ${formatScoreText(median, locale)} (${formatScoreText(min, locale)}–${formatScoreText(max, locale)})`}
                </span>
              )
            },
          )}
        </span>
      )}
    </div>
  )
}

/** A card for a screen reader: "name: class" (or "not assessed"), and its warnings if any. */
function cardLabel(
  stakeholder: Stakeholder,
  registry: StakeholderRegistry | null,
  locale: Locale,
): string {
  const label = salienceAssessmentLabel(locale, salienceAssessment(stakeholder))
  const warnings = cardWarnings(stakeholder, (id) => !!registry?.get(id))
  return `${stakeholder.name}: ${label}${warnings.length > 0 ? `. ${warningsLabel(warnings, locale)}` : ''}`
}
