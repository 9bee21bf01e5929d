import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  List,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AnyNumber } from '../../../domain/numbers/detect-number.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { localize } from '../../lib/format.ts';
import { useQueryBox } from '../../lib/use-query-box.ts';
import { Pill } from '../eligibility/pill.tsx';
import { useParsedNumber } from './api.ts';

const route = getRouteApi('/number');

const NUMBER_EXAMPLES = [
  '京ICP备2024012345号-1',
  '粤ICP备2021034286号-2A',
  '川ICP备12005138号',
  '粤B2-20090059',
  'B2-20233776',
  '京ICP证030173号',
  '京公网安备11010802012345号',
] as const;

/** One part of the number: the characters, a short label, and what it means. */
interface Part {
  text?: string;
  label: string;
  meaning: string;
}

function placeName(place: { nameEn: string; nameZh: string }): string {
  return localize({ en: place.nameEn, zh: place.nameZh });
}

function useParts(value: AnyNumber): Part[] {
  const { t } = useTranslation('number');
  const province = (p: { nameEn: string; nameZh: string }, abbr: string): Part => ({
    text: abbr,
    label: t('parts.province'),
    meaning: t('parts.provinceValue', { name: placeName(p), abbr }),
  });
  switch (value.kind) {
    case 'icp_filing': {
      const yearText = value.yearDigits === 4 ? String(value.year) : String(value.year).slice(2);
      const parts: Part[] = [
        province(value.province, value.abbreviation),
        { text: 'ICP备', label: t('parts.marker'), meaning: t('parts.markerFiling') },
        {
          text: yearText,
          label: t('parts.year'),
          meaning: t(value.yearDigits === 4 ? 'parts.yearFiling4' : 'parts.yearFiling2', {
            year: value.year,
          }),
        },
        {
          text: value.serial,
          label: t('parts.serial'),
          meaning: t('parts.serialValue', { serial: value.serial }),
        },
        { label: t('parts.entity'), meaning: t('parts.entityValue', { number: value.entityNumber }) },
      ];
      if (value.service)
        parts.push({
          text: `-${value.service.suffix}`,
          label: t('parts.service'),
          meaning: t('parts.serviceValue', {
            suffix: value.service.suffix,
            index: value.service.index,
            type: t(`serviceTypes.${value.service.type}`),
          }),
        });
      return parts;
    }
    case 'icp_licence': {
      const parts: Part[] = [
        province(value.province, value.abbreviation),
        { text: 'ICP证', label: t('parts.marker'), meaning: t('parts.markerLicence') },
        {
          text: String(value.year).slice(2),
          label: t('parts.year'),
          meaning: t('parts.yearLicence', { year: value.year }),
        },
        {
          text: value.serial,
          label: t('parts.serial'),
          meaning: t('parts.serialValue', { serial: value.serial }),
        },
      ];
      if (value.suffix !== undefined)
        parts.push({
          text: `-${value.suffix}`,
          label: t('parts.siteSuffix'),
          meaning: t('parts.siteSuffixValue', { suffix: value.suffix }),
        });
      return parts;
    }
    case 'telecom_licence': {
      const parts: Part[] = [];
      if (value.province && value.abbreviation) parts.push(province(value.province, value.abbreviation));
      parts.push(
        {
          text: value.category,
          label: t('parts.category'),
          meaning: t('parts.categoryValue', {
            category: value.category,
            meaning: value.categories.map((c) => t(`categories.${c}`)).join(' · '),
          }),
        },
        {
          label: t('parts.scope'),
          meaning: t(value.scope === 'provincial' ? 'parts.scopeProvincial' : 'parts.scopeCrossRegional'),
        },
        {
          text: String(value.year),
          label: t('parts.year'),
          meaning: t('parts.yearLicence', { year: value.year }),
        },
        {
          text: value.serial,
          label: t('parts.serial'),
          meaning: t('parts.serialValue', { serial: value.serial }),
        },
      );
      if (value.suffix !== undefined)
        parts.push({
          text: `-${value.suffix}`,
          label: t('parts.siteSuffix'),
          meaning: t('parts.siteSuffixValue', { suffix: value.suffix }),
        });
      return parts;
    }
    case 'psb_filing': {
      const place = [value.city, value.county]
        .filter((p) => p !== undefined)
        .map((p) => placeName(p))
        .filter((name, index, all) => all.indexOf(name) === index)
        .join(' ');
      const parts: Part[] = [
        province(value.province, value.abbreviation),
        { text: '公网安备', label: t('parts.marker'), meaning: t('parts.markerPsb') },
        {
          text: value.countyCode,
          label: t('parts.police'),
          meaning: place
            ? t('parts.policeValue', { code: value.countyCode, place })
            : t('parts.policeUnknown', { code: value.countyCode }),
        },
        {
          text: value.serial,
          label: t('parts.serial'),
          meaning: t('parts.serialPsb', { serial: value.serial }),
        },
      ];
      if (value.isLegacyLength) parts.push({ label: t('parts.length'), meaning: t('parts.legacyLength') });
      return parts;
    }
  }
}

function canonicalOf(value: AnyNumber): string {
  return value.kind === 'icp_filing' ? (value.service?.number ?? value.entityNumber) : value.canonical;
}

const SEGMENT_COLORS = ['red', 'blue', 'teal', 'grape', 'orange', 'indigo'] as const;

/** The number drawn as coloured segments with a label under each (decorative: the list says the same). */
function SegmentStrip({ parts }: { parts: Part[] }) {
  const shown = parts.filter((p) => p.text !== undefined);
  return (
    <Group gap={4} align="flex-start" aria-hidden wrap="wrap">
      {shown.map((part, index) => {
        const color = SEGMENT_COLORS[index % SEGMENT_COLORS.length];
        return (
          <Stack key={`${part.label}-${part.text}`} gap={2} align="center">
            <Box
              px={8}
              py={4}
              fz={{ base: 20, sm: 26 }}
              fw={700}
              ff="monospace"
              bg={`${color}.0`}
              c={`${color}.9`}
              style={{ borderRadius: 6, borderBottom: `3px solid var(--mantine-color-${color}-6)` }}
            >
              {part.text}
            </Box>
            <Text size="xs" c="gray.7">
              {part.label}
            </Text>
          </Stack>
        );
      })}
    </Group>
  );
}

function NumberResult({ value }: { value: AnyNumber }) {
  const { t } = useTranslation('number');
  const parts = useParts(value);
  const canonical = canonicalOf(value);
  return (
    <Stack gap="md">
      <Text>{t(`kindHelp.${value.kind}`)}</Text>
      <SegmentStrip parts={parts} />
      <Title order={3} fz="md">
        {t('result.parts')}
      </Title>
      <Box component="dl" m={0}>
        {parts.map((part) => (
          <Group key={`${part.label}-${part.meaning}`} gap="xs" align="baseline" wrap="nowrap" mb={6}>
            <Text component="dt" fw={700} size="sm" miw={120} style={{ flexShrink: 0 }}>
              {part.label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {part.meaning}
            </Text>
          </Group>
        ))}
        <Group gap="xs" align="baseline" wrap="nowrap">
          <Text component="dt" fw={700} size="sm" miw={120} style={{ flexShrink: 0 }}>
            {t('parts.canonical')}
          </Text>
          <Text component="dd" size="sm" m={0} ff="monospace">
            {canonical}
          </Text>
        </Group>
      </Box>
      <Group gap="sm">
        {value.kind === 'icp_filing' && (
          <Button
            renderRoot={(props) => <Link to="/registry" search={{ q: canonical }} {...props} />}
            size="sm"
          >
            {t('result.lookUp')}
          </Button>
        )}
        {value.kind === 'icp_filing' && (
          <Button component={Link} to="/footer-check" variant="subtle" size="sm">
            {t('result.checkFooter')}
          </Button>
        )}
        {value.kind === 'psb_filing' && (
          <Anchor
            href={`https://beian.mps.gov.cn/#/query/webSearch?code=${value.countyCode}${value.serial}`}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
          >
            {t('result.psbRecord')}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}

export function NumberPage() {
  const { t } = useTranslation('number');
  const { n } = route.useSearch();
  const navigate = useNavigate();
  const { text, setText, submit } = useQueryBox(
    n,
    (value) => void navigate({ to: '/number', search: value ? { n: value } : {} }),
  );
  const query = useParsedNumber(n);

  const data = query.data;
  return (
    <Stack gap="lg">
      <PageTitle title={t('title')} description={t('description')} />
      <Box component="form" onSubmit={submit} role="search" maw={720}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label={t('form.label')}
            description={t('form.hint')}
            placeholder={t('form.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            style={{ flex: 1 }}
            size="md"
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" size="md">
            {t('form.submit')}
          </Button>
        </Group>
      </Box>
      <Box component="nav" aria-labelledby="number-examples">
        <Text id="number-examples" size="sm" fw={600} mb={6}>
          {t('examples.heading')}
        </Text>
        <Group gap="xs">
          {NUMBER_EXAMPLES.map((example) => (
            <Button
              key={example}
              renderRoot={(props) => <Link to="/number" search={{ n: example }} {...props} />}
              variant={example === n ? 'filled' : 'default'}
              size="compact-sm"
              aria-current={example === n ? 'true' : undefined}
              style={{ fontWeight: 500 }}
            >
              {example}
            </Button>
          ))}
        </Group>
      </Box>
      <Box aria-live="polite" aria-busy={query.isFetching}>
        {query.isLoading && <Loader size="sm" aria-label={t('common:states.loading')} />}
        {query.error && <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {data && n && (
          <Card withBorder padding="lg" radius="md">
            <Stack gap="md">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Title order={2} fz={{ base: 'lg', sm: 'xl' }} style={{ wordBreak: 'break-all' }}>
                  {t('result.heading', { number: data.normalized || n })}
                </Title>
                <Group gap="xs">
                  {data.value && <Pill color="blue">{t(`kinds.${data.value.kind}`)}</Pill>}
                  <Pill color={data.valid ? 'green' : 'red'}>
                    {data.valid ? t('result.valid') : t('result.invalid')}
                  </Pill>
                </Group>
              </Group>
              {data.errors.length > 0 && (
                <Alert color="red" title={t('result.errors')}>
                  <List size="sm">
                    {data.errors.map((issue) => (
                      <List.Item key={issue.code}>{localize(issue.message)}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {data.warnings.length > 0 && (
                <Alert color="yellow" title={t('result.warnings')}>
                  <List size="sm">
                    {data.warnings.map((issue) => (
                      <List.Item key={issue.code}>{localize(issue.message)}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {data.value ? (
                <NumberResult value={data.value} />
              ) : (
                data.errors.length === 0 && <Text>{t('result.notRecognised')}</Text>
              )}
            </Stack>
          </Card>
        )}
      </Box>
    </Stack>
  );
}
