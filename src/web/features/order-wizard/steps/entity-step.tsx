import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contracts/limits.ts';
import { localize } from '../../../lib/format.ts';
import { useCertificateTypes, useNatures, validateField } from '../api.ts';
import { fieldId } from '../content-paths.ts';
import { SelectField, TextField } from '../fields.tsx';
import { PersonFields, validatorForFormat } from '../person-fields.tsx';
import { ProvinceHint } from '../province-hints.tsx';
import { useWizard } from '../wizard-state.tsx';

/** Suggests the city and county the certificate number encodes (IDs and credit codes carry them). */
function RegionFromCertificate() {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const { data: types = [] } = useCertificateTypes();
  const entity = wizard.content.entity ?? {};
  const format = types.find((type) => type.id === entity.certificateType)?.format;
  const validator = validatorForFormat(format);
  const number = entity.certificateNumber ?? '';
  const { data } = useQuery({
    queryKey: ['order-wizard', 'region-of', validator, number],
    queryFn: () => (validator ? validateField(validator, { value: number }) : undefined),
    enabled: (validator === 'resident-id' || validator === 'uscc') && number.length >= 15,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const region = data?.value?.region;
  if (!region?.county || !region.city || region.province?.code !== wizard.order.provinceCode) return null;
  const { city, county } = region;
  if (entity.cityCode === city.code && entity.countyCode === county.code) return null;
  const name = `${localize({ en: city.nameEn, zh: city.nameZh })} ${localize({ en: county.nameEn, zh: county.nameZh })}`;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">{t('entity.regionFromCertificate', { name, code: county.code })}</Text>
      <Button
        size="xs"
        variant="light"
        onClick={() => {
          wizard.setField('entity.cityCode', city.code);
          wizard.setField('entity.countyCode', county.code);
        }}
      >
        {t('entity.useRegion')}
      </Button>
    </Group>
  );
}

export function EntityStep() {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const { data: natures = [] } = useNatures();
  const { data: types = [] } = useCertificateTypes();
  const entity = wizard.content.entity ?? {};
  const nature = natures.find((n) => n.id === entity.nature);
  const isOrganisation = nature?.isOrganisation ?? false;
  const isIndividual = entity.nature === 'individual';
  const allowedTypes = types.filter((type) => nature?.certificateTypes.includes(type.id));
  const provinceState = wizard.fieldState('entity.provinceCode');

  return (
    <Stack gap="lg">
      <Title order={2} size="h3" id="entity-heading">
        {t('steps.entity')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('entity.intro')}
      </Text>
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-labelledby="entity-heading"
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              id={fieldId('entity.provinceCode')}
              label={t('fields.province')}
              value={wizard.provinceName}
              readOnly
              description={t('fields.lockedNote')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              error={provinceState.error}
            />
            <SelectField
              path="entity.nature"
              label={t('fields.nature')}
              data={natures.map((n) => ({ value: n.id, label: localize({ en: n.nameEn, zh: n.nameZh }) }))}
              onValue={(value) => {
                const next = natures.find((n) => n.id === value);
                wizard.setField('entity.nature', value ?? undefined);
                if (next && !next.certificateTypes.includes(entity.certificateType ?? '')) {
                  wizard.setField('entity.certificateType', next.certificateTypes[0]);
                }
              }}
              withAsterisk
            />
            <SelectField
              path="entity.certificateType"
              label={t('fields.entityCertificateType')}
              data={allowedTypes.map((type) => ({
                value: type.id,
                label: localize({ en: type.nameEn, zh: type.nameZh }),
              }))}
              disabled={!nature}
              withAsterisk
            />
            <TextField
              path="entity.certificateNumber"
              label={t('fields.entityCertificateNumber')}
              withAsterisk
            />
            <TextField
              path="entity.name"
              label={isIndividual ? t('fields.individualName') : t('fields.entityName')}
              hint={t('fields.entityNameHint')}
              maxLength={LIMITS.entityName}
              withAsterisk
            />
            <TextField
              path="entity.investorOrAuthority"
              label={t('fields.investorOrAuthority')}
              hint={isIndividual ? t('fields.investorIndividualHint') : t('fields.investorHint')}
              maxLength={LIMITS.entityName}
              withAsterisk
            />
            <TextField
              path="entity.cityCode"
              label={t('fields.cityCode')}
              hint={t('fields.cityCodeHint')}
              maxLength={4}
              inputMode="numeric"
            />
            <TextField
              path="entity.countyCode"
              label={t('fields.countyCode')}
              hint={t('fields.countyCodeHint')}
              maxLength={6}
              inputMode="numeric"
            />
          </SimpleGrid>
          <RegionFromCertificate />
          <TextField
            path="entity.certificateAddress"
            label={t('fields.certificateAddress')}
            hint={t('fields.certificateAddressHint')}
            maxLength={LIMITS.address}
            withAsterisk
          />
          <TextField
            path="entity.mailingAddress"
            label={t('fields.mailingAddress')}
            hint={t('fields.mailingAddressHint')}
            maxLength={LIMITS.address}
            withAsterisk
          />
          {entity.certificateAddress && entity.mailingAddress !== entity.certificateAddress && (
            <Group>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => wizard.setField('entity.mailingAddress', entity.certificateAddress)}
              >
                {t('entity.copyAddress')}
              </Button>
            </Group>
          )}
          <TextField path="entity.remarks" label={t('fields.remarks')} maxLength={LIMITS.remarks} />
          {isIndividual && <ProvinceHint topic="individual" />}
        </Stack>
      </Paper>

      <Title order={3} size="h4" id="leader-heading">
        {t('entity.leaderTitle')}
      </Title>
      <Text c="dimmed" size="sm">
        {isOrganisation ? t('entity.leaderIntroOrganisation') : t('entity.leaderIntroIndividual')}
      </Text>
      {isOrganisation && <ProvinceHint topic="leader" />}
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-labelledby="leader-heading"
      >
        <PersonFields base="entity.leader" isOrganisation={isOrganisation} />
      </Paper>
    </Stack>
  );
}
