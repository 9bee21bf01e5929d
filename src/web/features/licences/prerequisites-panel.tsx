import { Alert, Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SourceLine } from '../../components/source-line.tsx';
import { localize } from '../../lib/format.ts';
import type { LicenceCheck, PrerequisitesView } from './api.ts';

type Outcome = LicenceCheck['outcome'];

const OUTCOMES: Record<Outcome, { color: string; icon: ReactNode }> = {
  fail: { color: 'red', icon: <IconCircleX size={20} aria-hidden /> },
  condition: { color: 'yellow', icon: <IconAlertTriangle size={20} aria-hidden /> },
  pass: { color: 'green', icon: <IconCircleCheck size={20} aria-hidden /> },
  info: { color: 'gray', icon: <IconInfoCircle size={20} aria-hidden /> },
};

/** Failing checks first (what to fix), then conditions, passes and notes, each group as given. */
const ORDER: readonly Outcome[] = ['fail', 'condition', 'pass', 'info'];

export function sortChecks(checks: readonly LicenceCheck[]): LicenceCheck[] {
  return ORDER.flatMap((outcome) => checks.filter((check) => check.outcome === outcome));
}

/** One check: whether it passes, why (in the UI language) and the sources the rule rests on. */
function CheckRow({ check }: { check: LicenceCheck }) {
  const { t } = useTranslation('licences');
  const { color, icon } = OUTCOMES[check.outcome];
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start" data-outcome={check.outcome}>
      <Text span c={`${color}.9`} mt={2} style={{ display: 'flex' }}>
        {icon}
      </Text>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Badge color={color} variant="light" tt="none" size="sm">
            {t(`prerequisites.outcomes.${check.outcome}`)}
          </Badge>
        </Group>
        <Text size="sm">{localize(check.message)}</Text>
        <SourceLine ids={check.sources} />
      </Stack>
    </Group>
  );
}

export function PrerequisiteChecks({ result }: { result: PrerequisitesView }) {
  const { t } = useTranslation('licences');
  return (
    <Stack gap="sm">
      <Stack
        component="ul"
        gap="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('prerequisites.title')}
      >
        {sortChecks(result.checks).map((check) => (
          <CheckRow key={check.ruleId} check={check} />
        ))}
      </Stack>
      {result.nextSteps.length > 0 && (
        <div>
          <Text size="sm" fw={700} mb={4}>
            {t('prerequisites.nextSteps')}
          </Text>
          <List size="sm" spacing={4}>
            {result.nextSteps.map((step) => (
              <List.Item key={step.id}>
                {localize(step.message)}
                <SourceLine ids={step.sources} />
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}

/** "Nothing blocks the submission" or "2 checks block the submission", announced as it changes. */
export function PrerequisitesSummary({ result }: { result: PrerequisitesView }) {
  const { t } = useTranslation('licences');
  const blocking = result.checks.filter((check) => check.outcome === 'fail').length;
  return (
    <Alert
      variant="light"
      color={result.isMet ? 'green' : 'red'}
      icon={result.isMet ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
      p="xs"
    >
      <Text size="sm" fw={600} c="dark.8">
        {result.isMet ? t('prerequisites.met') : t('prerequisites.blocking', { count: blocking })}
      </Text>
    </Alert>
  );
}

/**
 * The live prerequisites panel of the new-application form: the checks of the facts typed so far,
 * kept on screen while the next answer is asked.
 */
export function PrerequisitesPanel({
  result,
  isFetching,
  waitingFor,
  problem,
}: {
  result: PrerequisitesView | undefined;
  isFetching: boolean;
  /** Why nothing is checked yet (what to fill in first). */
  waitingFor: string | undefined;
  /** A malformed fact the API refused, shown instead of stale checks. */
  problem: string | undefined;
}) {
  const { t } = useTranslation('licences');
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="prerequisites-title"
      aria-busy={isFetching}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="prerequisites-title">
            {t('prerequisites.title')}
          </Title>
          {isFetching && <Loader size="xs" aria-label={t('prerequisites.checking')} />}
        </Group>
        <Text size="sm" c="dimmed">
          {t('prerequisites.intro')}
        </Text>
        <div aria-live="polite">
          {waitingFor ? (
            <Text size="sm">{waitingFor}</Text>
          ) : problem ? (
            <Alert color="orange" variant="light" p="xs">
              <Text size="sm" c="dark.8">
                {problem}
              </Text>
            </Alert>
          ) : (
            result && <PrerequisitesSummary result={result} />
          )}
        </div>
        {!waitingFor && !problem && result && <PrerequisiteChecks result={result} />}
      </Stack>
    </Paper>
  );
}
