import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ListPager } from '../../components/list-pager.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate, formatDateTime, localize } from '../../lib/format.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { LicenceSummaryCard } from '../licences/licence-card.tsx';
import { MonitorSummaryCard } from '../monitoring/monitor-card.tsx';
import type { OrderSummary } from '../order/api.ts';
import { DeadlineBadge } from '../order/deadline-badge.tsx';
import {
  type ClientAuthorisation,
  DASHBOARD_PAGE_SIZE,
  type HeldEntity,
  type OrderPage,
  useAgentClients,
  useMyEntities,
  useMyOrders,
  useMyQueue,
} from './api.ts';
import type { DashboardSearch } from './search.ts';

const ATTENTION = ['draft', 'returned_by_provider', 'rejected_by_authority', 'sms_verification'] as const;
type AttentionStatus = (typeof ATTENTION)[number];
const needsAttention = (status: string): status is AttentionStatus =>
  (ATTENTION as readonly string[]).includes(status);

function orderPath(order: { reference: string }) {
  return `/app/orders/${encodeURIComponent(order.reference)}`;
}

function NewFilingButton({ client }: { client: string | undefined }) {
  const { t } = useTranslation('dashboard');
  return (
    <Button
      renderRoot={(props) => <Link {...props} to="/app/orders/new" search={client ? { client } : {}} />}
    >
      {t('newFiling')}
    </Button>
  );
}

function ClientSelector({
  clients,
  value,
  onChange,
}: {
  clients: ClientAuthorisation[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation('dashboard');
  // One entry per client, even when several agencies of the agent hold their authorisation.
  const unique = [...new Map(clients.map((c) => [c.client.id, c.client])).values()];
  return (
    <Select
      label={t('client.label')}
      w={{ base: '100%', sm: 320 }}
      value={value ?? ''}
      onChange={(next) => onChange(next ? next : undefined)}
      allowDeselect={false}
      data={[
        { value: '', label: t('client.all') },
        ...unique.map((c) => ({ value: c.id, label: `${c.name} · ${c.email}` })),
      ]}
    />
  );
}

function AttentionList({ queue }: { queue: OrderPage | undefined }) {
  const { t } = useTranslation('dashboard');
  const waiting = (queue?.items ?? []).filter((o) => needsAttention(o.status));
  if (!queue || waiting.length === 0) return null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="attention-title"
      style={{ borderLeft: '4px solid var(--mantine-color-yellow-6)' }}
    >
      <Title order={2} size="h4" id="attention-title" mb="xs">
        {t('attention.title')}
      </Title>
      <List spacing="xs" listStyleType="none" ml={0} pl={0}>
        {waiting.map((order) => (
          <List.Item key={order.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor
                component={Link}
                to={orderPath(order)}
                fw={600}
                ff="monospace"
                aria-label={t('attention.open', { reference: order.reference })}
              >
                {order.reference}
              </Anchor>
              <Text size="sm" fw={600}>
                {needsAttention(order.status) && t(`attention.${order.status}`)}
              </Text>
              {order.activeDeadline && (
                <DeadlineBadge kind={order.activeDeadline.kind} due={order.activeDeadline.due} />
              )}
              {order.domain && (
                <Text size="sm" c="gray.7">
                  {order.domain}
                </Text>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {queue.total > waiting.length && (
        <Text size="sm" c="gray.7" mt="xs">
          {t('attention.more', { count: queue.total - waiting.length })}
        </Text>
      )}
    </Paper>
  );
}

function EntitiesSection({ client }: { client: string | undefined }) {
  const { t } = useTranslation('dashboard');
  const { data, error, isPending, refetch } = useMyEntities(client);
  return (
    <section aria-labelledby="entities-title">
      <Title order={2} size="h3" id="entities-title" mb="sm">
        {t('entities.title')}
      </Title>
      {isPending && <Text size="sm">{t('common:states.loading')}</Text>}
      {error && <ApiErrorAlert error={error} onRetry={() => void refetch()} />}
      {data && data.items.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('entities.empty')}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {data.items.map((held) => (
            <EntityCard key={held.entity.entityNumber} held={held} />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

function EntityCard({ held }: { held: HeldEntity }) {
  const { t } = useTranslation('dashboard');
  const { entity } = held;
  const separator = currentLanguage() === 'zh-CN' ? '、' : ', ';
  return (
    <Card withBorder radius="md" padding="md" component="article">
      <Stack gap={6}>
        <Title order={3} size="h5">
          {entity.unitName}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Anchor
            ff="monospace"
            fw={700}
            renderRoot={(props) => <Link {...props} to="/registry" search={{ q: entity.entityNumber }} />}
            aria-label={t('entities.findInRegistry', { number: entity.entityNumber })}
          >
            {entity.entityNumber}
          </Anchor>
          <Text size="xs" c="gray.7">
            {t('entities.approvedOn', { date: formatDate(entity.approvedOn) })}
          </Text>
        </Group>
        <Text size="sm" fw={600} mt="xs">
          {t('entities.services')}
        </Text>
        <List spacing={6} listStyleType="none" ml={0} pl={0}>
          {held.services.map((service) => (
            <List.Item key={service.serviceNumber}>
              <Stack gap={0}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {service.serviceName}
                  </Text>
                  <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
                    {t(`entities.serviceTypes.${service.serviceType}`)}
                  </Badge>
                  {service.isAccessLimited && (
                    <Badge size="xs" color="orange" variant="light" style={{ textTransform: 'none' }}>
                      {t('entities.accessLimited')}
                    </Badge>
                  )}
                </Group>
                <Anchor
                  size="sm"
                  ff="monospace"
                  renderRoot={(props) => (
                    <Link {...props} to="/registry" search={{ q: service.serviceNumber }} />
                  )}
                  aria-label={t('entities.findInRegistry', { number: service.serviceNumber })}
                >
                  {service.serviceNumber}
                </Anchor>
                {service.domains.length > 0 && (
                  <Text size="xs" c="gray.7">
                    {service.domains.map((d) => d.unicode).join(separator)}
                  </Text>
                )}
                <Text size="xs" c="gray.7">
                  {t('entities.approvedOn', { date: formatDate(service.approvedOn) })}
                  {service.accessProviders.length > 0 &&
                    ` · ${t('entities.access', {
                      providers: service.accessProviders
                        .map((p) => localize({ en: p.nameEn, zh: p.nameZh }))
                        .join(separator),
                    })}`}
                </Text>
              </Stack>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

function OrdersSection({
  list,
  page,
  onPage,
  clientOf,
}: {
  list: OrderPage;
  page: number;
  onPage: (page: number) => void;
  /** Agents with every client shown: the client an order was filed for (a name), or undefined for their own. */
  clientOf?: (order: OrderSummary) => string;
}) {
  const { t } = useTranslation('dashboard');
  const orders = list.items;
  return (
    <section aria-labelledby="orders-title">
      <Title order={2} size="h3" id="orders-title" mb="sm">
        {t('orders.title')}
      </Title>
      {orders.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('orders.empty')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760} visibleFrom="sm">
            <Table highlightOnHover withTableBorder verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orders.reference')}</Table.Th>
                  {clientOf && <Table.Th>{t('orders.client')}</Table.Th>}
                  <Table.Th>{t('orders.type')}</Table.Th>
                  <Table.Th>{t('orders.domain')}</Table.Th>
                  <Table.Th>{t('orders.status')}</Table.Th>
                  <Table.Th>{t('orders.deadline')}</Table.Th>
                  <Table.Th>{t('orders.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Td>
                      <Anchor component={Link} to={orderPath(order)} fw={600} ff="monospace" size="sm">
                        {order.reference}
                      </Anchor>
                    </Table.Td>
                    {clientOf && (
                      <Table.Td>
                        <Text size="sm">{clientOf(order)}</Text>
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Text size="sm">{t(`order:types.${order.type}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{order.domain ?? ''}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={order.status} />
                    </Table.Td>
                    <Table.Td>
                      {order.activeDeadline ? (
                        <DeadlineBadge kind={order.activeDeadline.kind} due={order.activeDeadline.due} />
                      ) : (
                        <Text size="sm" c="gray.7">
                          {t('orders.noDeadline')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(order.updatedAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="sm" hiddenFrom="sm">
            {orders.map((order) => (
              <Card key={order.id} withBorder radius="md" padding="sm" component="article">
                <Stack gap={4}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Anchor component={Link} to={orderPath(order)} fw={700} ff="monospace">
                      {order.reference}
                    </Anchor>
                    <StatusBadge status={order.status} />
                  </Group>
                  <Text size="sm">
                    {t(`order:types.${order.type}`)}
                    {order.domain ? ` · ${order.domain}` : ''}
                  </Text>
                  {clientOf && (
                    <Text size="xs" c="gray.7">
                      {t('orders.client')}: {clientOf(order)}
                    </Text>
                  )}
                  <Group gap="xs" wrap="wrap">
                    {order.activeDeadline && (
                      <DeadlineBadge kind={order.activeDeadline.kind} due={order.activeDeadline.due} />
                    )}
                    <Text size="xs" c="gray.7">
                      {t('orders.updated')}: {formatDateTime(order.updatedAt)}
                    </Text>
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
          <Box mt="xs">
            <ListPager
              page={page}
              pageSize={DASHBOARD_PAGE_SIZE}
              total={list.total}
              shown={orders.length}
              label={t('orders.title')}
              onChange={onPage}
            />
          </Box>
        </>
      )}
    </section>
  );
}

function FirstSteps({ client }: { client: string | undefined }) {
  const { t } = useTranslation('dashboard');
  return (
    <Paper withBorder p="xl" radius="md" component="section" aria-labelledby="first-steps-title">
      <Stack gap="sm" maw={640}>
        <Title order={2} size="h3" id="first-steps-title">
          {t('empty.title')}
        </Title>
        <Text>{t('empty.body')}</Text>
        <Group gap="sm" wrap="wrap">
          <Button component={Link} to="/eligibility" variant="light">
            {t('empty.eligibility')}
          </Button>
          <Button
            renderRoot={(props) => <Link {...props} to="/app/orders/new" search={client ? { client } : {}} />}
          >
            {t('empty.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { data: me } = useMe();
  const isAgent = hasAnyRole(me, ['agent']);
  const clients = useAgentClients(isAgent);
  // The route's validateSearch (search.ts) keeps only a well-formed client id and page.
  const search = useSearch({ strict: false }) as DashboardSearch;
  const navigate = useNavigate();
  const clientList = clients.data?.items ?? [];
  const names = new Map(clientList.map((c) => [c.client.id, c.client.name]));
  // A client in the URL the agent holds no authorisation for is not asked for (the API would say 404).
  const wanted = search.client === undefined ? undefined : String(search.client);
  const isUnknownClient =
    wanted !== undefined && (!isAgent || (clients.data !== undefined && !names.has(wanted)));
  const client = isAgent && wanted !== undefined && names.has(wanted) ? wanted : undefined;
  const isWaitingForClients = isAgent && search.client !== undefined && clients.isPending;
  const clientName = client ? names.get(client) : undefined;
  const page = search.page ?? 1;
  // Until the agent's clients are known, the URL's client cannot be checked: ask for nothing yet.
  const orders = useMyOrders(client, page, !isWaitingForClients);
  const queue = useMyQueue(client, !isWaitingForClients);
  const entities = useMyEntities(client, !isWaitingForClients);
  const isNew = !client && orders.data?.total === 0 && entities.data && entities.data.items.length === 0;
  const setSearch = (next: DashboardSearch) => void navigate({ to: '.', search: next });
  const scopeNotes = clientName
    ? {
        licences: t('client.licencesScope', { name: clientName }),
        monitor: t('client.monitorScope', { name: clientName }),
      }
    : undefined;

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('title')}
        description={t('description')}
        actions={<NewFilingButton client={client} />}
      />
      {isAgent && (
        <Stack gap={4}>
          {clients.error && <ApiErrorAlert error={clients.error} onRetry={() => void clients.refetch()} />}
          {clients.data && clientList.length === 0 && <Alert color="gray">{t('client.none')}</Alert>}
          {clientList.length > 0 && (
            <ClientSelector
              clients={clientList}
              value={client}
              onChange={(next) => setSearch(next ? { client: Number(next) } : {})}
            />
          )}
          {clientName && (
            <Text size="sm" c="gray.7" aria-live="polite">
              {t('client.scopeNote', { name: clientName })}
            </Text>
          )}
        </Stack>
      )}
      {isUnknownClient && (
        <Alert color="yellow" title={t('client.unknownTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('client.unknown')}</Text>
            <Button variant="light" size="xs" onClick={() => setSearch({})}>
              {t('client.showAll')}
            </Button>
          </Stack>
        </Alert>
      )}
      {(orders.isPending || isWaitingForClients) && (
        <Text aria-live="polite">{t('common:states.loading')}</Text>
      )}
      {orders.error && <ApiErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />}
      {isNew ? (
        <FirstSteps client={client} />
      ) : (
        <>
          <AttentionList queue={queue.data} />
          <MonitorSummaryCard {...(scopeNotes ? { scopeNote: scopeNotes.monitor } : {})} />
          <LicenceSummaryCard {...(scopeNotes ? { scopeNote: scopeNotes.licences } : {})} />
          <EntitiesSection client={client} />
          {orders.data && (
            <OrdersSection
              list={orders.data}
              page={page}
              onPage={(next) => setSearch({ ...search, page: next === 1 ? undefined : next })}
              {...(isAgent && !client && clientList.length > 0
                ? {
                    clientOf: (order: OrderSummary) =>
                      order.clientUserId
                        ? (names.get(order.clientUserId) ?? t('orders.formerClient'))
                        : t('orders.ownOrder'),
                  }
                : {})}
            />
          )}
        </>
      )}
    </Stack>
  );
}
