import { Badge } from '@mantine/core';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../domain/workflow/order-status.ts';
import { localize } from '../lib/format.ts';

const COLORS: Record<OrderStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  provider_review: 'blue',
  returned_by_provider: 'orange',
  identity_verification: 'violet',
  ready_for_authority: 'cyan',
  sms_verification: 'grape',
  authority_review: 'indigo',
  approved: 'green',
  rejected_by_authority: 'red',
  withdrawn: 'gray',
};

/** An order status in the UI language, with the labels the domain defines (one source for both). */
export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Badge color={COLORS[status]} variant="light" style={{ textTransform: 'none' }}>
      {localize(ORDER_STATUS_LABELS[status])}
    </Badge>
  );
}
