import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { chinaToday } from '../../../components/working-day-countdown.tsx';
import { isApiError } from '../../../lib/api.ts';
import { localize } from '../../../lib/format.ts';
import { type CreateInstanceInput, type Instance, useCreateInstance, useProvinces } from '../api.ts';

/** The date a year after `day` minus one (a 12-month subscription's last day). */
function yearLater(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const FIELDS = [
  'ownerUserId',
  'name',
  'region',
  'province',
  'publicIp',
  'subscriptionStart',
  'subscriptionEnd',
] as const;

/** Registers an instance for a customer account (provider administrators). */
export function CreateInstanceForm({
  onCreated,
  onCancel,
}: {
  onCreated: (instance: Instance) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('provider');
  const provinces = useProvinces().data?.items ?? [];
  const create = useCreateInstance();
  const today = chinaToday();
  const [values, setValues] = useState<CreateInstanceInput>({
    ownerUserId: '',
    name: '',
    region: '',
    province: '',
    publicIp: '',
    subscriptionStart: today,
    subscriptionEnd: yearLater(today),
  });
  const set = (patch: Partial<CreateInstanceInput>) => setValues((v) => ({ ...v, ...patch }));
  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors : [];
  const errorOf = (field: (typeof FIELDS)[number]) =>
    fieldErrors
      .filter((e) => e.path === field || e.path.startsWith(`${field}.`))
      .map((e) => e.message)
      .join(' ') || undefined;
  const unplaced = fieldErrors.some((e) => !FIELDS.some((f) => e.path === f || e.path.startsWith(`${f}.`)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...values, ownerUserId: values.ownerUserId.trim() },
      { onSuccess: (instance) => onCreated(instance) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('instances.form.ownerUserId')}
            description={t('instances.form.ownerUserIdHelp')}
            value={values.ownerUserId}
            onChange={(e) => set({ ownerUserId: e.currentTarget.value })}
            error={errorOf('ownerUserId')}
            required
            inputMode="numeric"
          />
          <TextInput
            label={t('instances.form.name')}
            description={t('instances.form.nameHelp')}
            value={values.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errorOf('name')}
            required
          />
          <TextInput
            label={t('instances.form.region')}
            description={t('instances.form.regionHelp')}
            value={values.region}
            onChange={(e) => set({ region: e.currentTarget.value })}
            error={errorOf('region')}
            required
          />
          <Select
            label={t('instances.form.province')}
            description={t('instances.form.provinceHelp')}
            data={provinces.map((p) => ({ value: p.code, label: localize({ en: p.nameEn, zh: p.nameZh }) }))}
            value={values.province || null}
            onChange={(province) => set({ province: province ?? '' })}
            error={errorOf('province')}
            searchable
            required
          />
          <TextInput
            label={t('instances.form.publicIp')}
            value={values.publicIp}
            onChange={(e) => set({ publicIp: e.currentTarget.value })}
            error={errorOf('publicIp')}
            required
            spellCheck={false}
          />
          <div />
          <TextInput
            type="date"
            label={t('instances.form.subscriptionStart')}
            value={values.subscriptionStart}
            onChange={(e) => set({ subscriptionStart: e.currentTarget.value })}
            error={errorOf('subscriptionStart')}
            required
          />
          <TextInput
            type="date"
            label={t('instances.form.subscriptionEnd')}
            description={t('instances.form.subscriptionHelp')}
            value={values.subscriptionEnd}
            onChange={(e) => set({ subscriptionEnd: e.currentTarget.value })}
            error={errorOf('subscriptionEnd')}
            required
          />
        </SimpleGrid>
        {(fieldErrors.length === 0 || unplaced) && <ApiErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('instances.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
