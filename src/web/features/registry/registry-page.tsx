import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatDate, localize } from '../../lib/format.ts';
import { useQueryBox } from '../../lib/use-query-box.ts';
import { Pill } from '../eligibility/pill.tsx';
import { isSearchable, type RegistryRecord, type RegistrySearchResult, useRegistrySearch } from './api.ts';

const route = getRouteApi('/registry');

/** Records of the demo registry (seeded on an empty database), one per kind of query. */
const EXAMPLES = ['ruifeng.cn', '鄂ICP备2024000130号', '科技'] as const;

type Field =
  | 'unitName'
  | 'nature'
  | 'entityNumber'
  | 'serviceNumber'
  | 'serviceName'
  | 'domains'
  | 'approvedOn'
  | 'accessLimited';

function Row({ field, label, children }: { field: Field; label: string; children: ReactNode }) {
  const { t, i18n } = useTranslation('registry');
  return (
    <Box>
      <Text component="dt" size="xs" c="gray.7" fw={600}>
        {label}
        {i18n.resolvedLanguage !== 'zh-CN' && (
          <Text component="span" size="xs" c="gray.7" fw={400} lang="zh-CN">
            {' · '}
            {t(`official.${field}`)}
          </Text>
        )}
      </Text>
      <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Box>
  );
}

/** One row of the official lookup: a service with its entity, as MIIT shows them. */
function RecordCard({ record }: { record: RegistryRecord }) {
  const { t } = useTranslation('registry');
  const { entity, service } = record;
  return (
    <Card withBorder padding="lg" radius="md" component="article">
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Title order={3} fz="lg" style={{ overflowWrap: 'anywhere' }}>
          {service.serviceName}
        </Title>
        <Group gap={6}>
          <Pill color="blue">{t(`serviceTypes.${service.serviceType}`)}</Pill>
          {service.isAccessLimited && <Pill color="orange">{t('card.accessLimited')}</Pill>}
        </Group>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
        <Row field="unitName" label={t('card.unitName')}>
          {entity.unitName}
        </Row>
        <Row field="nature" label={t('card.nature')}>
          {localize({ en: entity.nature.nameEn, zh: entity.nature.nameZh })}
        </Row>
        <Row field="serviceNumber" label={t('card.serviceNumber')}>
          <Anchor
            renderRoot={(props) => <Link to="/number" search={{ n: service.serviceNumber }} {...props} />}
            size="sm"
          >
            {service.serviceNumber}
          </Anchor>
        </Row>
        <Row field="entityNumber" label={t('card.entityNumber')}>
          <Anchor
            renderRoot={(props) => <Link to="/registry" search={{ q: entity.entityNumber }} {...props} />}
            size="sm"
          >
            {entity.entityNumber}
          </Anchor>
        </Row>
        <Row field="serviceName" label={t(`card.serviceName.${service.serviceType}`)}>
          {service.serviceName}
        </Row>
        <Row field="domains" label={t('card.domains')}>
          {service.domains.length === 0
            ? t('card.none')
            : service.domains.map((domain) => (
                <span key={domain.ascii} style={{ display: 'block' }}>
                  {domain.unicode}
                  {domain.unicode !== domain.ascii && (
                    <Text component="span" size="xs" c="gray.7">
                      {' '}
                      ({domain.ascii})
                    </Text>
                  )}
                </span>
              ))}
        </Row>
        <Row field="approvedOn" label={t('card.approvedOn')}>
          <time dateTime={service.approvedOn}>{formatDate(service.approvedOn)}</time>
        </Row>
        <Row field="accessLimited" label={t('card.accessLimited')}>
          {service.isAccessLimited ? t('card.yes') : t('card.no')}
        </Row>
      </SimpleGrid>
    </Card>
  );
}

function NotFound({ q, kind }: { q: string; kind: RegistrySearchResult['kind'] }) {
  const { t } = useTranslation('registry');
  return (
    <Alert color="gray" title={t('results.notFound.title')}>
      <Text size="sm">{t(`results.notFound.${kind}`, { q })}</Text>
      <Group gap="md" mt="sm">
        {kind === 'number' && (
          <Anchor
            renderRoot={(props) => <Link to="/number" search={{ n: q }} {...props} />}
            size="sm"
            c="red.9"
          >
            {t('results.notFound.decode')}
          </Anchor>
        )}
        <Anchor
          href="https://beian.miit.gov.cn/"
          target="_blank"
          rel="noopener noreferrer"
          size="sm"
          c="red.9"
        >
          {t('results.notFound.official')}
        </Anchor>
      </Group>
    </Alert>
  );
}

function Intro() {
  const { t } = useTranslation('registry');
  return (
    <Box>
      <Title order={2} fz="lg" mb="xs">
        {t('intro.heading')}
      </Title>
      <List size="sm" spacing={4} mb="sm">
        <List.Item>{t('intro.domain')}</List.Item>
        <List.Item>{t('intro.number')}</List.Item>
        <List.Item>{t('intro.name')}</List.Item>
      </List>
      <Text size="sm" c="gray.7">
        {t('intro.note')}
      </Text>
    </Box>
  );
}

export function RegistryPage() {
  const { t } = useTranslation('registry');
  const { q } = route.useSearch();
  const navigate = useNavigate();
  const { text, setText, submit } = useQueryBox(
    q,
    (value) => void navigate({ to: '/registry', search: value ? { q: value } : {} }),
  );
  const search = useRegistrySearch(q);

  const tooShort = q !== undefined && q.trim() !== '' && !isSearchable(q);
  const fieldError = tooShort
    ? t('form.tooShort')
    : isApiError(search.error, 'validation_failed')
      ? search.error.fieldErrors.find((f) => f.path === 'q')?.message
      : undefined;
  const pages = search.data?.pages ?? [];
  const records = pages.flatMap((page) => page.items);
  const kind = pages[0]?.kind;

  return (
    <Stack gap="lg">
      <PageTitle title={t('title')} description={t('description')} />
      <Box component="form" onSubmit={submit} role="search" maw={760}>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            label={t('form.label')}
            description={t('form.hint')}
            placeholder={t('form.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={fieldError}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            style={{ flex: 1 }}
            size="md"
            type="search"
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" size="md" mt={27}>
            {t('common:actions.search')}
          </Button>
        </Group>
        <Group gap="xs" mt="sm" align="center">
          <Text size="sm" c="gray.7">
            {t('examples')}
          </Text>
          {EXAMPLES.map((example) => (
            <Anchor
              key={example}
              renderRoot={(props) => <Link to="/registry" search={{ q: example }} {...props} />}
              size="sm"
            >
              {example}
            </Anchor>
          ))}
        </Group>
      </Box>

      <Box aria-live="polite" aria-busy={search.isFetching}>
        {!q && <Intro />}
        {q && search.isLoading && <Loader size="sm" aria-label={t('common:states.loading')} />}
        {search.error && !fieldError && (
          <ApiErrorAlert error={search.error} onRetry={() => void search.refetch()} />
        )}
        {q && kind && records.length === 0 && <NotFound q={q} kind={kind} />}
        {q && kind && records.length > 0 && (
          <Stack gap="md">
            <Box>
              <Title order={2} fz="lg">
                {search.hasNextPage
                  ? t('results.headingMore', { count: records.length, q })
                  : t('results.heading', { count: records.length, q })}
              </Title>
              <Text size="sm" c="gray.7">
                {t(`results.kind.${kind}`)}
              </Text>
            </Box>
            {records.map((record) => (
              <RecordCard key={record.service.serviceNumber} record={record} />
            ))}
            {search.hasNextPage ? (
              <Group>
                <Button
                  variant="default"
                  onClick={() => void search.fetchNextPage()}
                  loading={search.isFetchingNextPage}
                >
                  {t('results.more')}
                </Button>
              </Group>
            ) : (
              pages.length > 1 && (
                <Text size="sm" c="gray.7">
                  {t('results.end')}
                </Text>
              )
            )}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}
