import { Alert, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../domain/workflow/order-status.ts';
import type { OrderTypeId } from '../../../domain/workflow/order-type.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useOrderList } from './api.ts';
import { ConsoleNav, useProviderNav } from './console-nav.tsx';
import { DeadlineSummary } from './queue/deadline-summary.tsx';
import { OrderTable } from './queue/order-table.tsx';
import { applyFilters, emptyFilters, QueueFilters, type QueueFilterValues } from './queue/queue-filters.tsx';

const PROVIDER_STATUSES: readonly OrderStatus[] = [
  'submitted',
  'provider_review',
  'identity_verification',
  'ready_for_authority',
  'returned_by_provider',
  'sms_verification',
  'authority_review',
  'approved',
  'rejected_by_authority',
  'withdrawn',
];

/** The provider's review queue: what waits for a reviewer, nearest deadline first. */
export function ProviderQueuePage() {
  const { t } = useTranslation('provider');
  const nav = useProviderNav();
  const [filters, setFilters] = useState<QueueFilterValues>(emptyFilters);
  const list = useOrderList({
    view: filters.view,
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.type ? { type: [filters.type as OrderTypeId] } : {}),
  });
  const all = list.data?.items ?? [];
  const rows = applyFilters(all, filters);

  return (
    <Stack gap="md">
      <ConsoleNav items={nav} />
      <PageTitle title={t('queue.title')} description={t('queue.description')} />
      <Paper withBorder p="md" radius="md">
        <QueueFilters value={filters} onChange={setFilters} statuses={PROVIDER_STATUSES} />
      </Paper>
      {list.isPending && <Loader aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isSuccess && (
        <>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" aria-live="polite">
              {t('queue.count', { count: rows.length, total: all.length })}
            </Text>
            <DeadlineSummary orders={rows} />
          </Group>
          {rows.length === 0 ? (
            <Alert variant="light" color="gray">
              {all.length === 0 ? t('queue.emptyQueue') : t('queue.noMatch')}
            </Alert>
          ) : (
            <OrderTable orders={rows} reviewPath="/provider/orders/$ref" caption={t('queue.title')} />
          )}
          {list.data.hasMore && (
            <Text size="sm" c="dimmed">
              {t('queue.hasMore')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
