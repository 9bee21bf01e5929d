import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/format.ts';
import { type OrderView, useOrderDocuments } from '../api.ts';
import { buildViewerItems, DocumentPreview, type ViewerItem } from './document-viewer.tsx';
import { describeFieldPath } from './fields.ts';
import { findPersonName } from './review-checklist.tsx';

/** The document kind that shows a person's face: the backdrop (幕布) photo or the liveness capture. */
const PHOTO_KIND = 'verification_photo';
/** The scans of a person's identity document, by the certificate they hold. */
const ID_SCAN_KINDS: ReadonlySet<string> = new Set([
  'id_card_scans',
  'passport_scan',
  'hk_macao_permit_scan',
  'taiwan_permit_scan',
]);

export interface IdentityComparison {
  /** `entity.leader`, `services[0].admin`; absent when the attachment names nobody. */
  personRef?: string;
  photos: ViewerItem[];
  scans: ViewerItem[];
}

/**
 * Each verification photo's person with their own ID scans, matched by the attachments' `personRef`.
 * An admin who is the leader (adminSameAsLeader) is the leader. A photo that names nobody goes with
 * the only person it can be when the order's ID scans are all of one person.
 */
export function pairIdentityDocuments(
  items: readonly ViewerItem[],
  isSameAsLeader: (personRef: string) => boolean,
): IdentityComparison[] {
  const normalise = (ref: string | undefined) =>
    ref !== undefined && isSameAsLeader(ref) ? 'entity.leader' : ref;
  const photos = items.filter((item) => item.kind === PHOTO_KIND && item.document);
  const scans = items.filter((item) => ID_SCAN_KINDS.has(item.kind) && item.document);
  const scanPeople = [...new Set(scans.map((scan) => normalise(scan.personRef)))];
  const groups = new Map<string, IdentityComparison>();
  for (const photo of photos) {
    let ref = normalise(photo.personRef);
    if (ref === undefined && scanPeople.length === 1) ref = scanPeople[0];
    const key = ref ?? '';
    const group = groups.get(key) ?? {
      ...(ref === undefined ? {} : { personRef: ref }),
      photos: [],
      scans: scans.filter((scan) => normalise(scan.personRef) === ref),
    };
    group.photos.push(photo);
    groups.set(key, group);
  }
  return [...groups.values()];
}

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
