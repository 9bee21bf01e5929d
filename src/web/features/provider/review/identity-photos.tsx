import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/format.ts';
import { type OrderView, useOrderDocuments } from '../api.ts';
import { buildViewerItems, DocumentPreview } from './document-viewer.tsx';
import { describeFieldPath } from './fields.ts';
import { findPersonName, pairIdentityDocuments } from './review-people.ts';

/**
 * The identity check (真实性核验): each verification photo beside the same person's ID document
 * scans, for the reviewer's verdict. Shown while the order waits for it.
 */
export function IdentityPhotos({ order }: { order: OrderView }) {
  const { t } = useTranslation('provider');
  const documents = useOrderDocuments(order.reference);
  const kindNames = new Map(
    (documents.data?.uploadableKinds ?? []).map((k) => [k.id, localize({ en: k.nameEn, zh: k.nameZh })]),
  );
  const items = buildViewerItems(order.content.attachments ?? [], documents.data?.documents ?? [], kindNames);
  const services = order.content.services ?? [];
  const comparisons = pairIdentityDocuments(items, (ref) => {
    const match = /^services\[(\d+)\]\.admin$/u.exec(ref);
    return match ? services[Number(match[1])]?.adminSameAsLeader === true : false;
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="lg" mb={4}>
        {t('identity.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('identity.help')}
      </Text>
      {documents.isSuccess && comparisons.length === 0 && <Text size="sm">{t('identity.noPhoto')}</Text>}
      <Stack gap="lg">
        {comparisons.map((comparison) => {
          const ref = comparison.personRef;
          const name = ref ? findPersonName(order.content, ref) : undefined;
          const who = ref ? describeFieldPath(t, ref) : t('identity.unknownPerson');
          return (
            <Stack key={ref ?? 'nobody'} gap="xs">
              <Title order={3} fz="md">
                {name ? `${who} (${name})` : who}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Stack gap={4}>
                  {comparison.photos.map((item) => (
                    <Stack key={item.key} gap={4}>
                      <Text size="sm" fw={600}>
                        {item.kindName}
                      </Text>
                      <DocumentPreview item={item} />
                    </Stack>
                  ))}
                </Stack>
                <Stack gap={4}>
                  {comparison.scans.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('identity.noScans')}
                    </Text>
                  )}
                  {comparison.scans.map((item) => (
                    <Stack key={item.key} gap={4}>
                      <Text size="sm" fw={600}>
                        {item.kindName}
                      </Text>
                      <DocumentPreview item={item} />
                    </Stack>
                  ))}
                </Stack>
              </SimpleGrid>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
