import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { readPage } from '../../components/list-pager.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { localize } from '../../lib/format.ts';
import { useMe } from '../../lib/session.ts';
import { type OrderListParams, useOrderList, useProvinces } from '../provider/api.ts';
import { ConsoleNav } from '../provider/console-nav.tsx';
import { DeadlineSummary } from '../provider/queue/deadline-summary.tsx';
import { PagedOrderTable } from '../provider/queue/order-table.tsx';
import { QueueFilters, type QueueSearchChange } from '../provider/queue/queue-filters.tsx';
import type { QueueSearch } from '../provider/queue/queue-search.ts';
import { useAuthorityNav } from './console-nav.ts';

/** The province's authority queue: orders in authority review, and apart from them those still at the SMS step. */
export function AuthorityQueuePage() {
  const { t } = useTranslation('authority');
  const nav = useAuthorityNav();
  const { data: me } = useMe();
  const province = useProvinces().data?.items.find((p) => p.code === me?.actor.authorityProvinceCode);
  // The route's validateSearch (parseQueueSearch) already dropped what the page cannot use; the
  // authority reviews one province, so neither province nor status is a filter here.
  const search = useSearch({ strict: false }) as QueueSearch;
  const navigate = useNavigate();
  const common: Omit<OrderListParams, 'view' | 'flag' | 'page'> = {
    sort: 'deadline',
    ...(search.type ? { type: [search.type] } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
  const flag = search.flag ? { flag: [search.flag] } : {};
  const reviewFilters: Omit<OrderListParams, 'flag' | 'page'> = { ...common, view: 'queue' };
  const page = readPage(search.page);
  const smsPage = readPage(search.smsPage);
  const review = useOrderList({ ...reviewFilters, ...flag, page });
  const sms = useOrderList({ ...common, view: 'all', status: ['sms_verification'], ...flag, page: smsPage });
  const rows = review.data?.items ?? [];
  const smsRows = sms.data?.items ?? [];
  const isFiltered = Boolean(search.type || search.flag || search.q);
  const filters = {
    ...(search.type ? { type: search.type } : {}),
    ...(search.flag ? { flag: search.flag } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
  const onChange: QueueSearchChange = (next, options) =>
    void navigate({ to: '.', search: next, replace: options?.replace ?? false });
  const goTo = (patch: Pick<QueueSearch, 'page' | 'smsPage'>) =>
    void navigate({ to: '.', search: { ...search, ...patch } });

  return (
    <Stack gap="md">
      <ConsoleNav items={nav} />
      <PageTitle
        title={t('queue.title')}
        description={
          province
            ? t('queue.descriptionFor', { province: localize({ en: province.nameEn, zh: province.nameZh }) })
            : t('queue.description')
        }
      />
      <Paper withBorder p="md" radius="md">
        <QueueFilters
          value={filters}
          onChange={onChange}
          statuses={[]}
          showView={false}
          hide={['status', 'province']}
        />
      </Paper>

      <section aria-labelledby="authority-review-heading">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} fz="lg" id="authority-review-heading">
            {t('queue.inReview')}
          </Title>
          {review.data && <DeadlineSummary params={reviewFilters} />}
        </Group>
        {review.isPending && <Loader aria-label={t('common:states.loading')} />}
        <ApiErrorAlert error={review.error} onRetry={() => void review.refetch()} />
        {review.data && (
          <PagedOrderTable
            orders={rows}
            total={review.data.total}
            page={page}
            onPage={(next) => goTo({ page: next === 1 ? undefined : next })}
            reviewPath="/authority/orders/$ref"
            caption={t('queue.inReview')}
            emptyText={isFiltered || page > 1 ? t('provider:queue.noMatch') : t('queue.emptyReview')}
          />
        )}
      </section>

      <section aria-labelledby="authority-sms-heading">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} fz="lg" id="authority-sms-heading">
            {t('queue.atSms')}
          </Title>
          <Anchor component={Link} to="/authority/sms" size="sm">
            {t('queue.openSmsMonitor')}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {t('queue.atSmsHelp')}
        </Text>
        {sms.isPending && <Loader aria-label={t('common:states.loading')} />}
        <ApiErrorAlert error={sms.error} onRetry={() => void sms.refetch()} />
        {sms.data && (
          <PagedOrderTable
            orders={smsRows}
            total={sms.data.total}
            page={smsPage}
            onPage={(next) => goTo({ smsPage: next === 1 ? undefined : next })}
            reviewPath="/authority/orders/$ref"
            caption={t('queue.atSms')}
            emptyText={isFiltered || smsPage > 1 ? t('provider:queue.noMatch') : t('queue.emptySms')}
          />
        )}
      </section>
    </Stack>
  );
}
