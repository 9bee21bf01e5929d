import {
  Alert,
  Anchor,
  Badge,
  Box,
  Checkbox,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderContentDraft } from '../../../../domain/order-content/order-content.ts';
import { readableTextColor } from '../../../app/theme.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { SourceLine } from '../../../components/source-line.tsx';
import { localize } from '../../../lib/format.ts';
import { type OrderChecklistItem, type OrderView, useOrderChecklist } from '../api.ts';
import { describeFieldPath } from './fields.ts';
import { findPersonName } from './review-people.ts';

/**
 * What the reviewer checks before passing the order: each document the order's checklist asks for
 * (built by the server from the order's content: nature, province, order type and the situation it
 * shows, personal documents per person), whether a file is there, with a link to it in the viewer and
 * the sources of the rules; then the checks every first review makes. Present or missing comes from
 * the server; the ticks are a working aid kept in this browser for this version of the order.
 */

const GENERAL_CHECKS = ['identity', 'names', 'contacts', 'siteName', 'domain', 'content', 'access'] as const;

export interface ChecklistState {
  total: number;
  done: number;
  /** Required documents without a file. */
  missing: number;
}

function storageKey(order: OrderView): string {
  return `openbeian.review-checklist.${order.reference}.v${order.submittedVersion ?? order.version}`;
}

function readTicks(key: string): string[] {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** "Passport — Entity leader (王小明)": the document and whom it concerns. */
export function describeChecklistItem(
  t: TFunction<'provider'>,
  item: OrderChecklistItem,
  content: OrderContentDraft,
): string {
  const name = localize({ en: item.document.nameEn, zh: item.document.nameZh });
  const people = item.personRef ? [item.personRef] : item.people;
  const subjects = [
    ...people.map((ref) => {
      const person = findPersonName(content, ref);
      const role = describeFieldPath(t, ref);
      return person ? `${role} (${person})` : role;
    }),
    ...item.services.map((index) => t('fields.groups.service', { n: index + 1 })),
  ];
  return subjects.length > 0 ? `${name} — ${subjects.join(', ')}` : name;
}

function DocumentItem({
  item,
  content,
  isTicked,
  onTick,
  onShowDocument,
}: {
  item: OrderChecklistItem;
  content: OrderContentDraft;
  isTicked: boolean;
  onTick: (checked: boolean) => void;
  onShowDocument: (documentId: string) => void;
}) {
  const { t } = useTranslation('provider');
  const label = describeChecklistItem(t, item, content);
  const notes = item.notes.map((note) => localize(note)).join(' ');
  return (
    <Box component="li" data-checklist-item={item.key}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Checkbox
          checked={isTicked}
          onChange={(event) => onTick(event.currentTarget.checked)}
          label={item.required ? label : `${label} ${t('checklist.optional')}`}
          description={notes || localize(item.document.description)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Badge
          tt="none"
          variant="light"
          color={item.isPresent ? 'teal' : item.required ? 'red' : 'gray'}
          style={{ flexShrink: 0 }}
        >
          {item.isPresent ? t('checklist.present') : t('checklist.missing')}
        </Badge>
      </Group>
      <Stack gap={2} pl={32} mt={4}>
        {item.documentIds.length > 0 && (
          <Group gap="sm">
            {item.documentIds.map((id, index) => (
              <Anchor key={id} component="button" type="button" size="sm" onClick={() => onShowDocument(id)}>
                {item.documentIds.length === 1
                  ? t('checklist.view', { name: label })
                  : t('checklist.viewN', { n: index + 1, name: label })}
              </Anchor>
            ))}
          </Group>
        )}
        <SourceLine ids={item.sources} label={t('checklist.sources', { count: item.sources.length })} />
      </Stack>
    </Box>
  );
}

export function ReviewChecklist({
  order,
  onStateChange,
  onShowDocument,
}: {
  order: OrderView;
  onStateChange?: (state: ChecklistState) => void;
  onShowDocument: (documentId: string) => void;
}) {
  const { t } = useTranslation('provider');
  const checklist = useOrderChecklist(order.reference);
  const key = storageKey(order);
  const [ticks, setTicks] = useState<string[]>(() => readTicks(key));
  useEffect(() => setTicks(readTicks(key)), [key]);

  const documentItems = checklist.data?.items ?? [];
  const general = GENERAL_CHECKS.map((check) => ({
    id: `check:${check}`,
    label: t(`checklist.items.${check}.label`),
    description: t(`checklist.items.${check}.description`),
  }));
  const ids = [...documentItems.map((item) => `doc:${item.key}`), ...general.map((item) => item.id)];
  const done = ids.filter((id) => ticks.includes(id)).length;
  const missing = checklist.data?.missingRequired ?? 0;

  useEffect(() => {
    onStateChange?.({ total: ids.length, done, missing });
  }, [ids.length, done, missing, onStateChange]);

  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...ticks.filter((v) => v !== id), id] : ticks.filter((v) => v !== id);
    setTicks(next);
    try {
      window.localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Private mode: the ticks last for this page only.
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb={4}>
        <Title order={2} fz="lg">
          {t('checklist.title')}
        </Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('checklist.progress', { done, total: ids.length })}
        </Text>
      </Group>
      <Progress
        value={ids.length ? (done / ids.length) * 100 : 0}
        size="sm"
        mb="sm"
        aria-label={t('checklist.progress', { done, total: ids.length })}
      />
      <Text size="xs" c="dimmed" mb="sm">
        {t('checklist.localOnly')}
      </Text>
      {checklist.isPending && <Loader size="sm" aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={checklist.error} onRetry={() => void checklist.refetch()} />
      {checklist.data && (
        <Stack gap="xs" mb="md">
          <Title order={3} fz="md">
            {t('checklist.documentsTitle')}
          </Title>
          {missing > 0 ? (
            <Alert color="red" variant="light" p="xs">
              {t('checklist.missingRequired', { count: missing })}
            </Alert>
          ) : (
            documentItems.length > 0 && (
              <Text size="sm" c={readableTextColor('teal')}>
                {t('checklist.allPresent')}
              </Text>
            )
          )}
          {checklist.data.flags.length > 0 && (
            <Group gap={6} aria-label={t('checklist.situation')}>
              <Text size="xs" c="dimmed">
                {t('checklist.situation')}
              </Text>
              {checklist.data.flags.map((flag) => (
                <Badge key={flag} tt="none" size="sm" variant="light" color="gray">
                  {t(`checklist.flags.${flag}`)}
                </Badge>
              ))}
            </Group>
          )}
          {documentItems.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('checklist.noDocuments')}
            </Text>
          )}
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {documentItems.map((item) => (
              <DocumentItem
                key={item.key}
                item={item}
                content={order.content}
                isTicked={ticks.includes(`doc:${item.key}`)}
                onTick={(checked) => toggle(`doc:${item.key}`, checked)}
                onShowDocument={onShowDocument}
              />
            ))}
          </Stack>
        </Stack>
      )}
      <Title order={3} fz="md" mb="xs">
        {t('checklist.generalTitle')}
      </Title>
      <Stack gap="sm">
        {general.map((item) => (
          <Checkbox
            key={item.id}
            checked={ticks.includes(item.id)}
            onChange={(event) => toggle(item.id, event.currentTarget.checked)}
            label={item.label}
            description={item.description}
          />
        ))}
      </Stack>
    </Paper>
  );
}
