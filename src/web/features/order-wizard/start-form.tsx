import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../contracts/limits.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { localize } from '../../lib/format.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  createOrder,
  type FieldValidation,
  INTENTS,
  type Intent,
  saveDraft,
  useAgentClients,
  useInstances,
  useProvinces,
  validateField,
} from './api.ts';
import { cleanContent } from './content-paths.ts';
import { mergePrefill, readEligibilityPrefill } from './eligibility-prefill.ts';
import { orderHref } from './order-link.tsx';
import { recentlyCreated } from './order-wizard.tsx';

const OTHER_PROVIDER = 'other';

/** Which validator reads a certificate number of this shape (18 digits: an ID; else a credit code). */
function guessValidator(value: string): 'resident-id' | 'uscc' | undefined {
  const compact = value.replace(/\s/gu, '').toUpperCase();
  if (/^\d{17}[\dX]$/u.test(compact)) return 'resident-id';
  if (compact.length === 18) return 'uscc';
  return undefined;
}

/**
 * The start of an order: what the applicant wants to do and the values the API detects the order type
 * from (certificate number, province, domain) and the provider that files it. The API opens the draft
 * with the detected type; the wizard then shows it and why.
 */
export function StartForm({
  client,
  fromEligibility,
}: {
  client?: string | undefined;
  fromEligibility: boolean;
}) {
  const { t } = useTranslation('order-wizard');
  const navigate = useNavigate();
  const { data: me } = useMe();
  const isAgent = hasAnyRole(me, ['agent']);
  const provinces = useProvinces();
  const instances = useInstances();
  const clients = useAgentClients(isAgent);
  const prefill = useMemo(() => (fromEligibility ? readEligibilityPrefill() : undefined), [fromEligibility]);

  const [intent, setIntent] = useState<Intent>('file_service');
  const [certificateNumber, setCertificateNumber] = useState('');
  const [province, setProvince] = useState<string | null>(null);
  const [domain, setDomain] = useState(prefill?.domain ?? '');
  const [hosting, setHosting] = useState<string | null>(null);
  const [providerId, setProviderId] = useState('');
  const [clientId, setClientId] = useState<string | null>(null);
  const [decoded, setDecoded] = useState<FieldValidation>();
  const [domainCheck, setDomainCheck] = useState<FieldValidation>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState<Set<string>>(new Set());

  const provinceOptions = (provinces.data ?? []).map((p) => ({
    value: p.code,
    label: `${localize({ en: p.nameEn, zh: p.nameZh })} (${p.icpAbbreviation})`,
  }));

  // The eligibility answers name the province by code, name or abbreviation.
  useEffect(() => {
    if (province || !prefill?.province || !provinces.data) return;
    const key = prefill.province;
    const found = provinces.data.find(
      (p) => p.code === key || p.nameEn === key || p.nameZh === key || p.icpAbbreviation === key,
    );
    if (found) setProvince(found.code);
  }, [prefill, provinces.data, province]);

  const eligibleInstances = instances.data ?? [];
  useEffect(() => {
    if (hosting !== null || !instances.data) return;
    const first = instances.data.find(
      (i) => i.eligibility.eligible && i.codes.some((c) => c.status === 'available'),
    );
    setHosting(first ? String(first.id) : instances.data.length === 0 ? OTHER_PROVIDER : null);
  }, [instances.data, hosting]);

  useEffect(() => {
    if (!client || clientId || !clients.data) return;
    const found = clients.data.find(
      (c) => c.id === client || c.client.id === client || c.agencyId === client,
    );
    if (found) setClientId(found.id);
  }, [client, clients.data, clientId]);

  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  const errorOf = (field: string) => {
    if (missing.has(field)) return t('errors.missing');
    return fieldErrors.find((e) => e.path === field)?.message;
  };

  const providerOrgId =
    hosting === OTHER_PROVIDER
      ? providerId.trim()
      : (eligibleInstances.find((i) => String(i.id) === hosting)?.providerOrgId ?? '');
  const needsDomain = intent !== 'cancel_entity' && intent !== 'change';
  const showsDomain = intent !== 'cancel_entity';
  const chosenClient = clients.data?.find((c) => c.id === clientId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const lacking = new Set<string>();
    if (!certificateNumber.trim()) lacking.add('certificateNumber');
    if (!province) lacking.add('province');
    if (needsDomain && !domain.trim()) lacking.add('domain');
    if (!providerOrgId) lacking.add('providerOrgId');
    setMissing(lacking);
    if (lacking.size > 0 || !province) {
      document.getElementById(`start-${[...lacking][0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const created = await createOrder({
        intent,
        certificateNumber: certificateNumber.trim(),
        province,
        ...(showsDomain && domain.trim() ? { domain: domain.trim() } : {}),
        providerOrgId,
        ...(chosenClient ? { agentOrgId: chosenClient.agencyId, clientUserId: chosenClient.client.id } : {}),
      });
      const reference = created.order.reference;
      recentlyCreated.set(reference, created);
      const instance = eligibleInstances.find((i) => String(i.id) === hosting);
      let content = created.order.content;
      if (prefill) content = mergePrefill(content, prefill.content);
      // The chosen instance is the access of the first service (its code is picked in the access step).
      if (instance && intent === 'file_service' && content.services?.[0]) {
        content = mergePrefill(content, {
          services: [
            {
              access: {
                instanceId: String(instance.id),
                region: instance.region,
                ipAddresses: [instance.publicIp],
              },
            },
          ],
        });
      }
      if (content !== created.order.content) {
        const saved = await saveDraft(reference, cleanContent(content));
        recentlyCreated.set(reference, { ...created, order: saved.order, validation: saved.validation });
      }
      await navigate({ href: orderHref(reference, true), replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const region = decoded?.value?.region;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="lg" maw={860}>
        {fromEligibility && (
          <Alert color={prefill ? 'blue' : 'gray'} variant="light">
            {prefill ? t('start.prefilled') : t('start.noPrefill')}
          </Alert>
        )}
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <Radio.Group
            value={intent}
            onChange={(value) => setIntent(value as Intent)}
            label={
              <Title order={2} size="h4">
                {t('start.intentTitle')}
              </Title>
            }
            description={t('start.intentHint')}
          >
            <Stack gap="sm" mt="sm">
              {INTENTS.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`intents.${value}.label`)}
                  description={t(`intents.${value}.description`)}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Paper>

        <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('start.detailsTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('start.detailsHint')}
            </Text>
            {isAgent && (
              <Select
                id="start-client"
                label={t('start.client')}
                description={t('start.clientHint')}
                data={(clients.data ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.client.name} (${c.client.email})`,
                }))}
                value={clientId}
                onChange={setClientId}
                clearable
                nothingFoundMessage={t('start.noClients')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                id="start-certificateNumber"
                label={t('start.certificateNumber')}
                description={t('start.certificateNumberHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={certificateNumber}
                maxLength={LIMITS.certificateNumber}
                autoComplete="off"
                onChange={(event) => {
                  setCertificateNumber(event.currentTarget.value);
                  setDecoded(undefined);
                }}
                onBlur={async () => {
                  const validator = guessValidator(certificateNumber);
                  if (!validator) return;
                  const answer = await validateField(validator, { value: certificateNumber }).catch(
                    () => undefined,
                  );
                  setDecoded(answer);
                  const code = answer?.value?.region?.province?.code;
                  if (answer?.valid && code && !province) setProvince(code);
                }}
                error={
                  errorOf('certificateNumber') ??
                  (decoded && !decoded.valid
                    ? decoded.errors.map((e) => localize(e.message)).join(' ')
                    : undefined)
                }
                withAsterisk
              />
              <Select
                id="start-province"
                label={t('start.province')}
                description={t('start.provinceHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data={provinceOptions}
                value={province}
                onChange={setProvince}
                searchable
                error={errorOf('province')}
                comboboxProps={{ withinPortal: true }}
                withAsterisk
              />
            </SimpleGrid>
            {decoded?.valid && region?.province && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('start.decoded', {
                  region: [region.province, region.city, region.county]
                    .filter((r) => r !== undefined)
                    .map((r) => localize({ en: r.nameEn, zh: r.nameZh }))
                    .filter((name, i, all) => all.indexOf(name) === i)
                    .join(' '),
                })}
              </Text>
            )}
            {showsDomain && (
              <TextInput
                id="start-domain"
                label={needsDomain ? t('start.domain') : t('start.domainOptional')}
                description={t('start.domainHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={domain}
                maxLength={LIMITS.domain}
                autoCapitalize="none"
                spellCheck={false}
                onChange={(event) => {
                  setDomain(event.currentTarget.value);
                  setDomainCheck(undefined);
                }}
                onBlur={async () => {
                  if (!domain.trim()) return;
                  setDomainCheck(await validateField('domain', { value: domain }).catch(() => undefined));
                }}
                error={
                  errorOf('domain') ??
                  (domainCheck && !domainCheck.valid
                    ? domainCheck.errors.map((e) => localize(e.message)).join(' ')
                    : undefined)
                }
                withAsterisk={needsDomain}
              />
            )}
            <Select
              id="start-providerOrgId"
              label={t('start.hosting')}
              description={t('start.hostingHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={[
                ...eligibleInstances.map((i) => ({
                  value: String(i.id),
                  label: t('start.instanceOption', {
                    name: i.name,
                    region: i.region,
                    ip: i.publicIp,
                    count: i.codes.filter((c) => c.status === 'available').length,
                  }),
                  disabled: !i.eligibility.eligible,
                })),
                { value: OTHER_PROVIDER, label: t('start.otherProvider') },
              ]}
              value={hosting}
              onChange={setHosting}
              error={hosting !== OTHER_PROVIDER ? errorOf('providerOrgId') : undefined}
              comboboxProps={{ withinPortal: true }}
              withAsterisk
            />
            {hosting === OTHER_PROVIDER && (
              <TextInput
                label={t('start.providerId')}
                description={t('start.providerIdHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                value={providerId}
                onChange={(event) => setProviderId(event.currentTarget.value)}
                error={errorOf('providerOrgId')}
                withAsterisk
              />
            )}
          </Stack>
        </Paper>
        <ApiErrorAlert error={error} />
        <Group>
          <Button type="submit" size="md" loading={busy}>
            {t('start.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
