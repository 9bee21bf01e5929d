import { Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type Order, useVersionsDiff } from './api.ts';
import { describeFieldPath } from './field-paths.ts';

function show(value: unknown, empty: string): string {
  if (value === undefined || value === null || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

const KIND_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** What changed between two submitted versions (by default the last against the one before). */
export function VersionsDiff({ order }: { order: Order }) {
  const { t } = useTranslation('order');
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
                              {show(change.before, t('diff.empty'))}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {show(change.after, t('diff.empty'))}
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
