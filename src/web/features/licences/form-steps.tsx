import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { formatNumber, localize } from '../../lib/format.ts';
import { type AgentClient, type ProvinceOption, usePreApprovals } from './api.ts';
import {
  COMPANY_KINDS,
  type FormStep,
  LICENCE_KIND_IDS,
  LICENCE_SCOPE_IDS,
  type LicenceDraft,
} from './draft.ts';
import { FactsFields, type FieldErrors, fieldId } from './facts-fields.tsx';

export interface StepProps {
  draft: LicenceDraft;
  /** A change, or one computed from the draft as it is by then (for answers that arrive later). */
  update: (change: Partial<LicenceDraft> | ((current: LicenceDraft) => Partial<LicenceDraft>)) => void;
  errors: FieldErrors;
}

/** The licence (ICP or EDI, one sentence each) and who decides it (one province or MIIT). */
export function LicenceStep({ draft, update, errors }: StepProps) {
  const { t } = useTranslation('licences');
  return (
    <Stack gap="lg">
      <Radio.Group
        id={fieldId('kind')}
        label={t('form.kind')}
        value={draft.kind}
        onChange={(kind) => update({ kind: kind as LicenceDraft['kind'] })}
        error={errors.kind}
        withAsterisk
      >
        <Stack gap="sm" mt="xs">
          {LICENCE_KIND_IDS.map((kind) => (
            <Radio
              key={kind}
              value={kind}
              label={t(`kinds.${kind}.label`)}
              description={t(`kinds.${kind}.description`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group
        id={fieldId('scope')}
        label={t('form.scope')}
        value={draft.scope}
        onChange={(scope) => update({ scope: scope as LicenceDraft['scope'] })}
        error={errors.scope}
        withAsterisk
      >
        <Stack gap="sm" mt="xs">
          {LICENCE_SCOPE_IDS.map((scope) => (
            <Radio
              key={scope}
              value={scope}
              label={t(`scopes.${scope}.label`)}
              description={t(`scopes.${scope}.description`)}
            />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

interface UsccAnswer {
  valid: boolean;
  value?: { region?: { province?: { code: string } } };
  errors: { code: string; message: { en: string; zh: string } }[];
}

export function CompanyStep({
  draft,
  update,
  errors,
  provinces,
  clients,
  isAgent,
}: StepProps & { provinces: readonly ProvinceOption[]; clients: readonly AgentClient[]; isAgent: boolean }) {
  const { t } = useTranslation('licences');
  return (
    <Stack gap="md">
      {isAgent && (
        <Select
          id={fieldId('client')}
          label={t('form.client')}
          description={t('form.clientHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data={clients.map((c) => ({ value: c.id, label: `${c.client.name} (${c.client.email})` }))}
          value={draft.client || null}
          onChange={(client) => update({ client: client ?? '' })}
          clearable
          clearButtonProps={{ 'aria-label': t('form.clearClient') }}
          nothingFoundMessage={t('form.noClients')}
          error={errors.client}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <TextInput
        id={fieldId('companyName')}
        label={t('form.companyName')}
        description={t('form.companyNameHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={draft.companyName}
        onChange={(event) => update({ companyName: event.currentTarget.value })}
        maxLength={200}
        error={errors.companyName}
        withAsterisk
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          id={fieldId('uscc')}
          label={t('form.uscc')}
          description={t('form.usccHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={draft.uscc}
          onChange={(event) => update({ uscc: event.currentTarget.value })}
          onBlur={async () => {
            if (draft.uscc.trim().length !== 18) return;
            const answer = await api
              .post<UsccAnswer>('/api/validate/uscc', { value: draft.uscc })
              .catch(() => undefined);
            const code = answer?.value?.region?.province?.code;
            // The credit code names the province it was issued in: a sensible first answer.
            if (answer?.valid && code) update((current) => (current.province ? {} : { province: code }));
          }}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          error={errors.uscc}
          withAsterisk
        />
        <Select
          id={fieldId('province')}
          label={t('form.province')}
          description={t('form.provinceHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data={provinces.map((p) => ({
            value: p.code,
            label: `${localize({ en: p.nameEn, zh: p.nameZh })} (${p.icpAbbreviation})`,
          }))}
          value={draft.province || null}
          onChange={(province) => update({ province: province ?? '' })}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('form.noProvince')}
          error={errors.province}
          comboboxProps={{ withinPortal: true }}
          withAsterisk
        />
      </SimpleGrid>
    </Stack>
  );
}

export function FactsStep({ draft, update, errors }: StepProps) {
  return (
    <FactsFields
      value={draft.facts}
      onChange={(facts) => update({ facts })}
      errors={errors}
      kind={draft.kind}
    />
  );
}

function Answer({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="40%" fw={600}>
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

function ReviewSection({
  title,
  step,
  onEdit,
  children,
}: {
  title: string;
  step: FormStep;
  onEdit: (step: FormStep) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('licences');
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onEdit(step)}
          aria-label={t('form.changeSection', { section: title })}
        >
          {t('form.change')}
        </Button>
      </Group>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Every answer once more, each section with a way back to it, before the application is created. */
export function ReviewStep({
  draft,
  provinces,
  clients,
  onEdit,
}: {
  draft: LicenceDraft;
  provinces: readonly ProvinceOption[];
  clients: readonly AgentClient[];
  onEdit: (step: FormStep) => void;
}) {
  const { t } = useTranslation('licences');
  const notGiven = (
    <Text span c="dimmed" inherit>
      {t('form.notGiven')}
    </Text>
  );
  const province = provinces.find((p) => p.code === draft.province);
  const client = clients.find((c) => c.id === draft.client);
  const { facts } = draft;
  const preApprovals = usePreApprovals().data ?? [];
  const preApprovalName = (id: string) => {
    const found = preApprovals.find((p) => p.id === id);
    return found ? localize({ en: found.nameEn, zh: found.nameZh }) : id;
  };
  return (
    <Stack gap="sm">
      <ReviewSection title={t('steps.licence.label')} step="licence" onEdit={onEdit}>
        <Answer label={t('form.kind')}>{draft.kind ? t(`kinds.${draft.kind}.label`) : notGiven}</Answer>
        <Answer label={t('form.scope')}>{draft.scope ? t(`scopes.${draft.scope}.label`) : notGiven}</Answer>
      </ReviewSection>
      <ReviewSection title={t('steps.company.label')} step="company" onEdit={onEdit}>
        {client && <Answer label={t('form.client')}>{client.client.name}</Answer>}
        <Answer label={t('form.companyName')}>{draft.companyName.trim() || notGiven}</Answer>
        <Answer label={t('form.uscc')}>{draft.uscc.trim() || notGiven}</Answer>
        <Answer label={t('form.province')}>
          {province ? localize({ en: province.nameEn, zh: province.nameZh }) : notGiven}
        </Answer>
      </ReviewSection>
      <ReviewSection title={t('steps.facts.label')} step="facts" onEdit={onEdit}>
        <Answer label={t('facts.applicantKind')}>
          {facts.applicantKind && (COMPANY_KINDS as readonly string[]).includes(facts.applicantKind)
            ? t(`eligibility:applicant.kinds.${facts.applicantKind}`)
            : notGiven}
        </Answer>
        {facts.applicantKind === 'joint_venture' && (
          <Answer label={t('facts.foreignShare')}>
            {facts.foreignSharePercent === '' ? notGiven : `${facts.foreignSharePercent} %`}
          </Answer>
        )}
        <Answer label={t('facts.capital')}>
          {facts.registeredCapitalRmb === ''
            ? notGiven
            : t('form.rmb', { amount: formatNumber(facts.registeredCapitalRmb) })}
        </Answer>
        {facts.pilotZone && (
          <Answer label={t('facts.pilotZone')}>
            {t(`eligibility:applicant.pilotZones.${facts.pilotZone}`)}
          </Answer>
        )}
        <Answer label={t('facts.filingNumber')}>{facts.icpFilingNumber.trim() || notGiven}</Answer>
        <Answer label={t('facts.activities')}>
          {facts.activities.length === 0
            ? t('form.defaultActivities')
            : facts.activities.map((a) => t(`eligibility:site.activityNames.${a}`)).join(' · ')}
        </Answer>
        {facts.preApprovals.length > 0 && (
          <Answer label={t('facts.preApprovals')}>
            {facts.preApprovals.map(preApprovalName).join(' · ')}
          </Answer>
        )}
      </ReviewSection>
      <Alert variant="light" color="blue">
        <Text size="sm" c="dark.8">
          {t('form.afterCreate')}{' '}
          <Anchor component={Link} to="/licences" inherit>
            {t('form.afterCreateList')}
          </Anchor>
        </Text>
      </Alert>
    </Stack>
  );
}
