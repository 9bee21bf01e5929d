import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../contracts/limits.ts';
import { localize } from '../../lib/format.ts';
import { type CertificateFormat, useCertificateTypes, type ValidatorKind } from './api.ts';
import { fieldId, getAt, parsePath } from './content-paths.ts';
import { CheckboxField, SelectField, TextField, useSchemaMessage } from './fields.tsx';
import { ProvinceHint } from './province-hints.tsx';
import { useWizard } from './wizard-state.tsx';

const LONG_TERM = 'long_term';

/** The validator endpoint that checks a certificate number of this format. */
export function validatorForFormat(format: CertificateFormat | undefined): ValidatorKind | undefined {
  switch (format) {
    case 'uscc':
      return 'uscc';
    case 'resident_id':
    case 'residence_permit_hmt':
      return 'resident-id';
    case 'passport':
      return 'passport';
    case 'hk_macao_permit':
      return 'hk-macao-permit';
    case 'taiwan_permit':
      return 'taiwan-permit';
    case 'foreign_permanent_residence':
      return 'foreign-permanent-residence';
    default:
      return undefined;
  }
}

/** A mobile, or a landline with area code: what an emergency phone may be. */
function phoneValidator(value: string): ValidatorKind {
  return /^(?:\+?86)?1\d{10}$/u.test(value.replace(/[\s-]/gu, '')) ? 'mobile' : 'landline';
}

function ValidUntilField({ path }: { path: string }) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const schemaMessage = useSchemaMessage();
  const value = getAt(wizard.content, parsePath(path));
  const isLongTerm = value === LONG_TERM;
  const state = wizard.fieldState(path);
  return (
    <Stack gap={6}>
      <TextInput
        id={fieldId(path)}
        type="date"
        label={t('fields.certificateValidUntil')}
        value={typeof value === 'string' && !isLongTerm ? value : ''}
        onChange={(event) => wizard.setField(path, event.currentTarget.value)}
        disabled={isLongTerm}
        error={state.error ?? schemaMessage(state.schemaIssue)}
        description={
          state.reason ? t('returned.fieldNote', { reason: state.reason }) : t('fields.validUntilHint')
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        withAsterisk
      />
      <Checkbox
        label={t('fields.longTerm')}
        checked={isLongTerm}
        onChange={(event) => wizard.setField(path, event.currentTarget.checked ? LONG_TERM : undefined)}
      />
    </Stack>
  );
}

export function PersonFields({ base, isOrganisation }: { base: string; isOrganisation: boolean }) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const { data: types = [] } = useCertificateTypes();
  const personTypes = types.filter((type) => type.holder === 'person');
  const typeId = getAt(wizard.content, parsePath(`${base}.certificateType`));
  const format = personTypes.find((type) => type.id === typeId)?.format;
  const emergency = getAt(wizard.content, parsePath(`${base}.emergencyPhone`));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextField
          path={`${base}.name`}
          label={t('fields.personName')}
          maxLength={LIMITS.personName}
          withAsterisk
        />
        <SelectField
          path={`${base}.certificateType`}
          label={t('fields.personCertificateType')}
          data={personTypes.map((type) => ({
            value: type.id,
            label: localize({ en: type.nameEn, zh: type.nameZh }),
          }))}
          withAsterisk
        />
        <TextField
          path={`${base}.certificateNumber`}
          label={t('fields.personCertificateNumber')}
          maxLength={LIMITS.certificateNumber}
          validator={validatorForFormat(format)}
          autoComplete="off"
          withAsterisk
        />
        <ValidUntilField path={`${base}.certificateValidUntil`} />
        <TextField
          path={`${base}.mobile`}
          label={t('fields.mobile')}
          hint={t('fields.mobileHint')}
          maxLength={LIMITS.phone}
          validator="mobile"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          withAsterisk
        />
        <TextField
          path={`${base}.emergencyPhone`}
          label={t('fields.emergencyPhone')}
          hint={t('fields.emergencyPhoneHint')}
          maxLength={LIMITS.phone}
          validator={phoneValidator(typeof emergency === 'string' ? emergency : '')}
          type="tel"
          inputMode="tel"
          withAsterisk
        />
        <TextField
          path={`${base}.officePhone`}
          label={t('fields.officePhone')}
          hint={t('fields.officePhoneHint')}
          maxLength={LIMITS.phone}
          validator="landline"
          type="tel"
          inputMode="tel"
        />
        <TextField
          path={`${base}.email`}
          label={t('fields.email')}
          maxLength={LIMITS.email}
          validator="email"
          type="email"
          autoComplete="email"
          withAsterisk
        />
      </SimpleGrid>
      <ProvinceHint topic="mobile" />
      {isOrganisation && (
        <CheckboxField path={`${base}.isLegalRepresentative`} label={t('fields.isLegalRepresentative')} />
      )}
    </Stack>
  );
}
