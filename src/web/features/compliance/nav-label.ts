import type { Localized } from '../../../domain/shared/localized.ts';

/**
 * The shell-entity list's name in the authority console's and the admin area's navigation, which
 * render before this feature's texts load; `locales.ts` titles the page with the same words.
 */
export const SHELL_ENTITIES_NAV_LABEL: Localized = { en: 'Shell entities', zh: '空壳主体' };
