import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { localize } from '../../lib/format.ts';
import { useMe } from '../../lib/session.ts';
import { useAuthorityNav } from '../authority/console-nav.ts';
import { ConsoleNav } from '../provider/console-nav.tsx';
import { useProvinces } from './api.ts';
import { LicenceQueue } from './licence-queue.tsx';

const reviewPath = (reference: string) => `/authority/licences/${encodeURIComponent(reference)}`;

/** The sandbox authority's licence queue: its province's provincial ICP and EDI applications. */
export function AuthorityLicencesPage() {
  const { t } = useTranslation('licences');
  const nav = useAuthorityNav();
  const { data: me } = useMe();
  const province = useProvinces().data?.find((p) => p.code === me?.actor.authorityProvinceCode);
  return (
    <Stack gap="md">
      <ConsoleNav items={nav} />
      <PageTitle
        title={t('queue.title')}
        description={
          province
            ? t('queue.descriptionFor', { province: localize({ en: province.nameEn, zh: province.nameZh }) })
            : t('queue.description')
        }
      />
      <LicenceQueue pathOf={reviewPath} />
    </Stack>
  );
}
