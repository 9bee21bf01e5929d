import { Box, Button, Group, Loader, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { chinaToday } from '../../components/working-day-countdown.tsx';
import { isApiError } from '../../lib/api.ts';
import { localize } from '../../lib/format.ts';
import { useMe } from '../../lib/session.ts';
import {
  buildNewLicenceHref,
  listLicencesNeeded,
  type NewLicenceSearch,
  START_LICENCE_LABELS,
} from '../licences/search.ts';
import { type EligibilityRequest, useAssessment } from './api.ts';
import {
  type Draft,
  type DraftField,
  EXAMPLE_PROFILES,
  emptyDraft,
  FIELD_STEP,
  type FieldErrors,
  FORM_STEPS,
  type FormStep,
  firstInvalidStep,
  fromProfile,
  loadDraft,
  stepFromHash,
  storeDraft,
  toProfile,
  validateStep,
  type WizardStep,
} from './draft.ts';
import { readEligibilityProfile, saveEligibilityProfile } from './eligibility-profile-storage.ts';
import { AssessmentResult } from './result.tsx';
import { ApplicantStep, LocationStep, ReviewStep, SiteStep, type StepProps } from './steps.tsx';

const ALL_STEPS: readonly WizardStep[] = [...FORM_STEPS, 'result'];
const ORDER_WIZARD = '/app/orders/new?fromEligibility=true';

const PRINT_CSS = `@media print {
  .eligibility-keep, tr, li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .mantine-Badge-root { border: 1px solid currentColor; }
}`;

function initialDraft(): Draft {
  const today = chinaToday();
  const saved = loadDraft();
  if (saved) return { ...emptyDraft(today), ...saved, startDate: saved.startDate || today };
  const stored = readEligibilityProfile();
  return stored ? fromProfile(stored.profile, today) : emptyDraft(today);
}

/** The first field with an error gets the focus (its input, or the first radio/checkbox of a group). */
function focusFirstError(errors: FieldErrors) {
  const [field] = Object.keys(errors);
  if (!field) return;
  requestAnimationFrame(() => {
    const root = document.querySelector(`[data-field="${field}"]`);
    const target =
      root instanceof HTMLInputElement
        ? root
        : (root?.querySelector<HTMLElement>('input:checked, input, button, textarea') ??
          document.querySelector<HTMLElement>(`[name="${field}"]`));
    target?.focus();
  });
}

export function EligibilityPage() {
  const { t } = useTranslation('eligibility');
  const navigate = useNavigate();
  const { data: me } = useMe();
  const hash = useRouterState({ select: (state) => state.location.hash });
  const shownStep = useRef<WizardStep | undefined>(undefined);
  const step = stepFromHash(hash, shownStep.current);
  shownStep.current = step;
  const stepIndex = ALL_STEPS.indexOf(step);
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const compact = useMediaQuery('(max-width: 48em)');

  useEffect(() => storeDraft(draft), [draft]);

  const go = useCallback(
    (next: WizardStep, replace = false) => void navigate({ to: '.', hash: next, replace }),
    [navigate],
  );

  // A step is reachable only when the steps before it are complete (a shared #result link, a reload).
  // biome-ignore lint/correctness/useExhaustiveDependencies: checked when the step changes, not on every keystroke.
  useEffect(() => {
    const invalid = firstInvalidStep(draft, step);
    if (invalid && invalid !== step) go(invalid, true);
  }, [step]);

  // Keyboard and screen-reader users land on the new step's heading (not on the first page load).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on step change only.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  const set: StepProps['set'] = (field, value) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _removed, ...rest } = current;
      return rest;
    });
  };

  const profile = toProfile(draft);
  const request: EligibilityRequest | undefined =
    step === 'result' && profile
      ? { ...profile, ...(/^\d{4}-\d{2}-\d{2}$/.test(draft.startDate) ? { startDate: draft.startDate } : {}) }
      : undefined;
  const assessment = useAssessment(request);

  // The API's field errors go back to the step that asks for the field.
  useEffect(() => {
    const error = assessment.error;
    if (!isApiError(error, 'validation_failed')) return;
    const fieldErrors: FieldErrors = {};
    for (const fieldError of error.fieldErrors) {
      const field = fieldError.path.replace(/^body\./u, '').split('.')[0] as DraftField;
      if (field in FIELD_STEP && !fieldErrors[field]) fieldErrors[field] = fieldError.message;
    }
    const [first] = Object.keys(fieldErrors) as DraftField[];
    if (!first) return;
    setErrors(fieldErrors);
    go(FIELD_STEP[first], true);
    focusFirstError(fieldErrors);
  }, [assessment.error, go]);

  const next = (event: FormEvent) => {
    event.preventDefault();
    if (step === 'result') return;
    const found = validateStep(step, draft);
    if (Object.keys(found).length > 0) {
      const translated = Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)]));
      setErrors(translated);
      focusFirstError(translated);
      return;
    }
    const following = ALL_STEPS[stepIndex + 1];
    if (following) go(following);
  };

  const back = () => {
    const previous = ALL_STEPS[stepIndex - 1];
    if (previous) go(previous);
  };

  const loadExample = (index: number) => {
    const example = EXAMPLE_PROFILES[index];
    if (!example) return;
    setDraft(fromProfile(example.profile, draft.startDate || chinaToday()));
    setErrors({});
    go('review');
  };

  const restart = () => {
    setDraft(emptyDraft(chinaToday()));
    setErrors({});
    go('applicant');
  };

  const startDraftOrder = () => {
    if (!profile) return;
    saveEligibilityProfile(profile, assessment.data);
    if (me) void navigate({ href: ORDER_WIZARD });
    else void navigate({ to: '/sign-up', search: { redirect: ORDER_WIZARD } });
  };

  // A commercial licence (ICP证) or EDI called for: an application prefilled from these answers.
  const startLicence = (kind: NonNullable<NewLicenceSearch['kind']>) => {
    if (!profile) return;
    saveEligibilityProfile(profile, assessment.data);
    const href = buildNewLicenceHref({
      kind,
      scope: profile.crossRegional ? 'cross_regional' : 'provincial',
      fromEligibility: true,
    });
    if (me) void navigate({ href });
    else void navigate({ to: '/sign-up', search: { redirect: href } });
  };

  const stepProps: StepProps = { draft, set, errors };
  const formStep = step === 'result' ? undefined : (step as FormStep);

  return (
    <Stack gap="lg">
      <style>{PRINT_CSS}</style>
      <PageTitle title={t('title')} description={t('description')} />
      <Stepper
        active={stepIndex}
        onStepClick={(index) => {
          const target = ALL_STEPS[index];
          if (target && index < stepIndex) go(target);
        }}
        allowNextStepsSelect={false}
        size={compact ? 'xs' : 'sm'}
        className="no-print"
        aria-label={t('stepOf', { current: stepIndex + 1, total: ALL_STEPS.length })}
      >
        {ALL_STEPS.map((id) => (
          <Stepper.Step
            key={id}
            label={compact ? undefined : t(`steps.${id}.label`)}
            description={compact ? undefined : t(`steps.${id}.description`)}
            aria-label={compact ? t(`steps.${id}.label`) : undefined}
          />
        ))}
      </Stepper>

      {formStep && (
        <Box component="form" onSubmit={next} noValidate maw={1000}>
          <Stack gap="lg">
            <Box>
              <Text size="sm" c="gray.7">
                {t('stepOf', { current: stepIndex + 1, total: FORM_STEPS.length })}
              </Text>
              <Title order={2} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
                {formStep === 'review' ? t('review.heading') : t(`steps.${formStep}.description`)}
              </Title>
            </Box>
            {formStep === 'applicant' && <ApplicantStep {...stepProps} />}
            {formStep === 'location' && <LocationStep {...stepProps} />}
            {formStep === 'site' && <SiteStep {...stepProps} />}
            {formStep === 'review' && <ReviewStep {...stepProps} onEdit={(target) => go(target)} />}
            <Group gap="sm" className="no-print">
              {stepIndex > 0 && (
                <Button variant="default" onClick={back}>
                  {t('nav.back')}
                </Button>
              )}
              <Button type="submit">{formStep === 'review' ? t('nav.assess') : t('nav.next')}</Button>
            </Group>
            {formStep === 'applicant' && (
              <Box component="section" aria-labelledby="eligibility-examples" className="no-print">
                <Text id="eligibility-examples" size="sm" fw={600} mb={6}>
                  {t('examples.heading')}
                </Text>
                <Group gap="xs">
                  {EXAMPLE_PROFILES.map((example, index) => (
                    <Button
                      key={example.key}
                      variant="light"
                      size="compact-sm"
                      onClick={() => loadExample(index)}
                    >
                      {t(`examples.${example.key}`)}
                    </Button>
                  ))}
                </Group>
              </Box>
            )}
          </Stack>
        </Box>
      )}

      {step === 'result' && (
        <Box aria-live="polite" aria-busy={assessment.isFetching}>
          <Title
            order={2}
            ref={headingRef}
            tabIndex={-1}
            style={{ outline: 'none' }}
            className="no-print"
            mb="md"
          >
            {t('result.heading')}
          </Title>
          {assessment.isLoading && (
            <Group gap="sm">
              <Loader size="sm" />
              <Text size="sm">{t('result.loading')}</Text>
            </Group>
          )}
          {assessment.error && !isApiError(assessment.error, 'validation_failed') && (
            <ApiErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
          )}
          {assessment.data && (
            <AssessmentResult
              assessment={assessment.data}
              actions={
                <Stack gap="xs" className="no-print">
                  <Group gap="sm">
                    <Button onClick={startDraftOrder}>
                      {me ? t('result.actions.draftSignedIn') : t('result.actions.draft')}
                    </Button>
                    {listLicencesNeeded(assessment.data.summary.licenceType).map((kind) => (
                      <Button key={kind} variant="light" onClick={() => startLicence(kind)}>
                        {localize(START_LICENCE_LABELS[kind])}
                      </Button>
                    ))}
                    <Button variant="default" onClick={() => window.print()}>
                      {t('result.actions.print')}
                    </Button>
                    <Button variant="subtle" onClick={() => go('review')}>
                      {t('nav.changeAnswers')}
                    </Button>
                    <Button variant="subtle" color="gray" onClick={restart}>
                      {t('nav.restart')}
                    </Button>
                  </Group>
                  {!me && (
                    <Text size="xs" c="gray.7">
                      {t('result.actions.draftHint')}
                    </Text>
                  )}
                </Stack>
              }
            />
          )}
        </Box>
      )}
    </Stack>
  );
}
