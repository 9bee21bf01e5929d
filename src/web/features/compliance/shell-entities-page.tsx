import { Alert, Badge, Button, Card, Group, Loader, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { localize } from '../../lib/format.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { AdminNav } from '../admin/shared.tsx';
import { useAuthorityNav } from '../authority/console-nav.ts';
import { useProvinces } from '../eligibility/api.ts';
import { ConsoleNav } from '../provider/console-nav.tsx';
import { type ShellEntity, useShellEntities } from './api.ts';

function Services({ entity }: { entity: ShellEntity }) {
  const { t } = useTranslation('compliance');
  if (entity.services.length === 0) return <Text size="sm">{t('shell.noServices')}</Text>;
  return (
    <Stack gap={4}>
      {entity.services.map((service) => (
        <Group key={service.serviceNumber} gap="xs" wrap="nowrap">
          <Text size="sm">
            {service.serviceNumber} · {service.serviceName}
          </Text>
          <Badge tt="none" variant="light" color={service.hasAccess ? 'green' : 'red'}>
            {service.hasAccess ? t('shell.hasAccess') : t('shell.withoutAccess')}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

function Reason({ entity }: { entity: ShellEntity }) {
  const { t } = useTranslation('compliance');
  return (
    <Stack gap={2}>
      <Badge tt="none" variant="light" color="orange">
        {entity.reason === 'no_active_service' ? t('shell.noService') : t('shell.noAccess')}
      </Badge>
      <Text size="sm">{localize(entity.message)}</Text>
    </Stack>
  );
}

/**
 * Shell entities (空壳主体) among those filed through the platform: a province's, for its authority
 * reviewers (in their console), or any province's, for platform administrators.
 */
export function ShellEntitiesPage() {
  const { t } = useTranslation('compliance');
  const me = useMe();
  const isAdmin = hasAnyRole(me.data, ['platform_admin']);
  const authorityNav = useAuthorityNav();
  const { data: provinces = [] } = useProvinces();
  const [province, setProvince] = useState('');
  const query = useShellEntities(isAdmin && province !== '' ? province : undefined);
  const entities = query.data?.pages.flatMap((page) => page.items) ?? [];
  const provinceName = (code: string) => {
    const found = provinces.find((candidate) => candidate.code === code);
    return found ? localize({ en: found.nameEn, zh: found.nameZh }) : code;
  };

  return (
    <Stack gap="md">
      {isAdmin ? <AdminNav /> : <ConsoleNav items={authorityNav} />}
      <PageTitle title={t('shell.title')} description={t('shell.description')} />
      {isAdmin && (
        <NativeSelect
          label={t('shell.province')}
          value={province}
          onChange={(event) => setProvince(event.currentTarget.value)}
          data={[
            { value: '', label: t('shell.allProvinces') },
            ...provinces.map((p) => ({ value: p.code, label: localize({ en: p.nameEn, zh: p.nameZh }) })),
          ]}
          maw={320}
        />
      )}
      {query.isPending && <Loader aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.isSuccess && entities.length === 0 && (
        <Alert variant="light" color="gray">
          {t('shell.empty')}
        </Alert>
      )}
      {entities.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={720} visibleFrom="sm">
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('shell.columns.entity')}</Table.Th>
                  <Table.Th scope="col">{t('shell.columns.reason')}</Table.Th>
                  <Table.Th scope="col">{t('shell.columns.services')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entities.map((entity) => (
                  <Table.Tr key={entity.entityNumber}>
                    <Table.Td>
                      <Text fw={600}>{entity.entityNumber}</Text>
                      <Text size="sm">{entity.unitName}</Text>
                      <Text size="xs" c="dimmed">
                        {provinceName(entity.provinceCode)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Reason entity={entity} />
                    </Table.Td>
                    <Table.Td>
                      <Services entity={entity} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack
            hiddenFrom="sm"
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('shell.title')}
          >
            {entities.map((entity) => (
              <Card key={entity.entityNumber} withBorder radius="md" padding="sm" component="li">
                <Text fw={600}>{entity.entityNumber}</Text>
                <Text size="sm">
                  {entity.unitName} · {provinceName(entity.provinceCode)}
                </Text>
                <Stack gap="xs" mt="xs">
                  <Reason entity={entity} />
                  <Services entity={entity} />
                </Stack>
              </Card>
            ))}
          </Stack>
        </>
      )}
      {query.hasNextPage && (
        <Button
          variant="light"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
          w="fit-content"
        >
          {t('shell.loadMore')}
        </Button>
      )}
      <Text size="xs" c="dimmed">
        {t('shell.scanned')}
      </Text>
    </Stack>
  );
}
