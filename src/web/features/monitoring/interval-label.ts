import { useTranslation } from 'react-i18next';
import { INTERVAL_CHOICES } from './site-draft.ts';

/** "Daily", "Every 6 hours" …, or "Every 3 hours" for an interval the API set outside the form's five. */
export function useIntervalLabel(): (hours: number) => string {
  const { t } = useTranslation('monitoring');
  return (hours) =>
    (INTERVAL_CHOICES as readonly number[]).includes(hours)
      ? t(`form.intervals.h${hours}`)
      : t('form.intervals.other', { count: hours });
}
