import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../api.ts';

/** How many orders of the list carry each alarming flag, for the summary line. */
export function DeadlineSummary({ orders }: { orders: readonly OrderSummary[] }) {
  const { t } = useTranslation('provider');
  const overdue = orders.filter((o) => o.deadlineFlag === 'overdue').length;
  const dueToday = orders.filter((o) => o.deadlineFlag === 'due_today').length;
  const dueSoon = orders.filter((o) => o.deadlineFlag === 'due_soon').length;
  return (
    <Group gap="xs" aria-live="polite">
      <Badge tt="none" color={overdue ? 'red' : 'gray'} variant={overdue ? 'filled' : 'light'}>
        {t('queue.summary.overdue', { count: overdue })}
      </Badge>
      <Badge tt="none" color={dueToday ? 'red' : 'gray'} variant="light">
        {t('queue.summary.dueToday', { count: dueToday })}
      </Badge>
      <Badge tt="none" color={dueSoon ? 'grape' : 'gray'} variant="light">
        {t('queue.summary.dueSoon', { count: dueSoon })}
      </Badge>
    </Group>
  );
}
