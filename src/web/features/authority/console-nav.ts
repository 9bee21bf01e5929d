import { useTranslation } from 'react-i18next';

/** The authority console's pages, for the shared ConsoleNav. */
export function useAuthorityNav() {
  const { t } = useTranslation('authority');
  return [
    { to: '/authority', label: t('nav.queue') },
    { to: '/authority/sms', label: t('nav.sms') },
    { to: '/authority/stats', label: t('common:nav.stats') },
  ];
}
