import { Badge } from '@mantine/core';
import {
  LICENCE_APPLICATION_STATUS_LABELS,
  type LicenceApplicationStatus,
} from '../../../domain/licence/licence-status.ts';
import { localize } from '../../lib/format.ts';

const COLORS: Record<LicenceApplicationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  acceptance_check: 'indigo',
  materials_requested: 'orange',
  under_review: 'violet',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

/** A licence application's status in the UI language, with the labels the domain defines. */
export function LicenceStatusBadge({ status }: { status: LicenceApplicationStatus }) {
  return (
    <Badge color={COLORS[status]} variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
      {localize(LICENCE_APPLICATION_STATUS_LABELS[status])}
    </Badge>
  );
}
