import { type ReactNode, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type { StakeholderPatch, WriteResult } from '../../shared/document/stakeholderDocument'
import {
  ACTUALITY_LABELS,
  ALERT_LABELS,
  ATTITUDE_LABELS,
  CATEGORY_LABELS,
  CONFIDENTIALITY_LABELS,
  DUE_DILIGENCE_STEP_LABELS,
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  KIND_LABELS,
  PRIORITY_REASON_LABELS,
  QUADRANT_LABELS,
  SALIENCE_CLASS_LABELS,
  VALUE_CHAIN_LABELS,
  formatLabel,
} from '../../shared/labels/modelLabels'
import { classifySalience } from '../../shared/scoring/classifySalience'
import { engagementAlerts } from '../../shared/scoring/engagementAlerts'
import { engagementQuadrant } from '../../shared/scoring/engagementQuadrant'
import { prioritiseStakeholders } from '../../shared/scoring/prioritiseStakeholders'
import {
  ATTITUDES,
  CONFIDENTIALITY_LEVELS,
  DUE_DILIGENCE_STEPS,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_STATUSES,
  IMPACT_ACTUALITIES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_KINDS,
  type AdverseImpact,
  type Contact,
  type EngagementEntry,
  type Stakeholder,
  VALUE_CHAIN_POSITIONS,
} from '../../shared/stakeholder/Stakeholder'
import {
  createContact,
  createEngagementEntry,
  createImpact,
} from '../../shared/stakeholder/createStakeholder'
import { isStakeholderCard } from '../canvas/boardActions'
import { useTranslation } from '../i18n/useTranslation'
import {
  SALIENCE_COLOURS,
  UNASSESSED_COLOUR,
  isSalienceAssessed,
} from '../shapes/stakeholder-card/salienceColours'
import { type StakeholderRegistry, newEntityId } from '../stakeholders/StakeholderRegistry'
import { BoardViews } from './BoardViews'
import { CheckboxField, ScoreNumber, ScoreSelect, SelectField, TextArea, TextField } from './fields'

/** Edits every field of the stakeholder whose card is selected. */
export function StakeholderEditor({
  editor,
  registry,
  onRemove,
}: {
  editor: Editor
  registry: StakeholderRegistry
  onRemove(stakeholderId: string): void
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
        onRemove={() => onRemove(stakeholder.id)}
      />
    </>
  )
}

type Errors = Record<string, string>

function StakeholderForm({
  stakeholder,
  registry,
  onRemove,
}: {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
  onRemove(): void
}) {
  const { t, locale } = useTranslation()
  const [errors, setErrors] = useState<Errors>({})

  /** Writes and remembers the model's complaint, if any, under `key`. */
  function report(key: string, result: WriteResult) {
    setErrors((previous) => {
      const next = { ...previous }
      if (result.ok) delete next[key]
      else next[key] = t('editor.invalid', { message: result.errors[0]?.message ?? '' })
      return next
    })
  }
  const patch = (key: keyof StakeholderPatch) => (value: unknown) =>
    report(key, registry.patch(stakeholder.id, { [key]: value } as StakeholderPatch))
  const notAssessed = t('field.notAssessed')

  return (
    <form className="stakeholder-form" onSubmit={(event) => event.preventDefault()}>
      <ModelSummary stakeholder={stakeholder} registry={registry} />

      <fieldset>
        <legend>{t('editor.section.basics')}</legend>
        <TextField
          label={t('field.name')}
          value={stakeholder.name}
          maxLength={200}
          error={errors.name}
          onCommit={patch('name')}
          testId="field-name"
        />
        <div className="field-row">
          <SelectField
            label={t('field.kind')}
            value={stakeholder.kind}
            options={STAKEHOLDER_KINDS}
            labels={KIND_LABELS[locale]}
            onCommit={patch('kind')}
          />
          <SelectField
            label={t('field.valueChainPosition')}
            value={stakeholder.valueChainPosition}
            options={VALUE_CHAIN_POSITIONS}
            labels={VALUE_CHAIN_LABELS[locale]}
            emptyLabel={t('field.unknown')}
            onCommit={patch('valueChainPosition')}
          />
        </div>
        <SelectField
          label={t('field.category')}
          value={stakeholder.category}
          options={STAKEHOLDER_CATEGORIES}
          labels={CATEGORY_LABELS[locale]}
          onCommit={patch('category')}
          testId="field-category"
        />
        <TextField
          label={t('field.countryOrRegion')}
          value={stakeholder.countryOrRegion}
          maxLength={200}
          error={errors.countryOrRegion}
          onCommit={patch('countryOrRegion')}
        />
        <CheckboxField
          label={t('field.affected')}
          hint={t('field.affected.hint')}
          value={stakeholder.affected}
          onCommit={patch('affected')}
          testId="field-affected"
        />
        <CheckboxField
          label={t('field.vulnerable')}
          value={stakeholder.vulnerable}
          onCommit={patch('vulnerable')}
          testId="field-vulnerable"
        />
        {stakeholder.vulnerable && (
          <TextArea
            label={t('field.vulnerabilityNote')}
            value={stakeholder.vulnerabilityNote}
            error={errors.vulnerabilityNote}
            onCommit={patch('vulnerabilityNote')}
          />
        )}
        <RepresentsPicker
          stakeholder={stakeholder}
          registry={registry}
          onCommit={patch('represents')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('editor.section.assessment')}</legend>
        <div className="field-row field-row--three">
          {(['power', 'legitimacy', 'urgency'] as const).map((attribute) => (
            <ScoreSelect
              key={attribute}
              label={t(`field.${attribute}`)}
              value={stakeholder[attribute]}
              notAssessedLabel={notAssessed}
              error={errors[attribute]}
              onCommit={patch(attribute)}
              testId={`field-${attribute}`}
            />
          ))}
        </div>
        <div className="field-row">
          {(['influence', 'impact'] as const).map((attribute) => (
            <ScoreNumber
              key={attribute}
              label={t(`field.${attribute}`)}
              value={stakeholder[attribute]}
              error={errors[attribute]}
              onCommit={patch(attribute)}
              testId={`field-${attribute}`}
            />
          ))}
        </div>
        <SelectField
          label={t('field.attitude')}
          value={stakeholder.attitude}
          options={ATTITUDES}
          labels={ATTITUDE_LABELS[locale]}
          onCommit={patch('attitude')}
        />
        <TextArea
          label={t('field.interests')}
          value={stakeholder.interests}
          onCommit={patch('interests')}
        />
        <TextArea
          label={t('field.concerns')}
          value={stakeholder.concerns}
          onCommit={patch('concerns')}
        />
      </fieldset>

      <ImpactsEditor
        stakeholder={stakeholder}
        registry={registry}
        report={report}
        errors={errors}
      />

      <fieldset>
        <legend>{t('editor.section.engagement')}</legend>
        <div className="field-row">
          <SelectField
            label={t('field.engagementStatus')}
            value={stakeholder.engagement.status}
            options={ENGAGEMENT_STATUSES}
            labels={ENGAGEMENT_STATUS_LABELS[locale]}
            onCommit={patch('engagementStatus')}
          />
          <SelectField
            label={t('field.engagementLevel')}
            value={stakeholder.engagement.intendedLevel}
            options={ENGAGEMENT_LEVELS}
            labels={ENGAGEMENT_LEVEL_LABELS[locale]}
            emptyLabel={t('field.notDecided')}
            onCommit={patch('engagementLevel')}
          />
        </div>
      </fieldset>

      <LogEditor stakeholder={stakeholder} registry={registry} report={report} errors={errors} />

      <fieldset>
        <legend>{t('editor.section.notes')}</legend>
        <TextArea
          label={t('field.notes')}
          value={stakeholder.notes}
          onCommit={patch('notes')}
          rows={4}
        />
      </fieldset>

      <ContactsEditor
        stakeholder={stakeholder}
        registry={registry}
        report={report}
        errors={errors}
      />

      <button type="button" className="button button--danger" onClick={onRemove}>
        {t('editor.remove')}
      </button>
    </form>
  )
}

/** Salience class, quadrant, engagement order and alerts: computed, never stored. */
function ModelSummary({
  stakeholder,
  registry,
}: {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
}) {
  const { t, locale } = useTranslation()
  const all = useValue('all stakeholders', () => registry.all.get(), [registry])
  const salienceClass = classifySalience(stakeholder)
  const quadrant = engagementQuadrant(stakeholder)
  const order = prioritiseStakeholders(all)
  const place = order.find((entry) => entry.stakeholder.id === stakeholder.id)
  const alerts = engagementAlerts(stakeholder, { stakeholders: all })
  return (
    <section className="model-summary" aria-label={t('editor.section.model')}>
      <dl>
        <div>
          <dt>{t('model.salience')}</dt>
          <dd>
            <span
              className="pill"
              style={{
                background: isSalienceAssessed(stakeholder)
                  ? SALIENCE_COLOURS[salienceClass]
                  : UNASSESSED_COLOUR,
              }}
              data-testid="model-salience"
            >
              {isSalienceAssessed(stakeholder)
                ? SALIENCE_CLASS_LABELS[locale][salienceClass]
                : t('card.salienceNotAssessed')}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('model.quadrant')}</dt>
          <dd data-testid="model-quadrant">{QUADRANT_LABELS[locale][quadrant]}</dd>
        </div>
        {place && (
          <div>
            <dt>{t('model.priority')}</dt>
            <dd>
              {t('model.priorityRank', { rank: place.rank, total: order.length })}
              <ul className="model-summary__reasons">
                {place.reasons.map((reason) => (
                  <li key={reason.code}>
                    {formatLabel(
                      locale,
                      PRIORITY_REASON_LABELS[locale][reason.code],
                      reason.params,
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <h4>{t('model.alerts')}</h4>
      {alerts.length === 0 ? (
        <p className="panel__muted">{t('model.noAlerts')}</p>
      ) : (
        <ul className="alerts">
          {alerts.map((alert, index) => (
            <li key={`${alert.code}-${index}`} className={`alert alert--${alert.level}`}>
              {formatLabel(locale, ALERT_LABELS[locale][alert.code], alert.params)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function RepresentsPicker({
  stakeholder,
  registry,
  onCommit,
}: {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
  onCommit(value: string[]): void
}) {
  const { t } = useTranslation()
  const others = useValue(
    'others',
    () => registry.all.get().filter((other) => other.id !== stakeholder.id),
    [registry, stakeholder.id],
  )
  if (others.length === 0) return null
  const chosen = new Set(stakeholder.represents)
  return (
    <fieldset className="represents">
      <legend>{t('field.represents')}</legend>
      <div className="represents__list">
        {others.map((other) => (
          <label key={other.id}>
            <input
              type="checkbox"
              checked={chosen.has(other.id)}
              onChange={(event) => {
                const next = new Set(chosen)
                if (event.target.checked) next.add(other.id)
                else next.delete(other.id)
                onCommit(
                  stakeholder.represents
                    .filter((id) => next.has(id))
                    .concat([...next].filter((id) => !stakeholder.represents.includes(id))),
                )
              }}
            />
            {other.name}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

interface ListEditorProps {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
  report(key: string, result: WriteResult): void
  errors: Errors
}

/**
 * The frame shared by the impacts, the engagement log and the contacts: one collapsible
 * block per entry with its fields, the model's complaint about it, a remove button, and an
 * add button that starts a new, empty entry.
 */
function EntryList<T extends { id: string }>({
  entries,
  errorKey,
  errors,
  summary,
  isOpen,
  renderFields,
  labels,
  onAdd,
  onRemove,
}: {
  entries: readonly T[]
  errorKey(entry: T): string
  errors: Errors
  summary(entry: T): ReactNode
  isOpen?(entry: T, index: number): boolean
  renderFields(entry: T): ReactNode
  labels: { none: string; add: string; remove: string }
  onAdd(): void
  onRemove(entry: T): void
}) {
  return (
    <>
      {entries.length === 0 && <p className="panel__muted">{labels.none}</p>}
      {entries.map((entry, index) => (
        <details key={entry.id} className="entry" open={isOpen?.(entry, index)}>
          <summary>{summary(entry)}</summary>
          {errors[errorKey(entry)] && (
            <p className="field__error" role="alert">
              {errors[errorKey(entry)]}
            </p>
          )}
          {renderFields(entry)}
          <button type="button" className="button button--quiet" onClick={() => onRemove(entry)}>
            {labels.remove}
          </button>
        </details>
      ))}
      <button type="button" className="button" onClick={onAdd}>
        {labels.add}
      </button>
    </>
  )
}

function ImpactsEditor({ stakeholder, registry, report, errors }: ListEditorProps) {
  const { t, locale } = useTranslation()
  const put = (impact: AdverseImpact) =>
    report(`impact:${impact.id}`, registry.putImpact(stakeholder.id, impact))
  const notAssessed = t('field.notAssessed')
  return (
    <fieldset>
      <legend>{t('editor.section.impacts')}</legend>
      <EntryList
        entries={stakeholder.impacts}
        errors={errors}
        errorKey={(impact) => `impact:${impact.id}`}
        summary={(impact) => impact.topic || impact.description || t('impact.description')}
        isOpen={(_, index) => index === stakeholder.impacts.length - 1}
        labels={{ none: t('impact.none'), add: t('impact.add'), remove: t('impact.remove') }}
        onRemove={(impact) => registry.removeImpact(stakeholder.id, impact.id)}
        onAdd={() => put(createImpact(newEntityId('imp')))}
        renderFields={(impact) => (
          <>
            <TextField
              label={t('impact.topic')}
              value={impact.topic}
              onCommit={(topic) => put({ ...impact, topic })}
            />
            <TextArea
              label={t('impact.description')}
              value={impact.description}
              onCommit={(description) => put({ ...impact, description })}
            />
            <SelectField
              label={t('impact.actuality')}
              value={impact.actuality}
              options={IMPACT_ACTUALITIES}
              labels={ACTUALITY_LABELS[locale]}
              onCommit={(actuality) => actuality && put({ ...impact, actuality })}
            />
            <div className="field-row field-row--two">
              {(['scale', 'scope', 'irremediability', 'likelihood'] as const).map((dimension) => (
                <ScoreSelect
                  key={dimension}
                  label={t(`impact.${dimension}`)}
                  value={impact[dimension]}
                  notAssessedLabel={notAssessed}
                  onCommit={(value) => put({ ...impact, [dimension]: value })}
                />
              ))}
            </div>
          </>
        )}
      />
    </fieldset>
  )
}

/** The engagement log's free-text evidence fields, in the order a company reports them. */
const LOG_TEXT_FIELDS = [
  'informationShared',
  'inputReceived',
  'howInputWasUsed',
  'followUp',
  'barriers',
  'barrierMeasures',
] as const

function LogEditor({ stakeholder, registry, report, errors }: ListEditorProps) {
  const { t, locale } = useTranslation()
  const put = (entry: EngagementEntry) =>
    report(`log:${entry.id}`, registry.putLogEntry(stakeholder.id, entry))
  return (
    <fieldset>
      <legend>{t('editor.section.log')}</legend>
      <EntryList
        entries={stakeholder.engagement.log}
        errors={errors}
        errorKey={(entry) => `log:${entry.id}`}
        summary={(entry) => `${entry.date} · ${DUE_DILIGENCE_STEP_LABELS[locale][entry.step]}`}
        labels={{ none: t('log.none'), add: t('log.add'), remove: t('log.remove') }}
        onRemove={(entry) => registry.removeLogEntry(stakeholder.id, entry.id)}
        onAdd={() =>
          put(createEngagementEntry(newEntityId('log'), new Date().toISOString().slice(0, 10)))
        }
        renderFields={(entry) => (
          <>
            <TextField
              label={t('log.date')}
              type="date"
              value={entry.date}
              onCommit={(date) => put({ ...entry, date })}
            />
            <SelectField
              label={t('log.step')}
              value={entry.step}
              options={DUE_DILIGENCE_STEPS}
              labels={DUE_DILIGENCE_STEP_LABELS[locale]}
              onCommit={(step) => step && put({ ...entry, step })}
            />
            <TextField
              label={t('log.method')}
              value={entry.method}
              onCommit={(method) => put({ ...entry, method })}
            />
            {LOG_TEXT_FIELDS.map((field) => (
              <TextArea
                key={field}
                label={t(`log.${field}`)}
                value={entry[field]}
                rows={2}
                onCommit={(value) => put({ ...entry, [field]: value })}
              />
            ))}
            <SelectField
              label={t('log.confidentiality')}
              value={entry.confidentiality}
              options={CONFIDENTIALITY_LEVELS}
              labels={CONFIDENTIALITY_LABELS[locale]}
              onCommit={(confidentiality) => confidentiality && put({ ...entry, confidentiality })}
            />
          </>
        )}
      />
    </fieldset>
  )
}

/** Contact fields and the input type that suits each (phone keypads, e-mail keyboards). */
const CONTACT_FIELDS = [
  ['name', 'text'],
  ['role', 'text'],
  ['organisation', 'text'],
  ['email', 'email'],
  ['phone', 'tel'],
] as const

function ContactsEditor({ stakeholder, registry, report, errors }: ListEditorProps) {
  const { t } = useTranslation()
  const put = (contact: Contact) =>
    report(`contact:${contact.id}`, registry.putContact(stakeholder.id, contact))
  return (
    <fieldset className="confidential" aria-describedby="contacts-hint">
      <legend>{t('editor.section.contacts')}</legend>
      <p id="contacts-hint" className="field__hint">
        {t('editor.section.contactsHint')}
      </p>
      <EntryList
        entries={stakeholder.contacts}
        errors={errors}
        errorKey={(contact) => `contact:${contact.id}`}
        summary={(contact) => contact.name || t('contact.name')}
        isOpen={(contact) => !contact.name}
        labels={{ none: t('contact.none'), add: t('contact.add'), remove: t('contact.remove') }}
        onRemove={(contact) => registry.removeContact(stakeholder.id, contact.id)}
        onAdd={() => put(createContact(newEntityId('c')))}
        renderFields={(contact) => (
          <>
            {CONTACT_FIELDS.map(([field, type]) => (
              <TextField
                key={field}
                type={type}
                label={t(`contact.${field}`)}
                value={contact[field]}
                onCommit={(value) => put({ ...contact, [field]: value })}
              />
            ))}
            <TextArea
              label={t('contact.notes')}
              value={contact.notes}
              rows={2}
              onCommit={(notes) => put({ ...contact, notes })}
            />
          </>
        )}
      />
    </fieldset>
  )
}
