import { Alert, Button, Card, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useAuditLog, useAuditVerification } from './api.ts';
import { AdminNav, READABLE_ALERT, ScrollTable, useActorLabel } from './shared.tsx';

export function AdminAuditPage() {
  const { t } = useTranslation('admin');
  return (
    <>
      <AdminNav />
      <PageTitle title={t('audit.title')} description={t('audit.description')} />
      <Stack gap="lg">
        <ChainStatus />
        <AuditTable />
      </Stack>
    </>
  );
}

/** The chain check, prominently: verified ✓, or the sequence number of the first broken link. */
export function ChainStatus() {
  const { t } = useTranslation('admin');
  const verification = useAuditVerification();
  const { data } = verification;
  return (
    <section aria-labelledby="audit-chain-title">
      <Title order={2} size="h3" id="audit-chain-title" mb="xs">
        {t('audit.chain.title')}
      </Title>
      <div aria-live="polite" aria-busy={verification.isFetching} data-testid="audit-chain-status">
        {verification.error ? (
          <ApiErrorAlert error={verification.error} onRetry={() => void verification.refetch()} />
        ) : !data ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text>{t('audit.chain.checking')}</Text>
          </Group>
        ) : data.ok ? (
          <Alert
            color="green"
            variant="light"
            {...READABLE_ALERT}
            icon={<IconShieldCheck aria-hidden />}
            title={t('audit.chain.ok', { count: data.count, n: formatNumber(data.count) })}
          >
            <Text size="sm">{t('audit.chain.okBody')}</Text>
            {data.headHash && (
              <Text size="xs" mt={4} style={{ wordBreak: 'break-all' }}>
                {t('audit.chain.head')} <Code>{data.headHash}</Code>
              </Text>
            )}
          </Alert>
        ) : (
          <Alert
            color="red.9"
            variant="filled"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('audit.chain.broken', { seq: data.brokenAt ?? '?' })}
          >
            <Text size="sm">
              {data.reason ? t(`audit.chain.reason.${data.reason}`) : ''}{' '}
              {t('audit.chain.brokenBody', { count: data.count, n: formatNumber(data.count) })}
            </Text>
          </Alert>
        )}
      </div>
      <Group mt="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => void verification.refetch()}
          loading={verification.isFetching}
        >
          {t('audit.chain.again')}
        </Button>
      </Group>
    </section>
  );
}

function AuditTable() {
  const { t } = useTranslation('admin');
  const log = useAuditLog();
  const actorLabel = useActorLabel();
  const events = log.data?.pages.flatMap((p) => p.items) ?? [];
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="audit-events-title">
      <Title order={2} size="h3" id="audit-events-title" mb="xs">
        {t('audit.events.title')}
      </Title>
      {log.error && !log.data ? (
        <ApiErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : log.isPending ? (
        <Text c="dimmed">{t('common:states.loading')}</Text>
      ) : events.length === 0 ? (
        <Text c="dimmed">{t('audit.events.empty')}</Text>
      ) : (
        <>
          {narrow ? (
            <Stack
              gap="xs"
              component="ol"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              data-testid="audit-events"
            >
              {events.map((e) => (
                <Card withBorder padding="xs" component="li" key={e.sequence}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={600}>
                      #{e.sequence} · {actorLabel(e.actor)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                    </Text>
                  </Group>
                  <Code>{e.action}</Code>{' '}
                  <Text span size="sm">
                    {e.subjectType} {e.subjectId}
                  </Text>
                </Card>
              ))}
            </Stack>
          ) : (
            <ScrollTable label={t('audit.events.title')} minWidth={860}>
              <Table verticalSpacing="xs" striped data-testid="audit-events">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('audit.events.sequence')}</Table.Th>
                    <Table.Th>{t('audit.events.when')}</Table.Th>
                    <Table.Th>{t('audit.events.actor')}</Table.Th>
                    <Table.Th>{t('audit.events.action')}</Table.Th>
                    <Table.Th>{t('audit.events.subject')}</Table.Th>
                    <Table.Th>{t('audit.events.hash')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((e) => (
                    <Table.Tr key={e.sequence}>
                      <Table.Td>{e.sequence}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{actorLabel(e.actor)}</Text>
                        {e.actor.startsWith('user:') && actorLabel(e.actor) !== e.actor && (
                          <Text size="xs" c="dimmed">
                            {e.actor}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Code>{e.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {e.subjectType}{' '}
                          <Text span c="dimmed" size="sm">
                            {e.subjectId}
                          </Text>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code title={e.hash}>{e.hash.slice(0, 12)}…</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {log.error && <ApiErrorAlert error={log.error} />}
          <Group mt="md" justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('audit.events.shown', { count: events.length, n: formatNumber(events.length) })}
            </Text>
            {log.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
              >
                {t('audit.events.more')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('audit.events.end')}
              </Text>
            )}
          </Group>
        </>
      )}
    </Card>
  );
}
