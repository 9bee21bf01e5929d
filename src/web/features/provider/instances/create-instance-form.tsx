import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readableTextColor } from '../../../app/theme.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { chinaToday } from '../../../components/working-day-countdown.tsx';
import { isApiError } from '../../../lib/api.ts';
import { localize } from '../../../lib/format.ts';
import {
  type CreateInstanceInput,
  type Customer,
  findCustomer,
  type Instance,
  useCreateInstance,
  useProvinces,
} from '../api.ts';

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
  const [ownerEmail, setOwnerEmail] = useState('');
  const [owner, setOwner] = useState<Customer | undefined>();
  const lookup = useMutation({
    mutationFn: (email: string) => findCustomer(email),
    onSuccess: (customer) => {
      setOwner(customer);
      set({ ownerUserId: customer.userId });
    },
  });
  const findOwner = () => {
    if (ownerEmail.trim() !== '') lookup.mutate(ownerEmail.trim());
  };
  const onOwnerKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter in the address looks the account up; it does not submit the whole form.
    if (event.key === 'Enter') {
      event.preventDefault();
      findOwner();
    }
  };
  const lookupError = (() => {
    if (!lookup.error) return undefined;
    if (isApiError(lookup.error, 'customer_not_found')) return t('instances.form.ownerNotFound');
    if (isApiError(lookup.error) && lookup.error.fieldErrors.length > 0) {
      return lookup.error.fieldErrors.map((e) => e.message).join(' ');
    }
    return lookup.error instanceof Error ? lookup.error.message : String(lookup.error);
  })();
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
          <Stack gap={4}>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                type="email"
                label={t('instances.form.ownerEmail')}
                description={t('instances.form.ownerEmailHelp')}
                value={ownerEmail}
                onChange={(e) => {
                  setOwnerEmail(e.currentTarget.value);
                  setOwner(undefined);
                  lookup.reset();
                }}
                onKeyDown={onOwnerKey}
                error={lookupError}
                autoComplete="off"
                spellCheck={false}
                style={{ flex: 1 }}
              />
              {!owner && (
                <Button variant="default" onClick={findOwner} loading={lookup.isPending}>
                  {t('instances.form.findOwner')}
                </Button>
              )}
            </Group>
            <Text size="sm" c={readableTextColor('teal')} aria-live="polite">
              {owner &&
                owner.userId === values.ownerUserId &&
                t('instances.form.ownerFound', {
                  name: owner.maskedName,
                  email: owner.email,
                  id: owner.userId,
                })}
            </Text>
          </Stack>
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
