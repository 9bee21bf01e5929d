import { Group, Loader, Paper, Stack } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../domain/workflow/order-status.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { readPage } from '../../components/list-pager.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { type OrderListParams, useOrderList } from './api.ts';
import { ConsoleNav, useProviderNav } from './console-nav.tsx';
import { DeadlineSummary } from './queue/deadline-summary.tsx';
import { PagedOrderTable } from './queue/order-table.tsx';
import { QueueFilters, type QueueSearchChange } from './queue/queue-filters.tsx';
import type { QueueSearch } from './queue/queue-search.ts';

/** What waits for a provider reviewer (src/app/orders/list-orders.ts PROVIDER_MOVES, and recorded-mode decisions). */
const QUEUE_STATUSES: readonly OrderStatus[] = [
  'submitted',
  'provider_review',
  'identity_verification',
  'ready_for_authority',
  'authority_review',
];

/** Every status a submitted order can be in. */
const ALL_STATUSES: readonly OrderStatus[] = [
  ...QUEUE_STATUSES,
  'returned_by_provider',
  'sms_verification',
  'approved',
  'rejected_by_authority',
  'withdrawn',
];

/** The provider's review queue: what waits for a reviewer, nearest deadline first; filters in the URL. */
export function ProviderQueuePage() {
  const { t } = useTranslation('provider');
  const nav = useProviderNav();
  // The route's validateSearch (parseQueueSearch) already dropped what the page cannot use.
  const search = useSearch({ strict: false }) as QueueSearch;
  const navigate = useNavigate();
  const view = search.view ?? 'queue';
  const statuses = view === 'queue' ? QUEUE_STATUSES : ALL_STATUSES;
  // A status the view cannot hold (a link from the other view) is not sent.
  const status = search.status && statuses.includes(search.status) ? search.status : undefined;
  const filters: Omit<OrderListParams, 'flag' | 'page'> = {
    view,
    sort: 'deadline',
    ...(status ? { status: [status] } : {}),
    ...(search.type ? { type: [search.type] } : {}),
    ...(search.province ? { province: String(search.province) } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
  const page = readPage(search.page);
  const list = useOrderList({ ...filters, ...(search.flag ? { flag: [search.flag] } : {}), page });
  const rows = list.data?.items ?? [];
  const isFiltered = Boolean(status || search.type || search.province || search.flag || search.q);
  const onChange: QueueSearchChange = (next, options) =>
    void navigate({ to: '.', search: next, replace: options?.replace ?? false });

  return (
    <Stack gap="md">
      <ConsoleNav items={nav} />
      <PageTitle title={t('queue.title')} description={t('queue.description')} />
      <Paper withBorder p="md" radius="md">
        <QueueFilters value={search} onChange={onChange} statuses={statuses} />
      </Paper>
      {list.isPending && <Loader aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.data && (
        <>
          <Group justify="flex-end" wrap="wrap">
            <DeadlineSummary params={filters} />
          </Group>
          <PagedOrderTable
            orders={rows}
            total={list.data.total}
            page={page}
            onPage={(next) =>
              void navigate({ to: '.', search: { ...search, page: next === 1 ? undefined : next } })
            }
            reviewPath="/provider/orders/$ref"
            caption={t('queue.title')}
            emptyText={isFiltered || page > 1 ? t('queue.noMatch') : t('queue.emptyQueue')}
          />
        </>
      )}
    </Stack>
  );
}
