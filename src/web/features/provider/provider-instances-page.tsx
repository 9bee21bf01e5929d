import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDate, formatDateTime, localize } from '../../lib/format.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type Instance, type ServiceCode, useInstances, useIssueServiceCode } from './api.ts';
import { ConsoleNav, useProviderNav } from './console-nav.tsx';
import { CreateInstanceForm } from './instances/create-instance-form.tsx';
import { useOrderLabels } from './queue/order-table.tsx';

const MAX_CODES = 5;

function CopyCode({ code, label }: { code: string; label: string }) {
  const { t } = useTranslation('provider');
  return (
    <CopyButton value={code} timeout={2000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('common:actions.copied') : t('common:actions.copy')} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            onClick={copy}
            aria-label={copied ? t('common:actions.copied') : label}
          >
            {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** The first block of the code: enough to tell codes apart without putting the whole code on screen. */
function maskCode(code: string): string {
  return `${code.slice(0, 8)}…`;
}

const STATUS_COLOR: Record<ServiceCode['status'], string> = {
  available: 'blue',
  bound: 'violet',
  burnt: 'gray',
};

function CodesTable({ instance }: { instance: Instance }) {
  const { t } = useTranslation('provider');
  if (instance.codes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('instances.noCodes')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('instances.codes.code')}</Table.Th>
            <Table.Th scope="col">{t('instances.codes.status')}</Table.Th>
            <Table.Th scope="col">{t('instances.codes.issued')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {instance.codes.map((code) => (
            <Table.Tr key={code.id}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Code>{maskCode(code.code)}</Code>
                  <CopyCode code={code.code} label={t('instances.copyCode', { code: maskCode(code.code) })} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge tt="none" color={STATUS_COLOR[code.status]} variant="light">
                  {t(`instances.codes.statuses.${code.status}`)}
                </Badge>
                {code.orderReference !== undefined ? (
                  <Anchor
                    component={Link}
                    to={`/provider/orders/${encodeURIComponent(code.orderReference)}`}
                    size="xs"
                    ml={6}
                  >
                    {code.orderReference}
                  </Anchor>
                ) : (
                  code.orderId !== undefined && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {t('instances.codes.order', { id: code.orderId })}
                    </Text>
                  )
                )}
              </Table.Td>
              <Table.Td>{formatDate(code.issuedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InstanceCard({ instance, canIssue }: { instance: Instance; canIssue: boolean }) {
  const { t } = useTranslation('provider');
  const labels = useOrderLabels();
  const issue = useIssueServiceCode();
  const [issued, setIssued] = useState<ServiceCode | undefined>();
  const used = MAX_CODES - instance.codesRemaining;
  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Box>
          <Title order={2} fz="md">
            {instance.name}
          </Title>
          <Text size="xs" c="dimmed">
            {t('instances.idLine', { id: instance.id, owner: instance.ownerUserId })}
          </Text>
        </Box>
        <Badge
          tt="none"
          color={instance.eligibility.eligible ? 'teal.9' : 'red'}
          variant={instance.eligibility.eligible ? 'outline' : 'light'}
        >
          {instance.eligibility.eligible ? t('instances.eligible') : t('instances.ineligible')}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} mt="sm">
        <Text size="sm">
          <Text span c="dimmed">
            {t('instances.region')}:{' '}
          </Text>
          {instance.region} · {labels.province(instance.provinceCode)}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('instances.publicIp')}:{' '}
          </Text>
          {instance.publicIp}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('instances.subscription')}:{' '}
          </Text>
          {formatDate(instance.subscriptionStart)} – {formatDate(instance.subscriptionEnd)}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            {t('instances.created')}:{' '}
          </Text>
          {formatDateTime(instance.createdAt)}
        </Text>
      </SimpleGrid>
      {instance.eligibility.issues.length > 0 && (
        <List size="sm" mt="xs" c="red.8">
          {instance.eligibility.issues.map((found) => (
            <List.Item key={found.code}>{localize(found.message)}</List.Item>
          ))}
        </List>
      )}
      <Group justify="space-between" mt="md" mb="xs" wrap="wrap">
        <Title order={3} fz="sm">
          {t('instances.codes.title', { used, max: MAX_CODES })}
        </Title>
        {canIssue && (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => {
              setIssued(undefined);
              issue.mutate(instance.id, { onSuccess: (result) => setIssued(result.code) });
            }}
            loading={issue.isPending}
            disabled={!instance.eligibility.eligible || instance.codesRemaining === 0}
            aria-label={t('instances.issueFor', { name: instance.name })}
          >
            {t('instances.issue')}
          </Button>
        )}
      </Group>
      <Box aria-live="polite">
        {issued && (
          <Alert
            color="green"
            variant="light"
            mb="sm"
            withCloseButton
            closeButtonLabel={t('common:actions.close')}
            onClose={() => setIssued(undefined)}
          >
            <Text size="sm" mb={4}>
              {t('instances.issuedOnce')}
            </Text>
            <Group gap={4} wrap="nowrap">
              <Code style={{ overflowWrap: 'anywhere' }}>{issued.code}</Code>
              <CopyCode code={issued.code} label={t('instances.copyNewCode')} />
            </Group>
          </Alert>
        )}
      </Box>
      <ApiErrorAlert error={issue.error} />
      {instance.codesRemaining === 0 && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('instances.noneLeft')}
        </Text>
      )}
      <CodesTable instance={instance} />
    </Card>
  );
}

/** The provider's instances and the filing service codes each can issue (at most five, ever). */
export function ProviderInstancesPage() {
  const { t } = useTranslation('provider');
  const nav = useProviderNav();
  const { data: me } = useMe();
  const instances = useInstances();
  const isAdmin = hasAnyRole(me, ['provider_admin', 'platform_admin']);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | undefined>();

  return (
    <Stack gap="md">
      <ConsoleNav items={nav} />
      <PageTitle
        title={t('instances.title')}
        description={t('instances.description')}
        actions={
          isAdmin &&
          !creating && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                setCreated(undefined);
                setCreating(true);
              }}
            >
              {t('instances.create')}
            </Button>
          )
        }
      />
      {creating && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="lg" mb="sm">
            {t('instances.createTitle')}
          </Title>
          <CreateInstanceForm
            onCancel={() => setCreating(false)}
            onCreated={(instance) => {
              setCreating(false);
              setCreated(t('instances.createdNotice', { name: instance.name }));
            }}
          />
        </Paper>
      )}
      <Box aria-live="polite" role="status">
        {created && (
          <Alert
            color="green"
            variant="light"
            withCloseButton
            closeButtonLabel={t('common:actions.close')}
            onClose={() => setCreated(undefined)}
          >
            {created}
          </Alert>
        )}
      </Box>
      {!isAdmin && (
        <Text size="sm" c="dimmed">
          {t('instances.adminsOnly')}
        </Text>
      )}
      {instances.isPending && <Loader aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={instances.error} onRetry={() => void instances.refetch()} />
      {instances.data && instances.data.items.length === 0 && (
        <Alert variant="light" color="gray">
          {t('instances.none')}
        </Alert>
      )}
      {instances.data && instances.data.items.length > 0 && (
        <Stack
          component="ul"
          gap="md"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('instances.title')}
        >
          {instances.data.items.map((instance) => (
            <InstanceCard key={instance.id} instance={instance} canIssue={isAdmin} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
