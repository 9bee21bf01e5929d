import type { Localized } from '../../../domain/shared/localized.ts';

/**
 * The licence applications' name in the site-wide navigation and the authority console's. The
 * layout ships with every page, while this feature's texts load with its pages; the list's title in
 * `locales.ts` is this same text.
 */
export const LICENCES_NAV_LABEL: Localized = { en: 'Licences', zh: '经营许可' };
