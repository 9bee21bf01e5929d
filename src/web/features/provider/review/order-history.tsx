import { Alert, Badge, Group, List, Loader, Select, Table, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { EventActorText } from '../../../components/event-actor.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDateTime, localize } from '../../../lib/format.ts';
import { type OrderView, type ReturnReason, useOrderDocuments, useVersionsDiff } from '../api.ts';
import { describeFieldPath } from './fields.ts';

/** The order's events, oldest first, as the API lists them. */
export function EventTimeline({ order }: { order: OrderView }) {
  const { t } = useTranslation('provider');
  const events = [...order.events].reverse();
  if (events.length === 0) return <Text c="dimmed">{t('history.none')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={events.length}>
      {events.map((event, index) => {
        const reasons = Array.isArray(event.details.reasons) ? (event.details.reasons as ReturnReason[]) : [];
        const version = typeof event.details.version === 'number' ? event.details.version : undefined;
        return (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; their order is fixed.
            key={index}
            title={
              <Text fw={600} size="sm">
                {t(`history.events.${event.type}` as never, { defaultValue: event.type })}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> ·{' '}
              <EventActorText actor={event.actor} />
              {version !== undefined && ` · ${t('history.version', { n: version })}`}
            </Text>
            {event.from !== event.to && (
              <Group gap={4} mt={4}>
                <StatusBadge status={event.to} />
              </Group>
            )}
            {reasons.length > 0 && <ReasonList reasons={reasons} compact />}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** Reasons of a return or rejection, each with its field. */
export function ReasonList({ reasons, compact = false }: { reasons: ReturnReason[]; compact?: boolean }) {
  const { t } = useTranslation('provider');
  const language = currentLanguage();
  return (
    <List size={compact ? 'xs' : 'sm'} mt={4} spacing={4}>
      {reasons.map((reason, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id.
        <List.Item key={index}>
          <Text span fw={600} size={compact ? 'xs' : 'sm'}>
            {describeFieldPath(t, reason.fieldPath)}:
          </Text>{' '}
          {(language === 'zh-CN' ? reason.text.zh : reason.text.en) ?? reason.text.en ?? reason.text.zh}
        </List.Item>
      ))}
    </List>
  );
}

/** A value as the reviewer reads it: document kinds by name, person references by label. */
function useShow(orderRef: string) {
  const { t } = useTranslation('provider');
  const documents = useOrderDocuments(orderRef);
  const kinds = new Map(
    (documents.data?.uploadableKinds ?? []).map((k) => [k.id, localize({ en: k.nameEn, zh: k.nameZh })]),
  );
  return (path: string, value: unknown): string => {
    if (value === undefined || value === null) return '—';
    if (typeof value === 'string') {
      if (/\.kind$/u.test(path)) return kinds.get(value) ?? value;
      if (/\.personRef$/u.test(path)) return describeFieldPath(t, value);
      return value;
    }
    if (typeof value === 'boolean') return value ? t('data.yes') : t('data.no');
    return JSON.stringify(value);
  };
}

/** What changed between two submitted versions (by default the last against the one before). */
export function VersionsDiff({ order }: { order: OrderView }) {
  const { t } = useTranslation('provider');
  const versions = order.versions.map((v) => v.version);
  const [to, setTo] = useState<number | undefined>(order.submittedVersion);
  const diff = useVersionsDiff(order.reference, to, versions.length > 1);
  const show = useShow(order.reference);
  if (versions.length < 2) return <Text c="dimmed">{t('diff.firstVersion')}</Text>;
  return (
    <>
      <Select
        label={t('diff.compare')}
        data={versions
          .filter((v) => v > 1)
          .map((v) => ({ value: String(v), label: t('diff.versionPair', { from: v - 1, to: v }) }))}
        value={to === undefined ? null : String(to)}
        onChange={(value) => setTo(value ? Number(value) : undefined)}
        allowDeselect={false}
        maw={280}
        mb="sm"
      />
      {diff.isPending && <Loader size="sm" aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />
      {diff.data && diff.data.changes.length === 0 && <Alert variant="light">{t('diff.noChanges')}</Alert>}
      {diff.data && diff.data.changes.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <caption style={{ textAlign: 'left', captionSide: 'top', paddingBottom: 8 }}>
              {t('diff.caption', { from: diff.data.fromVersion ?? '—', to: diff.data.toVersion })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('diff.field')}</Table.Th>
                <Table.Th scope="col">{t('diff.before')}</Table.Th>
                <Table.Th scope="col">{t('diff.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.data.changes.map((change) => (
                <Table.Tr key={change.path}>
                  <Table.Td>
                    <Text size="sm">{describeFieldPath(t, change.path)}</Text>
                    <Badge
                      tt="none"
                      size="xs"
                      variant="light"
                      color={change.kind === 'added' ? 'blue' : change.kind === 'removed' ? 'red' : 'violet'}
                    >
                      {t(`diff.kinds.${change.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" td={change.kind === 'changed' ? 'line-through' : undefined} c="dimmed">
                      {show(change.path, change.before)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500}>
                      {show(change.path, change.after)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
