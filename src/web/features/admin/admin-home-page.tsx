import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import {
  IconBook2,
  IconCalendarEvent,
  IconChartBar,
  IconListCheck,
  IconServerCog,
  IconUsers,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { chinaToday } from '../../components/working-day-countdown.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import {
  useAuditVerification,
  useCalendarOverrides,
  useCalendarYears,
  useCatalogueEdits,
  useFetchAllowHosts,
  useOrganisations,
  useUsers,
  useVerifyAuditChain,
} from './api.ts';
import { AdminNav, Figure, READABLE_BADGE } from './shared.tsx';

/** A count while it loads, fails (—) or arrives. */
function Count({ value, loading }: { value: number | undefined; loading: boolean }) {
  if (loading) return <Skeleton h={30} w={60} />;
  return <>{value === undefined ? '—' : formatNumber(value)}</>;
}

function AreaCard({
  to,
  icon,
  title,
  description,
  children,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  description: string;
  children?: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group gap="sm" mb="xs" wrap="nowrap">
        <Text c="red.8" aria-hidden style={{ display: 'flex' }}>
          {icon}
        </Text>
        <Title order={2} size="h3">
          <Anchor component={Link} to={to} c="inherit" fw={700} underline="hover">
            {title}
          </Anchor>
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      <Group gap="xl" mt="auto" align="flex-end">
        {children}
      </Group>
    </Card>
  );
}

/**
 * The last chain verification, with its time, and a button to run one: walking the whole chain on
 * every visit of this page would cost more with every event recorded.
 */
function ChainBadge() {
  const { t } = useTranslation('admin');
  const verification = useAuditVerification();
  const verify = useVerifyAuditChain();
  const last = verification.data?.last;
  if (!verification.data) return null;
  return (
    <Stack gap={4} align="flex-start">
      {last ? (
        <Badge
          color={last.ok ? 'green' : 'red'}
          variant={last.ok ? 'light' : 'filled'}
          size="lg"
          {...(last.ok ? READABLE_BADGE : { color: 'red.9', style: { textTransform: 'none' } })}
        >
          {last.ok ? t('home.chainOk') : t('home.chainBroken', { seq: last.brokenAt ?? '?' })}
        </Badge>
      ) : (
        <Badge color="gray" variant="light" size="lg" {...READABLE_BADGE}>
          {t('home.chainUnverified')}
        </Badge>
      )}
      {last && (
        <Text size="xs" c="dimmed">
          {t('home.chainVerifiedAt', { at: formatDateTime(last.verifiedAt) })}
        </Text>
      )}
      <Button
        size="compact-xs"
        variant="default"
        onClick={() => verify.mutate()}
        loading={verify.isPending || verification.data.isRunning}
      >
        {t('audit.chain.verifyNow')}
      </Button>
    </Stack>
  );
}

export function AdminHomePage() {
  const { t } = useTranslation('admin');
  const edits = useCatalogueEdits();
  const overrides = useCalendarOverrides();
  const years = useCalendarYears();
  const users = useUsers('', 1);
  const organisations = useOrganisations();
  const verification = useAuditVerification();
  const allowHosts = useFetchAllowHosts();
  const nextYear = Number(chinaToday().slice(0, 4)) + 1;
  const nextYearInfo = years.data?.items.find((y) => y.year === nextYear);
  const inForce = edits.data?.items.filter((e) => e.status === 'applied').length;

  return (
    <>
      <AdminNav />
      <PageTitle title={t('home.title')} description={t('home.description')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        <AreaCard
          to="/admin/catalogue"
          icon={<IconBook2 size={24} />}
          title={t('nav.catalogue')}
          description={t('home.catalogue')}
        >
          <Figure
            value={<Count value={inForce} loading={edits.isPending} />}
            label={t('home.editsInForce')}
          />
          <Figure
            value={<Count value={edits.data?.items.length} loading={edits.isPending} />}
            label={t('home.editsTotal')}
          />
        </AreaCard>
        <AreaCard
          to="/admin/calendar"
          icon={<IconCalendarEvent size={24} />}
          title={t('nav.calendar')}
          description={t('home.calendar')}
        >
          <Figure
            value={<Count value={overrides.data?.items.length} loading={overrides.isPending} />}
            label={t('home.overrides')}
          />
          {years.data && (
            <Badge color={nextYearInfo ? 'green' : 'yellow'} variant="light" size="lg" {...READABLE_BADGE}>
              {nextYearInfo
                ? t('home.yearHasData', { year: nextYear })
                : t('home.yearNoData', { year: nextYear })}
            </Badge>
          )}
        </AreaCard>
        <AreaCard
          to="/admin/users"
          icon={<IconUsers size={24} />}
          title={t('nav.users')}
          description={t('home.users')}
        >
          <Figure
            value={<Count value={users.data?.total} loading={users.isPending} />}
            label={t('home.userCount')}
          />
          <Figure
            value={<Count value={organisations.data?.total} loading={organisations.isPending} />}
            label={t('home.organisationCount')}
          />
        </AreaCard>
        <AreaCard
          to="/admin/audit"
          icon={<IconListCheck size={24} />}
          title={t('nav.audit')}
          description={t('home.audit')}
        >
          <Figure
            value={<Count value={verification.data?.headSequence} loading={verification.isPending} />}
            label={t('home.events')}
          />
          <ChainBadge />
        </AreaCard>
        <AreaCard
          to="/admin/allow-list"
          icon={<IconServerCog size={24} />}
          title={t('nav.allowList')}
          description={t('home.allowList')}
        >
          <Figure
            value={
              <Count
                value={allowHosts.data && allowHosts.data.items.length + allowHosts.data.configured.length}
                loading={allowHosts.isPending}
              />
            }
            label={t('home.allowListCount')}
          />
        </AreaCard>
        <AreaCard
          to="/admin/stats"
          icon={<IconChartBar size={24} />}
          title={t('nav.stats')}
          description={t('home.stats')}
        />
      </SimpleGrid>
      <Stack mt="xl" gap={4}>
        <Text size="sm" c="dimmed">
          {t('home.footnote')}
        </Text>
      </Stack>
    </>
  );
}
