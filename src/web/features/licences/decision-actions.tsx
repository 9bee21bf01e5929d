import {
  Button,
  CloseButton,
  Code,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { chinaToday } from '../../components/working-day-countdown.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { localize } from '../../lib/format.ts';
import { notify } from '../../lib/notify.ts';
import {
  type LicenceApplication,
  type LicenceMaterial,
  type LicenceNumbers,
  useLicenceCommand,
  useProvinces,
} from './api.ts';
import { ConfirmButton } from './confirm-button.tsx';
import {
  isReasonComplete,
  newReasonDraft,
  type ReasonCommand,
  type ReasonDraft,
  toReasonInputs,
} from './reasons.ts';

type CommandRunner = ReturnType<typeof useLicenceCommand>;

function ReasonRow({
  index,
  draft,
  materials,
  onChange,
  onRemove,
  showIncomplete,
}: {
  index: number;
  draft: ReasonDraft;
  materials: readonly LicenceMaterial[];
  onChange: (next: ReasonDraft) => void;
  onRemove?: (() => void) | undefined;
  showIncomplete: boolean;
}) {
  const { t } = useTranslation('licences');
  const headingId = useId();
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Text id={headingId} fw={600} size="sm">
          {t('decide.reasonN', { n: index + 1 })}
        </Text>
        {onRemove && (
          <CloseButton aria-label={t('decide.removeReason', { n: index + 1 })} onClick={onRemove} size="sm" />
        )}
      </Group>
      <Stack gap="xs">
        <Select
          label={t('decide.material')}
          data={[
            { value: '', label: t('reasons.general') },
            ...materials.map((m) => ({ value: m.id, label: localize(m.name) })),
          ]}
          value={draft.materialId}
          onChange={(value) => onChange({ ...draft, materialId: value ?? '' })}
          allowDeselect={false}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label={t('decide.reasonText')}
          description={t('decide.reasonTextHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={draft.note}
          onChange={(event) => onChange({ ...draft, note: event.currentTarget.value })}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          error={showIncomplete && !isReasonComplete(draft) ? t('errors.required') : undefined}
          required
        />
      </Stack>
    </Paper>
  );
}

/** A materials request or a rejection: a dialog to write reasons, each on a material or the whole. */
function ReasonsButton({
  application,
  command,
  kind,
  onDone,
}: {
  application: LicenceApplication;
  command: CommandRunner;
  kind: ReasonCommand;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('licences');
  const [opened, setOpened] = useState(false);
  const [drafts, setDrafts] = useState<ReasonDraft[]>([]);
  const [tried, setTried] = useState(false);
  const texts = kind === 'reject' ? 'reject' : 'requestMaterials';
  const busy = command.isPending && command.variables?.kind === kind;
  const open = () => {
    command.reset();
    setTried(false);
    setDrafts([newReasonDraft()]);
    setOpened(true);
  };
  const close = () => {
    if (!busy) setOpened(false);
  };
  const submit = () => {
    setTried(true);
    if (!drafts.every(isReasonComplete)) return;
    command.mutate(
      { kind, reasons: toReasonInputs(drafts, kind, currentLanguage()) },
      {
        onSuccess: () => {
          setOpened(false);
          onDone(t(`decide.${texts}.done`));
        },
      },
    );
  };
  return (
    <>
      <Button
        color={kind === 'reject' ? 'red.8' : undefined}
        variant={kind === 'reject' ? 'filled' : 'default'}
        onClick={open}
        disabled={command.isPending}
      >
        {t(`decide.${texts}.label`)}
      </Button>
      <Modal opened={opened} onClose={close} title={t(`decide.${texts}.title`)} size="lg" centered>
        <Stack>
          <Text size="sm">{t(`decide.${texts}.intro`)}</Text>
          {drafts.map((draft, index) => (
            <ReasonRow
              key={draft.key}
              index={index}
              draft={draft}
              materials={application.materials}
              onChange={(next) => setDrafts(drafts.map((d) => (d.key === draft.key ? next : d)))}
              onRemove={
                drafts.length > 1 ? () => setDrafts(drafts.filter((d) => d.key !== draft.key)) : undefined
              }
              showIncomplete={tried}
            />
          ))}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDrafts([...drafts, newReasonDraft()])}
              disabled={drafts.length >= 50}
            >
              {t('decide.addReason')}
            </Button>
          </Group>
          <ApiErrorAlert error={command.variables?.kind === kind ? command.error : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common:actions.cancel')}
            </Button>
            <Button color={kind === 'reject' ? 'red.8' : undefined} loading={busy} onClick={submit}>
              {t(`decide.${texts}.submit`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The shape of the numbers an approval will issue, from the authority's sequence (licence-numbering.ts). */
function useNumberPattern(application: LicenceApplication): LicenceNumbers {
  const provinces = useProvinces().data;
  const year = chinaToday().slice(0, 4);
  if (application.scope === 'cross_regional') return { telecomLicenceNumber: `B2-${year}NNNN` };
  const abbreviation = provinces?.find((p) => p.code === application.provinceCode)?.icpAbbreviation ?? '';
  return {
    telecomLicenceNumber: `${abbreviation}B2-${year}NNNN`,
    ...(application.kind === 'icp' ? { icpLicenceNumber: `${abbreviation}ICP证${year.slice(2)}NNNN号` } : {}),
  };
}

function ApproveButton({
  application,
  command,
  onApproved,
}: {
  application: LicenceApplication;
  command: CommandRunner;
  onApproved: (numbers: LicenceNumbers | undefined) => void;
}) {
  const { t } = useTranslation('licences');
  const pattern = useNumberPattern(application);
  const recorded = application.authorityMode === 'recorded';
  const [issuedOn, setIssuedOn] = useState(chinaToday());
  const [telecom, setTelecom] = useState('');
  const [icp, setIcp] = useState('');
  const busy = command.isPending && command.variables?.kind === 'approve';
  return (
    <ConfirmButton
      label={t('decide.approve.label')}
      title={t('decide.approve.title', { reference: application.reference })}
      confirmLabel={t('decide.approve.confirm')}
      color="teal.9"
      busy={busy}
      error={command.variables?.kind === 'approve' ? command.error : undefined}
      canConfirm={!recorded || telecom.trim() !== ''}
      onOpen={() => command.reset()}
      onConfirm={async () => {
        const result = await command.mutateAsync({
          kind: 'approve',
          issuedOn,
          ...(recorded
            ? {
                numbers: {
                  telecomLicenceNumber: telecom.trim(),
                  ...(icp.trim() ? { icpLicenceNumber: icp.trim() } : {}),
                },
              }
            : {}),
        });
        onApproved(result.numbers);
      }}
    >
      <Text size="sm">{t('decide.approve.body', { company: application.companyName })}</Text>
      {recorded ? (
        <>
          <Text size="sm">{t('decide.approve.recordedIntro')}</Text>
          <TextInput
            label={t('licence.telecomNumber')}
            placeholder={pattern.telecomLicenceNumber}
            value={telecom}
            onChange={(event) => setTelecom(event.currentTarget.value)}
            maxLength={60}
            required
          />
          {application.kind === 'icp' && application.scope === 'provincial' && (
            <TextInput
              label={t('licence.icpNumber')}
              placeholder={pattern.icpLicenceNumber}
              value={icp}
              onChange={(event) => setIcp(event.currentTarget.value)}
              maxLength={60}
            />
          )}
        </>
      ) : (
        <>
          <Text size="sm">{t('decide.approve.sandboxIntro')}</Text>
          <List size="sm">
            {pattern.icpLicenceNumber && (
              <List.Item>
                {t('licence.icpNumber')}: <Code>{pattern.icpLicenceNumber}</Code>
              </List.Item>
            )}
            <List.Item>
              {t('licence.telecomNumber')}: <Code>{pattern.telecomLicenceNumber}</Code>
            </List.Item>
          </List>
        </>
      )}
      <TextInput
        type="date"
        label={t('decide.approve.issuedOn')}
        description={t('decide.approve.issuedOnHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        value={issuedOn}
        onChange={(event) => setIssuedOn(event.currentTarget.value)}
        required
        maw={220}
      />
    </ConfirmButton>
  );
}

/**
 * The authority's steps the caller may take now (allowedActions): the sandbox authority's reviewers,
 * platform administrators for MIIT, or in recorded mode the applicant recording the real authority.
 */
export function DecisionActions({
  application,
  onApproved,
}: {
  application: LicenceApplication;
  onApproved: (numbers: LicenceNumbers | undefined) => void;
}) {
  const { t } = useTranslation('licences');
  const command = useLicenceCommand(application.reference);
  const can = (action: LicenceApplication['allowedActions'][number]) =>
    application.allowedActions.includes(action);
  const done = (message: string) => notify({ color: 'green', message });
  const startBusy = command.isPending && command.variables?.kind === 'start_acceptance_check';
  const acceptBusy = command.isPending && command.variables?.kind === 'accept';
  return (
    <>
      {can('start_acceptance_check') && (
        <Button
          loading={startBusy}
          disabled={command.isPending}
          onClick={() =>
            command.mutate(
              { kind: 'start_acceptance_check' },
              {
                onSuccess: () => done(t('decide.startCheck.done')),
                onError: (error) => notify({ color: 'red', message: error.message }),
              },
            )
          }
        >
          {t('decide.startCheck.label')}
        </Button>
      )}
      {can('accept') && (
        <ConfirmButton
          label={t('decide.accept.label')}
          title={t('decide.accept.title', { reference: application.reference })}
          confirmLabel={t('decide.accept.confirm')}
          busy={acceptBusy}
          error={command.variables?.kind === 'accept' ? command.error : undefined}
          onOpen={() => command.reset()}
          onConfirm={async () => {
            await command.mutateAsync({ kind: 'accept' });
            done(t('decide.accept.done'));
          }}
        >
          <Text size="sm">{t('decide.accept.body')}</Text>
        </ConfirmButton>
      )}
      {can('request_materials') && (
        <ReasonsButton application={application} command={command} kind="request_materials" onDone={done} />
      )}
      {can('approve') && (
        <ApproveButton application={application} command={command} onApproved={onApproved} />
      )}
      {can('reject') && (
        <ReasonsButton application={application} command={command} kind="reject" onDone={done} />
      )}
    </>
  );
}
