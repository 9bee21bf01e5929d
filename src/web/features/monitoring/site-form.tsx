import {
  Box,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import type { SiteSettings } from './api.ts';
import { useIntervalLabel } from './interval-label.ts';
import { intervalOptions, type SiteDraft, toSiteSettings } from './site-draft.ts';

/** The form's fields in the order they are shown: the first one with an error gets the focus. */
const FIELD_ORDER = [
  'label',
  'url',
  'filedDomain',
  'expectedNumber',
  'isPsbRequired',
  'psbNumber',
  'licenceNumber',
  'goLiveOn',
  'domainExpiresOn',
  'instanceId',
  'instanceExpiresOn',
  'intervalHours',
  'isPaused',
] as const;
type Field = (typeof FIELD_ORDER)[number];
const fieldId = (field: Field) => `site-${field}`;

type TextField = Exclude<Field, 'isPsbRequired' | 'intervalHours' | 'isPaused'>;
const DATE_FIELDS: readonly TextField[] = ['goLiveOn', 'domainExpiresOn', 'instanceExpiresOn'];

/**
 * Adding and editing a site share this form: only the address is required, the numbers make the
 * check stricter, the dates turn the reminders on. The server's 400 shows on the fields it names.
 */
export function SiteForm({
  initial,
  submitLabel,
  cancelTo,
  isPending,
  error,
  onSubmit,
}: {
  initial: SiteDraft;
  submitLabel: string;
  cancelTo: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (settings: SiteSettings) => void;
}) {
  const { t } = useTranslation('monitoring');
  const intervalLabel = useIntervalLabel();
  const [draft, setDraft] = useState<SiteDraft>(initial);
  const [isUrlMissing, setIsUrlMissing] = useState(false);
  const set = (patch: Partial<SiteDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const errors = fieldErrorsOf(error);
  const hasFieldErrors = Object.keys(errors).length > 0;

  // After a refused save, the first field named goes into focus (keyboard and screen-reader users
  // would otherwise have to hunt for it).
  useEffect(() => {
    const named = fieldErrorsOf(error);
    const first = FIELD_ORDER.find((field) => named[field] !== undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
  }, [error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const isMissing = draft.url.trim() === '';
    setIsUrlMissing(isMissing);
    if (isMissing) {
      document.getElementById(fieldId('url'))?.focus();
      return;
    }
    onSubmit(toSiteSettings(draft));
  }

  const text = (field: TextField, extra: { required?: boolean; placeholder?: string } = {}) => ({
    id: fieldId(field),
    label: t(`form.${field}`),
    description: t(`form.${field}Hint`),
    value: draft[field],
    onChange: (event: { currentTarget: { value: string } }) => set({ [field]: event.currentTarget.value }),
    error: errors[field],
    autoComplete: 'off',
    spellCheck: false,
    ...(DATE_FIELDS.includes(field) ? { type: 'date', min: '2000-01-01', max: '2100-12-31' } : {}),
    ...extra,
  });

  return (
    <Box component="form" onSubmit={submit} noValidate maw={880}>
      <Stack gap="md">
        <Fieldset legend={t('form.sections.site')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...text('label')} placeholder={t('form.labelPlaceholder')} />
            <TextInput
              {...text('url', { required: true })}
              placeholder={t('form.urlPlaceholder')}
              inputMode="url"
              error={isUrlMissing && draft.url.trim() === '' ? t('form.urlRequired') : errors.url}
            />
            <TextInput {...text('filedDomain')} placeholder="example.cn" />
            <TextInput {...text('expectedNumber')} placeholder="京ICP备2024012345号-1" />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('form.sections.numbers')}>
          <Stack gap="sm">
            <Checkbox
              id={fieldId('isPsbRequired')}
              label={t('form.isPsbRequired')}
              description={t('form.isPsbRequiredHint')}
              checked={draft.isPsbRequired}
              onChange={(event) => set({ isPsbRequired: event.currentTarget.checked })}
              error={errors.isPsbRequired}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput {...text('psbNumber')} placeholder="京公网安备11010802020134号" />
              <TextInput {...text('licenceNumber')} placeholder="京B2-20212732" />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('form.sections.dates')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput {...text('goLiveOn')} />
            <TextInput {...text('domainExpiresOn')} />
            <TextInput {...text('instanceId')} placeholder="i-2ze0abcd1234" />
            <TextInput {...text('instanceExpiresOn')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('form.sections.schedule')}>
          <Stack gap="sm">
            <NativeSelect
              id={fieldId('intervalHours')}
              maw={360}
              label={t('form.interval')}
              description={t('form.intervalHint')}
              value={String(draft.intervalHours)}
              onChange={(event) => set({ intervalHours: Number(event.currentTarget.value) })}
              data={intervalOptions(draft.intervalHours).map((hours) => ({
                value: String(hours),
                label: intervalLabel(hours),
              }))}
              error={errors.intervalHours}
            />
            <Switch
              id={fieldId('isPaused')}
              label={t('form.isPaused')}
              description={t('form.isPausedHint')}
              checked={draft.isPaused}
              onChange={(event) => set({ isPaused: event.currentTarget.checked })}
              error={errors.isPaused}
            />
          </Stack>
        </Fieldset>
        <div aria-live="polite">
          {hasFieldErrors && (
            <Text c="red.8" size="sm" fw={600} role="alert">
              {t('form.fixFields')}
            </Text>
          )}
          {Boolean(error) && !hasFieldErrors && <ApiErrorAlert error={error} />}
        </div>
        <Group gap="sm">
          <Button type="submit" loading={isPending}>
            {submitLabel}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
