import { useContext } from 'react'
import type { StakeholderPatch } from '../../../shared/document/stakeholderDocument'
import {
  ATTITUDE_LABELS,
  CATEGORY_LABELS,
  ENGAGEMENT_LEVEL_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  KIND_LABELS,
  VALUE_CHAIN_LABELS,
} from '../../../shared/labels/modelLabels'
import {
  ATTITUDES,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_STATUSES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_KINDS,
  type Stakeholder,
  VALUE_CHAIN_POSITIONS,
} from '../../../shared/stakeholder/Stakeholder'
import type { WriteOutcome } from '../../drafts/WriteThroughText'
import { fieldLabelKey } from '../../i18n/fieldLabelKey'
import { useTranslation } from '../../i18n/useTranslation'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import {
  CheckboxField,
  FieldsReadOnly,
  ScoreNumber,
  ScoreSelect,
  SelectField,
  TextArea,
  TextField,
} from '../fields'
import { ContactsEditor } from './ContactsEditor'
import { EngagementLogEditor } from './EngagementLogEditor'
import { ImpactsEditor } from './ImpactsEditor'
import { ModelSummary } from './ModelSummary'
import { RepresentsPicker } from './RepresentsPicker'
import { useFieldErrors } from './useFieldErrors'

/** The stakeholder's fields, section by section, each written through the registry. */
export function StakeholderForm({
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
  const { errors, report } = useFieldErrors()

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
          label={t(fieldLabelKey('name'))}
          value={stakeholder.name}
          maxLength={200}
          draftKey={draftKey('name')}
          onCommit={patchText('name')}
          testId="field-name"
        />
        <div className="field-row">
          <SelectField
            label={t(fieldLabelKey('kind'))}
            value={stakeholder.kind}
            options={STAKEHOLDER_KINDS}
            labels={KIND_LABELS[locale]}
            error={errors.kind}
            onCommit={patch('kind')}
          />
          <SelectField
            label={t(fieldLabelKey('valueChainPosition'))}
            value={stakeholder.valueChainPosition}
            options={VALUE_CHAIN_POSITIONS}
            labels={VALUE_CHAIN_LABELS[locale]}
            emptyLabel={t('field.unknown')}
            error={errors.valueChainPosition}
            onCommit={patch('valueChainPosition')}
          />
        </div>
        <SelectField
          label={t(fieldLabelKey('category'))}
          value={stakeholder.category}
          options={STAKEHOLDER_CATEGORIES}
          labels={CATEGORY_LABELS[locale]}
          error={errors.category}
          onCommit={patch('category')}
          testId="field-category"
        />
        <TextField
          label={t(fieldLabelKey('countryOrRegion'))}
          value={stakeholder.countryOrRegion}
          maxLength={200}
          draftKey={draftKey('countryOrRegion')}
          onCommit={patchText('countryOrRegion')}
        />
        <CheckboxField
          label={t(fieldLabelKey('affected'))}
          hint={t('field.affected.hint')}
          value={stakeholder.affected}
          error={errors.affected}
          onCommit={patch('affected')}
          testId="field-affected"
        />
        <CheckboxField
          label={t(fieldLabelKey('vulnerable'))}
          value={stakeholder.vulnerable}
          error={errors.vulnerable}
          onCommit={patch('vulnerable')}
          testId="field-vulnerable"
        />
        {stakeholder.vulnerable && (
          <TextArea
            label={t(fieldLabelKey('vulnerabilityNote'))}
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
              label={t(fieldLabelKey(attribute))}
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
              label={t(fieldLabelKey(attribute))}
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
          label={t(fieldLabelKey('attitude'))}
          value={stakeholder.attitude}
          options={ATTITUDES}
          labels={ATTITUDE_LABELS[locale]}
          error={errors.attitude}
          onCommit={patch('attitude')}
        />
        <TextArea
          label={t(fieldLabelKey('interests'))}
          value={stakeholder.interests}
          draftKey={draftKey('interests')}
          onCommit={patchText('interests')}
          testId="field-interests"
        />
        <TextArea
          label={t(fieldLabelKey('concerns'))}
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
            label={t(fieldLabelKey('engagementStatus'))}
            value={stakeholder.engagement.status}
            options={ENGAGEMENT_STATUSES}
            labels={ENGAGEMENT_STATUS_LABELS[locale]}
            error={errors.engagementStatus}
            onCommit={patch('engagementStatus')}
          />
          <SelectField
            label={t(fieldLabelKey('engagementLevel'))}
            value={stakeholder.engagement.intendedLevel}
            options={ENGAGEMENT_LEVELS}
            labels={ENGAGEMENT_LEVEL_LABELS[locale]}
            emptyLabel={t('field.notDecided')}
            error={errors.engagementLevel}
            onCommit={patch('engagementLevel')}
          />
        </div>
      </fieldset>

      <EngagementLogEditor
        stakeholder={stakeholder}
        registry={registry}
        report={report}
        errors={errors}
      />

      <fieldset>
        <legend>{t('editor.section.notes')}</legend>
        <TextArea
          label={t(fieldLabelKey('notes'))}
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
