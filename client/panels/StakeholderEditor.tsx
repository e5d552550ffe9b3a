import { type ReactNode, useContext, useState } from 'react'
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
  VALUE_CHAIN_LABELS,
  formatLabel,
  salienceAssessmentLabel,
} from '../../shared/labels/modelLabels'
import { salienceAssessment } from '../../shared/scoring/salienceAssessment'
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
import type { WriteOutcome } from '../drafts/WriteThroughText'
import { useTranslation } from '../i18n/useTranslation'
import { salienceBadgeColours } from '../shapes/stakeholder-card/salienceColours'
import { type StakeholderRegistry, newEntityId } from '../stakeholders/StakeholderRegistry'
import { BoardViews } from './BoardViews'
import {
  CheckboxField,
  FieldsReadOnly,
  ScoreNumber,
  ScoreSelect,
  SelectField,
  TextArea,
  TextField,
} from './fields'
import { ContactErasure } from './ContactErasure'
import { ErasePersonalDataButton } from './ErasePersonalDataButton'
import { RemovedStakeholder } from './RemovedStakeholder'
import { explain, validationMessage } from './validationMessage'

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

type Errors = Record<string, string>

/** What the form's fields write through: the registry, with this stakeholder's id bound. */
interface FormWriters {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
  /** Remembers a select's or checkbox's refusal, shown at that control. */
  report(key: string, result: WriteOutcome): void
  errors: Errors
}

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
  const readOnly = useContext(FieldsReadOnly)
  const [errors, setErrors] = useState<Errors>({})

  function report(key: string, result: WriteOutcome) {
    setErrors((previous) => {
      const next = { ...previous }
      if (result.ok) delete next[key]
      else if (result.errors[0]) next[key] = explain(t, validationMessage(result.errors[0], '-'))
      return next
    })
  }
  /** A select or checkbox: written at once, a refusal shown at the control. */
  const patch = (key: keyof StakeholderPatch) => (value: unknown) =>
    report(key, registry.patch(stakeholder.id, { [key]: value } as StakeholderPatch))
  /** A text field: the field shows its own refusal and keeps the text. */
  const patchText =
    (key: keyof StakeholderPatch) =>
    (value: unknown): WriteOutcome =>
      registry.patch(stakeholder.id, { [key]: value } as StakeholderPatch)
  const draftKey = (field: string) => `${stakeholder.id}/${field}`
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
          draftKey={draftKey('name')}
          onCommit={patchText('name')}
          testId="field-name"
        />
        <div className="field-row">
          <SelectField
            label={t('field.kind')}
            value={stakeholder.kind}
            options={STAKEHOLDER_KINDS}
            labels={KIND_LABELS[locale]}
            error={errors.kind}
            onCommit={patch('kind')}
          />
          <SelectField
            label={t('field.valueChainPosition')}
            value={stakeholder.valueChainPosition}
            options={VALUE_CHAIN_POSITIONS}
            labels={VALUE_CHAIN_LABELS[locale]}
            emptyLabel={t('field.unknown')}
            error={errors.valueChainPosition}
            onCommit={patch('valueChainPosition')}
          />
        </div>
        <SelectField
          label={t('field.category')}
          value={stakeholder.category}
          options={STAKEHOLDER_CATEGORIES}
          labels={CATEGORY_LABELS[locale]}
          error={errors.category}
          onCommit={patch('category')}
          testId="field-category"
        />
        <TextField
          label={t('field.countryOrRegion')}
          value={stakeholder.countryOrRegion}
          maxLength={200}
          draftKey={draftKey('countryOrRegion')}
          onCommit={patchText('countryOrRegion')}
        />
        <CheckboxField
          label={t('field.affected')}
          hint={t('field.affected.hint')}
          value={stakeholder.affected}
          error={errors.affected}
          onCommit={patch('affected')}
          testId="field-affected"
        />
        <CheckboxField
          label={t('field.vulnerable')}
          value={stakeholder.vulnerable}
          error={errors.vulnerable}
          onCommit={patch('vulnerable')}
          testId="field-vulnerable"
        />
        {stakeholder.vulnerable && (
          <TextArea
            label={t('field.vulnerabilityNote')}
            value={stakeholder.vulnerabilityNote}
            draftKey={draftKey('vulnerabilityNote')}
            onCommit={patchText('vulnerabilityNote')}
          />
        )}
        <RepresentsPicker
          stakeholder={stakeholder}
          registry={registry}
          error={errors.represents}
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
              describedBy="salience-scores-hint"
              onCommit={patch(attribute)}
              testId={`field-${attribute}`}
            />
          ))}
        </div>
        {!readOnly && (
          <p className="field__hint" id="salience-scores-hint">
            {t('field.wholeScores.hint')}
          </p>
        )}
        <div className="field-row">
          {(['influence', 'impact'] as const).map((attribute) => (
            <ScoreNumber
              key={attribute}
              label={t(`field.${attribute}`)}
              value={stakeholder[attribute]}
              draftKey={draftKey(attribute)}
              describedBy="grid-scores-hint"
              onCommit={patchText(attribute)}
              testId={`field-${attribute}`}
            />
          ))}
        </div>
        {!readOnly && (
          <p className="field__hint" id="grid-scores-hint">
            {t('field.decimalScores.hint')}
          </p>
        )}
        <SelectField
          label={t('field.attitude')}
          value={stakeholder.attitude}
          options={ATTITUDES}
          labels={ATTITUDE_LABELS[locale]}
          error={errors.attitude}
          onCommit={patch('attitude')}
        />
        <TextArea
          label={t('field.interests')}
          value={stakeholder.interests}
          draftKey={draftKey('interests')}
          onCommit={patchText('interests')}
          testId="field-interests"
        />
        <TextArea
          label={t('field.concerns')}
          value={stakeholder.concerns}
          draftKey={draftKey('concerns')}
          onCommit={patchText('concerns')}
          testId="field-concerns"
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
            error={errors.engagementStatus}
            onCommit={patch('engagementStatus')}
          />
          <SelectField
            label={t('field.engagementLevel')}
            value={stakeholder.engagement.intendedLevel}
            options={ENGAGEMENT_LEVELS}
            labels={ENGAGEMENT_LEVEL_LABELS[locale]}
            emptyLabel={t('field.notDecided')}
            error={errors.engagementLevel}
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
          draftKey={draftKey('notes')}
          onCommit={patchText('notes')}
          testId="field-notes"
          rows={4}
        />
      </fieldset>

      {/* Only owners and facilitators have the contacts; other roles are not offered them. */}
      {registry.hasConfidential && (
        <ContactsEditor
          stakeholder={stakeholder}
          registry={registry}
          report={report}
          errors={errors}
        />
      )}

      {!readOnly && (
        <button type="button" className="button button--danger" onClick={onRemove}>
          {t('editor.remove')}
        </button>
      )}
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
  const salience = salienceAssessment(stakeholder)
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
              className={`pill${salience.status === 'assessed' ? '' : ' pill--unassessed'}`}
              style={salienceBadgeColours(salience)}
              data-testid="model-salience"
            >
              {salienceAssessmentLabel(locale, salience)}
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
  error,
  onCommit,
}: {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
  error?: string
  onCommit(value: string[]): void
}) {
  const { t } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const others = useValue(
    'others',
    () => registry.all.get().filter((other) => other.id !== stakeholder.id),
    [registry, stakeholder.id],
  )
  if (others.length === 0) return null
  const chosen = new Set(stakeholder.represents)
  if (readOnly) {
    const names = others.filter((other) => chosen.has(other.id)).map((other) => other.name)
    return names.length === 0 ? null : (
      <div className="field field--readonly">
        <span className="field__label">{t('field.represents')}</span>
        <p className="field__value">{names.join(', ')}</p>
      </div>
    )
  }
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
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}

type ListEditorProps = FormWriters

/**
 * Writes one field of an entry (impact, log entry, contact) into the entry as the document
 * holds it at the moment of writing, so that what someone else changed in another field of
 * the entry meanwhile is kept. An entry someone removed while this person was typing in it
 * comes back with their text (`shown` is the entry as the form last showed it).
 */
function entryWriter<T extends { id: string }>(
  current: () => readonly T[] | undefined,
  put: (entry: T) => WriteResult,
) {
  return (shown: T, change: Partial<T>): WriteOutcome => {
    const latest = current()?.find((entry) => entry.id === shown.id) ?? shown
    return put({ ...latest, ...change })
  }
}

/**
 * The frame shared by the impacts, the engagement log and the contacts: one collapsible
 * block per entry with its fields, a remove button, and an add button that starts a new,
 * empty entry. A block opens when its entry is added and otherwise stays as the person
 * left it: typing in it (and the summary line changing) never collapses it.
 */
function EntryList<T extends { id: string }>({
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

/** Adds `entry` with `put` and answers its id, or null (shown at `key`) if it was refused. */
function added<T extends { id: string }>(
  entry: T,
  put: (entry: T) => WriteResult,
  report: FormWriters['report'],
  key: string,
) {
  const result = put(entry)
  report(key, result)
  return result.ok ? entry.id : null
}

function ImpactsEditor({ stakeholder, registry, report, errors }: ListEditorProps) {
  const { t, locale } = useTranslation()
  const put = (impact: AdverseImpact) => registry.putImpact(stakeholder.id, impact)
  const write = entryWriter(() => registry.get(stakeholder.id)?.impacts, put)
  const notAssessed = t('field.notAssessed')
  return (
    <fieldset>
      <legend>{t('editor.section.impacts')}</legend>
      <EntryList
        entries={stakeholder.impacts}
        summary={(impact) => impact.topic || impact.description || t('impact.description')}
        initiallyOpen={(_, index) => index === stakeholder.impacts.length - 1}
        labels={{ none: t('impact.none'), add: t('impact.add'), remove: t('impact.remove') }}
        onRemove={(impact) => registry.removeImpact(stakeholder.id, impact.id)}
        onAdd={() => added(createImpact(newEntityId('imp')), put, report, 'impacts')}
        renderFields={(impact) => {
          const key = `${stakeholder.id}/impacts/${impact.id}`
          return (
            <>
              <TextField
                label={t('impact.topic')}
                value={impact.topic}
                maxLength={200}
                draftKey={`${key}/topic`}
                onCommit={(topic) => write(impact, { topic })}
                testId="impact-topic"
              />
              <TextArea
                label={t('impact.description')}
                value={impact.description}
                draftKey={`${key}/description`}
                onCommit={(description) => write(impact, { description })}
                testId="impact-description"
              />
              <SelectField
                label={t('impact.actuality')}
                value={impact.actuality}
                options={IMPACT_ACTUALITIES}
                labels={ACTUALITY_LABELS[locale]}
                error={errors[`${key}/actuality`]}
                onCommit={(actuality) =>
                  actuality && report(`${key}/actuality`, write(impact, { actuality }))
                }
              />
              <div className="field-row field-row--two">
                {(['scale', 'scope', 'irremediability', 'likelihood'] as const).map((dimension) => (
                  <ScoreSelect
                    key={dimension}
                    label={t(`impact.${dimension}`)}
                    value={impact[dimension]}
                    notAssessedLabel={notAssessed}
                    error={errors[`${key}/${dimension}`]}
                    describedBy={`${key}-scores-hint`}
                    onCommit={(value) =>
                      report(`${key}/${dimension}`, write(impact, { [dimension]: value }))
                    }
                  />
                ))}
              </div>
              <p className="field__hint" id={`${key}-scores-hint`}>
                {t('impact.scores.hint')}
              </p>
            </>
          )
        }}
      />
      {errors.impacts && (
        <p className="field__error" role="alert">
          {errors.impacts}
        </p>
      )}
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
  // A role without the confidential document could not store (or read back) such an entry.
  const levels = registry.hasConfidential
    ? CONFIDENTIALITY_LEVELS
    : CONFIDENTIALITY_LEVELS.filter((level) => level !== 'confidential')
  const put = (entry: EngagementEntry) => registry.putLogEntry(stakeholder.id, entry)
  const write = entryWriter(() => registry.get(stakeholder.id)?.engagement.log, put)
  return (
    <fieldset>
      <legend>{t('editor.section.log')}</legend>
      <EntryList
        entries={stakeholder.engagement.log}
        summary={(entry) =>
          `${entry.date || t('log.noDate')} · ${DUE_DILIGENCE_STEP_LABELS[locale][entry.step]}`
        }
        labels={{ none: t('log.none'), add: t('log.add'), remove: t('log.remove') }}
        onRemove={(entry) => registry.removeLogEntry(stakeholder.id, entry.id)}
        onAdd={() =>
          added(
            createEngagementEntry(newEntityId('log'), new Date().toISOString().slice(0, 10)),
            put,
            report,
            'log',
          )
        }
        renderFields={(entry) => {
          const key = `${stakeholder.id}/log/${entry.id}`
          return (
            <>
              <TextField
                label={t('log.date')}
                type="date"
                value={entry.date}
                draftKey={`${key}/date`}
                onCommit={(date) => write(entry, { date })}
                testId="log-date"
              />
              <SelectField
                label={t('log.step')}
                value={entry.step}
                options={DUE_DILIGENCE_STEPS}
                labels={DUE_DILIGENCE_STEP_LABELS[locale]}
                error={errors[`${key}/step`]}
                onCommit={(step) => step && report(`${key}/step`, write(entry, { step }))}
              />
              <TextField
                label={t('log.method')}
                value={entry.method}
                maxLength={200}
                draftKey={`${key}/method`}
                onCommit={(method) => write(entry, { method })}
                testId="log-method"
              />
              {LOG_TEXT_FIELDS.map((field) => (
                <TextArea
                  key={field}
                  label={t(`log.${field}`)}
                  value={entry[field]}
                  rows={2}
                  draftKey={`${key}/${field}`}
                  onCommit={(value) => write(entry, { [field]: value })}
                  testId={`log-${field}`}
                />
              ))}
              <SelectField
                label={t('log.confidentiality')}
                value={entry.confidentiality}
                options={levels}
                labels={CONFIDENTIALITY_LABELS[locale]}
                error={errors[`${key}/confidentiality`]}
                onCommit={(confidentiality) =>
                  confidentiality &&
                  report(`${key}/confidentiality`, write(entry, { confidentiality }))
                }
              />
            </>
          )
        }}
      />
      {errors.log && (
        <p className="field__error" role="alert">
          {errors.log}
        </p>
      )}
    </fieldset>
  )
}

/** Contact fields, the input type that suits each (phone keypads, e-mail keyboards), limits. */
const CONTACT_FIELDS = [
  ['name', 'text', 200],
  ['role', 'text', 200],
  ['organisation', 'text', 200],
  ['email', 'email', 320],
  ['phone', 'tel', 50],
] as const

function ContactsEditor({ stakeholder, registry, report, errors }: ListEditorProps) {
  const { t } = useTranslation()
  const erase = useContext(ContactErasure)
  const readOnly = useContext(FieldsReadOnly)
  const put = (contact: Contact) => registry.putContact(stakeholder.id, contact)
  const write = entryWriter(() => registry.get(stakeholder.id)?.contacts, put)
  return (
    <fieldset className="confidential" aria-describedby="contacts-hint">
      <legend>{t('editor.section.contacts')}</legend>
      <p id="contacts-hint" className="field__hint">
        {t('editor.section.contactsHint')}
      </p>
      {!readOnly && (
        <p className="field__hint">{t(erase ? 'contact.eraseHint' : 'contact.removeHint')}</p>
      )}
      <EntryList
        entries={stakeholder.contacts}
        summary={(contact) => contact.name || t('contact.unnamed')}
        initiallyOpen={(contact) => !contact.name}
        labels={{
          none: t('contact.none'),
          add: t('contact.add'),
          remove: t('contact.removeFromMap'),
        }}
        onRemove={(contact) => registry.removeContact(stakeholder.id, contact.id)}
        actions={(contact) =>
          erase && (
            <ErasePersonalDataButton
              label={t('erase.action.one')}
              title={t('erase.title.one', { name: contact.name || t('contact.unnamed') })}
              onErase={() => erase(stakeholder.id, contact.id)}
              testId="erase-contact"
            />
          )
        }
        onAdd={() => added(createContact(newEntityId('c')), put, report, 'contacts')}
        renderFields={(contact) => {
          const key = `${stakeholder.id}/contacts/${contact.id}`
          return (
            <>
              {CONTACT_FIELDS.map(([field, type, maxLength]) => (
                <TextField
                  key={field}
                  type={type}
                  label={t(`contact.${field}`)}
                  value={contact[field]}
                  maxLength={maxLength}
                  draftKey={`${key}/${field}`}
                  onCommit={(value) => write(contact, { [field]: value })}
                  testId={`contact-${field}`}
                />
              ))}
              <TextArea
                label={t('contact.notes')}
                value={contact.notes}
                rows={2}
                draftKey={`${key}/notes`}
                onCommit={(notes) => write(contact, { notes })}
                testId="contact-notes"
              />
            </>
          )
        }}
      />
      {errors.contacts && (
        <p className="field__error" role="alert">
          {errors.contacts}
        </p>
      )}
      {erase && !readOnly && stakeholder.contacts.length > 0 && (
        <ErasePersonalDataButton
          label={t('erase.action.all')}
          title={t('erase.title.all', { name: stakeholder.name })}
          onErase={() => erase(stakeholder.id, null)}
          testId="erase-all-contacts"
        />
      )}
    </fieldset>
  )
}
