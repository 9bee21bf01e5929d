import { Alert, Anchor, Badge, Card, Loader, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type OrderSummary, useOrderList } from '../provider/api.ts';
import { ConsoleNav } from '../provider/console-nav.tsx';
import { HoursLeft } from '../provider/review/deadline.tsx';
import { useAuthorityNav } from './console-nav.ts';

function Tries({ order }: { order: OrderSummary }) {
  const { t } = useTranslation('authority');
  if (!order.sms)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const { attempts, maxAttempts } = order.sms;
  return (
    <Badge
      tt="none"
      variant="light"
      color={attempts >= maxAttempts - 1 ? 'red' : attempts > 0 ? 'grape' : 'gray'}
    >
      {t('sms.tries', { used: attempts, max: maxAttempts })}
    </Badge>
  );
}

/**
 * The SMS step (短信核验) at a glance: orders waiting for the applicant's code, the time left of the
 * 24-hour window and the tries used, all from the list's summaries (one request, no personal data).
 */
export function AuthoritySmsPage() {
  const { t } = useTranslation('authority');
  const nav = useAuthorityNav();
  const list = useOrderList({ view: 'all', status: ['sms_verification'], sort: 'deadline', pageSize: 100 });
  const orders: OrderSummary[] = [...(list.data?.items ?? [])].sort((a, b) =>
    (a.deadlines.smsExpiresAt ?? '').localeCompare(b.deadlines.smsExpiresAt ?? ''),
  );
  const link = (order: OrderSummary) => (
    <Anchor component={Link} to={`/authority/orders/${encodeURIComponent(order.reference)}`} fw={600}>
      {order.reference}
    </Anchor>
  );

  return (
    <Stack gap="md">
      <ConsoleNav items={nav} />
      <PageTitle title={t('sms.title')} description={t('sms.description')} />
      {list.isPending && <Loader aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isSuccess && orders.length === 0 && (
        <Alert variant="light" color="gray">
          {t('sms.empty')}
        </Alert>
      )}
      {orders.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={640} visibleFrom="sm">
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('sms.columns.reference')}</Table.Th>
                  <Table.Th scope="col">{t('sms.columns.domain')}</Table.Th>
                  <Table.Th scope="col">{t('sms.columns.expires')}</Table.Th>
                  <Table.Th scope="col">{t('sms.columns.left')}</Table.Th>
                  <Table.Th scope="col">{t('sms.columns.tries')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Td>{link(order)}</Table.Td>
                    <Table.Td>{order.domain ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(order.deadlines.smsExpiresAt)}</Table.Td>
                    <Table.Td>
                      {order.deadlines.smsExpiresAt && <HoursLeft until={order.deadlines.smsExpiresAt} />}
                    </Table.Td>
                    <Table.Td>
                      <Tries order={order} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack
            hiddenFrom="sm"
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('sms.title')}
          >
            {orders.map((order) => (
              <Card key={order.id} withBorder radius="md" padding="sm" component="li">
                {link(order)}
                <Text size="sm">{order.domain ?? '—'}</Text>
                <Text size="xs" c="dimmed">
                  {t('sms.columns.expires')}: {formatDateTime(order.deadlines.smsExpiresAt)}
                </Text>
                <Stack gap={4} mt="xs" align="flex-start">
                  {order.deadlines.smsExpiresAt && <HoursLeft until={order.deadlines.smsExpiresAt} />}
                  <Tries order={order} />
                </Stack>
              </Card>
            ))}
          </Stack>
        </>
      )}
      <Text size="xs" c="dimmed">
        {t('sms.rules')}
      </Text>
    </Stack>
  );
}
