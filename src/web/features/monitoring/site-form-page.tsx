import { Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { notify } from '../../lib/notify.ts';
import { useAddSite, useMonitoredSite, useUpdateSite } from './api.ts';
import { BackLink } from './back-link.tsx';
import { emptySiteDraft, toSiteDraft } from './site-draft.ts';
import { siteName } from './site-facts.ts';
import { SiteForm } from './site-form.tsx';
import { useSiteId } from './site-id.ts';

/** /monitor/new: a new site; once saved, its page, where the first check shows up. */
export function NewSitePage() {
  const { t } = useTranslation('monitoring');
  const navigate = useNavigate();
  const add = useAddSite();
  return (
    <Stack gap={0}>
      <BackLink to="/monitor" label={t('actions.allSites')} />
      <PageTitle title={t('form.addTitle')} description={t('form.addDescription')} />
      <SiteForm
        initial={emptySiteDraft}
        submitLabel={t('form.create')}
        cancelTo="/monitor"
        isPending={add.isPending}
        error={add.error}
        onSubmit={(settings) =>
          add.mutate(settings, {
            onSuccess: async (site) => {
              notify({ color: 'green', message: t('form.added', { name: siteName(site) }) });
              await navigate({ href: `/monitor/${site.id}` });
            },
          })
        }
      />
    </Stack>
  );
}

/** /monitor/$id/edit: the same form, filled with the site's settings. */
export function EditSitePage() {
  const { t } = useTranslation('monitoring');
  const id = useSiteId();
  const navigate = useNavigate();
  const details = useMonitoredSite(id);
  const update = useUpdateSite(id);
  const site = details.data?.site;
  const title = site ? t('form.editTitle', { name: siteName(site) }) : t('actions.edit');
  return (
    <Stack gap={0}>
      <BackLink
        to={site ? `/monitor/${id}` : '/monitor'}
        label={site ? siteName(site) : t('actions.allSites')}
      />
      <PageTitle title={title} />
      {details.isPending && <Text aria-live="polite">{t('detail.loading')}</Text>}
      {details.error && <ApiErrorAlert error={details.error} onRetry={() => void details.refetch()} />}
      {site && (
        <SiteForm
          key={site.updatedAt}
          initial={toSiteDraft(site)}
          submitLabel={t('form.save')}
          cancelTo={`/monitor/${id}`}
          isPending={update.isPending}
          error={update.error}
          onSubmit={(settings) =>
            update.mutate(settings, {
              onSuccess: async () => {
                notify({ color: 'green', message: t('form.saved') });
                await navigate({ href: `/monitor/${id}` });
              },
            })
          }
        />
      )}
    </Stack>
  );
}
