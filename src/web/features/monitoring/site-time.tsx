import { useTranslation } from 'react-i18next';
import { toLanguage } from '../../i18n/messages.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { formatRelativeTime } from './relative-time.ts';

/**
 * An instant as people read it in a list: "3 hours ago", "in 2 days", or the date beyond a week; the
 * exact time (China time, as every date in the app) is the element's title and its machine value.
 */
export function SiteTime({ at, now = new Date() }: { at: string; now?: Date }) {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage);
  return (
    <time dateTime={at} title={formatDateTime(at, language)}>
      {formatRelativeTime(new Date(at), now, language) ?? formatDate(at, language)}
    </time>
  );
}
