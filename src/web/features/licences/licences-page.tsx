import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useLicenceList } from './api.ts';
import { LicenceList } from './licence-list.tsx';
import { LicenceQueue } from './licence-queue.tsx';

const applicationPath = (reference: string) => `/licences/${encodeURIComponent(reference)}`;

function NewApplicationButton() {
  const { t } = useTranslation('licences');
  return (
    <Button component={Link} to="/licences/new">
      {t('list.new')}
    </Button>
  );
}

/** The applicant's and agent's applications, latest change first. */
function ApplicantList() {
  const { t } = useTranslation('licences');
  const list = useLicenceList();
  return (
    <Stack gap="md">
      <PageTitle
        title={t('list.title')}
        description={t('list.description')}
        actions={<NewApplicationButton />}
      />
      {list.isPending && <Loader aria-label={t('common:states.loading')} />}
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isSuccess &&
        (list.data.items.length === 0 ? (
          <Alert
            variant="light"
            color="gray"
            title={
              <Text span inherit c="dark.7">
                {t('list.emptyTitle')}
              </Text>
            }
          >
            <Text size="sm" c="dark.8">
              {t('list.empty')}
            </Text>
          </Alert>
        ) : (
          <LicenceList applications={list.data.items} pathOf={applicationPath} caption={t('list.title')} />
        ))}
      {list.data?.hasMore && (
        <Text size="sm" c="dimmed">
          {t('list.more')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * /licences: the caller's applications and the way to a new one; platform administrators, who
 * decide cross-regional licences as MIIT's sandbox, see the review queue instead.
 */
export function LicencesPage() {
  const { t } = useTranslation('licences');
  const { data: me } = useMe();
  if (hasAnyRole(me, ['platform_admin']) && !hasAnyRole(me, ['applicant', 'agent'])) {
    return (
      <Stack gap="md">
        <PageTitle title={t('queue.adminTitle')} description={t('queue.adminDescription')} />
        <LicenceQueue pathOf={applicationPath} />
      </Stack>
    );
  }
  return <ApplicantList />;
}
