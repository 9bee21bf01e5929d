import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { Preferences } from './get-preferences.ts';
import { LOCALES, type Locale, type PreferenceStore } from './preference-store.ts';

export interface SetPreferencesInput {
  userId: string;
  locale: Locale;
}

/**
 * Saves the user's UI language, so every device and the notification mails can use it.
 * Errors: validation_failed (unknown locale), service_unavailable (no store on this server).
 */
export async function setPreferences(
  deps: { preferences?: PreferenceStore | undefined; clock: Clock },
  input: SetPreferencesInput,
): Promise<Preferences> {
  if (!deps.preferences) {
    throw new DomainError('service_unavailable', {
      en: 'Preferences are not available on this server.',
      zh: '本服务器未启用偏好设置。',
    });
  }
  if (!LOCALES.includes(input.locale)) {
    throw new DomainError('validation_failed', {
      en: `The locale must be one of ${LOCALES.join(', ')}.`,
      zh: `语言只能是 ${LOCALES.join('、')} 之一。`,
    });
  }
  await deps.preferences.save(input.userId, {
    locale: input.locale,
    updatedAt: deps.clock.now().toISOString(),
  });
  return { locale: input.locale };
}
