import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { notify } from '../../lib/notify.ts';
import { type LicenceApplication, type PrerequisitesRequest, usePrerequisites, useSaveDraft } from './api.ts';
import { COMPANY_KINDS, type FactsDraft, findDraftField, fromLicenceFacts, toLicenceFacts } from './draft.ts';
import { FactsFields, type FieldErrors } from './facts-fields.tsx';
import { PrerequisiteChecks, PrerequisitesSummary } from './prerequisites-panel.tsx';
import { PREREQUISITES_ANCHOR } from './submit-issues.tsx';

function readFieldErrors(error: unknown): FieldErrors {
  if (!isApiError(error, 'validation_failed')) return {};
  const errors: FieldErrors = {};
  for (const found of error.fieldErrors) {
    const field = findDraftField(found.path);
    if (field && errors[field] === undefined) errors[field] = found.message;
  }
  return errors;
}

function FactsSummary({ application }: { application: LicenceApplication }) {
  const { t } = useTranslation('licences');
  const { facts } = application;
  const rows: [string, string][] = [
    [
      t('facts.applicantKind'),
      (COMPANY_KINDS as readonly string[]).includes(facts.applicantKind)
        ? t(`eligibility:applicant.kinds.${facts.applicantKind}`)
        : facts.applicantKind,
    ],
  ];
  if (facts.applicantKind === 'joint_venture' && facts.chineseOwnershipPercent !== undefined)
    rows.push([
      t('facts.foreignShare'),
      `${Math.round((100 - facts.chineseOwnershipPercent) * 100) / 100} %`,
    ]);
  rows.push([
    t('facts.capital'),
    facts.registeredCapitalRmb === undefined
      ? t('form.notGiven')
      : t('form.rmb', { amount: formatNumber(facts.registeredCapitalRmb) }),
  ]);
  if (facts.pilotZone)
    rows.push([t('facts.pilotZone'), t(`eligibility:applicant.pilotZones.${facts.pilotZone}`)]);
  rows.push([t('facts.filingNumber'), facts.icpFilingNumber ?? t('form.notGiven')]);
  return (
    <Table withRowBorders={false} verticalSpacing={2}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" fw={600} w="45%">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The application's prerequisite checks (failing ones block the submission), the facts they were
 * made on, and, while the application is in the applicant's hands, a way to correct the facts: the
 * checks follow the edits live and the saved facts replace the old ones (PUT …/draft).
 */
export function ApplicationPrerequisites({ application }: { application: LicenceApplication }) {
  const { t } = useTranslation('licences');
  const canEdit = application.allowedActions.includes('edit');
  const [editing, setEditing] = useState(false);
  const [facts, setFacts] = useState<FactsDraft>(() => fromLicenceFacts(application.facts));
  const save = useSaveDraft(application.reference);

  const request = useMemo((): PrerequisitesRequest | undefined => {
    const checked = editing ? toLicenceFacts(facts) : undefined;
    return checked
      ? {
          kind: application.kind,
          scope: application.scope,
          province: application.provinceCode,
          facts: checked,
          companyName: application.companyName,
        }
      : undefined;
  }, [editing, facts, application]);
  const [debounced] = useDebouncedValue(request, 400);
  const live = usePrerequisites(debounced);
  const shown = editing && live.data && !live.error ? live.data : application.prerequisites;
  const errors = { ...readFieldErrors(live.error), ...readFieldErrors(save.error) };

  const startEditing = () => {
    setFacts(fromLicenceFacts(application.facts));
    save.reset();
    setEditing(true);
  };
  const saveFacts = () => {
    const next = toLicenceFacts(facts);
    if (!next) return;
    save.mutate(
      { facts: next },
      {
        onSuccess: () => {
          setEditing(false);
          notify({ color: 'green', message: t('prerequisites.factsSaved') });
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      id={PREREQUISITES_ANCHOR}
      aria-labelledby="application-prerequisites-title"
      style={{
        scrollMarginTop: 76,
        ...(shown.isMet ? {} : { borderLeft: '4px solid var(--mantine-color-red-7)' }),
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="application-prerequisites-title">
            {t('prerequisites.title')}
          </Title>
          {editing && live.isFetching && <Loader size="xs" aria-label={t('prerequisites.checking')} />}
        </Group>
        <div aria-live="polite">
          <PrerequisitesSummary result={shown} />
        </div>
        {editing ? (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('prerequisites.editIntro')}
            </Text>
            <FactsFields value={facts} onChange={setFacts} errors={errors} kind={application.kind} />
            {save.error && Object.keys(readFieldErrors(save.error)).length === 0 && (
              <ApiErrorAlert error={save.error} />
            )}
            <Group gap="sm">
              <Button onClick={saveFacts} loading={save.isPending} disabled={!toLicenceFacts(facts)}>
                {t('prerequisites.saveFacts')}
              </Button>
              <Button variant="default" onClick={() => setEditing(false)} disabled={save.isPending}>
                {t('common:actions.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <>
            <FactsSummary application={application} />
            {canEdit && (
              <Group>
                <Button variant="light" size="xs" onClick={startEditing}>
                  {t('prerequisites.editFacts')}
                </Button>
              </Group>
            )}
          </>
        )}
        <PrerequisiteChecks result={shown} />
      </Stack>
    </Paper>
  );
}
