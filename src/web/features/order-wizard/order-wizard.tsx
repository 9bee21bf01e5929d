import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  List,
  Paper,
  Progress,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUS_LABELS } from '../../../domain/workflow/order-status.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatDateTime, localize } from '../../lib/format.ts';
import { notify } from '../../lib/notify.ts';
import { readableTitle } from './alert-styles.ts';
import { type CreatedOrder, type OrderView, submitOrder, useOrderTypes, useProvinceDetails } from './api.ts';
import { fieldId, formatPath, parsePath, STEPS, stepOf, toFieldPath } from './content-paths.ts';
import { useDescribePath } from './final-check.ts';
import { orderHref } from './order-link.tsx';
import { AccessStep } from './steps/access-step.tsx';
import { DocumentsStep } from './steps/documents-step.tsx';
import { EntityStep } from './steps/entity-step.tsx';
import { ReviewStep } from './steps/review-step.tsx';
import { ServicesStep } from './steps/services-step.tsx';
import { useWizard, WizardProvider } from './wizard-state.tsx';

/** What POST /api/orders answered, for the first render of the order it created (warnings, checklist). */
export const recentlyCreated = new Map<string, CreatedOrder>();

const REASON_STATUSES = new Set(['returned_by_provider', 'rejected_by_authority']);

/** Why the API detected this type, in words, from what the order carries. */
function DetectedType({ order }: { order: OrderView }) {
  const { t } = useTranslation('order-wizard');
  const { data: types = [] } = useOrderTypes();
  const type = types.find((item) => item.id === order.type);
  const warnings = recentlyCreated.get(order.reference)?.warnings ?? [];
  const values = {
    entityNumber: order.entityNumber ?? '',
    serviceNumber: order.serviceNumber ?? '',
    domain: order.domain ?? '',
  };
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" bg="gray.0" data-testid="detected-type">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{t('detected.label')}</Text>
          <Badge variant="filled" color="red.8" size="lg" style={{ textTransform: 'none' }}>
            {type ? localize({ en: type.nameEn, zh: type.nameZh }) : order.type}
          </Badge>
          <Text size="sm" c="dimmed">
            {localize(ORDER_STATUS_LABELS[order.status])}
          </Text>
        </Group>
        <Text size="sm">{t(`detected.why.${order.type}`, values)}</Text>
        {warnings.length > 0 && (
          <Alert color="orange" variant="light" p="xs" styles={readableTitle}>
            <List size="sm">
              {warnings.map((warning) => (
                <List.Item key={warning.code}>{localize(warning.message)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ReturnReasons({ order, onJump }: { order: OrderView; onJump: (path: string) => void }) {
  const { t } = useTranslation('order-wizard');
  const describe = useDescribePath();
  if (!REASON_STATUSES.has(order.status) || order.returnReasons.length === 0) return null;
  return (
    <Alert
      color="orange"
      styles={readableTitle}
      variant="light"
      title={order.status === 'rejected_by_authority' ? t('returned.titleRejected') : t('returned.title')}
      data-testid="return-reasons"
    >
      <List size="sm" spacing={4}>
        {order.returnReasons.map((reason) => {
          const text = localize({
            en: reason.text.en ?? reason.text.zh ?? '',
            zh: reason.text.zh ?? reason.text.en ?? '',
          });
          return (
            <List.Item key={`${reason.fieldPath ?? ''}-${reason.reasonCode}`}>
              {reason.fieldPath ? (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => onJump(reason.fieldPath ?? '')}
                >
                  {[t(`steps.${stepOf(reason.fieldPath)}`), describe(reason.fieldPath)]
                    .filter(Boolean)
                    .join(' › ')}
                </Anchor>
              ) : (
                <Text span size="sm" fw={600}>
                  {t('returned.wholeOrder')}
                </Text>
              )}
              {' — '}
              {text}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}

function SaveStatus() {
  const { t } = useTranslation('order-wizard');
  const { saving, savedAt, dirty, saveError } = useWizard();
  let text = '';
  if (saving) text = t('save.saving');
  else if (saveError) text = t('save.failed');
  else if (savedAt)
    text = dirty
      ? t('save.unsavedSince', { time: formatDateTime(savedAt) })
      : t('save.savedAt', { time: formatDateTime(savedAt) });
  else if (dirty) text = t('save.unsaved');
  return (
    <Text size="sm" c={saveError ? 'red.8' : 'dimmed'} aria-live="polite" data-testid="save-status">
      {text}
    </Text>
  );
}

function WizardBody({ active, onStep }: { active: number; onStep: (index: number) => void }) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>();
  const { dirty, save, order } = wizard;
  const stepId = STEPS[active] ?? 'entity';

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const go = (index: number) => {
    if (index < 0 || index >= STEPS.length) return;
    if (dirty) void save();
    onStep(index);
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    wizard.setSubmitErrors([]);
    try {
      if (!(await save())) {
        setSubmitError(new Error(t('save.failed')));
        return;
      }
      await submitOrder(order.reference);
      await queryClient.invalidateQueries();
      notify({ color: 'green', message: t('review.submitted', { reference: order.reference }) });
      await navigate({ href: orderHref(order.reference) });
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length > 0) {
        wizard.setSubmitErrors(
          error.fieldErrors.map((found) => ({
            path: toFieldPath(found.path) || 'review',
            message: found.message,
          })),
        );
        document.getElementById('final-check-heading')?.focus();
      } else {
        setSubmitError(error);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const stepLabels = STEPS.map((id) => t(`steps.${id}`));
  return (
    <Stack gap="lg">
      {isMobile ? (
        <Stack gap={4}>
          <Text size="sm" fw={600} data-testid="step-indicator">
            {t('nav.stepOf', { n: active + 1, total: STEPS.length, name: stepLabels[active] })}
          </Text>
          <Progress value={((active + 1) / STEPS.length) * 100} aria-hidden />
        </Stack>
      ) : (
        <Stepper active={active} onStepClick={go} allowNextStepsSelect size="sm" aria-label={t('nav.steps')}>
          {STEPS.map((id, index) => (
            <Stepper.Step
              key={id}
              label={stepLabels[index]}
              aria-label={t('nav.goToStep', { name: stepLabels[index] })}
            />
          ))}
        </Stepper>
      )}

      <Box id="wizard-step" tabIndex={-1} style={{ outline: 'none' }}>
        {stepId === 'entity' && <EntityStep />}
        {stepId === 'services' && <ServicesStep />}
        {stepId === 'access' && <AccessStep />}
        {stepId === 'documents' && <DocumentsStep />}
        {stepId === 'review' && (
          <ReviewStep
            onEdit={(step) => go(STEPS.indexOf(step))}
            onSubmit={() => void submit()}
            submitting={submitting}
            submitError={submitError}
          />
        )}
      </Box>

      {wizard.saveError !== undefined && !isApiError(wizard.saveError, 'validation_failed') && (
        <ApiErrorAlert error={wizard.saveError} onRetry={() => void save()} />
      )}

      <Paper
        withBorder
        p="sm"
        radius="md"
        style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
        shadow="sm"
        component="nav"
        aria-label={t('nav.wizardActions')}
      >
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Button variant="default" onClick={() => go(active - 1)} disabled={active === 0}>
              {t('nav.back')}
            </Button>
            <Button variant="light" onClick={() => void save()} loading={wizard.saving}>
              {t('save.button')}
            </Button>
          </Group>
          <SaveStatus />
          {active < STEPS.length - 1 && (
            <Button onClick={() => go(active + 1)}>{t('nav.next', { name: stepLabels[active + 1] })}</Button>
          )}
        </Group>
      </Paper>
    </Stack>
  );
}

/** The ancestors of a path, nearest first: a link to `services[0].admin.mobile` falls back to its section. */
function candidates(path: string): string[] {
  const segments = parsePath(path);
  const list: string[] = [];
  for (let n = segments.length; n > 0; n -= 1) list.push(formatPath(segments.slice(0, n)));
  return list;
}

export function OrderWizard({ order }: { order: OrderView }) {
  const province = useProvinceDetails(order.provinceCode);
  const [active, setActive] = useState(0);
  // Which field to focus once its step has rendered; '' is the step itself.
  const [focus, setFocus] = useState<{ path: string; n: number } | null>(null);
  const created = recentlyCreated.get(order.reference);

  const goTo = useCallback((path: string) => {
    setActive(STEPS.indexOf(stepOf(path)));
    setFocus((previous) => ({ path, n: (previous?.n ?? 0) + 1 }));
  }, []);

  const onStep = useCallback((index: number) => {
    setActive(index);
    setFocus((previous) => ({ path: '', n: (previous?.n ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    if (!focus) return;
    // After the step has rendered, find the field or its nearest section.
    const timer = window.setTimeout(() => {
      const element =
        candidates(focus.path)
          .map((path) => document.getElementById(fieldId(path)))
          .find((found) => found !== null) ?? document.getElementById('wizard-step');
      element?.scrollIntoView({ block: focus.path ? 'center' : 'start' });
      element?.focus({ preventScroll: true });
    }, 80);
    return () => window.clearTimeout(timer);
  }, [focus]);

  // A returned order opens on the first field the reviewer named.
  const jumped = useRef(false);
  useEffect(() => {
    if (jumped.current) return;
    jumped.current = true;
    const first = REASON_STATUSES.has(order.status)
      ? order.returnReasons.find((r) => r.fieldPath)
      : undefined;
    if (first?.fieldPath) goTo(first.fieldPath);
  }, [order, goTo]);

  return (
    <WizardProvider
      order={order}
      province={province.data}
      goTo={goTo}
      {...(created ? { initialValidation: created.validation } : {})}
    >
      <Stack gap="md">
        <DetectedType order={order} />
        <ReturnReasons order={order} onJump={goTo} />
        <WizardBody active={active} onStep={onStep} />
      </Stack>
    </WizardProvider>
  );
}
