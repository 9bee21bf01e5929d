import type { Localized } from '../../../domain/shared/localized.ts';

/**
 * The monitor's name in the site-wide navigation. The layout ships with every page, while this
 * feature's texts load with its pages; the title in `locales.ts` is this same text.
 */
export const MONITOR_NAV_LABEL: Localized = { en: 'Site monitor', zh: '网站监测' };
