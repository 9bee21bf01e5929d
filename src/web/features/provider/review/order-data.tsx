import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_CATEGORIES } from '../../../../domain/order-content/content-categories.ts';
import type {
  OrderContentDraft,
  PersonDraft,
  PreApprovalRefDraft,
} from '../../../../domain/order-content/order-content.ts';
import { formatDate, localize } from '../../../lib/format.ts';
import { type CatalogueItem, useCatalogueList, useProvinces } from '../api.ts';
import { ACCESS_FIELDS, ENTITY_FIELDS, PERSON_FIELDS, SERVICE_FIELDS } from './fields.ts';
import classes from './review.module.css';

/**
 * The order's data as the reviewer checks it: the entity, its leader, and each service with its
 * admin and access. Values come as the API sends them (unmasked for the order's reviewers); fields
 * changed by the last resubmission are marked.
 */

function nameOf(items: readonly CatalogueItem[] | undefined, id: string): string {
  const item = items?.find((candidate) => candidate.id === id);
  return item ? localize({ en: item.nameEn, zh: item.nameZh }) : id;
}

function useValueFormatter() {
  const { t } = useTranslation('provider');
  const natures = useCatalogueList('natures').data?.items;
  const certificateTypes = useCatalogueList('certificate-types').data?.items;
  const provinces = useProvinces().data?.items;

  return (key: string, value: unknown): ReactNode => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'boolean') return value ? t('data.yes') : t('data.no');
    if (key === 'nature' && typeof value === 'string') return nameOf(natures, value);
    if (key === 'certificateType' && typeof value === 'string') return nameOf(certificateTypes, value);
    if (key === 'provinceCode' && typeof value === 'string') {
      const province = provinces?.find((p) => p.code === value);
      return province ? localize({ en: province.nameEn, zh: province.nameZh }) : value;
    }
    if (key === 'contentCategory' && typeof value === 'string') {
      const category = CONTENT_CATEGORIES.find((c) => c.id === value);
      return category ? localize({ en: category.nameEn, zh: category.nameZh }) : value;
    }
    if (key === 'certificateValidUntil' && typeof value === 'string') {
      return value === 'long_term' ? t('data.longTerm') : formatDate(value);
    }
    if (key === 'type' && typeof value === 'string') {
      return t(`data.serviceTypes.${value}` as never, { defaultValue: value });
    }
    if (key === 'preApprovals' && Array.isArray(value)) {
      return (value as PreApprovalRefDraft[])
        .map((p) => [p.id, p.approvalNumber].filter(Boolean).join(' '))
        .join('; ');
    }
    if (key === 'languages' && Array.isArray(value)) {
      return value
        .map((code) => t(`order-wizard:languages.${code}` as never, { defaultValue: code }))
        .join(', ');
    }
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

interface Row {
  path: string;
  label: string;
  value: ReactNode;
}

/** A definition list: label above value on phones, side by side from 576 px. */
function DataList({ rows, changed }: { rows: Row[]; changed: ReadonlySet<string> }) {
  const { t } = useTranslation('provider');
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('data.none')}
      </Text>
    );
  return (
    <Box component="dl" className={classes.dl} m={0}>
      {rows.map((row) => (
        <Box key={row.path} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" c="dimmed">
            {row.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }} data-path={row.path}>
            {row.value}
            {changed.has(row.path) && (
              <Badge tt="none" ml="xs" size="xs" color="violet" variant="light">
                {t('data.changed')}
              </Badge>
            )}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} fz="md" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function OrderData({
  content,
  changedPaths = new Set(),
}: {
  content: OrderContentDraft;
  /** Paths the last resubmission changed (from the versions diff). */
  changedPaths?: ReadonlySet<string>;
}) {
  const { t } = useTranslation('provider');
  const format = useValueFormatter();
  const entity = content.entity ?? {};

  const rows = <K extends string>(
    base: string,
    keys: readonly K[],
    source: Partial<Record<K, unknown>>,
    group: 'entity' | 'person' | 'service' | 'access',
  ): Row[] =>
    keys.flatMap((key) => {
      const value = format(key, source[key]);
      if (value === null || value === '') return [];
      return [
        {
          path: `${base}.${key}`,
          label: t(`fields.${group}.${key}` as never),
          value,
        },
      ];
    });

  const person = (base: string, draft: PersonDraft | undefined) =>
    rows(base, PERSON_FIELDS, draft ?? {}, 'person');

  // Changed paths of a person or a list count for the row above them too.
  const changed = new Set<string>();
  for (const path of changedPaths) {
    changed.add(path);
    changed.add(path.replace(/\[\d+\]$/u, ''));
  }

  return (
    <Stack gap="md">
      <Section title={t('fields.groups.entity')}>
        <DataList rows={rows('entity', ENTITY_FIELDS, entity, 'entity')} changed={changed} />
      </Section>
      <Section title={t('fields.groups.leader')}>
        <DataList rows={person('entity.leader', entity.leader)} changed={changed} />
      </Section>
      {(content.services ?? []).map((service, index) => {
        const base = `services[${index}]`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: services have no id; their index is their path.
          <Section key={index} title={t('fields.groups.service', { n: index + 1 })}>
            <Stack gap="sm">
              <DataList rows={rows(base, SERVICE_FIELDS, service, 'service')} changed={changed} />
              <Box>
                <Group gap="xs" mb={4}>
                  <Title order={4} fz="sm">
                    {t('fields.groups.admin')}
                  </Title>
                </Group>
                {service.adminSameAsLeader ? (
                  <Text size="sm">{t('data.adminSameAsLeader')}</Text>
                ) : (
                  <DataList rows={person(`${base}.admin`, service.admin)} changed={changed} />
                )}
              </Box>
              <Box>
                <Title order={4} fz="sm" mb={4}>
                  {t('fields.groups.access')}
                </Title>
                <DataList
                  rows={rows(`${base}.access`, ACCESS_FIELDS, service.access ?? {}, 'access')}
                  changed={changed}
                />
              </Box>
            </Stack>
          </Section>
        );
      })}
    </Stack>
  );
}
