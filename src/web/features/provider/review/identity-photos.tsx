import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/format.ts';
import { type OrderView, useOrderDocuments } from '../api.ts';
import { buildViewerItems, DocumentPreview } from './document-viewer.tsx';

/** Document kinds that show the service admin's face: the backdrop (幕布) photo or the liveness capture. */
const IDENTITY_KINDS = new Set(['verification_photo']);

/**
 * The identity check (真实性核验): the admin's photo next to their ID scans, for the reviewer's
 * verdict. Shown while the order waits for it.
 */
export function IdentityPhotos({ order }: { order: OrderView }) {
  const { t } = useTranslation('provider');
  const documents = useOrderDocuments(order.reference);
  const kindNames = new Map(
    (documents.data?.uploadableKinds ?? []).map((k) => [k.id, localize({ en: k.nameEn, zh: k.nameZh })]),
  );
  const items = buildViewerItems(
    order.content.attachments ?? [],
    documents.data?.documents ?? [],
    kindNames,
  ).filter((item) => IDENTITY_KINDS.has(item.kind));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="lg" mb={4}>
        {t('identity.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('identity.help')}
      </Text>
      {documents.isSuccess && items.length === 0 && <Text size="sm">{t('identity.noPhoto')}</Text>}
      <Stack gap="md">
        {items.map((item) => (
          <Stack key={item.key} gap={4}>
            <Text size="sm" fw={600}>
              {item.kindName}
            </Text>
            <DocumentPreview item={item} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
