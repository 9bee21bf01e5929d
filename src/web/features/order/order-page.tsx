import { Alert, Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatDate } from '../../lib/format.ts';
import { type Order, type SmsCodeResult, useOrder } from './api.ts';
import { ContentSummary } from './content-summary.tsx';
import { IssuedNumbers } from './issued-numbers.tsx';
import { OrderDocumentsSection } from './order-documents.tsx';
import { OrderNotifications } from './order-notifications.tsx';
import { OrderTimeline } from './order-timeline.tsx';
import { ReturnReasons } from './return-reasons.tsx';
import { SmsOutcome, SmsStep } from './sms-step.tsx';
import { VersionsDiff } from './versions-diff.tsx';
import { WithdrawButton } from './withdraw-button.tsx';

/** The route's param (the router's `page()` helper does not keep its path in the route types). */
function useOrderRef(): string {
  const params = useParams({ strict: false }) as { ref?: string };
  return params.ref ?? '';
}

function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation('order');
  const canEdit = order.allowedActions.includes('edit');
  return (
    <Group gap="xs" wrap="wrap">
      {canEdit && (
        <Button component={Link} to={`/app/orders/${encodeURIComponent(order.reference)}/edit`}>
          {order.status === 'draft' ? t('actions.continueEditing') : t('actions.editAndResubmit')}
        </Button>
      )}
      {order.status !== 'withdrawn' && order.status !== 'approved' && (
        <Button
          component="a"
          variant="light"
          href={`/api/orders/${encodeURIComponent(order.reference)}/verification-form.pdf`}
          title={t('actions.verificationFormHint')}
        >
          {t('actions.verificationForm')}
        </Button>
      )}
      {order.allowedActions.includes('withdraw') && <WithdrawButton order={order} />}
    </Group>
  );
}

export function OrderPage() {
  const { t } = useTranslation('order');
  const ref = useOrderRef();
  const { data: order, error, isPending, refetch } = useOrder(ref);
  const [smsResult, setSmsResult] = useState<SmsCodeResult>();

  if (isPending) {
    return (
      <>
        <PageTitle title={t('page.title', { reference: ref })} />
        <Text aria-live="polite">{t('page.loading')}</Text>
      </>
    );
  }
  if (error || !order) {
    return (
      <>
        <PageTitle title={t('page.title', { reference: ref })} />
        <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      </>
    );
  }

  const description = [
    t(`types.${order.type}`),
    order.domain,
    t('page.createdOn', { date: formatDate(order.createdAt) }),
    order.submittedAt ? t('page.submittedOn', { date: formatDate(order.submittedAt) }) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/app" size="sm">
        ← {t('page.backToDashboard')}
      </Anchor>
      <PageTitle title={t('page.title', { reference: order.reference })} description={description} />
      <Group gap="sm" wrap="wrap" justify="space-between" mt={-12}>
        <StatusBadge status={order.status} />
        <OrderActions order={order} />
      </Group>
      <div aria-live="polite">
        <SmsOutcome result={smsResult} />
      </div>
      <Alert color="blue" variant="light" title={t('next.title')}>
        {t(`next.${order.status}`)}
      </Alert>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ReturnReasons order={order} />
            {order.status === 'sms_verification' && <SmsStep order={order} onResult={setSmsResult} />}
            <IssuedNumbers order={order} />
            <ContentSummary order={order} />
            <VersionsDiff order={order} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <OrderTimeline order={order} />
            <OrderNotifications orderId={order.id} />
            <OrderDocumentsSection reference={order.reference} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
