import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMonitoredSites } from './api.ts';
import { countByVerdict, VERDICT_ORDER } from './site-facts.ts';
import { VerdictBadge } from './verdict-badge.tsx';

/**
 * The monitor on the applicant's dashboard: how many sites have which last verdict (what needs work
 * first), and the way in. Says nothing while loading or when the list cannot be had: the dashboard is
 * about filings, and the monitor's own page reports its errors.
 */
/** `scopeNote`: whose sites the card counts, when that is not what the page around it shows. */
export function MonitorSummaryCard({ scopeNote }: { scopeNote?: string } = {}) {
  const { t } = useTranslation('monitoring');
  const { data } = useMonitoredSites();
  if (!data) return null;
  const counts = countByVerdict(data.items);
  const shown = [...VERDICT_ORDER, 'unchecked' as const].filter((verdict) => counts[verdict] > 0);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="monitor-card-title">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h4" id="monitor-card-title">
            {t('card.title')}
          </Title>
          {data.items.length > 0 && (
            <Badge variant="light" color="gray" c="dark.8" style={{ textTransform: 'none' }}>
              {t('card.sites', { count: data.items.length })}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="gray.7">
          {t('card.body')}
        </Text>
        {scopeNote && (
          <Text size="sm" fw={600} data-testid="monitor-card-scope">
            {scopeNote}
          </Text>
        )}
        {shown.length === 0 ? (
          <Text size="sm">{t('card.none')}</Text>
        ) : (
          <Group
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            data-testid="monitor-counts"
          >
            {shown.map((verdict) => (
              <Group component="li" key={verdict} gap={6} wrap="nowrap">
                <Text span fw={700} size="sm">
                  {counts[verdict]}
                </Text>
                <VerdictBadge verdict={verdict === 'unchecked' ? undefined : verdict} />
              </Group>
            ))}
          </Group>
        )}
        <Anchor component={Link} to="/monitor" size="sm" fw={600}>
          {t('card.open')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
