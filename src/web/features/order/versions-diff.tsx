import { Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDateTime, localize } from '../../lib/format.ts';
import { type Order, useOrderDocuments, useVersionsDiff } from './api.ts';
import { useCatalogueNames } from './catalogue-names.ts';
import { type DiffValueContext, formatDiffValue } from './diff-values.ts';
import { describeFieldPath } from './field-paths.ts';

/** The diff's values in words: catalogue names, document kinds and file names, short summaries. */
function useDiffValueContext(order: Order): DiffValueContext {
  const { t } = useTranslation('order');
  const names = useCatalogueNames();
  const { data: documents } = useOrderDocuments(order.reference);
  const kinds = new Map<string, string>();
  for (const kind of documents?.uploadableKinds ?? [])
    kinds.set(kind.id, localize({ en: kind.nameEn, zh: kind.nameZh }));
  for (const document of documents?.documents ?? []) kinds.set(document.kind, localize(document.kindName));
  const byId = new Map((documents?.documents ?? []).map((d) => [d.id, d]));
  return {
    t: (key, options) => String(t(key as never, options as never)),
    names: { ...names, documentKind: (id) => (id === undefined ? undefined : kinds.get(id)) },
    findDocument: (id) => {
      const document = byId.get(id);
      return (
        document && {
          kind: document.kind,
          ...(document.originalName ? { originalName: document.originalName } : {}),
        }
      );
    },
    listSeparator: currentLanguage() === 'zh-CN' ? '、' : ', ',
  };
}

const KIND_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** What changed between two submitted versions (by default the last against the one before). */
export function VersionsDiff({ order }: { order: Order }) {
  const { t } = useTranslation('order');
  const valueContext = useDiffValueContext(order);
  const versions = order.versions.map((v) => v.version);
  const last = versions.at(-1);
  const [to, setTo] = useState<number | undefined>(last);
  const [from, setFrom] = useState<number | undefined>(versions.length > 1 ? versions.at(-2) : undefined);
  const enabled = versions.length > 1 && to !== undefined && from !== undefined && from < to;
  const { data, error, isPending } = useVersionsDiff(order.reference, { from, to }, enabled);
  if (versions.length === 0) return null;

  const option = (version: number) => {
    const at = order.versions.find((v) => v.version === version)?.submittedAt;
    return { value: String(version), label: `${t('timeline.version', { version })} · ${formatDateTime(at)}` };
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="diff-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="diff-title">
          {t('diff.title')}
        </Title>
        {versions.length === 1 ? (
          <Text size="sm" c="gray.7">
            {t('diff.onlyOne')}
          </Text>
        ) : (
          <>
            <Group gap="sm" wrap="wrap" align="flex-end">
              <NativeSelect
                label={t('diff.from')}
                value={String(from)}
                onChange={(e) => setFrom(Number(e.currentTarget.value))}
                data={versions.filter((v) => to === undefined || v < to).map(option)}
              />
              <NativeSelect
                label={t('diff.to')}
                value={String(to)}
                onChange={(e) => {
                  const next = Number(e.currentTarget.value);
                  setTo(next);
                  if (from !== undefined && from >= next) setFrom(versions.filter((v) => v < next).at(-1));
                }}
                data={versions.filter((v) => v > (versions[0] ?? 0)).map(option)}
              />
            </Group>
            <div aria-live="polite">
              {error && <ApiErrorAlert error={error} />}
              {enabled && isPending && <Text size="sm">{t('common:states.loading')}</Text>}
              {data && data.changes.length === 0 && (
                <Text size="sm" c="gray.7">
                  {t('diff.none')}
                </Text>
              )}
              {data && data.changes.length > 0 && (
                <Table.ScrollContainer minWidth={520}>
                  <Table striped withTableBorder verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('diff.field')}</Table.Th>
                        <Table.Th>{t('diff.before')}</Table.Th>
                        <Table.Th>{t('diff.after')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.changes.map((change) => (
                        <Table.Tr key={change.path}>
                          <Table.Td>
                            <Stack gap={2}>
                              <Text size="sm" fw={600}>
                                {describeFieldPath(change.path, t)}
                              </Text>
                              <Badge size="xs" variant="light" color={KIND_COLORS[change.kind]}>
                                {t(`diff.kinds.${change.kind}`)}
                              </Badge>
                            </Stack>
                          </Table.Td>
                          <Table.Td>
                            <Text
                              size="sm"
                              td={change.kind === 'changed' ? 'line-through' : undefined}
                              c="gray.7"
                            >
                              {formatDiffValue(change.path, change.before, valueContext)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {formatDiffValue(change.path, change.after, valueContext)}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}
