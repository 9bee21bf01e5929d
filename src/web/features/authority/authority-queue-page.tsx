import { Alert, Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { localize } from '../../lib/format.ts';
import { useMe } from '../../lib/session.ts';
import { useOrderList, useProvinces } from '../provider/api.ts';
import { ConsoleNav } from '../provider/console-nav.tsx';
import { DeadlineSummary } from '../provider/queue/deadline-summary.tsx';
import { OrderTable } from '../provider/queue/order-table.tsx';
import {
  applyFilters,
  emptyFilters,
  QueueFilters,
  type QueueFilterValues,
} from '../provider/queue/queue-filters.tsx';
import { useAuthorityNav } from './console-nav.ts';

/** The province's authority queue: orders in authority review, and apart from them those still at the SMS step. */
export function AuthorityQueuePage() {
  const { t } = useTranslation('authority');
  const nav = useAuthorityNav();
  const { data: me } = useMe();
  const province = useProvinces().data?.items.find((p) => p.code === me?.actor.authorityProvinceCode);
  const [filters, setFilters] = useState<QueueFilterValues>(emptyFilters);
  const review = useOrderList({ view: 'queue' });
  const sms = useOrderList({ view: 'all', status: ['sms_verification'] });
  const rows = applyFilters(review.data?.items ?? [], filters);
  const smsRows = applyFilters(sms.data?.items ?? [], filters);

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
          onChange={setFilters}
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
          {review.data && <DeadlineSummary orders={rows} />}
        </Group>
        {review.isPending && <Loader aria-label={t('common:states.loading')} />}
        <ApiErrorAlert error={review.error} onRetry={() => void review.refetch()} />
        {review.isSuccess &&
          (rows.length === 0 ? (
            <Alert variant="light" color="gray">
              {review.data.items.length === 0 ? t('queue.emptyReview') : t('provider:queue.noMatch')}
            </Alert>
          ) : (
            <OrderTable orders={rows} reviewPath="/authority/orders/$ref" caption={t('queue.inReview')} />
          ))}
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
        {sms.isSuccess &&
          (smsRows.length === 0 ? (
            <Alert variant="light" color="gray">
              {t('queue.emptySms')}
            </Alert>
          ) : (
            <OrderTable orders={smsRows} reviewPath="/authority/orders/$ref" caption={t('queue.atSms')} />
          ))}
      </section>
    </Stack>
  );
}
