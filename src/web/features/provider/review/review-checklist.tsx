import { Checkbox, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/format.ts';
import { type OrderView, useChecklist } from '../api.ts';

/**
 * What the reviewer checks before passing the order: each document the catalogue's checklist asks for
 * (for the entity's nature, province and order type), then the checks every first review makes. The
 * ticks are a working aid kept in this browser for this version of the order; the API stores none.
 */

const GENERAL_CHECKS = ['identity', 'names', 'contacts', 'siteName', 'domain', 'content', 'access'] as const;

export interface ChecklistState {
  total: number;
  done: number;
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

export function ReviewChecklist({
  order,
  onStateChange,
}: {
  order: OrderView;
  onStateChange?: (state: ChecklistState) => void;
}) {
  const { t } = useTranslation('provider');
  const nature = order.content.entity?.nature;
  const checklist = useChecklist(
    nature ? { nature, province: order.provinceCode, orderType: order.type } : undefined,
  );
  const key = storageKey(order);
  const [ticks, setTicks] = useState<string[]>(() => readTicks(key));
  useEffect(() => setTicks(readTicks(key)), [key]);

  const items = [
    ...(checklist.data?.items ?? []).map((item) => ({
      id: `doc:${item.document.id}`,
      label: t('checklist.document', {
        name: localize({ en: item.document.nameEn, zh: item.document.nameZh }),
      }),
      description: item.notes.map((note) => localize(note)).join(' ') || localize(item.document.description),
      required: item.required,
    })),
    ...GENERAL_CHECKS.map((check) => ({
      id: `check:${check}`,
      label: t(`checklist.items.${check}.label`),
      description: t(`checklist.items.${check}.description`),
      required: true,
    })),
  ];
  const done = items.filter((item) => ticks.includes(item.id)).length;

  useEffect(() => {
    onStateChange?.({ total: items.length, done });
  }, [items.length, done, onStateChange]);

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
          {t('checklist.progress', { done, total: items.length })}
        </Text>
      </Group>
      <Progress
        value={items.length ? (done / items.length) * 100 : 0}
        size="sm"
        mb="sm"
        aria-label={t('checklist.progress', { done, total: items.length })}
      />
      <Text size="xs" c="dimmed" mb="sm">
        {t('checklist.localOnly')}
      </Text>
      <Stack gap="sm">
        {items.map((item) => (
          <Checkbox
            key={item.id}
            checked={ticks.includes(item.id)}
            onChange={(event) => toggle(item.id, event.currentTarget.checked)}
            label={item.required ? item.label : `${item.label} ${t('checklist.optional')}`}
            description={item.description}
          />
        ))}
      </Stack>
    </Paper>
  );
}
