import { Alert, Anchor, Box, Button, Grid, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { isApiError } from '../../lib/api.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { readEligibilityProfile } from '../eligibility/eligibility-profile-storage.ts';
import { useAgentClients, useCreateLicence, usePrerequisites, useProvinces } from './api.ts';
import {
  type DraftField,
  type DraftProblem,
  emptyLicenceDraft,
  FORM_STEPS,
  type FormStep,
  findDraftField,
  findFirstInvalidStep,
  findStepOfField,
  type LicenceDraft,
  prefillFromEligibility,
  toCreateRequest,
  toPrerequisitesRequest,
  validateLicenceStep,
} from './draft.ts';
import { type FieldErrors, fieldId } from './facts-fields.tsx';
import { CompanyStep, FactsStep, LicenceStep, ReviewStep } from './form-steps.tsx';
import { PrerequisitesPanel } from './prerequisites-panel.tsx';
import type { NewLicenceSearch } from './search.ts';

function initialDraft(search: NewLicenceSearch): LicenceDraft {
  const draft = emptyLicenceDraft({
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.scope ? { scope: search.scope } : {}),
  });
  const stored = search.fromEligibility ? readEligibilityProfile() : undefined;
  return stored ? prefillFromEligibility(draft, stored.profile) : draft;
}

/** The API's field errors of a 400, on the form's fields (the first message per field). */
function readApiErrors(error: unknown): FieldErrors {
  if (!isApiError(error, 'validation_failed')) return {};
  const errors: FieldErrors = {};
  for (const found of error.fieldErrors) {
    const field = findDraftField(found.path);
    if (field && errors[field] === undefined) errors[field] = found.message;
  }
  return errors;
}

function focusField(field: DraftField) {
  requestAnimationFrame(() => {
    const root = document.getElementById(fieldId(field));
    const target =
      root instanceof HTMLInputElement
        ? root
        : (root?.querySelector<HTMLElement>('input:checked, input') ?? root);
    target?.focus();
  });
}

/**
 * A new ICP or EDI licence application (issue 5), step by step: the licence and its scope, the company,
 * the facts the prerequisite checks read, and a last look. The prerequisites panel checks the answers
 * as they are typed (POST /api/licences/prerequisites, debounced); failing checks do not stop the
 * creation, only the submission later. Agents may apply for a client whose letter their agency holds.
 */
export function NewLicencePage() {
  const { t } = useTranslation('licences');
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as NewLicenceSearch;
  const { data: me } = useMe();
  const canApply = hasAnyRole(me, ['applicant', 'agent']);
  const isAgent = hasAnyRole(me, ['agent']);
  const clients = useAgentClients(isAgent);
  const provinces = useProvinces();
  const compact = useMediaQuery('(max-width: 48em)');
  const [draft, setDraft] = useState(() => initialDraft(search));
  const [step, setStep] = useState<FormStep>('licence');
  const [problems, setProblems] = useState<Partial<Record<DraftField, DraftProblem>>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const create = useCreateLicence();

  const request = useMemo(() => toPrerequisitesRequest(draft), [draft]);
  const [debounced] = useDebouncedValue(request, 400);
  const prerequisites = usePrerequisites(debounced);
  const liveErrors = readApiErrors(prerequisites.error);
  const stepIndex = FORM_STEPS.indexOf(step);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes, to move the focus.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  const update = (change: Partial<LicenceDraft> | ((current: LicenceDraft) => Partial<LicenceDraft>)) => {
    const changeOf = (current: LicenceDraft) => (typeof change === 'function' ? change(current) : change);
    setDraft((current) => ({ ...current, ...changeOf(current) }));
    const changed = typeof change === 'function' ? {} : change;
    const touched = Object.keys(changed).flatMap((key) =>
      key === 'facts' ? Object.keys(changed.facts ?? {}).map((fact) => `facts.${fact}`) : [key],
    );
    const clear = <T extends object>(current: T): T => {
      const next = { ...current } as Record<string, unknown>;
      for (const field of touched) delete next[field];
      return next as T;
    };
    setProblems(clear);
    setServerErrors(clear);
  };

  const problemText = (problem: DraftProblem) =>
    problem === 'range' ? t('errors.shareRange') : t('errors.required');
  const errors: FieldErrors = {
    ...liveErrors,
    ...serverErrors,
    ...Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problemText(problem)])),
  };

  const goTo = (target: FormStep) => setStep(target);

  const next = (event: FormEvent) => {
    event.preventDefault();
    const found = validateLicenceStep(step, draft);
    const fields = Object.keys(found) as DraftField[];
    if (fields.length > 0) {
      setProblems(found);
      const [first] = fields;
      if (first) focusField(first);
      return;
    }
    const following = FORM_STEPS[stepIndex + 1];
    if (following) goTo(following);
  };

  const submit = async () => {
    const invalid = findFirstInvalidStep(draft);
    if (invalid) {
      setProblems(validateLicenceStep(invalid, draft));
      goTo(invalid);
      return;
    }
    const body = toCreateRequest(draft, clients.data ?? []);
    if (!body) return;
    try {
      const created = await create.mutateAsync(body);
      await navigate({ to: `/licences/${encodeURIComponent(created.reference)}` });
    } catch (error) {
      const found = readApiErrors(error);
      const fields = Object.keys(found) as DraftField[];
      const [first] = fields;
      if (first) {
        setServerErrors(found);
        create.reset();
        goTo(findStepOfField(first));
        focusField(first);
      }
    }
  };

  const waitingFor = request ? undefined : t('prerequisites.waiting');
  const problem = prerequisites.error
    ? ((isApiError(prerequisites.error) ? prerequisites.error.message : undefined) ??
      t('prerequisites.failed'))
    : undefined;
  const stepProps = { draft, update, errors };

  if (me && !canApply) {
    return (
      <>
        <PageTitle title={t('form.title')} />
        <Alert color="gray" variant="light">
          {t('form.notForRole')}{' '}
          <Anchor component={Link} to="/licences" inherit>
            {t('list.title')}
          </Anchor>
        </Alert>
      </>
    );
  }

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/licences" size="sm">
        ← {t('page.backToList')}
      </Anchor>
      <PageTitle title={t('form.title')} description={t('form.description')} />
      {search.fromEligibility && (
        <Alert color="blue" variant="light">
          <Text size="sm" c="dark.8">
            {t('form.fromEligibility')}
          </Text>
        </Alert>
      )}
      <Stepper
        active={stepIndex}
        onStepClick={(index) => {
          const target = FORM_STEPS[index];
          if (target && index < stepIndex) goTo(target);
        }}
        allowNextStepsSelect={false}
        size={compact ? 'xs' : 'sm'}
        aria-label={t('form.stepOf', { current: stepIndex + 1, total: FORM_STEPS.length })}
      >
        {FORM_STEPS.map((id) => (
          <Stepper.Step
            key={id}
            label={compact ? undefined : t(`steps.${id}.label`)}
            description={compact ? undefined : t(`steps.${id}.description`)}
            aria-label={compact ? t(`steps.${id}.label`) : undefined}
          />
        ))}
      </Stepper>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Box component="form" onSubmit={next} noValidate>
            <Stack gap="lg">
              <Box>
                <Text size="sm" c="dimmed">
                  {t('form.stepOf', { current: stepIndex + 1, total: FORM_STEPS.length })}
                </Text>
                <Title order={2} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
                  {t(`steps.${step}.description`)}
                </Title>
              </Box>
              {step === 'licence' && <LicenceStep {...stepProps} />}
              {step === 'company' && (
                <CompanyStep
                  {...stepProps}
                  provinces={provinces.data ?? []}
                  clients={clients.data ?? []}
                  isAgent={isAgent}
                />
              )}
              {step === 'facts' && <FactsStep {...stepProps} />}
              {step === 'review' && (
                <ReviewStep
                  draft={draft}
                  provinces={provinces.data ?? []}
                  clients={clients.data ?? []}
                  onEdit={goTo}
                />
              )}
              <ApiErrorAlert error={create.error} />
              <Group gap="sm">
                {stepIndex > 0 && (
                  <Button variant="default" onClick={() => goTo(FORM_STEPS[stepIndex - 1] ?? 'licence')}>
                    {t('form.back')}
                  </Button>
                )}
                {step === 'review' ? (
                  <Button onClick={() => void submit()} loading={create.isPending}>
                    {t('form.create')}
                  </Button>
                ) : (
                  <Button type="submit">{t('form.next')}</Button>
                )}
              </Group>
            </Stack>
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Box style={{ position: 'sticky', top: 76 }}>
            <PrerequisitesPanel
              result={prerequisites.data}
              isFetching={prerequisites.isFetching}
              waitingFor={waitingFor}
              problem={problem}
            />
          </Box>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
