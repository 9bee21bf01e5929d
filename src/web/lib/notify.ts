import { type NotificationData, notifications } from '@mantine/notifications';
import { i18n } from '../i18n/i18n.ts';

/**
 * A toast with a named close button: Mantine's is an icon-only button, which screen readers would
 * announce as just "button".
 */
export function notify(data: NotificationData): string {
  return notifications.show({
    ...data,
    closeButtonProps: { 'aria-label': i18n.t('common:actions.close'), ...data.closeButtonProps },
  });
}
