import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconBell, IconPlus, IconShieldCheck, IconWorldWww } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SourceLine } from '../eligibility/sources.tsx';
import { type MonitoredSite, useMonitoredSites } from './api.ts';
import { siteName } from './site-facts.ts';
import { SiteTime } from './site-time.tsx';
import { UnreachableNote, VerdictBadge, VerdictLegend } from './verdict-badge.tsx';

const sitePath = (site: { id: number }) => `/monitor/${site.id}`;

export function AddSiteButton() {
  const { t } = useTranslation('monitoring');
  return (
    <Button component={Link} to="/monitor/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('actions.add')}
    </Button>
  );
}

function IntroPoint({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color="gray" size="md" radius="xl" aria-hidden style={{ flexShrink: 0 }}>
        {icon}
      </ThemeIcon>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/** What the monitor does and why it matters, with the rules it rests on. */
function Intro() {
  const { t } = useTranslation('monitoring');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="intro-title" maw={880}>
      <Stack gap="xs">
        <Title order={2} size="h4" id="intro-title">
          {t('intro.title')}
        </Title>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          <IntroPoint icon={<IconWorldWww size={16} />}>{t('intro.footer')}</IntroPoint>
          <IntroPoint icon={<IconShieldCheck size={16} />}>{t('intro.duties')}</IntroPoint>
          <IntroPoint icon={<IconBell size={16} />}>{t('intro.notices')}</IntroPoint>
        </Stack>
        <SourceLine ids={['ref-3-display', 'psb-filing']} />
      </Stack>
    </Paper>
  );
}

/** When the next check runs: paused, due now (the scheduler runs every minute), or when. */
function NextCheck({ site, now }: { site: MonitoredSite; now: Date }) {
  const { t } = useTranslation('monitoring');
  if (site.isPaused) {
    return (
      <Badge color="gray" variant="outline" c="dark.7" style={{ textTransform: 'none' }}>
        {t('list.paused')}
      </Badge>
    );
  }
  if (new Date(site.nextCheckAt) <= now) return t('list.dueNow');
  return <SiteTime at={site.nextCheckAt} now={now} />;
}

function LastChecked({ site, now }: { site: MonitoredSite; now: Date }) {
  const { t } = useTranslation('monitoring');
  if (!site.lastCheckedAt) return t('detail.notChecked');
  return <SiteTime at={site.lastCheckedAt} now={now} />;
}

function SiteLink({ site }: { site: MonitoredSite }) {
  const { t } = useTranslation('monitoring');
  const name = siteName(site);
  return (
    <Anchor component={Link} to={sitePath(site)} fw={700} aria-label={t('actions.open', { name })}>
      {name}
    </Anchor>
  );
}

function SiteTable({ sites, now }: { sites: MonitoredSite[]; now: Date }) {
  const { t } = useTranslation('monitoring');
  return (
    <Table.ScrollContainer minWidth={720} visibleFrom="sm">
      <Table highlightOnHover withTableBorder verticalSpacing="sm" data-testid="site-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.site')}</Table.Th>
            <Table.Th>{t('list.lastVerdict')}</Table.Th>
            <Table.Th>{t('list.lastChecked')}</Table.Th>
            <Table.Th>{t('list.nextCheck')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((site) => (
            <Table.Tr key={site.id}>
              <Table.Td maw={360}>
                <SiteLink site={site} />
                <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                  {site.url}
                </Text>
              </Table.Td>
              <Table.Td>
                <VerdictBadge verdict={site.lastVerdict} />
                <UnreachableNote verdict={site.lastVerdict} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <LastChecked site={site} now={now} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" component="div">
                  <NextCheck site={site} now={now} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SiteCards({ sites, now }: { sites: MonitoredSite[]; now: Date }) {
  const { t } = useTranslation('monitoring');
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} hiddenFrom="sm">
      {sites.map((site) => (
        <Card key={site.id} component="li" withBorder radius="md" padding="sm" data-site={site.id}>
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
              <SiteLink site={site} />
              <VerdictBadge verdict={site.lastVerdict} />
            </Group>
            <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
              {site.url}
            </Text>
            <UnreachableNote verdict={site.lastVerdict} />
            <Text size="sm">
              {t('list.lastChecked')}: <LastChecked site={site} now={now} />
            </Text>
            <Group gap={6} wrap="wrap">
              <Text size="sm">{t('list.nextCheck')}:</Text>
              <Text size="sm" component="div">
                <NextCheck site={site} now={now} />
              </Text>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/**
 * The site monitor (issue 5): what it does, the caller's sites with their last verdict and when they
 * are checked — a table on wide screens, cards on phones — and what each verdict means.
 */
export function MonitorPage() {
  const { t } = useTranslation('monitoring');
  const sites = useMonitoredSites();
  const items = sites.data?.items ?? [];
  const now = new Date(sites.dataUpdatedAt || Date.now());
  return (
    <Stack gap="lg">
      <PageTitle title={t('title')} description={t('description')} actions={<AddSiteButton />} />
      <Intro />
      <Stack gap="sm" component="section" aria-labelledby="sites-title">
        <Title order={2} size="h3" id="sites-title">
          {t('list.title')}
        </Title>
        {sites.isPending && <Text aria-live="polite">{t('common:states.loading')}</Text>}
        {sites.error && <ApiErrorAlert error={sites.error} onRetry={() => void sites.refetch()} />}
        {sites.data && items.length === 0 && (
          <Paper withBorder radius="md" p="lg">
            <Stack gap="sm" align="flex-start">
              <Text>{t('list.empty')}</Text>
              <AddSiteButton />
            </Stack>
          </Paper>
        )}
        {items.length > 0 && (
          <>
            <SiteTable sites={items} now={now} />
            <SiteCards sites={items} now={now} />
          </>
        )}
      </Stack>
      <VerdictLegend />
    </Stack>
  );
}
