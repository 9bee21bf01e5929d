import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contracts/limits.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { localize } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { readableTitle } from '../alert-styles.ts';
import { type Instance, useInstances } from '../api.ts';
import { fieldId } from '../content-paths.ts';
import { SelectField, TextField, useSchemaMessage } from '../fields.tsx';
import { useWizard } from '../wizard-state.tsx';

/** Order types that bind a service code of this provider's instance (the API's bindsServiceCodes). */
export const CODE_BINDING_TYPES = new Set(['first_filing', 'add_service', 'add_access']);

function IpAddressesField({ index }: { index: number }) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const schemaMessage = useSchemaMessage();
  const path = `services[${index}].access.ipAddresses`;
  const stored = wizard.content.services?.[index]?.access?.ipAddresses ?? [];
  const joined = stored.join(', ');
  // The text as typed; the list is written on every change, so a trailing comma is not lost.
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((current) => (splitIps(current).join(', ') === joined ? current : joined));
  }, [joined]);
  const state = wizard.fieldState(path);
  return (
    <TextInput
      id={fieldId(path)}
      label={t('fields.ipAddresses')}
      description={t('fields.ipAddressesHint')}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        wizard.setField(path, splitIps(event.currentTarget.value));
      }}
      error={state.error ?? schemaMessage(state.schemaIssue)}
      autoCapitalize="none"
      spellCheck={false}
      withAsterisk
    />
  );
}

function splitIps(text: string): string[] {
  return text
    .split(/[\s,;，]+/u)
    .map((part) => part.trim())
    .filter(Boolean);
}

function AccessCard({ index, instances }: { index: number; instances: Instance[] }) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const userId = useMe().data?.user.id;
  const base = `services[${index}].access`;
  const service = wizard.content.services?.[index] ?? {};
  const access = service.access ?? {};
  const instance = instances.find((i) => String(i.id) === access.instanceId);
  const usedElsewhere = new Set(
    (wizard.content.services ?? []).flatMap((s, i) =>
      i !== index && s.access?.serviceCode ? [s.access.serviceCode] : [],
    ),
  );
  // Authorisation codes made out to another account cannot carry this order.
  const available = (instance?.codes ?? []).filter(
    (code) =>
      code.status === 'available' &&
      (code.kind === 'service' || code.granteeUserId === undefined || code.granteeUserId === userId) &&
      code.code !== access.serviceCode &&
      !usedElsewhere.has(code.code),
  );
  const headingId = `access-${index}-heading`;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-labelledby={headingId}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {t('access.serviceTitle', { n: index + 1, name: service.domain || service.name || '' })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SelectField
            path={`${base}.instanceId`}
            label={t('fields.instanceId')}
            hint={t('fields.instanceHint')}
            data={instances.map((i) => ({
              value: String(i.id),
              label: t('access.instanceOption', { name: i.name, region: i.region, ip: i.publicIp }),
              disabled: !i.eligibility.eligible,
            }))}
            nothingFoundMessage={t('access.noInstances')}
            onValue={(value) => {
              const chosen = instances.find((i) => String(i.id) === value);
              wizard.setField(`${base}.instanceId`, value ?? undefined);
              if (chosen) {
                wizard.setField(`${base}.region`, chosen.region);
                if ((access.ipAddresses ?? []).length === 0)
                  wizard.setField(`${base}.ipAddresses`, [chosen.publicIp]);
              }
            }}
          />
          <TextField
            path={`${base}.serviceCode`}
            label={t('fields.serviceCode')}
            hint={t('fields.serviceCodeHint')}
            maxLength={LIMITS.serviceCode}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk={CODE_BINDING_TYPES.has(wizard.order.type)}
          />
          <IpAddressesField index={index} />
          <TextField path={`${base}.region`} label={t('fields.region')} maxLength={LIMITS.region} />
        </SimpleGrid>
        {instance && !instance.eligibility.eligible && (
          <Alert color="orange" variant="light" styles={readableTitle}>
            {instance.eligibility.issues.map((issue) => localize(issue.message)).join(' ')}
          </Alert>
        )}
        {instance && available.length > 0 && (
          <Stack gap={4}>
            <Text size="sm">
              {t('access.availableCodes', { count: available.length, name: instance.name })}
            </Text>
            <Group gap="xs">
              {available.map((code) => (
                <Button
                  key={code.id}
                  size="xs"
                  variant="light"
                  onClick={() => wizard.setField(`${base}.serviceCode`, code.code)}
                  aria-label={t('access.useCodeLabel', { code: code.code })}
                >
                  {t('access.useCode')} <Code ml={6}>{code.code.slice(0, 8)}…</Code>
                </Button>
              ))}
            </Group>
          </Stack>
        )}
        {instance && available.length === 0 && !access.serviceCode && (
          <Text size="sm" c="dimmed">
            {t('access.noCodes', { remaining: instance.codesRemaining })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function AccessStep() {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const instancesQuery = useInstances();
  const instances = (instancesQuery.data ?? []).filter((i) => i.providerOrgId === wizard.order.providerOrgId);
  const services = wizard.content.services ?? [];
  const binds = CODE_BINDING_TYPES.has(wizard.order.type);
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('steps.access')}
      </Title>
      <Text c="dimmed" size="sm">
        {binds ? t('access.intro') : t('access.introNoCode')}
      </Text>
      {instancesQuery.error && (
        <ApiErrorAlert error={instancesQuery.error} onRetry={() => instancesQuery.refetch()} />
      )}
      {services.length === 0 && <Text>{t('services.none')}</Text>}
      {services.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a service is identified by its position
        <AccessCard key={index} index={index} instances={instances} />
      ))}
    </Stack>
  );
}
