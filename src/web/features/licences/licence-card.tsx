import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLicenceList } from './api.ts';

/**
 * The licence applications on the applicant's dashboard: how many are in progress and issued, and the
 * ways in. Says nothing while loading or when the list cannot be had (the list page reports errors).
 */
/** `scopeNote`: whose applications the card counts, when that is not what the page around it shows. */
export function LicenceSummaryCard({ scopeNote }: { scopeNote?: string } = {}) {
  const { t } = useTranslation('licences');
  const { data } = useLicenceList();
  if (!data) return null;
  const issued = data.items.filter((a) => a.status === 'approved').length;
  const open = data.items.filter(
    (a) => a.status !== 'approved' && a.status !== 'rejected' && a.status !== 'withdrawn',
  ).length;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="licence-card-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="licence-card-title">
          {t('card.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('card.body')}
        </Text>
        {scopeNote && (
          <Text size="sm" fw={600} data-testid="licence-card-scope">
            {scopeNote}
          </Text>
        )}
        {data.items.length > 0 && (
          <Group gap="xs">
            <Badge variant="light" color="blue" tt="none">
              {t('card.inProgress', { count: open })}
            </Badge>
            <Badge variant="light" color="green" tt="none">
              {t('card.issued', { count: issued })}
            </Badge>
          </Group>
        )}
        <Group gap="md">
          <Anchor component={Link} to="/licences" size="sm" fw={600}>
            {t('card.open')}
          </Anchor>
          <Anchor component={Link} to="/licences/new" size="sm">
            {t('list.new')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
