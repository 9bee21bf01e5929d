import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type OrderListParams, useOrderList } from '../api.ts';

const COUNTED = [
  { flag: 'overdue', key: 'overdue', color: 'red', filled: true },
  { flag: 'due_today', key: 'dueToday', color: 'red', filled: false },
  { flag: 'due_soon', key: 'dueSoon', color: 'grape', filled: false },
] as const;

/**
 * How many orders of the whole filtered list (every page) carry each alarming flag: the API counts
 * them with the same working-day flags the badges show.
 */
export function DeadlineSummary({ params }: { params: Omit<OrderListParams, 'flag' | 'page' | 'pageSize'> }) {
  const { t } = useTranslation('provider');
  const counts = [
    useOrderList({ ...params, flag: ['overdue'], pageSize: 1 }),
    useOrderList({ ...params, flag: ['due_today'], pageSize: 1 }),
    useOrderList({ ...params, flag: ['due_soon'], pageSize: 1 }),
  ];
  if (counts.some((count) => count.data === undefined)) return null;
  return (
    <Group gap="xs" aria-live="polite">
      {COUNTED.map(({ flag, key, color, filled }, index) => {
        const count = counts[index]?.data?.total ?? 0;
        return (
          <Badge
            key={flag}
            tt="none"
            color={count ? color : 'gray'}
            variant={count && filled ? 'filled' : 'light'}
          >
            {t(`queue.summary.${key}`, { count })}
          </Badge>
        );
      })}
    </Group>
  );
}
