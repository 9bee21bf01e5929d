import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_CATEGORIES } from '../../../../domain/order-content/content-categories.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { localize } from '../../../lib/format.ts';
import { readableTitle } from '../alert-styles.ts';
import { useNatures, useOrderDocuments } from '../api.ts';
import type { StepId } from '../content-paths.ts';
import { useFinalCheck } from '../final-check.ts';
import { ProvinceHint } from '../province-hints.tsx';
import { useWizard } from '../wizard-state.tsx';

function Summary({
  title,
  step,
  rows,
  onEdit,
}: {
  title: string;
  step: StepId;
  rows: [string, ReactNode][];
  onEdit: (step: StepId) => void;
}) {
  const { t } = useTranslation('order-wizard');
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Button
          size="xs"
          variant="subtle"
          onClick={() => onEdit(step)}
          aria-label={t('review.editSection', { section: title })}
        >
          {t('common:actions.edit')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value || '—'}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

export function ReviewStep({
  onEdit,
  onSubmit,
  submitting,
  submitError,
}: {
  onEdit: (step: StepId) => void;
  onSubmit: () => void;
  submitting: boolean;
  submitError: unknown;
}) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const { content, order } = wizard;
  const documentsAnswer = useOrderDocuments(order.reference);
  const items = useFinalCheck(documentsAnswer.data?.documents);
  const { data: natures = [] } = useNatures();
  const entity = content.entity ?? {};
  const nature = natures.find((n) => n.id === entity.nature);
  const canSubmit = order.allowedActions.includes('submit');
  const category = (id: string | undefined) => {
    const found = CONTENT_CATEGORIES.find((c) => c.id === id);
    return found ? localize({ en: found.nameEn, zh: found.nameZh }) : '';
  };

  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('steps.review')}
      </Title>
      <Summary
        title={t('review.entity')}
        step="entity"
        onEdit={onEdit}
        rows={[
          [t('fields.entityName'), entity.name],
          [t('fields.nature'), nature ? localize({ en: nature.nameEn, zh: nature.nameZh }) : ''],
          [t('fields.entityCertificateNumber'), entity.certificateNumber],
          [t('fields.province'), wizard.provinceName],
          [t('review.leader'), [entity.leader?.name, entity.leader?.mobile].filter(Boolean).join(' · ')],
        ]}
      />
      {(content.services ?? []).map((service, index) => (
        <Summary
          // biome-ignore lint/suspicious/noArrayIndexKey: services are identified by position
          key={index}
          title={t('labels.serviceN', { n: index + 1 })}
          step="services"
          onEdit={onEdit}
          rows={[
            [t('fields.serviceName'), service.name],
            [t('fields.domain'), service.domain],
            [t('fields.contentCategory'), category(service.contentCategory)],
            [
              t('review.admin'),
              service.adminSameAsLeader
                ? t('review.sameAsLeader')
                : [service.admin?.name, service.admin?.mobile].filter(Boolean).join(' · '),
            ],
            [t('fields.serviceCode'), service.access?.serviceCode],
          ]}
        />
      ))}
      <Summary
        title={t('steps.documents')}
        step="documents"
        onEdit={onEdit}
        rows={[[t('review.documentsUploaded'), String(documentsAnswer.data?.documents.length ?? '…')]]}
      />
      <ProvinceHint topic="timeline" />

      <section aria-labelledby="final-check-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="final-check-heading">
            {t('review.finalCheck')}
          </Title>
          <div aria-live="polite">
            {items.length === 0 ? (
              <Alert
                color="green"
                styles={readableTitle}
                variant="light"
                icon={<IconCircleCheck aria-hidden />}
                title={t('review.nothingMissing')}
              >
                {t('review.nothingMissingBody')}
              </Alert>
            ) : (
              <Alert
                color="orange"
                styles={readableTitle}
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
                title={t('review.missingCount', { count: items.length })}
                data-testid="final-check"
              >
                <List size="sm" spacing={6}>
                  {items.map((item) => (
                    <List.Item key={`${item.path}-${item.message}`}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => wizard.goTo(item.path)}
                      >
                        {item.where ? `${t(`steps.${item.step}`)} › ${item.where}` : t(`steps.${item.step}`)}
                      </Anchor>
                      {': '}
                      {item.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </div>
          <ApiErrorAlert error={submitError} />
          {!canSubmit && <Alert color="gray">{t('review.cannotSubmit')}</Alert>}
          <Group>
            <Button size="md" onClick={onSubmit} loading={submitting} disabled={!canSubmit}>
              {t('review.submit')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('review.submitNote')}
          </Text>
        </Stack>
      </section>
    </Stack>
  );
}
