import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime, localize } from '../../lib/format.ts';
import { notify } from '../../lib/notify.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type LicenceApplication,
  type LicenceMaterial,
  type LicenceNumbers,
  useLicence,
  useSaveDraft,
  useSubmitLicence,
  useWithdrawLicence,
} from './api.ts';
import { ApplicationPrerequisites } from './application-prerequisites.tsx';
import { ConfirmButton } from './confirm-button.tsx';
import { LicenceDeadlineBadge } from './deadline-badge.tsx';
import { DecisionActions } from './decision-actions.tsx';
import { IssuedLicencePanel, IssuedNumbers } from './issued-licence.tsx';
import { LicenceReasons } from './licence-reasons.tsx';
import { LicenceTimeline } from './licence-timeline.tsx';
import {
  hasMaterialChanges,
  type MaterialEdits,
  readMaterialEdits,
  rebaseMaterialEdits,
  type SubmitIssue,
  toMaterialMarks,
  toSubmitIssues,
} from './materials.ts';
import { MaterialsChecklist } from './materials-checklist.tsx';
import { ObligationsPanel } from './obligations-panel.tsx';
import { LicenceStatusBadge } from './status-badge.tsx';
import { SubmitIssues } from './submit-issues.tsx';

/** Where the page was opened from: the applicant's list, or a reviewer's console. */
function useBackLink(): { to: string; isConsole: boolean } {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return pathname.startsWith('/authority/')
    ? { to: '/authority/licences', isConsole: true }
    : { to: '/licences', isConsole: false };
}

/** The checklist as edited here, kept on top of the application as it changes (rebaseMaterialEdits). */
function useMaterialEdits(application: LicenceApplication | undefined) {
  const [state, setState] = useState<{ base: LicenceMaterial[]; edits: MaterialEdits }>();
  const materials = application?.materials;
  useEffect(() => {
    if (!materials) return;
    setState((current) =>
      current
        ? { base: materials, edits: rebaseMaterialEdits(current.base, current.edits, materials) }
        : { base: materials, edits: readMaterialEdits(materials) },
    );
  }, [materials]);
  const edits = state?.edits ?? (materials ? readMaterialEdits(materials) : {});
  const setEdits = (next: MaterialEdits) => setState((current) => current && { ...current, edits: next });
  return { edits, setEdits };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Who decides, the clock, and the company. */
function StatusCard({ application }: { application: LicenceApplication }) {
  const { t } = useTranslation('licences');
  const { deadlines, status } = application;
  const acceptanceRunning = status === 'submitted' || status === 'acceptance_check';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="status-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="status-title">
          {t('page.statusTitle')}
        </Title>
        <Fact label={t('page.authority')}>
          {localize(application.authority.name)}{' '}
          <Text span size="xs" c="gray.7" fw={400}>
            ({application.authority.website})
          </Text>
        </Fact>
        {deadlines.acceptanceDue && acceptanceRunning && (
          <div>
            <Text size="xs" c="gray.7">
              {t('page.acceptanceDue')}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {formatDateTime(deadlines.acceptanceDue)}
              </Text>
              <LicenceDeadlineBadge deadline={{ kind: 'acceptance', due: deadlines.acceptanceDue }} />
            </Group>
          </div>
        )}
        {deadlines.reviewDue && status === 'under_review' && (
          <div>
            <Text size="xs" c="gray.7">
              {t('page.reviewDue')}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {formatDateTime(deadlines.reviewDue)}
              </Text>
              <LicenceDeadlineBadge deadline={{ kind: 'review', due: deadlines.reviewDue }} />
            </Group>
          </div>
        )}
        <Text size="xs" c="dimmed">
          {t('page.clockRule')}
        </Text>
        {application.submittedAt && (
          <Fact label={t('page.submittedAt')}>{formatDateTime(application.submittedAt)}</Fact>
        )}
        {application.acceptedAt && (
          <Fact label={t('page.acceptedAt')}>{formatDateTime(application.acceptedAt)}</Fact>
        )}
        {application.decidedAt && (
          <Fact label={t('page.decidedAt')}>{formatDateTime(application.decidedAt)}</Fact>
        )}
        <Fact label={t('form.companyName')}>{application.companyName}</Fact>
        <Fact label={t('form.uscc')}>{application.uscc}</Fact>
        {application.authorityMode === 'recorded' && (
          <Text size="xs" c="dimmed">
            {t('page.recordedMode', { platform: application.authority.applicationPlatform })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * One licence application (issue 5), for the applicant, the agent, and the authority that decides it:
 * status and deadlines, blocking prerequisites, the materials checklist, the reasons of a request or a
 * rejection, the actions the API allows the caller now, the timeline, and once approved the licence's
 * numbers and duties.
 */
export function LicencePage() {
  const { t } = useTranslation('licences');
  const { ref = '' } = useParams({ strict: false }) as { ref?: string };
  const back = useBackLink();
  const { data: me } = useMe();
  const { data: application, error, isPending, refetch } = useLicence(ref);
  const { edits, setEdits } = useMaterialEdits(application);
  const saveDraft = useSaveDraft(ref);
  const submit = useSubmitLicence(ref);
  const withdraw = useWithdrawLicence(ref);
  const [issues, setIssues] = useState<SubmitIssue[]>([]);
  const [justIssued, setJustIssued] = useState<LicenceNumbers>();
  // Saving the checklist and submitting are one step for the applicant.
  const [isSubmitting, setSubmitting] = useState(false);
  const issuesRef = useRef<HTMLDivElement>(null);

  if (isPending) {
    return (
      <>
        <PageTitle title={t('page.title', { reference: ref })} />
        <Text aria-live="polite">{t('page.loading')}</Text>
      </>
    );
  }
  if (error || !application) {
    return (
      <>
        <Anchor component={Link} to={back.to} size="sm">
          ← {back.isConsole ? t('page.backToQueue') : t('page.backToList')}
        </Anchor>
        <PageTitle title={t('page.title', { reference: ref })} />
        <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  const can = (action: LicenceApplication['allowedActions'][number]) =>
    application.allowedActions.includes(action);
  const isEditable = can('edit');
  const isDirty = isEditable && hasMaterialChanges(application.materials, edits);
  const isReviewer =
    back.isConsole ||
    (hasAnyRole(me, ['platform_admin', 'authority_reviewer']) && !hasAnyRole(me, ['applicant', 'agent']));

  const saveMaterials = () =>
    saveDraft.mutateAsync({ materials: toMaterialMarks(edits) }).then(() => {
      notify({ color: 'green', message: t('materials.savedNotice') });
    });

  const runSubmit = async () => {
    setIssues([]);
    setSubmitting(true);
    try {
      if (isDirty) await saveDraft.mutateAsync({ materials: toMaterialMarks(edits) });
      await submit.mutateAsync();
      notify({ color: 'green', message: t('submit.done') });
    } catch (caught) {
      if (isApiError(caught, 'validation_failed') && caught.fieldErrors.length > 0) {
        submit.reset();
        setIssues(toSubmitIssues(caught.fieldErrors));
        requestAnimationFrame(() =>
          issuesRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
        );
      }
    } finally {
      setSubmitting(false);
    }
  };

  const description = [
    localize(application.kindName),
    t(`scopes.${application.scope}.label`),
    application.companyName,
    t('page.createdOn', { date: formatDate(application.createdAt) }),
  ].join(' · ');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={back.to} size="sm">
        ← {back.isConsole ? t('page.backToQueue') : t('page.backToList')}
      </Anchor>
      <PageTitle title={t('page.title', { reference: application.reference })} description={description} />
      <Group gap="sm" wrap="wrap" justify="space-between" mt={-12}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('page.status')}
          </Text>
          <LicenceStatusBadgeLive application={application} />
        </Group>
        <Group gap="xs" wrap="wrap" data-testid="licence-actions">
          {can('submit') && (
            <Button onClick={() => void runSubmit()} loading={isSubmitting}>
              {application.status === 'draft' ? t('submit.submit') : t('submit.resubmit')}
            </Button>
          )}
          <DecisionActions application={application} onApproved={setJustIssued} />
          {can('withdraw') && (
            <ConfirmButton
              label={t('withdraw.label')}
              title={t('withdraw.title', { reference: application.reference })}
              confirmLabel={t('withdraw.confirm')}
              variant="default"
              color="red"
              busy={withdraw.isPending}
              error={withdraw.error}
              onOpen={() => withdraw.reset()}
              onConfirm={async () => {
                await withdraw.mutateAsync();
                notify({ color: 'gray', message: t('withdraw.done') });
              }}
            >
              <Text size="sm">{t('withdraw.body')}</Text>
            </ConfirmButton>
          )}
        </Group>
      </Group>
      {submit.error && issues.length === 0 && <ApiErrorAlert error={submit.error} />}
      <div ref={issuesRef}>
        <SubmitIssues issues={issues} materials={application.materials} />
      </div>
      {justIssued && (
        <Alert color="green" variant="light" role="alert" title={t('licence.justIssued')}>
          <IssuedNumbers numbers={justIssued} />
        </Alert>
      )}
      <Alert
        color="blue"
        variant="light"
        title={
          <Text span inherit c="dark.7">
            {t('next.title')}
          </Text>
        }
      >
        <Text size="sm" c="dark.8">
          {isReviewer ? t(`next.reviewer.${application.status}`) : t(`next.applicant.${application.status}`)}
        </Text>
      </Alert>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <LicenceReasons application={application} />
            <IssuedLicencePanel application={application} />
            <ObligationsPanel application={application} />
            <MaterialsChecklist
              application={application}
              edits={edits}
              onChange={setEdits}
              isEditable={isEditable}
              isDirty={isDirty}
              onSave={() => void saveMaterials().catch(() => undefined)}
              saving={saveDraft.isPending}
              saveError={saveDraft.error}
            />
            <ApplicationPrerequisites application={application} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <StatusCard application={application} />
            <LicenceTimeline application={application} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The status badge, announced when a command changes it. */
function LicenceStatusBadgeLive({ application }: { application: LicenceApplication }) {
  return (
    <span aria-live="polite" data-testid="licence-status">
      <LicenceStatusBadge status={application.status} />
    </span>
  );
}
