import { Alert, Group, Loader, Stack } from '@mantine/core';
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useOrder } from './api.ts';
import { OrderButton, OrderLink } from './order-link.tsx';
import { OrderWizard } from './order-wizard.tsx';
import { StartForm } from './start-form.tsx';

// The router builds the /app routes without their path types: read params and search loosely.
interface NewOrderSearch {
  client?: string;
  fromEligibility?: boolean;
}

/** /app/orders/new?client=&fromEligibility= — what to do, and the values the type is detected from. */
export function NewOrderPage() {
  const { t } = useTranslation('order-wizard');
  const { client, fromEligibility } = useSearch({ strict: false }) as NewOrderSearch;
  return (
    <>
      <PageTitle title={t('start.title')} description={t('start.description')} />
      <StartForm client={client} fromEligibility={fromEligibility === true} />
    </>
  );
}

/** /app/orders/$ref/edit — the wizard on a draft, or on an order returned for changes. */
export function EditOrderPage() {
  const { t } = useTranslation('order-wizard');
  const { ref = '' } = useParams({ strict: false }) as { ref?: string };
  const order = useOrder(ref);
  if (order.isPending) {
    return (
      <>
        <PageTitle title={t('edit.title', { reference: ref })} />
        <Group justify="center" p="xl" aria-live="polite">
          <Loader aria-label={t('common:states.loading')} />
        </Group>
      </>
    );
  }
  if (order.error || !order.data) {
    return (
      <>
        <PageTitle title={t('edit.title', { reference: ref })} />
        <ApiErrorAlert error={order.error} onRetry={() => order.refetch()} />
      </>
    );
  }
  const data = order.data;
  const canEdit = data.allowedActions.includes('edit');
  return (
    <>
      <PageTitle
        title={t('edit.title', { reference: data.reference })}
        actions={
          <OrderLink reference={data.reference} size="sm">
            {t('edit.viewOrder')}
          </OrderLink>
        }
      />
      {canEdit ? (
        // Keyed by reference: another order starts with fresh wizard state.
        <OrderWizard key={data.reference} order={data} />
      ) : (
        <Stack gap="sm" maw={720}>
          <Alert color="gray" title={t('edit.notEditableTitle')}>
            {t('edit.notEditable')}
          </Alert>
          <Group>
            <OrderButton reference={data.reference}>{t('edit.viewOrder')}</OrderButton>
          </Group>
        </Stack>
      )}
    </>
  );
}
