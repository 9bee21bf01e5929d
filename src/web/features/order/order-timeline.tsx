import { Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EventActorText } from '../../components/event-actor.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { Order, OrderEvent, ReturnReason } from './api.ts';
import { DeadlineBadge } from './deadline-badge.tsx';
import { describeFieldPath } from './field-paths.ts';
import { reasonText } from './return-reasons.tsx';

/** The real authority's decision entered by the provider (recorded mode), not taken on the platform. */
function isRecordedDecision(event: OrderEvent): boolean {
  return (
    (event.type === 'approved_by_authority' || event.type === 'rejected_by_authority') &&
    event.details.mode === 'recorded'
  );
}

function isReasonList(value: unknown): value is ReturnReason[] {
  return Array.isArray(value) && value.every((r) => typeof r === 'object' && r !== null && 'reasonCode' in r);
}

function EventDetails({ event }: { event: OrderEvent }) {
  const { t } = useTranslation('order');
  const { details } = event;
  const lines: string[] = [];
  if (typeof details.version === 'number') lines.push(t('timeline.version', { version: details.version }));
  if (typeof details.remaining === 'number')
    lines.push(t('timeline.attemptsRemaining', { count: details.remaining }));
  if (Array.isArray(details.recipients) && details.recipients.length > 0) {
    const recipients = details.recipients
      .map((r) =>
        r === 'entity_leader' || r === 'service_admin' ? t(`timeline.recipients.${r}`) : String(r),
      )
      .join(currentLanguage() === 'zh-CN' ? '、' : ', ');
    lines.push(t('timeline.smsSentTo', { recipients }));
  }
  for (const kind of ['providerReviewDue', 'authorityReviewDue', 'smsExpiresAt'] as const) {
    const due = details[kind];
    if (typeof due === 'string')
      lines.push(t(`timeline.deadlineKinds.${kind}`, { date: formatDateTime(due) }));
  }
  const reasons = isReasonList(details.reasons) ? details.reasons : [];
  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="sm" c="gray.7">
          {line}
        </Text>
      ))}
      {reasons.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {reasons.map((reason) => (
            <List.Item key={`${reason.fieldPath ?? ''}-${reason.reasonCode}`}>
              {reason.fieldPath && (
                <Text
                  span
                  inherit
                  fw={600}
                >{`${describeFieldPath(reason.fieldPath, t)}${currentLanguage() === 'zh-CN' ? '：' : ': '}`}</Text>
              )}
              {reasonText(reason)}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** Every event of the order, oldest first, with who acted and when, and the deadline running now. */
export function OrderTimeline({ order }: { order: Order }) {
  const { t } = useTranslation('order');
  const active = order.activeDeadline;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="timeline-title">
          {t('timeline.title')}
        </Title>
        {active && (
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('timeline.nextDeadline')}:
            </Text>
            <Text size="sm">
              {t(`timeline.deadlineKinds.${active.kind}`, { date: formatDateTime(active.due) })}
            </Text>
            <DeadlineBadge kind={active.kind} due={active.due} />
          </Group>
        )}
        <Timeline bulletSize={14} lineWidth={2} active={order.events.length} mt="xs">
          <Timeline.Item title={t('events.created')}>
            <Text size="xs" c="gray.7">
              <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time> ·{' '}
              <EventActorText actor={order.createdBy} />
            </Text>
          </Timeline.Item>
          {order.events.map((event) => (
            <Timeline.Item
              // Events have no id on the wire; time and type tell them apart.
              key={`${event.at}-${event.type}`}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm">
                    {t(`events.${event.type}` as never, { defaultValue: event.type }) as string}
                  </Text>
                  {event.to !== event.from && <StatusBadge status={event.to} />}
                </Group>
              }
            >
              <Text size="xs" c="gray.7">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> ·{' '}
                <EventActorText actor={event.actor} />
                {isRecordedDecision(event) && ` · ${t('timeline.recordedDecision')}`}
              </Text>
              <EventDetails event={event} />
            </Timeline.Item>
          ))}
        </Timeline>
        {order.events.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('timeline.empty')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
