import { Alert, Code, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult, OrderView } from '../provider/api.ts';
import { ConfirmCommand, ReasonsCommand } from '../provider/review/review-actions.tsx';
import { type ReviewContext, ReviewLayout } from '../provider/review/review-layout.tsx';
import { NumberPreview } from './number-preview.tsx';

type IssuedNumbers = NonNullable<CommandResult['numbers']>;

function NumberList({ numbers }: { numbers: IssuedNumbers }) {
  const { t } = useTranslation('authority');
  return (
    <List size="sm" spacing={4}>
      <List.Item>
        {t('numbers.entity')} <Code>{numbers.entityNumber}</Code>
      </List.Item>
      {numbers.serviceNumbers.map((number) => (
        <List.Item key={number}>
          {t('numbers.serviceNumber')} <Code>{number}</Code>
        </List.Item>
      ))}
    </List>
  );
}

/** The numbers on record for an approved order. */
function IssuedNumbersPanel({ order }: { order: OrderView }) {
  const { t } = useTranslation('authority');
  if (order.status !== 'approved' || !order.entityNumber) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="lg" mb="xs">
        {t('numbers.issuedTitle')}
      </Title>
      <NumberList
        numbers={{ entityNumber: order.entityNumber, serviceNumbers: order.issuedServiceNumbers }}
      />
    </Paper>
  );
}

/**
 * The sandbox authority's review (管局审核) of one order of its province: the same data and documents
 * as the provider saw, then approve (numbers issued) or reject with reasons.
 */
export function AuthorityReviewPage() {
  const { t } = useTranslation('authority');
  // The route is registered untyped (router.tsx's page helper), so its params are read loosely.
  const { ref = '' } = useParams({ strict: false }) as { ref?: string };
  const [issued, setIssued] = useState<IssuedNumbers | undefined>();

  const renderActions = ({ order, command, onDone }: ReviewContext) => {
    const can = (action: (typeof order.allowedActions)[number]) => order.allowedActions.includes(action);
    const buttons = [];
    if (can('approve_by_authority'))
      buttons.push(
        <ConfirmCommand
          key="approve"
          command={command}
          path="approve-authority"
          label={t('actions.approve')}
          title={t('actions.approveTitle')}
          confirmLabel={t('actions.approveConfirm')}
          color="teal.9"
          onDone={(result) => {
            setIssued(result.numbers);
            onDone(t('actions.approveDone'))(result);
          }}
        >
          <NumberPreview order={order} />
        </ConfirmCommand>,
      );
    if (can('reject_by_authority'))
      buttons.push(
        <ReasonsCommand
          key="reject"
          order={order}
          command={command}
          path="reject-authority"
          label={t('actions.reject')}
          title={t('actions.rejectTitle')}
          intro={t('actions.rejectIntro')}
          submitLabel={t('actions.rejectSubmit')}
          fallbackCode="authority_note"
          color="red.8"
          buildBody={(reasons) => ({ reasons })}
          onDone={onDone(t('actions.rejectDone'))}
        />,
      );
    return buttons.length > 0 ? buttons : null;
  };

  return (
    <ReviewLayout
      orderRef={ref}
      backTo="/authority"
      backLabel={t('review.backToQueue')}
      renderActions={renderActions}
      renderNotice={() =>
        issued && (
          <Alert color="green" title={t('numbers.justIssued')}>
            <Stack gap={4}>
              <NumberList numbers={issued} />
              <Text size="xs">{t('numbers.registryNote')}</Text>
            </Stack>
          </Alert>
        )
      }
      renderAside={({ order }) => <IssuedNumbersPanel order={order} />}
    />
  );
}
