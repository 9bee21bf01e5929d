import { Alert, Anchor, Badge, Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPager } from '../../../components/list-pager.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { formatDateTime, localize } from '../../../lib/format.ts';
import { ORDER_PAGE_SIZE, type OrderSummary, useCatalogueList, useProvinces } from '../api.ts';
import { DeadlineBadge } from '../review/deadline.tsx';

/**
 * A list of orders for a reviewer: a table from 768 px, cards below; the reference links to the
 * review page. `extra` adds a column (the SMS monitor's tries).
 */

type ReviewPath = '/provider/orders/$ref' | '/authority/orders/$ref';

export function useOrderLabels() {
  const provinces = useProvinces().data?.items;
  const orderTypes = useCatalogueList('order-types').data?.items;
  return {
    province: (code: string) => {
      const province = provinces?.find((p) => p.code === code);
      return province ? localize({ en: province.nameEn, zh: province.nameZh }) : code;
    },
    orderType: (id: string) => {
      const type = orderTypes?.find((candidate) => candidate.id === id);
      return type ? localize({ en: type.nameEn, zh: type.nameZh }) : id;
    },
  };
}

export function OrderTable({
  orders,
  reviewPath,
  caption,
  extra,
}: {
  orders: OrderSummary[];
  reviewPath: ReviewPath;
  caption: string;
  extra?: { header: string; cell: (order: OrderSummary) => ReactNode };
}) {
  const { t } = useTranslation('provider');
  const labels = useOrderLabels();
  const link = (order: OrderSummary) => (
    <Anchor component={Link} to={reviewPath.replace('$ref', encodeURIComponent(order.reference))} fw={600}>
      {order.reference}
    </Anchor>
  );
  return (
    <>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={860}>
          <Table highlightOnHover verticalSpacing="sm">
            <caption
              style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
            >
              {caption}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('queue.columns.reference')}</Table.Th>
                <Table.Th scope="col">{t('queue.columns.domain')}</Table.Th>
                <Table.Th scope="col">{t('queue.columns.type')}</Table.Th>
                <Table.Th scope="col">{t('queue.columns.province')}</Table.Th>
                <Table.Th scope="col">{t('queue.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('queue.columns.deadline')}</Table.Th>
                {extra && <Table.Th scope="col">{extra.header}</Table.Th>}
                <Table.Th scope="col">{t('queue.columns.submitted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Td>
                    {link(order)}
                    {order.hasReturnReasons && (
                      <Badge tt="none" ml={6} size="xs" variant="light" color="grape">
                        {t('queue.resubmitted')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{order.domain ?? '—'}</Table.Td>
                  <Table.Td>{labels.orderType(order.type)}</Table.Td>
                  <Table.Td>{labels.province(order.provinceCode)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={order.status} />
                  </Table.Td>
                  <Table.Td>
                    <DeadlineBadge order={order} />
                  </Table.Td>
                  {extra && <Table.Td>{extra.cell(order)}</Table.Td>}
                  <Table.Td>
                    <Text size="sm">{formatDateTime(order.submittedAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack
        hiddenFrom="sm"
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={caption}
      >
        {orders.map((order) => (
          <Card key={order.id} withBorder radius="md" padding="sm" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              {link(order)}
              <DeadlineBadge order={order} />
            </Group>
            <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {order.domain ?? '—'}
            </Text>
            <Text size="xs" c="dimmed">
              {labels.orderType(order.type)} · {labels.province(order.provinceCode)}
            </Text>
            <Group gap="xs" mt="xs">
              <StatusBadge status={order.status} />
              {extra?.cell(order)}
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}

/** One page of a queue: the table (or `emptyText` when the page has no order) and the pager under it. */
export function PagedOrderTable({
  orders,
  total,
  page,
  onPage,
  reviewPath,
  caption,
  emptyText,
}: {
  orders: OrderSummary[];
  total: number;
  page: number;
  onPage: (page: number) => void;
  reviewPath: ReviewPath;
  caption: string;
  emptyText: string;
}) {
  return (
    <Stack gap="sm">
      {orders.length === 0 ? (
        <Alert variant="light" color="gray">
          {emptyText}
        </Alert>
      ) : (
        <OrderTable orders={orders} reviewPath={reviewPath} caption={caption} />
      )}
      <ListPager
        page={page}
        pageSize={ORDER_PAGE_SIZE}
        total={total}
        shown={orders.length}
        label={caption}
        onChange={onPage}
      />
    </Stack>
  );
}
