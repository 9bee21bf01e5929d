import {
  Alert,
  Anchor,
  Badge,
  Box,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { isApiError } from '../../../lib/api.ts';
import { localize } from '../../../lib/format.ts';
import { notify } from '../../../lib/notify.ts';
import {
  type CommandResult,
  type OrderView,
  useCatalogueList,
  useOrder,
  useOrderCommand,
  useVersionsDiff,
} from '../api.ts';
import { DeadlineBadge } from './deadline.tsx';
import { type DocumentRequest, DocumentViewer } from './document-viewer.tsx';
import { OrderData } from './order-data.tsx';
import { EventTimeline, ReasonList, VersionsDiff } from './order-history.tsx';
import type { CommandRunner } from './review-actions.tsx';

/**
 * One order under review, for the provider's and the authority's consoles alike: the decision
 * buttons on top, the data (with the changes of a resubmission and the history) beside the
 * documents, and whatever the console adds under the documents (the checklist, the identity check).
 */

export interface ReviewContext {
  order: OrderView;
  command: CommandRunner;
  /** Call after a command succeeded: announces it and keeps the message on the page. */
  onDone: (message: string) => (result: CommandResult) => void;
  /** Opens a stored document in the document viewer and moves the focus there. */
  showDocument: (documentId: string) => void;
}

export function ReviewLayout({
  orderRef,
  backTo,
  backLabel,
  renderActions,
  renderAside,
  renderNotice,
}: {
  orderRef: string;
  backTo: '/provider' | '/authority';
  backLabel: string;
  renderActions: (context: ReviewContext) => ReactNode;
  renderAside?: (context: ReviewContext) => ReactNode;
  /** Shown above the actions, e.g. the numbers an approval issued. */
  renderNotice?: (context: ReviewContext) => ReactNode;
}) {
  const { t } = useTranslation('provider');
  const order = useOrder(orderRef);
  const command = useOrderCommand(orderRef);
  const orderTypes = useCatalogueList('order-types').data?.items;
  const [done, setDone] = useState<string | undefined>();
  const [shownDocument, setShownDocument] = useState<DocumentRequest | undefined>();
  const hasVersions = (order.data?.versions.length ?? 0) > 1;
  const diff = useVersionsDiff(orderRef, order.data?.submittedVersion, hasVersions);

  if (order.isPending) return <Loader aria-label={t('common:states.loading')} />;
  if (order.isError) {
    const notFound = isApiError(order.error) && order.error.status === 404;
    return (
      <Stack align="flex-start">
        <PageTitle title={notFound ? t('review.notFoundTitle') : t('common:states.error')} />
        {notFound ? (
          <Text>{t('review.notFoundBody')}</Text>
        ) : (
          <ApiErrorAlert error={order.error} onRetry={() => void order.refetch()} />
        )}
        <Anchor component={Link} to={backTo}>
          {backLabel}
        </Anchor>
      </Stack>
    );
  }

  const view = order.data;
  const context: ReviewContext = {
    order: view,
    command,
    onDone: (message) => () => {
      setDone(message);
      notify({ message, color: 'green' });
    },
    showDocument: (documentId) => setShownDocument((last) => ({ documentId, seq: (last?.seq ?? 0) + 1 })),
  };
  const entity = view.content.entity;
  const orderType = orderTypes?.find((type) => type.id === view.type);
  const changedPaths = new Set(diff.data?.changes.map((change) => change.path) ?? []);
  const actions = renderActions(context);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={backTo} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {backLabel}
        </Group>
      </Anchor>
      <PageTitle
        title={t('review.title', { ref: view.reference })}
        description={[entity?.name, view.domain].filter(Boolean).join(' · ')}
        actions={
          <Group gap="xs">
            <StatusBadge status={view.status} />
            {orderType && (
              <Badge tt="none" variant="outline" color="gray">
                {localize({ en: orderType.nameEn, zh: orderType.nameZh })}
              </Badge>
            )}
          </Group>
        }
      />
      <Box aria-live="polite" role="status">
        {done && (
          <Alert
            color="green"
            variant="light"
            withCloseButton
            closeButtonLabel={t('common:actions.close')}
            onClose={() => setDone(undefined)}
          >
            {done}
          </Alert>
        )}
      </Box>
      {renderNotice?.(context)}
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Title order={2} fz="lg">
              {t('review.decision')}
            </Title>
            <DeadlineBadge order={view} withDate />
            {view.isPersonalDataMasked && (
              <Text size="xs" c="dimmed">
                {t('review.masked')}
              </Text>
            )}
          </Stack>
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        </Group>
        {!actions && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('review.noActions')}
          </Text>
        )}
      </Paper>
      {view.returnReasons.length > 0 && (
        <Alert color="orange" variant="light" title={t('review.latestReasons')}>
          <ReasonList reasons={view.returnReasons} />
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs defaultValue="data" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="data">{t('review.tabs.data')}</Tabs.Tab>
              <Tabs.Tab value="changes" disabled={!hasVersions}>
                {t('review.tabs.changes')}
                {diff.data && diff.data.changes.length > 0 && (
                  <Badge tt="none" ml={6} size="sm" variant="light">
                    {diff.data.changes.length}
                  </Badge>
                )}
              </Tabs.Tab>
              <Tabs.Tab value="history">{t('review.tabs.history')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="data">
              <VisuallyHidden>
                <Title order={2}>{t('review.tabs.data')}</Title>
              </VisuallyHidden>
              <OrderData content={view.content} changedPaths={changedPaths} />
            </Tabs.Panel>
            <Tabs.Panel value="changes">
              <Title order={2} fz="lg" mb="sm">
                {t('review.tabs.changes')}
              </Title>
              <VersionsDiff order={view} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <Title order={2} fz="lg" mb="sm">
                {t('review.tabs.history')}
              </Title>
              <EventTimeline order={view} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <DocumentViewer orderRef={view.reference} content={view.content} request={shownDocument} />
            {renderAside?.(context)}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
