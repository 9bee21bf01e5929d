import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/format.ts';
import { SHELL_ENTITIES_NAV_LABEL } from '../compliance/nav-label.ts';
import { LICENCES_NAV_LABEL } from '../licences/nav-label.ts';

/** The authority console's pages, for the shared ConsoleNav. */
export function useAuthorityNav() {
  const { t } = useTranslation('authority');
  return [
    { to: '/authority', label: t('nav.queue') },
    { to: '/authority/sms', label: t('nav.sms') },
    { to: '/authority/licences', label: localize(LICENCES_NAV_LABEL) },
    { to: '/authority/shell-entities', label: localize(SHELL_ENTITIES_NAV_LABEL) },
    { to: '/authority/stats', label: t('common:nav.stats') },
  ];
}
