import { Accordion, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import type { SiteCheck } from './api.ts';
import { CheckFindings } from './check-findings.tsx';
import { VerdictBadge } from './verdict-badge.tsx';

/** "2 problems", "every rule passed" or "not fetched": what a closed entry of the history says. */
function CheckSummary({ check }: { check: SiteCheck }) {
  const { t } = useTranslation('monitoring');
  const problems = check.result.problems?.length ?? 0;
  const text = check.result.failure
    ? t('history.notFetched')
    : problems > 0
      ? t('history.problems', { count: problems })
      : t('history.allPassed');
  return (
    <Text span size="sm" c="gray.7">
      {text}
    </Text>
  );
}

/**
 * The site's checks, newest first; each opens to what it found. The newest is open, and a new check
 * (a "Check now", or a refetch that brings a scheduled one) opens in its place.
 */
export function CheckHistory({ checks }: { checks: SiteCheck[] }) {
  const { t } = useTranslation('monitoring');
  const newest = checks[0];
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title">
        {t('history.title')}
      </Title>
      {newest ? (
        <>
          <Text size="sm" c="gray.7">
            {t('history.hint')}
          </Text>
          <Accordion
            key={newest.id}
            multiple
            variant="separated"
            order={3}
            defaultValue={[String(newest.id)]}
            data-testid="check-history"
          >
            {checks.map((check) => (
              <Accordion.Item key={check.id} value={String(check.id)} data-check-verdict={check.verdict}>
                <Accordion.Control>
                  <Group gap="xs" wrap="wrap" component="span">
                    <Text span size="sm" fw={600}>
                      <time dateTime={check.checkedAt}>{formatDateTime(check.checkedAt)}</time>
                    </Text>
                    <VerdictBadge verdict={check.verdict} />
                    <Badge
                      component="span"
                      color="gray"
                      variant="outline"
                      c="dark.7"
                      style={{ textTransform: 'none' }}
                    >
                      {t(`history.trigger.${check.trigger}`)}
                    </Badge>
                    <CheckSummary check={check} />
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <CheckFindings check={check} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      ) : (
        <Text size="sm" c="gray.7">
          {t('history.empty')}
        </Text>
      )}
    </Stack>
  );
}
