import { Badge, type BadgeProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';

/** Today in China (filing deadlines are China working days). */
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

interface Between {
  workingDays: number;
}

/**
 * "3 working days left" / "Due today" / "Overdue by 2 working days" for a deadline day, counted
 * in China working days by the server's calendar (holidays and make-up working days included).
 */
export function WorkingDayCountdown({ due, ...badge }: { due: string } & BadgeProps) {
  const { t } = useTranslation();
  const today = chinaToday();
  const dueDay = due.slice(0, 10);
  const { data } = useQuery({
    queryKey: ['calendar', 'between', today, dueDay],
    queryFn: () => api.get<Between>('/api/calendar/between', { from: today, to: dueDay }),
    staleTime: 3_600_000,
  });
  if (!data) return null;
  const n = data.workingDays;
  const color = n < 0 ? 'red' : n === 0 ? 'orange' : n <= 1 ? 'yellow' : 'gray';
  const label =
    n < 0
      ? t('time.overdueBy', { count: -n })
      : n === 0
        ? t('time.dueToday')
        : t('time.workingDaysLeft', { count: n });
  return (
    <Badge color={color} variant="light" title={formatDate(dueDay)} {...badge}>
      {label}
    </Badge>
  );
}
