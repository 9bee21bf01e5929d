import {
  Alert,
  Badge,
  Box,
  Button,
  Divider,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { chinaToday } from '../../components/working-day-countdown.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { formatDate, localize } from '../../lib/format.ts';
import { notify } from '../../lib/notify.ts';
import {
  type AnnualReportState,
  type AnnualReportView,
  type LicenceApplication,
  type LicenceChange,
  type LicenceChangeKind,
  type RenewalState,
  useFileChange,
  useRecordAnnualReport,
  useRecordChange,
  useRecordRenewal,
} from './api.ts';
import { CHANGE_KINDS } from './vocabulary.ts';

const REPORT_COLORS: Record<AnnualReportState, string> = {
  upcoming: 'gray',
  open: 'blue',
  due_soon: 'orange',
  late: 'red',
  done: 'green',
};

const RENEWAL_COLORS: Record<RenewalState, string> = {
  not_yet: 'gray',
  open: 'blue',
  due_soon: 'orange',
  late: 'red',
  expired: 'red',
  done: 'green',
};

/** The renewal is recorded from the day the platform invites it (180 days before expiry) until expiry. */
export function isRenewalOpen(state: RenewalState): boolean {
  return state === 'open' || state === 'due_soon' || state === 'late';
}

/** A report can be recorded while its window is open or late, once no change holds it back. */
export function canRecordReport(report: AnnualReportView): boolean {
  return (
    (report.state === 'open' || report.state === 'due_soon' || report.state === 'late') &&
    report.blockedBy.length === 0
  );
}

function RenewalSection({ application, canRecord }: { application: LicenceApplication; canRecord: boolean }) {
  const { t } = useTranslation('licences');
  const record = useRecordRenewal(application.reference);
  const [appliedOn, setAppliedOn] = useState(chinaToday());
  const renewal = application.obligations?.renewal;
  const licence = application.licence;
  if (!renewal || !licence) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(appliedOn, { onSuccess: () => notify({ color: 'green', message: t('renewal.recorded') }) });
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="renewal-title">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h4" id="renewal-title">
          {t('renewal.title')}
        </Title>
        <Badge color={RENEWAL_COLORS[renewal.state]} variant="light" tt="none">
          {t(`renewal.states.${renewal.state}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t('renewal.deadline', {
          deadline: formatDate(renewal.renewalDeadline),
          expires: formatDate(renewal.expiresOn),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('renewal.rule', { opens: formatDate(renewal.opensOn) })}
      </Text>
      {licence.renewalAppliedOn && (
        <Text size="sm" fw={600}>
          {renewal.appliedLate
            ? t('renewal.appliedLate', { date: formatDate(licence.renewalAppliedOn) })
            : t('renewal.applied', { date: formatDate(licence.renewalAppliedOn) })}
        </Text>
      )}
      {canRecord && !licence.renewalAppliedOn && isRenewalOpen(renewal.state) && (
        <form onSubmit={submit}>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('renewal.appliedOn')}
              value={appliedOn}
              onChange={(event) => setAppliedOn(event.currentTarget.value)}
              error={fieldErrorsOf(record.error).appliedOn}
              required
              w={190}
            />
            <Button type="submit" variant="light" loading={record.isPending}>
              {t('renewal.record')}
            </Button>
          </Group>
        </form>
      )}
      {record.error && !fieldErrorsOf(record.error).appliedOn && <ApiErrorAlert error={record.error} />}
    </Stack>
  );
}

function AnnualReportRow({
  report,
  onRecord,
  recording,
  canRecord,
}: {
  report: AnnualReportView;
  onRecord: () => void;
  recording: boolean;
  canRecord: boolean;
}) {
  const { t } = useTranslation('licences');
  return (
    <Box component="li" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2}>
          <Text fw={700} size="sm">
            {t('reports.year', { year: report.forYear })}
          </Text>
          <Text size="sm" c="gray.7">
            {t('reports.window', { opens: formatDate(report.opensOn), due: formatDate(report.dueOn) })}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <Badge color={REPORT_COLORS[report.state]} variant="light" tt="none">
            {t(`reports.states.${report.state}`)}
          </Badge>
          {canRecord && canRecordReport(report) && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={onRecord}
              loading={recording}
              aria-label={t('reports.recordFor', { year: report.forYear })}
            >
              {t('reports.record')}
            </Button>
          )}
        </Group>
      </Group>
      {report.state !== 'done' &&
        report.blockedBy.map((issue) => (
          <Text key={`${issue.code}-${JSON.stringify(issue.params ?? {})}`} size="sm" c="orange.9" mt={4}>
            {localize(issue.message)}
          </Text>
        ))}
    </Box>
  );
}

function AnnualReportsSection({
  application,
  canRecord,
}: {
  application: LicenceApplication;
  canRecord: boolean;
}) {
  const { t } = useTranslation('licences');
  const record = useRecordAnnualReport(application.reference);
  const reports = application.obligations?.annualReports ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="reports-title">
      <Title order={3} size="h4" id="reports-title">
        {t('reports.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('reports.intro')}
      </Text>
      <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="reports-title">
        {reports.map((report) => (
          <AnnualReportRow
            key={report.forYear}
            report={report}
            canRecord={canRecord}
            recording={record.isPending && record.variables === report.forYear}
            onRecord={() =>
              record.mutate(report.forYear, {
                onSuccess: () =>
                  notify({ color: 'green', message: t('reports.recorded', { year: report.forYear }) }),
              })
            }
          />
        ))}
      </Box>
      <ApiErrorAlert error={record.error} />
    </Stack>
  );
}

function FileChangeButton({
  application,
  change,
}: {
  application: LicenceApplication;
  change: LicenceChange;
}) {
  const { t } = useTranslation('licences');
  const [opened, { open, close }] = useDisclosure(false);
  const [filedOn, setFiledOn] = useState(chinaToday());
  const file = useFileChange(application.reference);
  const kind = t(`changes.kinds.${change.kind}`);
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        onClick={open}
        aria-label={t('changes.markFiledFor', { kind })}
      >
        {t('changes.markFiled')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('changes.markFiledTitle', { kind })} centered>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            file.mutate({ changeId: change.id, filedOn }, { onSuccess: close });
          }}
        >
          <Stack>
            <Text size="sm">{t('changes.markFiledBody')}</Text>
            <TextInput
              type="date"
              label={t('changes.filedOn')}
              value={filedOn}
              onChange={(event) => setFiledOn(event.currentTarget.value)}
              error={fieldErrorsOf(file.error).filedOn}
              required
            />
            {!fieldErrorsOf(file.error).filedOn && <ApiErrorAlert error={file.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={file.isPending}>
                {t('changes.markFiled')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function ChangeForm({ application, onDone }: { application: LicenceApplication; onDone: () => void }) {
  const { t } = useTranslation('licences');
  const record = useRecordChange(application.reference);
  const [kind, setKind] = useState<LicenceChangeKind | null>(null);
  const [description, setDescription] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(chinaToday());
  const [filedOn, setFiledOn] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(record.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind || description.trim() === '') {
      setMissing(true);
      return;
    }
    record.mutate(
      { kind, description: description.trim(), effectiveOn, ...(filedOn ? { filedOn } : {}) },
      {
        onSuccess: () => {
          setKind(null);
          setDescription('');
          setFiledOn('');
          setMissing(false);
          notify({ color: 'green', message: t('changes.recorded') });
          onDone();
        },
      },
    );
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="form"
      onSubmit={submit}
      aria-labelledby="change-form-title"
    >
      <Stack gap="xs">
        <Title order={4} size="h5" id="change-form-title">
          {t('changes.formTitle')}
        </Title>
        <Select
          label={t('changes.kind')}
          data={CHANGE_KINDS.map((id) => ({ value: id, label: t(`changes.kinds.${id}`) }))}
          value={kind}
          onChange={(next) => setKind(next as LicenceChangeKind | null)}
          error={errors.kind ?? (missing && !kind ? t('errors.required') : undefined)}
          comboboxProps={{ withinPortal: true }}
          required
        />
        <Textarea
          label={t('changes.description')}
          description={t('changes.descriptionHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          error={
            errors.description ?? (missing && description.trim() === '' ? t('errors.required') : undefined)
          }
          required
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('changes.effectiveOn')}
            value={effectiveOn}
            onChange={(event) => setEffectiveOn(event.currentTarget.value)}
            error={errors.effectiveOn}
            required
          />
          <TextInput
            type="date"
            label={t('changes.filedOnOptional')}
            description={t('changes.filedOnHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={filedOn}
            onChange={(event) => setFiledOn(event.currentTarget.value)}
            error={errors.filedOn}
          />
        </SimpleGrid>
        {record.error && Object.keys(errors).length === 0 && <ApiErrorAlert error={record.error} />}
        <Group gap="sm">
          <Button type="submit" variant="light" loading={record.isPending}>
            {t('changes.record')}
          </Button>
          <Button variant="default" onClick={onDone} disabled={record.isPending}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ChangesSection({ application, canRecord }: { application: LicenceApplication; canRecord: boolean }) {
  const { t } = useTranslation('licences');
  const [isFormOpen, setFormOpen] = useState(false);
  const changes = application.licence?.changes ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="changes-title">
      <Title order={3} size="h4" id="changes-title">
        {t('changes.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('changes.intro')}
      </Text>
      {changes.length === 0 ? (
        <Text size="sm">{t('changes.none')}</Text>
      ) : (
        <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="changes-title">
          {changes.map((change) => (
            <Box
              component="li"
              key={change.id}
              py="xs"
              style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={700}>
                    {t(`changes.kinds.${change.kind}`)}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {change.description}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {t('changes.effective', { date: formatDate(change.changedOn) })} ·{' '}
                    {change.filedOn
                      ? t('changes.filed', { date: formatDate(change.filedOn) })
                      : t('changes.notFiled')}
                  </Text>
                </Stack>
                {!change.filedOn && canRecord && (
                  <FileChangeButton application={application} change={change} />
                )}
              </Group>
            </Box>
          ))}
        </Box>
      )}
      {canRecord &&
        (isFormOpen ? (
          <ChangeForm application={application} onDone={() => setFormOpen(false)} />
        ) : (
          <Group>
            <Button variant="light" size="xs" onClick={() => setFormOpen(true)}>
              {t('changes.formTitle')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

/**
 * The duties of an issued licence on today's date (China): the renewal (apply at least 90 days
 * before expiry), one annual report a year (1 January–31 March, on dxzhgl.miit.gov.cn), and the changes
 * to record with the authority, each a button when the caller may record it.
 */
export function ObligationsPanel({ application }: { application: LicenceApplication }) {
  const { t } = useTranslation('licences');
  if (!application.obligations || !application.licence) return null;
  const canRecord = application.allowedActions.includes('record_obligation');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="obligations-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="obligations-title">
            {t('obligations.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('obligations.asOf', { date: formatDate(application.obligations.today) })}
          </Text>
        </Stack>
        {!canRecord && (
          <Alert variant="light" color="gray" p="xs">
            <Text size="sm" c="dark.8">
              {t('obligations.readOnly')}
            </Text>
          </Alert>
        )}
        <RenewalSection application={application} canRecord={canRecord} />
        <Divider />
        <AnnualReportsSection application={application} canRecord={canRecord} />
        <Divider />
        <ChangesSection application={application} canRecord={canRecord} />
      </Stack>
    </Paper>
  );
}
