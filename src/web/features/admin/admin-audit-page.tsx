import {
  Alert,
  Box,
  Button,
  Card,
  Code,
  Drawer,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import {
  type AuditFilter,
  useAuditEvent,
  useAuditLog,
  useAuditVerification,
  useUsers,
  useVerifyAuditChain,
} from './api.ts';
import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  describeAuditAction,
  describeAuditSubjectType,
} from './audit-labels.ts';
import { AdminNav, fieldError, READABLE_ALERT, ScrollTable, useActorLabel } from './shared.tsx';

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

/**
 * The chain check: the last verification with its time (cheap to show), and a button that walks the
 * whole chain now. Events recorded after the last walk are counted as not covered yet.
 */
export function ChainStatus() {
  const { t } = useTranslation('admin');
  const status = useAuditVerification();
  const verify = useVerifyAuditChain();
  const last = status.data?.last;
  const isRunning = verify.isPending || status.data?.isRunning === true;
  const since = last && status.data ? Math.max(0, status.data.headSequence - last.count) : 0;
  return (
    <section aria-labelledby="audit-chain-title">
      <Title order={2} size="h3" id="audit-chain-title" mb="xs">
        {t('audit.chain.title')}
      </Title>
      <div aria-live="polite" aria-busy={isRunning} data-testid="audit-chain-status">
        {status.error ? (
          <ApiErrorAlert error={status.error} onRetry={() => void status.refetch()} />
        ) : verify.error ? (
          <ApiErrorAlert error={verify.error} />
        ) : !status.data ? (
          <Text c="dimmed">{t('common:states.loading')}</Text>
        ) : isRunning ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text>{t('audit.chain.verifying')}</Text>
          </Group>
        ) : !last ? (
          <Alert color="gray" variant="light" {...READABLE_ALERT} title={t('audit.chain.never')}>
            <Text size="sm">{t('audit.chain.neverBody')}</Text>
          </Alert>
        ) : last.ok ? (
          <Alert
            color="green"
            variant="light"
            {...READABLE_ALERT}
            icon={<IconShieldCheck aria-hidden />}
            title={t('audit.chain.ok', { count: last.count, n: formatNumber(last.count) })}
          >
            <Text size="sm">
              {t('audit.chain.okBody')} {t('audit.chain.verifiedAt', { at: formatDateTime(last.verifiedAt) })}
              {since > 0 && ` ${t('audit.chain.since', { count: since, n: formatNumber(since) })}`}
            </Text>
            {last.headHash && (
              <Text size="xs" mt={4} style={{ wordBreak: 'break-all' }}>
                {t('audit.chain.head')} <Code>{last.headHash}</Code>
              </Text>
            )}
          </Alert>
        ) : (
          <Alert
            color="red.9"
            variant="filled"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('audit.chain.broken', { seq: last.brokenAt ?? '?' })}
          >
            <Text size="sm">
              {last.reason ? t(`audit.chain.reason.${last.reason}`) : ''}{' '}
              {t('audit.chain.brokenBody', { count: last.count, n: formatNumber(last.count) })}{' '}
              {t('audit.chain.verifiedAt', { at: formatDateTime(last.verifiedAt) })}
            </Text>
          </Alert>
        )}
      </div>
      <Group mt="xs">
        <Button size="xs" variant="default" onClick={() => verify.mutate()} loading={isRunning}>
          {last ? t('audit.chain.again') : t('audit.chain.verifyNow')}
        </Button>
      </Group>
    </section>
  );
}

/** What the filter form holds; applied filters go to the server as they are. */
interface FilterDraft {
  actor: string | null;
  action: string | null;
  subjectType: string | null;
  subjectId: string;
  from: string;
  to: string;
}

const emptyDraft: FilterDraft = {
  actor: null,
  action: null,
  subjectType: null,
  subjectId: '',
  from: '',
  to: '',
};

function toFilter(draft: FilterDraft): AuditFilter {
  const subjectId = draft.subjectId.trim();
  return {
    ...(draft.actor ? { actor: draft.actor } : {}),
    ...(draft.action ? { action: draft.action } : {}),
    ...(draft.subjectType ? { subjectType: draft.subjectType } : {}),
    ...(subjectId ? { subjectId } : {}),
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.to ? { to: draft.to } : {}),
  };
}

function AuditFilters({
  onApply,
  isFiltered,
  draft,
  onDraft,
  error,
}: {
  onApply: (filter: AuditFilter) => void;
  isFiltered: boolean;
  draft: FilterDraft;
  onDraft: (draft: FilterDraft) => void;
  error: unknown;
}) {
  const { t } = useTranslation('admin');
  const users = useUsers('', 500);
  const rangeError = draft.from && draft.to && draft.from > draft.to ? t('audit.filters.order') : undefined;
  const actors = [
    { value: 'system', label: t('actors.system') },
    { value: 'cli', label: t('actors.cli') },
    ...(users.data?.items ?? []).map(({ user }) => ({
      value: `user:${user.id}`,
      label: `${user.name} (${user.email})`,
    })),
  ];
  const actions = AUDIT_ACTIONS.map((action) => ({
    value: action,
    label: describeAuditAction(action, t as never),
  })).sort((a, b) => a.label.localeCompare(b.label));
  const subjects = AUDIT_SUBJECT_TYPES.map((type) => ({
    value: type,
    label: describeAuditSubjectType(type, t as never),
  })).sort((a, b) => a.label.localeCompare(b.label));
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!rangeError) onApply(toFilter(draft));
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('audit.filters.label')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Select
          label={t('audit.filters.actor')}
          placeholder={t('audit.filters.anyone')}
          data={actors}
          value={draft.actor}
          onChange={(actor) => onDraft({ ...draft, actor })}
          searchable
          clearable
        />
        <Select
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.anyAction')}
          data={actions}
          value={draft.action}
          onChange={(action) => onDraft({ ...draft, action })}
          searchable
          clearable
        />
        <Select
          label={t('audit.filters.subjectType')}
          placeholder={t('audit.filters.anySubject')}
          data={subjects}
          value={draft.subjectType}
          onChange={(subjectType) => onDraft({ ...draft, subjectType })}
          searchable
          clearable
        />
        <TextInput
          label={t('audit.filters.subjectId')}
          placeholder={t('audit.filters.subjectIdHint')}
          value={draft.subjectId}
          onChange={(e) => onDraft({ ...draft, subjectId: e.currentTarget.value })}
          error={fieldError(error, 'subjectId', 'querystring.subjectId')}
        />
        <TextInput
          type="date"
          label={t('audit.filters.from')}
          value={draft.from}
          onChange={(e) => onDraft({ ...draft, from: e.currentTarget.value })}
          error={fieldError(error, 'from', 'querystring.from')}
        />
        <TextInput
          type="date"
          label={t('audit.filters.to')}
          value={draft.to}
          onChange={(e) => onDraft({ ...draft, to: e.currentTarget.value })}
          error={fieldError(error, 'to', 'querystring.to') ?? rangeError}
        />
      </SimpleGrid>
      <Group gap="xs" mt="sm">
        <Button type="submit">{t('audit.filters.apply')}</Button>
        {isFiltered && (
          <Button
            variant="default"
            onClick={() => {
              onDraft(emptyDraft);
              onApply({});
            }}
          >
            {t('audit.filters.clear')}
          </Button>
        )}
      </Group>
    </form>
  );
}

/** One event in full: its link in the chain (hash, previous hash) and the data that was hashed. */
function EventDrawer({
  sequence,
  onClose,
  onShowRecord,
}: {
  sequence: number | null;
  onClose: () => void;
  onShowRecord: (subjectType: string, subjectId: string) => void;
}) {
  const { t } = useTranslation('admin');
  const event = useAuditEvent(sequence);
  const actorLabel = useActorLabel();
  const e = event.data;
  return (
    <Drawer
      opened={sequence !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={sequence === null ? '' : t('audit.detail.title', { seq: sequence })}
    >
      {event.error ? (
        <ApiErrorAlert error={event.error} onRetry={() => void event.refetch()} />
      ) : !e ? (
        <Text c="dimmed">{t('common:states.loading')}</Text>
      ) : (
        <Stack gap="sm" data-testid="audit-event-detail">
          <DetailRow label={t('audit.detail.when')}>
            <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
          </DetailRow>
          <DetailRow label={t('audit.detail.actor')}>
            {actorLabel(e.actor)}{' '}
            {actorLabel(e.actor) !== e.actor && (
              <Text span size="xs" c="dimmed">
                {e.actor}
              </Text>
            )}
          </DetailRow>
          <DetailRow label={t('audit.detail.action')}>
            {describeAuditAction(e.action, t as never)} <Code>{e.action}</Code>
          </DetailRow>
          <DetailRow label={t('audit.detail.subject')}>
            {describeAuditSubjectType(e.subjectType, t as never)} <Code>{e.subjectId}</Code>
            <Button
              variant="subtle"
              size="compact-xs"
              ml="xs"
              onClick={() => onShowRecord(e.subjectType, e.subjectId)}
            >
              {t('audit.detail.showRecord')}
            </Button>
          </DetailRow>
          <DetailRow label={t('audit.detail.hash')}>
            <Code style={{ wordBreak: 'break-all' }}>{e.hash}</Code>
          </DetailRow>
          <DetailRow label={t('audit.detail.prevHash')}>
            <Code style={{ wordBreak: 'break-all' }}>{e.prevHash}</Code>
          </DetailRow>
          <div>
            <Text size="sm" fw={600}>
              {t('audit.detail.payload')}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {t('audit.detail.payloadHint')}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {JSON.stringify(e.payload, null, 2)}
            </Code>
          </div>
        </Stack>
      )}
    </Drawer>
  );
}

function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function AuditTable() {
  const { t } = useTranslation('admin');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState<FilterDraft>(emptyDraft);
  const [open, setOpen] = useState<number | null>(null);
  const log = useAuditLog(filter);
  const actorLabel = useActorLabel();
  const isFiltered = Object.keys(filter).length > 0;
  const showRecord = (subjectType: string, subjectId: string) => {
    const next = { ...emptyDraft, subjectType, subjectId };
    setDraft(next);
    setFilter(toFilter(next));
    setOpen(null);
  };
  const details = (sequence: number) => (
    <Button
      variant="subtle"
      size="compact-xs"
      onClick={() => setOpen(sequence)}
      aria-label={t('audit.detail.open', { seq: sequence })}
    >
      #{sequence}
    </Button>
  );
  const events = log.data?.pages.flatMap((p) => p.items) ?? [];
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="audit-events-title">
      <Title order={2} size="h3" id="audit-events-title" mb="xs">
        {t('audit.events.title')}
      </Title>
      <Box mb="md">
        <AuditFilters
          onApply={setFilter}
          isFiltered={isFiltered}
          draft={draft}
          onDraft={setDraft}
          error={log.error}
        />
      </Box>
      <EventDrawer sequence={open} onClose={() => setOpen(null)} onShowRecord={showRecord} />
      {log.error && !log.data ? (
        <ApiErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : log.isPending ? (
        <Text c="dimmed">{t('common:states.loading')}</Text>
      ) : events.length === 0 ? (
        <Text c="dimmed">{isFiltered ? t('audit.filters.none') : t('audit.events.empty')}</Text>
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
                      {details(e.sequence)} · {actorLabel(e.actor)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                    </Text>
                  </Group>
                  <Text size="sm">{describeAuditAction(e.action, t as never)}</Text>
                  <Text size="sm" c="dimmed">
                    {describeAuditSubjectType(e.subjectType, t as never)} {e.subjectId}
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
                      <Table.Td>{details(e.sequence)}</Table.Td>
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
                        <Text size="sm" title={e.action}>
                          {describeAuditAction(e.action, t as never)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {describeAuditSubjectType(e.subjectType, t as never)}{' '}
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
