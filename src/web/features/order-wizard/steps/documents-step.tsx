import '@mantine/dropzone/styles.css';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Image,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconCamera, IconFileTypePdf, IconTrash, IconUpload, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment as AttachmentDraft } from '../../../../contracts/order-content.ts';
import { PERSONAL_DOCUMENT_KINDS } from '../../../../domain/order-content/order-document-checklist.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatNumber, localize } from '../../../lib/format.ts';
import {
  type DocumentKind,
  deleteDocument,
  documentsQuery,
  type OrderDocument,
  uploadDocument,
  useOrderDocuments,
} from '../api.ts';
import { fieldId } from '../content-paths.ts';
import { ProvinceHint } from '../province-hints.tsx';
import { describeUploadError } from '../upload-errors.ts';
import { useWizard } from '../wizard-state.tsx';

/** JPEG, PNG or PDF up to 10 MB: what the API accepts (judged by content there; by type here). */
const ACCEPT = ['image/png', 'image/jpeg', 'application/pdf'];
const MAX_BYTES = 10 * 1024 * 1024;

interface Upload {
  key: string;
  kind: string;
  file: File;
  progress: number;
  error?: string;
  abort?: () => void;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(bytes / (1024 * 1024), undefined, { maximumFractionDigits: 1 })} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The people of the order a personal document can be about. */
function usePeople(): { value: string; label: string }[] {
  const { t } = useTranslation('order-wizard');
  const { content } = useWizard();
  const people = [
    {
      value: 'entity.leader',
      label: t('documents.personLeader', { name: content.entity?.leader?.name ?? '' }),
    },
  ];
  for (const [i, service] of (content.services ?? []).entries()) {
    if (service.admin && !service.adminSameAsLeader) {
      people.push({
        value: `services[${i}].admin`,
        label: t('documents.personAdmin', { n: i + 1, name: service.admin.name ?? '' }),
      });
    }
  }
  return people;
}

function DocumentCard({
  document,
  previewUrl,
  canChange,
  onDelete,
}: {
  document: OrderDocument;
  previewUrl: string | undefined;
  canChange: boolean;
  onDelete: () => void;
}) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const people = usePeople();
  const attachmentIndex = (wizard.content.attachments ?? []).findIndex((a) => a.documentId === document.id);
  const attachment = wizard.content.attachments?.[attachmentIndex];
  const name = document.originalName ?? t('documents.unnamed');
  const isImage = document.mime.startsWith('image/');
  return (
    <Paper withBorder p="xs" radius="sm" component="li" style={{ listStyle: 'none' }}>
      <Group gap="sm" wrap="nowrap" align="center">
        <Box w={56} h={56} style={{ flex: '0 0 56px', display: 'grid', placeItems: 'center' }}>
          {isImage ? (
            <Image
              src={previewUrl ?? `/api/documents/${document.id}`}
              alt={t('documents.previewAlt', { name })}
              w={56}
              h={56}
              fit="cover"
              radius="sm"
              loading="lazy"
            />
          ) : (
            <IconFileTypePdf size={40} color="var(--mantine-color-red-7)" aria-label={t('documents.pdf')} />
          )}
        </Box>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatSize(document.size)}
          </Text>
          {PERSONAL_DOCUMENT_KINDS.has(document.kind) && attachment && people.length > 1 && (
            <Select
              size="xs"
              label={t('documents.whose')}
              data={people}
              value={attachment.personRef ?? null}
              onChange={(value) =>
                wizard.setField(`attachments[${attachmentIndex}].personRef`, value ?? undefined)
              }
              maw={280}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </Stack>
        {canChange && (
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            onClick={onDelete}
            aria-label={t('documents.delete', { name })}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}

function UploadRow({ upload, onDismiss }: { upload: Upload; onDismiss: () => void }) {
  const { t } = useTranslation('order-wizard');
  return (
    <Paper withBorder p="xs" radius="sm" component="li" style={{ listStyle: 'none' }}>
      <Group gap="sm" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" truncate>
            {upload.file.name}
          </Text>
          {upload.error ? (
            <Text size="xs" c="red.8" role="alert">
              {upload.error}
            </Text>
          ) : (
            <Progress
              value={Math.round(upload.progress * 100)}
              aria-label={t('documents.uploading', { name: upload.file.name })}
              animated
            />
          )}
        </Stack>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => (upload.error ? onDismiss() : upload.abort?.())}
          aria-label={
            upload.error ? t('documents.dismiss') : t('documents.cancelUpload', { name: upload.file.name })
          }
        >
          <IconX size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

function KindSection({
  kind,
  required,
  description,
  notes,
  documents,
  uploads,
  previews,
  canChange,
  onFiles,
  onReject,
  onDelete,
  onDismiss,
}: {
  kind: DocumentKind;
  required: boolean;
  description?: string | undefined;
  notes: string[];
  documents: OrderDocument[];
  uploads: Upload[];
  previews: Map<string, string>;
  canChange: boolean;
  onFiles: (files: File[]) => void;
  onReject: (rejections: FileRejection[]) => void;
  onDelete: (document: OrderDocument) => void;
  onDismiss: (key: string) => void;
}) {
  const { t } = useTranslation('order-wizard');
  const camera = useRef<HTMLInputElement>(null);
  const name = localize({ en: kind.nameEn, zh: kind.nameZh });
  const headingId = `kind-${kind.id}-heading`;
  const isDone = documents.length > 0;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-labelledby={headingId}
      id={fieldId(`documents.${kind.id}`)}
      tabIndex={-1}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {name}
          </Title>
          <Group gap={6}>
            {required ? (
              <Badge color={isDone ? 'teal.9' : 'red.8'} variant="filled">
                {isDone ? t('documents.uploaded') : t('documents.required')}
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                {t('documents.optional')}
              </Badge>
            )}
          </Group>
        </Group>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {notes.map((note) => (
          <Text key={note} size="xs" c="dimmed">
            {note}
          </Text>
        ))}
        {(documents.length > 0 || uploads.length > 0) && (
          <Stack gap={6} component="ul" p={0} m={0} aria-label={t('documents.filesOf', { name })}>
            {documents.map((document) => (
              <DocumentCard
                key={document.id}
                document={document}
                previewUrl={previews.get(document.id)}
                canChange={canChange}
                onDelete={() => onDelete(document)}
              />
            ))}
            {uploads.map((upload) => (
              <UploadRow key={upload.key} upload={upload} onDismiss={() => onDismiss(upload.key)} />
            ))}
          </Stack>
        )}
        {canChange && (
          <>
            <Dropzone
              onDrop={onFiles}
              onReject={onReject}
              accept={ACCEPT}
              maxSize={MAX_BYTES}
              aria-label={t('documents.dropzoneLabel', { name })}
              inputProps={{ 'aria-label': t('documents.chooseFiles', { name }) }}
              p="sm"
            >
              <Group justify="center" gap="sm" mih={56} style={{ pointerEvents: 'none' }} wrap="nowrap">
                <Dropzone.Accept>
                  <IconUpload size={28} aria-hidden />
                </Dropzone.Accept>
                <Dropzone.Reject>
                  <IconX size={28} aria-hidden />
                </Dropzone.Reject>
                <Dropzone.Idle>
                  <IconUpload size={28} color="var(--mantine-color-dimmed)" aria-hidden />
                </Dropzone.Idle>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {t('documents.dropHere')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('documents.formats')}
                  </Text>
                </Stack>
              </Group>
            </Dropzone>
            <Group hiddenFrom="sm">
              <Button
                variant="light"
                leftSection={<IconCamera size={16} aria-hidden />}
                onClick={() => camera.current?.click()}
              >
                {t('documents.takePhoto')}
              </Button>
              <VisuallyHidden>
                <input
                  ref={camera}
                  type="file"
                  accept="image/*"
                  capture="environment"
                  tabIndex={-1}
                  aria-label={t('documents.takePhotoOf', { name })}
                  onChange={(event) => {
                    const files = [...(event.currentTarget.files ?? [])];
                    event.currentTarget.value = '';
                    if (files.length > 0) onFiles(files);
                  }}
                />
              </VisuallyHidden>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * A local preview of an uploaded image as a data: URL: the app's Content-Security-Policy allows
 * images from 'self' and data: only, so a blob: URL would be blocked.
 */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function DocumentsStep() {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const queryClient = useQueryClient();
  const ref = wizard.order.reference;
  const documentsAnswer = useOrderDocuments(ref);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [previews] = useState(() => new Map<string, string>());
  const [problem, setProblem] = useState<unknown>();
  const [otherKind, setOtherKind] = useState<string | null>(null);
  const { save, validation } = wizard;
  const people = usePeople();

  useEffect(() => {
    // The checklist comes with a save's validation; a resumed order has none until its first save.
    if (!validation) void save();
  }, [validation, save]);

  const answer = documentsAnswer.data;
  const documents = answer?.documents ?? [];
  const canChange = answer?.canChange ?? false;
  const checklist = validation?.checklist ?? [];
  const checklistIds = new Set(checklist.map((item) => item.document.id));
  const otherKinds = (answer?.uploadableKinds ?? []).filter((kind) => !checklistIds.has(kind.id));
  const extraUploadedKinds = otherKinds.filter((kind) => documents.some((d) => d.kind === kind.id));

  const refresh = () => queryClient.invalidateQueries({ queryKey: documentsQuery(ref).queryKey });

  const personFor = (kind: string): string | undefined => {
    if (!PERSONAL_DOCUMENT_KINDS.has(kind)) return undefined;
    const taken = new Set(
      (wizard.content.attachments ?? []).filter((a) => a.kind === kind).map((a) => a.personRef),
    );
    return (people.find((person) => !taken.has(person.value)) ?? people[0])?.value;
  };

  const start = (kind: string, files: File[]) => {
    for (const file of files) {
      const key = `${kind}-${file.name}-${Math.random().toString(36).slice(2)}`;
      const setUpload = (change: Partial<Upload>) =>
        setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
      const { done, abort } = uploadDocument(ref, kind, file, (progress) => setUpload({ progress }));
      setUploads((list) => [...list, { key, kind, file, progress: 0, abort }]);
      done.then(
        async (document) => {
          if (document.mime.startsWith('image/')) previews.set(document.id, await readAsDataUrl(file));
          const personRef = personFor(kind);
          const attachment: AttachmentDraft = {
            kind,
            documentId: document.id,
            ...(personRef ? { personRef } : {}),
          };
          wizard.updateContent((content) => ({
            ...content,
            attachments: [...(content.attachments ?? []), attachment],
          }));
          setUploads((list) => list.filter((u) => u.key !== key));
          await refresh();
          void save();
        },
        (error: unknown) => {
          if (isApiError(error, 'aborted')) {
            setUploads((list) => list.filter((u) => u.key !== key));
            return;
          }
          const described = describeUploadError(error);
          setUpload({
            error:
              'message' in described ? described.message : t(described.key, { max: formatSize(MAX_BYTES) }),
          });
        },
      );
    }
  };

  const reject = (kind: string, rejections: FileRejection[]) => {
    setUploads((list) => [
      ...list,
      ...rejections.map((rejection) => ({
        key: `${kind}-${rejection.file.name}-${Math.random().toString(36).slice(2)}`,
        kind,
        file: rejection.file,
        progress: 0,
        error: rejection.errors.some((e) => e.code === 'file-too-large')
          ? t('documents.tooLarge', { max: formatSize(MAX_BYTES) })
          : t('documents.wrongType'),
      })),
    ]);
  };

  const remove = async (document: OrderDocument) => {
    setProblem(undefined);
    try {
      await deleteDocument(document.id);
      wizard.updateContent((content) => ({
        ...content,
        attachments: (content.attachments ?? []).filter((a) => a.documentId !== document.id),
      }));
      await refresh();
      void save();
    } catch (error) {
      setProblem(error);
    }
  };

  const section = (kind: DocumentKind, required: boolean, description?: string, notes: string[] = []) => (
    <KindSection
      key={kind.id}
      kind={kind}
      required={required}
      description={description}
      notes={notes}
      documents={documents.filter((d) => d.kind === kind.id)}
      uploads={uploads.filter((u) => u.kind === kind.id)}
      previews={previews}
      canChange={canChange}
      onFiles={(files) => start(kind.id, files)}
      onReject={(rejections) => reject(kind.id, rejections)}
      onDelete={(document) => void remove(document)}
      onDismiss={(key) => setUploads((list) => list.filter((u) => u.key !== key))}
    />
  );

  const sorted = [...checklist].sort((a, b) => Number(b.required) - Number(a.required));
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('steps.documents')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('documents.intro')}
      </Text>
      <Group gap="xs">
        <Anchor href={`/api/orders/${encodeURIComponent(ref)}/verification-form.pdf`} download>
          {t('documents.verificationForm')}
        </Anchor>
      </Group>
      <ProvinceHint topic="documents" />
      {documentsAnswer.error && (
        <ApiErrorAlert error={documentsAnswer.error} onRetry={() => documentsAnswer.refetch()} />
      )}
      <ApiErrorAlert error={problem} />
      {answer && !canChange && (
        <Alert color="gray" variant="light">
          {t('documents.readOnly')}
        </Alert>
      )}
      {!validation && <Text c="dimmed">{t('documents.loadingChecklist')}</Text>}
      {validation && checklist.length === 0 && (
        <Alert color="gray" variant="light">
          {t('documents.noChecklist')}
        </Alert>
      )}
      <div aria-live="polite">
        <Stack gap="md">
          {sorted.map((item) =>
            section(
              item.document,
              item.required,
              item.document.description ? localize(item.document.description) : undefined,
              item.notes.map((note) => localize(note)),
            ),
          )}
          {extraUploadedKinds.map((kind) => section(kind, false))}
        </Stack>
      </div>
      {canChange && otherKinds.length > 0 && (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('documents.otherTitle')}
            </Title>
            <Select
              label={t('documents.otherKind')}
              data={otherKinds.map((kind) => ({
                value: kind.id,
                label: localize({ en: kind.nameEn, zh: kind.nameZh }),
              }))}
              value={otherKind}
              onChange={setOtherKind}
              searchable
              comboboxProps={{ withinPortal: true }}
              maw={420}
            />
            {otherKind &&
              !extraUploadedKinds.some((kind) => kind.id === otherKind) &&
              (() => {
                const kind = otherKinds.find((k) => k.id === otherKind);
                return kind ? section(kind, false) : null;
              })()}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
