import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { Order, ReturnReason } from './api.ts';
import { describeFieldPath } from './field-paths.ts';

/** A reason in the UI language, or in the one language the reviewer wrote it in. */
export function reasonText(reason: ReturnReason): string {
  const { en, zh } = reason.text;
  return (currentLanguage() === 'zh-CN' ? (zh ?? en) : (en ?? zh)) ?? reason.reasonCode;
}

/** The latest return or rejection, each reason on the field it is about. */
export function ReturnReasons({ order }: { order: Order }) {
  const { t } = useTranslation('order');
  const open = order.status === 'returned_by_provider' || order.status === 'rejected_by_authority';
  if (!open || order.returnReasons.length === 0) return null;
  const rejected = order.status === 'rejected_by_authority';
  return (
    <Alert
      color={rejected ? 'red' : 'orange'}
      variant="light"
      title={
        // The alert's own title colour is too light on its tinted background.
        <Text span inherit c="dark.7">
          {rejected ? t('returned.titleRejected') : t('returned.title')}
        </Text>
      }
      component="section"
      aria-label={rejected ? t('returned.titleRejected') : t('returned.title')}
    >
      <Text size="sm" mb="xs">
        {t('returned.intro')}
      </Text>
      <List size="sm" spacing="xs">
        {order.returnReasons.map((reason) => (
          <List.Item key={`${reason.fieldPath ?? ''}-${reason.reasonCode}`}>
            <Text span inherit fw={700}>
              {reason.fieldPath ? describeFieldPath(reason.fieldPath, t) : t('returned.general')}
            </Text>
            {currentLanguage() === 'zh-CN' ? '：' : ': '}
            {reasonText(reason)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
