import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chinaToday, WorkingDayCountdown } from '../../components/working-day-countdown.tsx';
import { formatDate } from '../../lib/format.ts';
import { type ActiveDeadline, countCalendarDays, toChinaDay } from './deadlines.ts';

/**
 * The time left to a deadline: the acceptance check counts China working days (the server's
 * calendar), the review calendar days (60 from acceptance, ref-9-licence).
 */
export function LicenceDeadlineBadge({ deadline }: { deadline: ActiveDeadline }) {
  const { t } = useTranslation('licences');
  const dueDay = toChinaDay(deadline.due);
  if (deadline.kind === 'acceptance') return <WorkingDayCountdown due={dueDay} tt="none" />;
  const days = countCalendarDays(chinaToday(), dueDay);
  const color = days < 0 ? 'red' : days === 0 ? 'orange' : days <= 7 ? 'yellow' : 'gray';
  const label =
    days < 0
      ? t('deadlines.overdueBy', { count: -days })
      : days === 0
        ? t('deadlines.dueToday')
        : t('deadlines.daysLeft', { count: days });
  return (
    <Badge color={color} variant="light" tt="none" title={formatDate(dueDay)}>
      {label}
    </Badge>
  );
}
