import { Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceType } from '../../../domain/order-content/order-content.ts';
import { chinaToday } from '../../components/working-day-countdown.tsx';
import { type OrderView, useProvinces } from '../provider/api.ts';

/**
 * The numbers an approval will issue, as far as they can be known before it: the API has no preview,
 * so this follows the sandbox's rule (src/app/orders/issue-filing-numbers.ts). A first filing gets
 * <province abbreviation>ICP备<approval year><next six-digit serial of the province and year>号, and
 * each service the next suffix of the entity's one sequence: -1 for a website, -2A an app, -3X a
 * mini-program, -4K a quick app. The serial (and an added service's index) is allocated at approval.
 */

const SUFFIX_LETTERS: Record<ServiceType, string> = {
  website: '',
  app: 'A',
  mini_program: 'X',
  quick_app: 'K',
};

export function NumberPreview({ order }: { order: OrderView }) {
  const { t } = useTranslation('authority');
  const province = useProvinces().data?.items.find((p) => p.code === order.provinceCode);
  const services = order.content.services ?? [];
  const year = chinaToday().slice(0, 4);

  if (order.type !== 'first_filing' && order.type !== 'add_service') {
    return <Text size="sm">{t('numbers.noneForType')}</Text>;
  }
  const entity =
    order.type === 'first_filing'
      ? `${province?.icpAbbreviation ?? '?'}ICP备${year}NNNNNN号`
      : (order.entityNumber ?? t('numbers.entityOnFile'));
  const suffix = (index: number, type: ServiceType | undefined) =>
    order.type === 'first_filing'
      ? `${index + 1}${SUFFIX_LETTERS[type ?? 'website']}`
      : `n${SUFFIX_LETTERS[type ?? 'website']}`;

  return (
    <Stack gap="xs">
      <Text size="sm">{t('numbers.intro')}</Text>
      <Text size="sm">
        {t('numbers.entity')} <Code>{entity}</Code>
      </Text>
      <List size="sm" spacing={4}>
        {services.map((service, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: services have no id; the index is their number.
          <List.Item key={index}>
            {service.name ?? service.domain ?? t('numbers.service', { n: index + 1 })}:{' '}
            <Code>{`${entity}-${suffix(index, service.type)}`}</Code>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {order.type === 'first_filing'
          ? t('numbers.firstFilingRule', { abbreviation: province?.icpAbbreviation ?? '?', year })
          : t('numbers.addServiceRule')}
      </Text>
    </Stack>
  );
}
