import {
  Box,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../domain/eligibility/profile.ts';
import { formatNumber, localize } from '../../lib/format.ts';
import { useProvinces } from './api.ts';
import {
  APPLICANT_GROUPS,
  BASIC_ACTIVITIES,
  type Draft,
  type DraftField,
  type FieldErrors,
  type FormStep,
  isApplyingFromAbroad,
  isIndividual,
  isMainlandCompany,
  PILOT_ZONE_IDS,
  SECTOR_ACTIVITIES,
  type TriState,
  type YesNo,
} from './draft.ts';

export interface StepProps {
  draft: Draft;
  set: <K extends DraftField>(field: K, value: Draft[K]) => void;
  errors: FieldErrors;
}

function YesNoField<V extends YesNo | TriState>({
  label,
  description,
  value,
  onChange,
  error,
  withUnknown = false,
  name,
}: {
  label: string;
  description?: string;
  value: V;
  onChange: (value: V) => void;
  error?: string;
  withUnknown?: boolean;
  name: string;
}) {
  const { t } = useTranslation('eligibility');
  return (
    <Radio.Group
      name={name}
      label={label}
      description={description}
      value={value === '' ? null : value}
      onChange={(next) => onChange(next as V)}
      error={error}
      data-field={name}
    >
      <Group gap="lg" mt={6}>
        <Radio value="yes" label={t('yesNo.yes')} />
        <Radio value="no" label={t('yesNo.no')} />
        {withUnknown && <Radio value="unknown" label={t('yesNo.unknown')} />}
      </Group>
    </Radio.Group>
  );
}

/** A province picker over GET /api/catalogue/provinces; also shows a name or abbreviation given earlier. */
function ProvinceSelect({
  label,
  description,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  name: string;
}) {
  const { t } = useTranslation('eligibility');
  const { data: provinces = [] } = useProvinces();
  const resolved =
    provinces.find(
      (p) => p.code === value || p.nameEn === value || p.nameZh === value || p.icpAbbreviation === value,
    )?.code ??
    (value || null);
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('location.provincePlaceholder')}
      nothingFoundMessage={t('location.provinceNothing')}
      data={provinces.map((p) => ({
        value: p.code,
        label: `${localize({ en: p.nameEn, zh: p.nameZh })} (${p.icpAbbreviation})`,
      }))}
      value={resolved}
      onChange={(next) => onChange(next ?? '')}
      error={error}
      searchable
      clearable
      name={name}
      data-field={name}
      maw={420}
    />
  );
}

export function ApplicantStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation('eligibility');
  return (
    <Stack gap="lg">
      <Radio.Group
        name="applicantKind"
        label={t('applicant.kind')}
        value={draft.applicantKind || null}
        onChange={(next) => set('applicantKind', next as Draft['applicantKind'])}
        error={errors.applicantKind}
        data-field="applicantKind"
      >
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" mt="xs">
          {(Object.keys(APPLICANT_GROUPS) as (keyof typeof APPLICANT_GROUPS)[]).map((group) => (
            <Stack key={group} gap={8}>
              <Text fw={700} size="sm" c="gray.7">
                {t(`applicant.groups.${group}`)}
              </Text>
              {APPLICANT_GROUPS[group].map((kind) => (
                <Radio key={kind} value={kind} label={t(`applicant.kinds.${kind}`)} />
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {draft.applicantKind === 'joint_venture' && (
        <NumberInput
          label={t('applicant.ownership')}
          description={t('applicant.ownershipHint')}
          value={draft.chineseOwnershipPercent}
          onChange={(next) => set('chineseOwnershipPercent', typeof next === 'number' ? next : '')}
          min={0}
          max={100}
          suffix=" %"
          error={errors.chineseOwnershipPercent}
          required
          maw={260}
          data-field="chineseOwnershipPercent"
        />
      )}
      {isMainlandCompany(draft) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={760}>
          <NumberInput
            label={t('applicant.capital')}
            description={t('applicant.capitalHint')}
            value={draft.registeredCapitalRmb}
            onChange={(next) => set('registeredCapitalRmb', typeof next === 'number' ? next : '')}
            min={0}
            thousandSeparator=","
            error={errors.registeredCapitalRmb}
            data-field="registeredCapitalRmb"
          />
          <Select
            label={t('applicant.pilotZone')}
            value={draft.pilotZone || ''}
            onChange={(next) => set('pilotZone', (next ?? '') as Draft['pilotZone'])}
            data={[
              { value: '', label: t('applicant.pilotZoneNone') },
              ...PILOT_ZONE_IDS.map((zone) => ({ value: zone, label: t(`applicant.pilotZones.${zone}`) })),
            ]}
            allowDeselect={false}
            error={errors.pilotZone}
            data-field="pilotZone"
          />
        </SimpleGrid>
      )}
      {isIndividual(draft) && (
        <NumberInput
          label={t('applicant.age')}
          description={t('applicant.ageHint')}
          value={draft.age}
          onChange={(next) => set('age', typeof next === 'number' ? next : '')}
          min={0}
          max={150}
          allowDecimal={false}
          error={errors.age}
          maw={260}
          data-field="age"
        />
      )}
    </Stack>
  );
}

export function LocationStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation('eligibility');
  const person = isIndividual(draft);
  return (
    <Stack gap="lg">
      <YesNoField
        name="inChina"
        label={t('location.inChina')}
        value={draft.inChina}
        onChange={(value) => set('inChina', value)}
        error={errors.inChina}
      />
      <ProvinceSelect
        name="certificateProvince"
        label={t(person ? 'location.certificateProvincePerson' : 'location.certificateProvinceCompany')}
        description={t('location.certificateProvinceHint')}
        value={draft.certificateProvince}
        onChange={(value) => set('certificateProvince', value)}
        error={errors.certificateProvince}
      />
      {person && (
        <ProvinceSelect
          name="residencePermitProvince"
          label={t('location.residencePermitProvince')}
          description={t('location.residencePermitHint')}
          value={draft.residencePermitProvince}
          onChange={(value) => set('residencePermitProvince', value)}
          error={errors.residencePermitProvince}
        />
      )}
      <YesNoField
        name="hasMainlandMobile"
        label={t('location.mobile')}
        value={draft.hasMainlandMobile}
        onChange={(value) => set('hasMainlandMobile', value)}
        error={errors.hasMainlandMobile}
        withUnknown
      />
      {draft.hasMainlandMobile === 'yes' && (
        <ProvinceSelect
          name="mobileProvince"
          label={t('location.mobileProvince')}
          value={draft.mobileProvince}
          onChange={(value) => set('mobileProvince', value)}
          error={errors.mobileProvince}
        />
      )}
      <YesNoField
        name="hasMainlandLandline"
        label={t('location.landline')}
        value={draft.hasMainlandLandline}
        onChange={(value) => set('hasMainlandLandline', value)}
        error={errors.hasMainlandLandline}
        withUnknown
      />
      {isApplyingFromAbroad(draft) && (
        <Fieldset legend={t('location.abroadHeading')} variant="filled">
          <Text size="sm" c="gray.7" mb="sm">
            {t('location.abroadIntro')}
          </Text>
          <Stack gap="md">
            <YesNoField
              name="alipayWithInternationalCard"
              label={t('location.alipay')}
              value={draft.alipayWithInternationalCard}
              onChange={(value) => set('alipayWithInternationalCard', value)}
              error={errors.alipayWithInternationalCard}
              withUnknown
            />
            <YesNoField
              name="hasRepresentativeInChina"
              label={t('location.representative')}
              value={draft.hasRepresentativeInChina}
              onChange={(value) => set('hasRepresentativeInChina', value)}
              error={errors.hasRepresentativeInChina}
              withUnknown
            />
            <YesNoField
              name="speaksMandarinOrHasAssistant"
              label={t('location.mandarin')}
              value={draft.speaksMandarinOrHasAssistant}
              onChange={(value) => set('speaksMandarinOrHasAssistant', value)}
              error={errors.speaksMandarinOrHasAssistant}
              withUnknown
            />
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}

export function SiteStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation('eligibility');
  const activityBox = (activity: Activity) => (
    <Checkbox key={activity} value={activity} label={t(`site.activityNames.${activity}`)} />
  );
  return (
    <Stack gap="lg">
      <YesNoField
        name="hostingInMainland"
        label={t('site.hosting')}
        description={t('site.hostingHint')}
        value={draft.hostingInMainland}
        onChange={(value) => set('hostingInMainland', value)}
        error={errors.hostingInMainland}
      />
      <TextInput
        label={t('site.domain')}
        description={t('site.domainHint')}
        placeholder="example.cn"
        value={draft.domain}
        onChange={(event) => set('domain', event.currentTarget.value)}
        error={errors.domain}
        autoComplete="off"
        spellCheck={false}
        maw={420}
        data-field="domain"
      />
      <YesNoField
        name="domainAtMainlandRegistrar"
        label={t('site.registrar')}
        value={draft.domainAtMainlandRegistrar}
        onChange={(value) => set('domainAtMainlandRegistrar', value)}
        error={errors.domainAtMainlandRegistrar}
        withUnknown
      />
      <Checkbox.Group
        label={t('site.activities')}
        description={t('site.activitiesHint')}
        value={draft.activities}
        onChange={(next) => set('activities', next as Activity[])}
        error={errors.activities}
        data-field="activities"
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="xs">
          <Stack gap={8}>
            <Text fw={700} size="sm" c="gray.7">
              {t('site.activityGroups.basic')}
            </Text>
            {BASIC_ACTIVITIES.map(activityBox)}
          </Stack>
          <Stack gap={8}>
            <Text fw={700} size="sm" c="gray.7">
              {t('site.activityGroups.sector')}
            </Text>
            {SECTOR_ACTIVITIES.map(activityBox)}
          </Stack>
        </SimpleGrid>
      </Checkbox.Group>
      {isMainlandCompany(draft) && (
        <Checkbox
          label={t('site.crossRegional')}
          description={t('site.crossRegionalHint')}
          checked={draft.crossRegional}
          onChange={(event) => set('crossRegional', event.currentTarget.checked)}
        />
      )}
    </Stack>
  );
}

function Answer({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="xs" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </Box>
  );
}

export function ReviewStep({ draft, set, errors, onEdit }: StepProps & { onEdit: (step: FormStep) => void }) {
  const { t } = useTranslation('eligibility');
  const { data: provinces = [] } = useProvinces();
  const notGiven = t('review.notGiven');
  const yesNo = (value: YesNo | TriState) =>
    value === '' ? notGiven : t(`yesNo.${value === 'unknown' ? 'unknown' : value}`);
  const province = (value: string) => {
    const found = provinces.find((p) => p.code === value || p.nameEn === value || p.nameZh === value);
    return found ? localize({ en: found.nameEn, zh: found.nameZh }) : value || notGiven;
  };
  const section = (step: FormStep, title: string, rows: ReactNode) => (
    <Box p="md" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="md">
          {title}
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onEdit(step)}
          aria-label={`${t('nav.edit')}: ${title}`}
        >
          {t('nav.edit')}
        </Button>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        {rows}
      </SimpleGrid>
    </Box>
  );
  return (
    <Stack gap="md">
      {section(
        'applicant',
        t('steps.applicant.label'),
        <>
          <Answer label={t('applicant.kind')}>
            {draft.applicantKind ? t(`applicant.kinds.${draft.applicantKind}`) : notGiven}
          </Answer>
          {draft.applicantKind === 'joint_venture' && (
            <Answer label={t('applicant.ownership')}>
              {draft.chineseOwnershipPercent === ''
                ? notGiven
                : t('review.ownership', { percent: draft.chineseOwnershipPercent })}
            </Answer>
          )}
          {isMainlandCompany(draft) && (
            <Answer label={t('applicant.capital')}>
              {draft.registeredCapitalRmb === ''
                ? notGiven
                : t('review.capital', { amount: formatNumber(draft.registeredCapitalRmb) })}
            </Answer>
          )}
          {isMainlandCompany(draft) && draft.pilotZone && (
            <Answer label={t('applicant.pilotZone')}>{t(`applicant.pilotZones.${draft.pilotZone}`)}</Answer>
          )}
          {isIndividual(draft) && draft.age !== '' && <Answer label={t('applicant.age')}>{draft.age}</Answer>}
        </>,
      )}
      {section(
        'location',
        t('steps.location.label'),
        <>
          <Answer label={t('location.inChina')}>{yesNo(draft.inChina)}</Answer>
          <Answer label={t('review.certificateProvince')}>{province(draft.certificateProvince)}</Answer>
          <Answer label={t('location.mobile')}>{yesNo(draft.hasMainlandMobile)}</Answer>
          <Answer label={t('location.landline')}>{yesNo(draft.hasMainlandLandline)}</Answer>
          {isApplyingFromAbroad(draft) && (
            <>
              <Answer label={t('location.alipay')}>{yesNo(draft.alipayWithInternationalCard)}</Answer>
              <Answer label={t('location.representative')}>{yesNo(draft.hasRepresentativeInChina)}</Answer>
              <Answer label={t('location.mandarin')}>{yesNo(draft.speaksMandarinOrHasAssistant)}</Answer>
            </>
          )}
        </>,
      )}
      {section(
        'site',
        t('steps.site.label'),
        <>
          <Answer label={t('site.hosting')}>{yesNo(draft.hostingInMainland)}</Answer>
          <Answer label={t('review.domain')}>{draft.domain.trim() || notGiven}</Answer>
          <Answer label={t('site.activities')}>
            {draft.activities.length === 0
              ? notGiven
              : draft.activities.map((a) => t(`site.activityNames.${a}`)).join(' · ')}
          </Answer>
          {isMainlandCompany(draft) && draft.crossRegional && (
            <Answer label={t('site.crossRegional')}>{t('yesNo.yes')}</Answer>
          )}
        </>,
      )}
      <TextInput
        type="date"
        label={t('review.startDate')}
        description={t('review.startDateHint')}
        value={draft.startDate}
        onChange={(event) => set('startDate', event.currentTarget.value)}
        error={errors.startDate}
        maw={260}
        data-field="startDate"
      />
    </Stack>
  );
}
