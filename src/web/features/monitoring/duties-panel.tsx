import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpiryState, PsbFilingState } from '../../../domain/compliance/filing-obligations.ts';
import { FILING_REMINDER_SOURCES } from '../../../domain/compliance/filing-obligations.ts';
import { assertNever } from '../../../domain/shared/assert-never.ts';
import { formatDate } from '../../lib/format.ts';
import { SourceLine } from '../eligibility/sources.tsx';
import type { ExpiryStatus, SiteObligations } from './api.ts';

const PSB_COLORS: Record<PsbFilingState, string> = {
  not_live: 'gray',
  open: 'blue',
  due_soon: 'yellow',
  late: 'red',
  done: 'green',
};

const EXPIRY_COLORS: Record<ExpiryState, string> = {
  valid: 'green',
  expiring: 'yellow',
  expired: 'red',
};

function StateBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge variant="light" color={color} c="dark.8" style={{ textTransform: 'none', flexShrink: 0 }}>
      {children}
    </Badge>
  );
}

/** One duty: its name and state, when it falls due, what it is about and the rule behind it. */
function Duty({
  id,
  title,
  state,
  when,
  explain,
  sources,
}: {
  id: string;
  title: string;
  state: ReactNode;
  when: string | undefined;
  explain: string;
  sources: readonly string[];
}) {
  const { t } = useTranslation('monitoring');
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-labelledby={`duty-${id}`} data-duty={id}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h5" id={`duty-${id}`}>
            {title}
          </Title>
          {state}
        </Group>
        {when === undefined ? (
          <Text size="sm" c="gray.7">
            {t('duties.missing')}
          </Text>
        ) : (
          <Text size="sm" fw={600}>
            {when}
          </Text>
        )}
        <Text size="sm">{explain}</Text>
        <SourceLine ids={sources} />
      </Stack>
    </Paper>
  );
}

function usePsbDuty(psb: SiteObligations['psb']) {
  const { t } = useTranslation('monitoring');
  if (!psb) return { state: undefined, when: undefined };
  const date = formatDate(psb.dueOn);
  const due = t('duties.due', { date });
  let when: string;
  switch (psb.state) {
    case 'not_live':
      when = t('duties.psb.notLive', { date });
      break;
    case 'done':
      when = t('duties.psb.done');
      break;
    case 'late':
      when = `${due} · ${t('duties.daysLate', { count: -psb.daysLeft })}`;
      break;
    case 'open':
    case 'due_soon':
      when = `${due} · ${psb.daysLeft === 0 ? t('duties.dueToday') : t('duties.daysLeft', { count: psb.daysLeft })}`;
      break;
    default:
      return assertNever(psb.state);
  }
  return {
    state: <StateBadge color={PSB_COLORS[psb.state]}>{t(`duties.psb.states.${psb.state}`)}</StateBadge>,
    when,
  };
}

function useExpiryDuty(status: ExpiryStatus | undefined) {
  const { t } = useTranslation('monitoring');
  if (!status) return { state: undefined, when: undefined };
  const date = formatDate(status.expiresOn);
  let when: string;
  if (status.state === 'expired') {
    when = `${t('duties.expiry.expiredOn', { date })} · ${t('duties.expiry.daysAgo', { count: -status.daysLeft })}`;
  } else {
    const left =
      status.daysLeft === 0
        ? t('duties.expiry.lastDay')
        : t('duties.expiry.daysLeft', { count: status.daysLeft });
    when = `${t('duties.expiry.expiresOn', { date })} · ${left}`;
  }
  return {
    state: (
      <StateBadge color={EXPIRY_COLORS[status.state]}>{t(`duties.expiry.states.${status.state}`)}</StateBadge>
    ),
    when,
  };
}

/**
 * The duties that follow a filing, as the API works them out for today: the PSB filing within 30 days
 * of going live, and the domain's and the server's expiry. A duty without its date says how to add it.
 */
export function DutiesPanel({ obligations }: { obligations: SiteObligations }) {
  const { t } = useTranslation('monitoring');
  const psb = usePsbDuty(obligations.psb);
  const domain = useExpiryDuty(obligations.domain);
  const instance = useExpiryDuty(obligations.instance);
  return (
    <Stack gap="xs" component="section" aria-labelledby="duties-title" data-testid="duties">
      <Title order={2} size="h3" id="duties-title">
        {t('duties.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('duties.hint', { date: formatDate(obligations.today) })}
      </Text>
      <Duty
        id="psb"
        title={t('duties.psb.title')}
        state={psb.state}
        when={psb.when}
        explain={t('duties.psb.explain')}
        sources={FILING_REMINDER_SOURCES.psb_filing_open}
      />
      <Duty
        id="domain"
        title={t('duties.domain.title')}
        state={domain.state}
        when={domain.when}
        explain={t('duties.domain.explain')}
        sources={FILING_REMINDER_SOURCES.domain_expiring}
      />
      <Duty
        id="instance"
        title={t('duties.instance.title')}
        state={instance.state}
        when={instance.when}
        explain={t('duties.instance.explain')}
        sources={FILING_REMINDER_SOURCES.instance_expiring}
      />
    </Stack>
  );
}
