import { Badge, Box, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDraft } from '../../../domain/order-content/order-content.ts';
import type { Order, ReturnReason } from './api.ts';
import { useCatalogueNames } from './catalogue-names.ts';
import { concerns } from './field-paths.ts';
import { reasonText } from './return-reasons.tsx';

interface Row {
  path: string;
  field: string;
  value: ReactNode;
}

function FieldList({ rows, reasons }: { rows: Row[]; reasons: ReturnReason[] }) {
  const { t } = useTranslation('order');
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
      {rows.map((row) => {
        const flagged = reasons.filter((r) => r.fieldPath && concerns(r.fieldPath, row.path));
        return (
          <Box
            key={row.path}
            p={6}
            style={
              flagged.length > 0
                ? {
                    borderLeft: '3px solid var(--mantine-color-orange-6)',
                    background: 'var(--mantine-color-orange-0)',
                    borderRadius: 4,
                  }
                : undefined
            }
            data-returned={flagged.length > 0 || undefined}
          >
            <Text component="dt" size="xs" c="gray.7">
              {t(`fields.${row.field}` as never, { defaultValue: row.field }) as string}
              {flagged.length > 0 && (
                <Badge ml={6} size="xs" color="red.9" variant="filled">
                  {t('content.returnedField')}
                </Badge>
              )}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {row.value === undefined || row.value === '' ? t('content.notFilled') : row.value}
            </Text>
            {flagged.map((r) => (
              <Text key={r.reasonCode} component="dd" size="xs" c="red.9" m={0}>
                {reasonText(r)}
              </Text>
            ))}
          </Box>
        );
      })}
    </SimpleGrid>
  );
}

function usePersonRows() {
  const { t } = useTranslation('order');
  const names = useCatalogueNames();
  return (person: PersonDraft | undefined, base: string): Row[] => {
    const p = person ?? {};
    const validUntil =
      p.certificateValidUntil === 'long_term' ? t('content.longTerm') : p.certificateValidUntil;
    const rows: Row[] = [
      { path: `${base}.name`, field: 'name', value: p.name },
      {
        path: `${base}.certificateType`,
        field: 'certificateType',
        value: names.certificateType(p.certificateType),
      },
      { path: `${base}.certificateNumber`, field: 'certificateNumber', value: p.certificateNumber },
      { path: `${base}.certificateValidUntil`, field: 'certificateValidUntil', value: validUntil },
      { path: `${base}.mobile`, field: 'mobile', value: p.mobile },
      { path: `${base}.emergencyPhone`, field: 'emergencyPhone', value: p.emergencyPhone },
      { path: `${base}.officePhone`, field: 'officePhone', value: p.officePhone },
      { path: `${base}.email`, field: 'email', value: p.email },
    ];
    return rows;
  };
}

/** The order's content as the API sends it (masked or not), returned fields highlighted. */
export function ContentSummary({ order }: { order: Order }) {
  const { t } = useTranslation('order');
  const names = useCatalogueNames();
  const personRows = usePersonRows();
  const open = order.status === 'returned_by_provider' || order.status === 'rejected_by_authority';
  const reasons = open ? order.returnReasons : [];
  const entity = order.content.entity ?? {};
  const services = order.content.services ?? [];
  const entityRows: Row[] = [
    { path: 'entity.name', field: 'name', value: entity.name },
    { path: 'entity.nature', field: 'nature', value: names.nature(entity.nature) },
    {
      path: 'entity.certificateType',
      field: 'certificateType',
      value: names.certificateType(entity.certificateType),
    },
    { path: 'entity.certificateNumber', field: 'certificateNumber', value: entity.certificateNumber },
    { path: 'entity.provinceCode', field: 'provinceCode', value: names.province(entity.provinceCode) },
    { path: 'entity.certificateAddress', field: 'certificateAddress', value: entity.certificateAddress },
    { path: 'entity.mailingAddress', field: 'mailingAddress', value: entity.mailingAddress },
    { path: 'entity.investorOrAuthority', field: 'investorOrAuthority', value: entity.investorOrAuthority },
  ];
  if (entity.remarks) entityRows.push({ path: 'entity.remarks', field: 'remarks', value: entity.remarks });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="content-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="content-title">
          {t('content.title')}
        </Title>
        {order.isPersonalDataMasked && (
          <Text size="sm" c="gray.7">
            {t('page.maskedNotice')}
          </Text>
        )}
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('content.entity')}
          </Title>
          <FieldList rows={entityRows} reasons={reasons} />
          <Title order={4} size="h6" mt="xs">
            {t('content.leader')}
          </Title>
          <FieldList rows={personRows(entity.leader, 'entity.leader')} reasons={reasons} />
        </Stack>
        {services.map((service, index) => {
          const base = `services[${index}]`;
          const rows: Row[] = [
            { path: `${base}.name`, field: 'name', value: service.name },
            { path: `${base}.domain`, field: 'domain', value: service.domain },
            { path: `${base}.homeUrl`, field: 'homeUrl', value: service.homeUrl },
            {
              path: `${base}.contentCategory`,
              field: 'contentCategory',
              value: names.contentCategory(service.contentCategory),
            },
            {
              path: `${base}.languages`,
              field: 'languages',
              // Language names as the wizard offers them, not their codes (zh-CN).
              value: service.languages
                ?.map((code) => t(`order-wizard:languages.${code}`, { defaultValue: code }))
                .join(', '),
            },
            {
              path: `${base}.access`,
              field: 'ipAddresses',
              value: service.access?.ipAddresses?.join(', '),
            },
          ];
          return (
            // Services have no id in the content; their index is what return reasons point at.
            <Stack gap="xs" key={base}>
              <Title order={3} size="h5">
                {t('content.service', { n: index + 1 })}
              </Title>
              <FieldList rows={rows} reasons={reasons} />
              <Title order={4} size="h6" mt="xs">
                {t('content.admin')}
              </Title>
              {service.adminSameAsLeader ? (
                <Text size="sm">{t('content.sameAsLeader')}</Text>
              ) : (
                <FieldList rows={personRows(service.admin, `${base}.admin`)} reasons={reasons} />
              )}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
