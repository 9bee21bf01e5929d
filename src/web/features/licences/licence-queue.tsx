import { Alert, Badge, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { type LicenceSummary, useLicenceList } from './api.ts';
import { countDeadlineFlags, findActiveDeadline } from './deadlines.ts';
import { LicenceList } from './licence-list.tsx';
import { QUEUE_VIEWS, type QueueView } from './vocabulary.ts';

const VIEW_IDS = Object.keys(QUEUE_VIEWS) as QueueView[];

/** The earliest running deadline first; the rest by latest change (the API's order). */
export function sortByDeadline(applications: readonly LicenceSummary[]): LicenceSummary[] {
  const due = (a: LicenceSummary) => {
    const active = findActiveDeadline(a);
    return active ? new Date(active.due).getTime() : Number.POSITIVE_INFINITY;
  };
  return [...applications].sort((a, b) => due(a) - due(b));
}

function FlagSummary({ applications }: { applications: readonly LicenceSummary[] }) {
  const { t } = useTranslation('licences');
  const counts = countDeadlineFlags(applications, new Date());
  return (
    <Group gap="xs" aria-live="polite">
      <Badge tt="none" color={counts.overdue ? 'red' : 'gray'} variant={counts.overdue ? 'filled' : 'light'}>
        {t('queue.overdue', { count: counts.overdue })}
      </Badge>
      <Badge tt="none" color={counts.due_today ? 'orange' : 'gray'} variant="light">
        {t('queue.dueToday', { count: counts.due_today })}
      </Badge>
    </Group>
  );
}

/**
 * The applications a reviewer decides (GET /api/licences as that role), filtered by where they are,
 * with the acceptance and review deadlines flagged: overdue, due today, time left.
 */
export function LicenceQueue({ pathOf }: { pathOf: (reference: string) => string }) {
  const { t } = useTranslation('licences');
  const [view, setView] = useState<QueueView>('waiting');
  // Three long labels side by side do not fit a phone: stacked there.
  const compact = useMediaQuery('(max-width: 48em)');
  const list = useLicenceList({ status: QUEUE_VIEWS[view] });
  const rows = view === 'waiting' ? sortByDeadline(list.data?.items ?? []) : (list.data?.items ?? []);
  const caption = t(`queue.views.${view}`);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          value={view}
          onChange={(next) => setView(next as QueueView)}
          aria-label={t('queue.filter')}
          orientation={compact ? 'vertical' : 'horizontal'}
          fullWidth={compact}
          w={compact ? '100%' : undefined}
          data={VIEW_IDS.map((id) => ({ value: id, label: t(`queue.views.${id}`) }))}
        />
        {view === 'waiting' && list.data && <FlagSummary applications={rows} />}
      </Group>
      <Text size="sm" c="dimmed">
        {t(`queue.viewHints.${view}`)}
      </Text>
      {list.isPending && <Loader aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isSuccess &&
        (rows.length === 0 ? (
          <Alert variant="light" color="gray">
            <Text size="sm" c="dark.8">
              {t('queue.empty')}
            </Text>
          </Alert>
        ) : (
          <LicenceList applications={rows} pathOf={pathOf} caption={caption} />
        ))}
    </Stack>
  );
}
