import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconPhoto } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentDraft, OrderContentDraft } from '../../../../domain/order-content/order-content.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { formatDateTime, formatNumber, localize } from '../../../lib/format.ts';
import { type OrderDocument, useOrderDocuments } from '../api.ts';
import { describeFieldPath } from './fields.ts';
import classes from './review.module.css';
import { ZoomControls } from './zoom-controls.tsx';

/**
 * The order's documents beside its data. Images are shown inline (an <img> of the download URL: the
 * attachment disposition does not stop an image from rendering) with zoom; PDFs are drawn by PDF.js
 * (pdf-canvas.tsx, loaded only when a PDF is opened) with pages and zoom. Every view is a read of the
 * download route, so it is audited like a download.
 */

const PdfCanvas = lazy(() => import('./pdf-canvas.tsx'));

/** Asks the viewer to open a stored document; `seq` makes asking twice for the same one count. */
export interface DocumentRequest {
  documentId: string;
  seq: number;
}

export interface ViewerItem {
  key: string;
  kind: string;
  kindName: string;
  personRef?: string;
  document?: OrderDocument;
  /** A stored file the content does not name (replaced, or uploaded after the version shown). */
  isUnlisted?: boolean;
}

export function documentUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}`;
}

/** The content's attachments matched with the stored files, then any stored file no attachment names. */
export function buildViewerItems(
  attachments: readonly AttachmentDraft[],
  documents: readonly OrderDocument[],
  kindNames: ReadonlyMap<string, string>,
): ViewerItem[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const used = new Set<string>();
  const items: ViewerItem[] = attachments.map((attachment, index) => {
    const document = byId.get(attachment.documentId);
    if (document) used.add(document.id);
    return {
      key: `a${index}-${attachment.documentId}`,
      kind: attachment.kind,
      kindName: document ? localize(document.kindName) : (kindNames.get(attachment.kind) ?? attachment.kind),
      ...(attachment.personRef ? { personRef: attachment.personRef } : {}),
      ...(document ? { document } : {}),
    };
  });
  for (const document of documents) {
    if (!used.has(document.id))
      items.push({
        key: `d-${document.id}`,
        kind: document.kind,
        kindName: localize(document.kindName),
        document,
        isUnlisted: true,
      });
  }
  return items;
}

const ZOOM_STEPS = [0.5, 0.75, 1, 1.5, 2, 3];

function ImageView({ document, label }: { document: OrderDocument; label: string }) {
  const [step, setStep] = useState(2);
  const zoom = ZOOM_STEPS[step] ?? 1;
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <ZoomControls steps={ZOOM_STEPS} step={step} onStep={setStep} resetStep={2} />
      </Group>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the zoomed image scrolls; the keyboard must reach it. */}
      <section className={classes.viewport} tabIndex={0} aria-label={label}>
        <img
          src={documentUrl(document.id)}
          alt={label}
          style={{ width: `${zoom * 100}%`, maxWidth: 'none', height: 'auto' }}
        />
      </section>
    </Stack>
  );
}

function PdfView({ document, label }: { document: OrderDocument; label: string }) {
  const { t } = useTranslation('provider');
  return (
    <Stack gap="xs">
      <Suspense fallback={<Loader size="sm" aria-label={t('documents.pdfLoading')} />}>
        <PdfCanvas url={documentUrl(document.id)} label={label} />
      </Suspense>
      <Anchor href={documentUrl(document.id)} download={document.originalName ?? true} size="sm">
        <Group gap={4} component="span">
          <IconDownload size={16} aria-hidden />
          {t('documents.downloadPdf', { name: label })}
        </Group>
      </Anchor>
    </Stack>
  );
}

export function DocumentPreview({ item }: { item: ViewerItem }) {
  const { t } = useTranslation('provider');
  const label = item.personRef ? `${item.kindName} — ${describeFieldPath(t, item.personRef)}` : item.kindName;
  if (!item.document) {
    return (
      <Alert color="gray" variant="light">
        {t('documents.notStored')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      {item.document.mime.startsWith('image/') ? (
        <ImageView document={item.document} label={label} />
      ) : (
        <PdfView document={item.document} label={label} />
      )}
      <Text size="xs" c="dimmed">
        {[
          item.document.originalName,
          formatDateTime(item.document.uploadedAt),
          t('documents.size', { kb: formatNumber(Math.ceil(item.document.size / 1024)) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

export function DocumentViewer({
  orderRef,
  content,
  request,
}: {
  orderRef: string;
  content: OrderContentDraft;
  request?: DocumentRequest | undefined;
}) {
  const { t } = useTranslation('provider');
  const documents = useOrderDocuments(orderRef);
  const kindNames = new Map(
    (documents.data?.uploadableKinds ?? []).map((k) => [k.id, localize({ en: k.nameEn, zh: k.nameZh })]),
  );
  const items = buildViewerItems(content.attachments ?? [], documents.data?.documents ?? [], kindNames);
  const [selectedKey, setSelectedKey] = useState<string | undefined>();
  const selected =
    items.find((item) => item.key === selectedKey) ?? items.find((i) => i.document) ?? items[0];
  const previewRef = useRef<HTMLDivElement>(null);
  const requestedKey = request && items.find((item) => item.document?.id === request.documentId)?.key;

  // A checklist item's "view" link: open that document and bring the preview into sight and focus.
  useEffect(() => {
    if (!request || !requestedKey) return;
    setSelectedKey(requestedKey);
    const preview = previewRef.current;
    preview?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    preview?.focus({ preventScroll: true });
  }, [request, requestedKey]);

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} fz="lg">
          {t('documents.title')}
        </Title>
        <Anchor href={`/api/orders/${encodeURIComponent(orderRef)}/verification-form.pdf`} size="sm" download>
          {t('documents.verificationForm')}
        </Anchor>
      </Group>
      {documents.isPending && <Loader size="sm" aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />
      {documents.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('documents.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap="sm">
          <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('documents.list')}>
            {items.map((item) => {
              const active = item.key === selected?.key;
              return (
                <li key={item.key}>
                  <UnstyledButton
                    onClick={() => setSelectedKey(item.key)}
                    aria-pressed={active}
                    w="100%"
                    px="xs"
                    py={6}
                    style={{
                      borderRadius: 4,
                      background: active ? 'var(--mantine-color-blue-0)' : undefined,
                      outlineOffset: -2,
                    }}
                  >
                    <Group gap="xs" wrap="nowrap">
                      {item.document?.mime === 'application/pdf' ? (
                        <IconFileTypePdf size={18} aria-hidden />
                      ) : (
                        <IconPhoto size={18} aria-hidden />
                      )}
                      <Text size="sm" fw={active ? 600 : 400} style={{ flex: 1 }}>
                        {item.kindName}
                        {item.personRef && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            — {describeFieldPath(t, item.personRef)}
                          </Text>
                        )}
                      </Text>
                      {item.isUnlisted && (
                        <Badge tt="none" size="xs" color="gray" variant="outline">
                          {t('documents.unlisted')}
                        </Badge>
                      )}
                      {!item.document && (
                        <Badge tt="none" size="xs" color="gray" variant="light">
                          {t('documents.missing')}
                        </Badge>
                      )}
                    </Group>
                  </UnstyledButton>
                </li>
              );
            })}
          </Box>
          {selected && (
            <Box
              ref={previewRef}
              tabIndex={-1}
              aria-live="polite"
              aria-label={t('documents.preview')}
              role="region"
              style={{ scrollMarginTop: 80 }}
            >
              <DocumentPreview key={selected.key} item={selected} />
            </Box>
          )}
        </Stack>
      )}
    </Paper>
  );
}
