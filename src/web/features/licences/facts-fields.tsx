import { MultiSelect, NumberInput, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/format.ts';
import { BASIC_ACTIVITIES, PILOT_ZONE_IDS, SECTOR_ACTIVITIES } from '../eligibility/draft.ts';
import { type Activity, type LicenceKind, type PilotZone, usePreApprovals } from './api.ts';
import { COMPANY_KINDS, type DraftField, type FactsDraft } from './draft.ts';

export type FieldErrors = Partial<Record<DraftField, string>>;

/** The element id of a form field, for focusing the first one with an error. */
export const fieldId = (field: DraftField) => `licence-${field.replace('.', '-')}`;

const MAINLAND_COMPANIES: ReadonlySet<string> = new Set(['chinese_company', 'joint_venture', 'wfoe']);

/**
 * The facts the prerequisite checks read (LicenceFacts): who applies, its ownership and capital, a
 * pilot zone, the site's filing number, what it does and the pre-approvals it holds. The applicant
 * kinds, pilot zones and activities are named as in the eligibility wizard (its texts).
 */
export function FactsFields({
  value,
  onChange,
  errors,
  kind,
}: {
  value: FactsDraft;
  onChange: (next: FactsDraft) => void;
  errors: FieldErrors;
  kind: LicenceKind | '';
}) {
  const { t } = useTranslation('licences');
  const preApprovals = usePreApprovals();
  const set = <K extends keyof FactsDraft>(key: K, next: FactsDraft[K]) =>
    onChange({ ...value, [key]: next });
  const isCompany = MAINLAND_COMPANIES.has(value.applicantKind);
  const activityGroups = [
    { group: t('eligibility:site.activityGroups.basic'), ids: BASIC_ACTIVITIES },
    { group: t('eligibility:site.activityGroups.sector'), ids: SECTOR_ACTIVITIES },
  ];

  return (
    <Stack gap="md">
      <Radio.Group
        id={fieldId('facts.applicantKind')}
        label={t('facts.applicantKind')}
        description={t('facts.applicantKindHint')}
        value={value.applicantKind}
        onChange={(next) => set('applicantKind', next as FactsDraft['applicantKind'])}
        error={errors['facts.applicantKind']}
        withAsterisk
      >
        <Stack gap="xs" mt="xs">
          {COMPANY_KINDS.map((id) => (
            <Radio key={id} value={id} label={t(`eligibility:applicant.kinds.${id}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {value.applicantKind === 'joint_venture' && (
        <NumberInput
          id={fieldId('facts.foreignSharePercent')}
          label={t('facts.foreignShare')}
          description={kind === 'edi' ? t('facts.foreignShareHintEdi') : t('facts.foreignShareHintIcp')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={value.foreignSharePercent}
          onChange={(next) => set('foreignSharePercent', typeof next === 'number' ? next : '')}
          min={0}
          max={100}
          decimalScale={2}
          suffix=" %"
          error={errors['facts.foreignSharePercent']}
          withAsterisk
          maw={260}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NumberInput
          id={fieldId('facts.registeredCapitalRmb')}
          label={t('facts.capital')}
          description={t('facts.capitalHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={value.registeredCapitalRmb}
          onChange={(next) => set('registeredCapitalRmb', typeof next === 'number' ? next : '')}
          min={0}
          max={1e15}
          allowDecimal={false}
          thousandSeparator=","
          error={errors['facts.registeredCapitalRmb']}
        />
        {isCompany && (
          <Select
            id={fieldId('facts.pilotZone')}
            label={t('facts.pilotZone')}
            description={t('facts.pilotZoneHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={value.pilotZone}
            onChange={(next) => set('pilotZone', (next ?? '') as PilotZone | '')}
            data={[
              { value: '', label: t('facts.pilotZoneNone') },
              ...PILOT_ZONE_IDS.map((zone) => ({
                value: zone,
                label: t(`eligibility:applicant.pilotZones.${zone}`),
              })),
            ]}
            allowDeselect={false}
            error={errors['facts.pilotZone']}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      </SimpleGrid>
      <TextInput
        id={fieldId('facts.icpFilingNumber')}
        label={t('facts.filingNumber')}
        description={t('facts.filingNumberHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        placeholder="京ICP备2024012345号"
        value={value.icpFilingNumber}
        onChange={(event) => set('icpFilingNumber', event.currentTarget.value)}
        maxLength={60}
        autoComplete="off"
        spellCheck={false}
        error={errors['facts.icpFilingNumber']}
      />
      <MultiSelect
        id={fieldId('facts.activities')}
        label={t('facts.activities')}
        description={kind === 'edi' ? t('facts.activitiesHintEdi') : t('facts.activitiesHintIcp')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={value.activities}
        onChange={(next) => set('activities', next as Activity[])}
        data={activityGroups.map(({ group, ids }) => ({
          group,
          items: ids.map((id) => ({ value: id, label: t(`eligibility:site.activityNames.${id}`) })),
        }))}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('facts.clearActivities') }}
        error={errors['facts.activities']}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        id={fieldId('facts.preApprovals')}
        label={t('facts.preApprovals')}
        description={t('facts.preApprovalsHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={value.preApprovals}
        onChange={(next) => set('preApprovals', next)}
        data={(preApprovals.data ?? []).map((p) => ({
          value: p.id,
          label: localize({ en: p.nameEn, zh: p.nameZh }),
        }))}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('facts.clearPreApprovals') }}
        nothingFoundMessage={t('facts.noPreApproval')}
        error={errors['facts.preApprovals']}
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}
