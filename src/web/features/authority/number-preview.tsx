import { Code, List, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import type { OrderView } from '../provider/api.ts';
import { useNumberPreview } from './api.ts';

/**
 * The numbers approving will issue, as the server computes them with the allocator's own rule
 * (GET /api/orders/:ref/number-preview): the entity number and each service's number with the
 * service it belongs to. They are provisional: allocated only when the approval commits.
 */
export function NumberPreview({ order }: { order: OrderView }) {
  const { t } = useTranslation(['authority', 'provider']);
  const preview = useNumberPreview(order.reference);

  if (preview.isPending) return <Loader size="sm" aria-label={t('numbers.loading')} />;
  if (preview.isError) return <ApiErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />;
  const { data } = preview;
  if (!data.issuesNumbers) return <Text size="sm">{t('numbers.noneForType')}</Text>;

  return (
    <Stack gap="xs">
      <Text size="sm">{t('numbers.intro')}</Text>
      <Text size="sm">
        {data.isNewEntityNumber ? t('numbers.entity') : t('numbers.entityOnFile')}{' '}
        <Code>{data.entityNumber}</Code>
      </Text>
      <List size="sm" spacing={4}>
        {data.services.map((service) => (
          <List.Item key={service.index}>
            {t(`provider:data.serviceTypes.${service.type}`)}{' '}
            {service.name ?? t('numbers.service', { n: service.index + 1 })}
            {service.domain && service.domain !== service.name ? ` (${service.domain})` : ''}:{' '}
            <Code>{service.number}</Code>
          </List.Item>
        ))}
      </List>
      {data.isProvisional && (
        <Text size="xs" c="dimmed">
          {data.isNewEntityNumber
            ? t('numbers.provisionalSerial', { year: data.approvalYear })
            : t('numbers.provisionalSuffix')}
        </Text>
      )}
    </Stack>
  );
}
