import { Badge, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WorkingDayCountdown } from '../../../components/working-day-countdown.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { OrderSummary } from '../api.ts';

/** The current time, ticking every `everyMs` (for countdowns in hours). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "5 h 12 min left" / "Expired" for the 24-hour SMS window. */
export function HoursLeft({ until }: { until: string }) {
  const { t } = useTranslation('provider');
  const now = useNow();
  const ms = new Date(until).getTime() - now;
  if (ms <= 0)
    return (
      <Badge tt="none" color="red" variant="light">
        {t('deadline.expired')}
      </Badge>
    );
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return (
    <Badge tt="none" color={hours < 4 ? 'red' : 'grape'} variant="light" title={formatDateTime(until)}>
      {t('deadline.hoursMinutesLeft', { hours, minutes: minutes % 60 })}
    </Badge>
  );
}

/**
 * The deadline of the step the order is in: China working days for the reviews (the server's
 * calendar counts them), hours for the SMS window. The API's flag stands in while the count loads.
 */
export function DeadlineBadge({
  order,
  withDate = false,
}: {
  order: Pick<OrderSummary, 'activeDeadline' | 'deadlineFlag'>;
  withDate?: boolean;
}) {
  const { t } = useTranslation('provider');
  const active = order.activeDeadline;
  if (!active)
    return (
      <Text size="sm" c="dimmed">
        {t('deadline.none')}
      </Text>
    );
  return (
    <Group gap={6} wrap="wrap">
      {active.kind === 'smsExpiresAt' ? (
        <HoursLeft until={active.due} />
      ) : order.deadlineFlag === 'overdue' ? (
        <Badge tt="none" color="red" variant="filled">
          {t('deadline.overdue')}
        </Badge>
      ) : (
        <WorkingDayCountdown due={active.due} tt="none" />
      )}
      {withDate && (
        <Text size="xs" c="dimmed">
          {t(`deadline.kinds.${active.kind}`)} {formatDateTime(active.due)}
        </Text>
      )}
    </Group>
  );
}
