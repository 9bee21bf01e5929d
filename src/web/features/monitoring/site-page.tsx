import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { isApiError } from '../../lib/api.ts';
import { notify } from '../../lib/notify.ts';
import {
  forgetSite,
  type MonitoredSite,
  type SiteVerdict,
  useCheckNow,
  useDeleteSite,
  useMonitoredSite,
} from './api.ts';
import { BackLink } from './back-link.tsx';
import { CheckFindings } from './check-findings.tsx';
import { CheckHistory } from './check-history.tsx';
import { DutiesPanel } from './duties-panel.tsx';
import { siteName } from './site-facts.ts';
import { useSiteId } from './site-id.ts';
import { SiteSettingsSummary } from './site-settings.tsx';
import { SiteTime } from './site-time.tsx';
import { UnreachableNote, VerdictBadge } from './verdict-badge.tsx';

const RESULT_COLORS: Record<SiteVerdict, string> = {
  compliant: 'green',
  warnings: 'yellow',
  non_compliant: 'red',
  unreachable: 'gray',
};

/** The last verdict and when the site was and will be checked. */
function StatusLine({ site, now }: { site: MonitoredSite; now: Date }) {
  const { t } = useTranslation('monitoring');
  return (
    <Stack gap={4}>
      <Group gap="md" wrap="wrap" data-testid="site-status">
        <VerdictBadge verdict={site.lastVerdict} />
        <Text size="sm">
          {t('detail.lastChecked')}:{' '}
          {site.lastCheckedAt ? <SiteTime at={site.lastCheckedAt} now={now} /> : t('detail.notChecked')}
        </Text>
        <Text size="sm">
          {t('detail.nextCheck')}:{' '}
          {site.isPaused ? (
            t('detail.paused')
          ) : new Date(site.nextCheckAt) <= now ? (
            t('list.dueNow')
          ) : (
            <SiteTime at={site.nextCheckAt} now={now} />
          )}
        </Text>
      </Group>
      <UnreachableNote verdict={site.lastVerdict} />
    </Stack>
  );
}

/** The answer of "Check now": the new verdict with what it found, or why no check ran. */
function CheckNowOutcome({ check }: { check: ReturnType<typeof useCheckNow> }) {
  const { t } = useTranslation('monitoring');
  const isRateLimited = isApiError(check.error, 'rate_limited');
  return (
    <Box aria-live="polite" aria-busy={check.isPending} data-testid="check-now-outcome">
      {isRateLimited && (
        <Alert color="yellow" title={t('detail.checkNow.rateLimited.title')}>
          <Text size="sm">{t('detail.checkNow.rateLimited.body')}</Text>
        </Alert>
      )}
      {check.error && !isRateLimited && <ApiErrorAlert error={check.error} />}
      {check.data && !check.isPending && (
        <Paper
          component="section"
          aria-labelledby="check-now-title"
          withBorder
          radius="md"
          p="md"
          style={{ borderLeft: `4px solid var(--mantine-color-${RESULT_COLORS[check.data.verdict]}-6)` }}
        >
          <Stack gap="sm">
            <Title order={2} size="h4" id="check-now-title">
              {t('detail.checkNow.result', { verdict: t(`verdicts.${check.data.verdict}`) })}
            </Title>
            <CheckFindings check={check.data} />
          </Stack>
        </Paper>
      )}
    </Box>
  );
}

function DeleteSiteModal({
  site,
  opened,
  onClose,
}: {
  site: MonitoredSite;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('monitoring');
  const remove = useDeleteSite(site.id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const name = siteName(site);
  return (
    <Modal
      opened={opened}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={t('detail.delete.title')}
      centered
    >
      <Stack>
        <Text>{t('detail.delete.body', { name })}</Text>
        {remove.error && <ApiErrorAlert error={remove.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: async () => {
                  notify({ color: 'green', message: t('detail.delete.done', { name }) });
                  await navigate({ href: '/monitor' });
                  forgetSite(queryClient, site.id);
                },
              })
            }
          >
            {t('detail.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * /monitor/$id: one site — its status, "Check now", the duties that follow its filing, its settings
 * and the history of its checks, each with what it found.
 */
export function SitePage() {
  const { t } = useTranslation('monitoring');
  const id = useSiteId();
  const details = useMonitoredSite(id);
  const check = useCheckNow(id);
  const [isDeleting, setIsDeleting] = useState(false);

  if (!details.data) {
    return (
      <Stack gap={0}>
        <BackLink to="/monitor" label={t('actions.allSites')} />
        <PageTitle title={t('title')} />
        {details.isPending && <Text aria-live="polite">{t('detail.loading')}</Text>}
        {details.error && <ApiErrorAlert error={details.error} onRetry={() => void details.refetch()} />}
      </Stack>
    );
  }

  const { site, checks, obligations } = details.data;
  const now = new Date(details.dataUpdatedAt);
  const actions = (
    <Group gap="xs" wrap="wrap">
      <Button
        leftSection={<IconRefresh size={16} aria-hidden />}
        loading={check.isPending}
        onClick={() => check.mutate()}
      >
        {t('actions.checkNow')}
      </Button>
      <Button
        component={Link}
        to={`/monitor/${site.id}/edit`}
        variant="light"
        leftSection={<IconPencil size={16} aria-hidden />}
      >
        {t('actions.edit')}
      </Button>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => setIsDeleting(true)}
      >
        {t('actions.delete')}
      </Button>
    </Group>
  );

  return (
    <Stack gap="lg">
      <Stack gap={0}>
        <BackLink to="/monitor" label={t('actions.allSites')} />
        <PageTitle
          title={siteName(site)}
          description={
            <Anchor
              href={site.url}
              target="_blank"
              rel="noopener noreferrer"
              inherit
              style={{ overflowWrap: 'anywhere' }}
            >
              {site.url}
            </Anchor>
          }
          actions={actions}
        />
        <StatusLine site={site} now={now} />
      </Stack>
      <CheckNowOutcome check={check} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DutiesPanel obligations={obligations} />
        <SiteSettingsSummary site={site} />
      </SimpleGrid>
      <CheckHistory checks={checks} />
      <DeleteSiteModal site={site} opened={isDeleting} onClose={() => setIsDeleting(false)} />
    </Stack>
  );
}
