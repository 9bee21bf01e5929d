import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WorkingDayCountdown } from '../../components/working-day-countdown.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { DeadlineKind } from './api.ts';

/**
 * The time left to a deadline: review deadlines count China working days (the server's calendar);
 * the SMS code's 24 hours are plain hours.
 */
export function DeadlineBadge({ kind, due }: { kind: DeadlineKind; due: string }) {
  const { t } = useTranslation();
  if (kind !== 'smsExpiresAt') return <WorkingDayCountdown due={toChinaDay(due)} />;
  const hours = Math.floor((new Date(due).getTime() - Date.now()) / 3_600_000);
  return (
    <Badge
      color={hours < 0 ? 'red' : hours < 4 ? 'orange' : 'grape'}
      variant="light"
      title={formatDateTime(due)}
    >
      {hours < 0 ? t('order:sms.expired') : t('time.hoursLeft', { count: hours })}
    </Badge>
  );
}

/** The China calendar day of an instant (deadlines end at 23:59:59 China time). */
export function toChinaDay(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));
}
