import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { formatDateTime, formatNumber, localize } from '../../lib/format.ts';
import { useOrderDocuments } from './api.ts';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes / (1024 * 1024), undefined, { maximumFractionDigits: 1 })} MB`;
}

/** The uploaded documents of the order; downloads only for those the API lets read them. */
export function OrderDocumentsSection({ reference }: { reference: string }) {
  const { t } = useTranslation('order');
  const { data, error, isPending, refetch } = useOrderDocuments(reference);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="documents-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="documents-title">
          {t('documents.title')}
        </Title>
        {isPending && <Text size="sm">{t('common:states.loading')}</Text>}
        {error && <ApiErrorAlert error={error} onRetry={() => void refetch()} />}
        {data && data.documents.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('documents.empty')}
          </Text>
        )}
        {data && data.documents.length > 0 && (
          <List spacing="xs" listStyleType="none" ml={0} pl={0}>
            {data.documents.map((doc) => {
              const kind = localize(doc.kindName);
              return (
                <List.Item key={doc.id}>
                  <Group gap="xs" wrap="wrap">
                    {data.canRead ? (
                      <Anchor
                        href={`/api/documents/${doc.id}`}
                        download
                        aria-label={t('documents.download', { name: kind })}
                      >
                        {kind}
                      </Anchor>
                    ) : (
                      <Text>{kind}</Text>
                    )}
                    {doc.originalName && (
                      <Text size="sm" c="gray.7">
                        {doc.originalName}
                      </Text>
                    )}
                    <Text size="xs" c="gray.7">
                      {formatSize(doc.size)} ·{' '}
                      {t('documents.uploaded', { date: formatDateTime(doc.uploadedAt) })}
                    </Text>
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
