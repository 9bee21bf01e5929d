import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contracts/limits.ts';
import type { PreApprovalRefDraft, ServiceDraft } from '../../../../contracts/order-content.ts';
import { CONTENT_CATEGORIES } from '../../../../domain/order-content/content-categories.ts';
import { localize } from '../../../lib/format.ts';
import { usePreApprovals } from '../api.ts';
import { fieldId } from '../content-paths.ts';
import { CheckboxField, SelectField, TextField } from '../fields.tsx';
import { PersonFields } from '../person-fields.tsx';
import { ProvinceHint } from '../province-hints.tsx';
import { useWizard } from '../wizard-state.tsx';

const SERVICE_TYPES = ['website', 'app', 'mini_program', 'quick_app'] as const;
const PLATFORMS = ['android', 'ios', 'harmonyos'] as const;
const LANGUAGES = ['zh-CN', 'en', 'zh-TW', 'ja', 'ko', 'fr', 'de', 'es', 'ru', 'ar', 'pt'] as const;
/** Orders about one existing service: no second service can be added. */
const SINGLE_SERVICE_TYPES = new Set(['add_access', 'cancel_service', 'cancel_access', 'cancel_entity']);

function PreApprovals({ index }: { index: number }) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const { data: catalogue = [] } = usePreApprovals();
  const base = `services[${index}]`;
  const service = wizard.content.services?.[index] ?? {};
  const refs: PreApprovalRefDraft[] = service.preApprovals ?? [];
  const setRefs = (next: PreApprovalRefDraft[]) => wizard.setField(`${base}.preApprovals`, next);
  return (
    <Stack gap="xs">
      <CheckboxField
        path={`${base}.noPreApprovalCommitment`}
        label={t('services.noPreApproval')}
        hint={t('services.noPreApprovalHint')}
      />
      {!service.noPreApprovalCommitment && (
        <Stack gap="xs">
          {refs.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a pre-approval is identified by its position (field paths)
            <Group key={i} align="flex-end" gap="xs" wrap="wrap">
              <SelectField
                path={`${base}.preApprovals[${i}].id`}
                label={t('fields.preApprovalId')}
                data={catalogue.map((p) => ({
                  value: p.id,
                  label: localize({ en: p.permitEn, zh: p.permitZh }),
                }))}
                style={{ flex: '1 1 220px' }}
                searchable
              />
              <TextField
                path={`${base}.preApprovals[${i}].approvalNumber`}
                label={t('fields.approvalNumber')}
                maxLength={LIMITS.approvalNumber}
                style={{ flex: '1 1 180px' }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={4}
                aria-label={t('services.removePreApproval', { n: i + 1 })}
                onClick={() => setRefs(refs.filter((__, j) => j !== i))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setRefs([...refs, {}])}
            >
              {t('services.addPreApproval')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

function ServiceCard({ index, canRemove }: { index: number; canRemove: boolean }) {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const base = `services[${index}]`;
  const service: ServiceDraft = wizard.content.services?.[index] ?? {};
  const entity = wizard.content.entity ?? {};
  const isIndividual = entity.nature === 'individual';
  const isOrganisation = !!entity.nature && !isIndividual;
  const type = service.type ?? 'website';
  const categories = CONTENT_CATEGORIES.filter((c) => !isIndividual || c.individualAllowed);
  const headingId = `service-${index}-heading`;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      component="section"
      aria-labelledby={headingId}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4" id={headingId}>
            {t('services.serviceTitle', { n: index + 1, name: service.name || service.domain || '' })}
          </Title>
          {canRemove && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() =>
                wizard.updateContent((content) => ({
                  ...content,
                  services: (content.services ?? []).filter((_, i) => i !== index),
                }))
              }
            >
              {t('services.remove', { n: index + 1 })}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SelectField
            path={`${base}.type`}
            label={t('fields.serviceType')}
            data={SERVICE_TYPES.map((value) => ({ value, label: t(`serviceTypes.${value}`) }))}
            withAsterisk
          />
          <TextField
            path={`${base}.name`}
            label={t('fields.serviceName')}
            hint={t('fields.serviceNameHint')}
            maxLength={LIMITS.siteName}
            validator="site-name"
            validatorBody={{
              nature: entity.nature,
              province: wizard.order.provinceCode,
              domain: service.domain,
            }}
            withAsterisk
          />
          {type === 'website' && (
            <TextField
              path={`${base}.domain`}
              label={t('fields.domain')}
              hint={t('fields.domainHint')}
              maxLength={LIMITS.domain}
              validator="domain"
              autoCapitalize="none"
              spellCheck={false}
              withAsterisk
            />
          )}
          {type === 'website' && (
            <TextField
              path={`${base}.homeUrl`}
              label={t('fields.homeUrl')}
              hint={t('fields.homeUrlHint')}
              maxLength={LIMITS.url}
              type="url"
              autoCapitalize="none"
              spellCheck={false}
            />
          )}
          <SelectField
            path={`${base}.contentCategory`}
            label={t('fields.contentCategory')}
            hint={isIndividual ? t('fields.contentCategoryIndividualHint') : undefined}
            data={categories.map((c) => ({ value: c.id, label: localize({ en: c.nameEn, zh: c.nameZh }) }))}
            searchable
            withAsterisk
          />
          <MultiSelect
            id={fieldId(`${base}.languages`)}
            label={t('fields.languages')}
            data={LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`) }))}
            value={service.languages ?? []}
            onChange={(value) => wizard.setField(`${base}.languages`, value)}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        {type !== 'website' && (
          <Stack gap="sm">
            <Checkbox.Group
              id={fieldId(`${base}.platforms`)}
              label={t('fields.platforms')}
              value={service.platforms ?? []}
              onChange={(value) => wizard.setField(`${base}.platforms`, value)}
              error={wizard.fieldState(`${base}.platforms`).error}
            >
              <Group mt={4}>
                {PLATFORMS.map((platform) => (
                  <Checkbox key={platform} value={platform} label={t(`platforms.${platform}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextField
                path={`${base}.packageName`}
                label={t('fields.packageName')}
                maxLength={LIMITS.appIdentifier}
              />
              <TextField
                path={`${base}.bundleId`}
                label={t('fields.bundleId')}
                maxLength={LIMITS.appIdentifier}
              />
              <TextField
                path={`${base}.signatureMd5`}
                label={t('fields.signatureMd5')}
                maxLength={LIMITS.signature}
              />
              <TextField
                path={`${base}.signatureSha1`}
                label={t('fields.signatureSha1')}
                maxLength={LIMITS.signature}
              />
            </SimpleGrid>
          </Stack>
        )}
        <Title order={4} size="h5" mt="xs">
          {t('services.preApprovalsTitle')}
        </Title>
        <PreApprovals index={index} />
        <Title order={4} size="h5" mt="xs">
          {t('services.adminTitle')}
        </Title>
        <CheckboxField
          path={`${base}.adminSameAsLeader`}
          label={t('services.adminSameAsLeader')}
          onValue={(checked) =>
            wizard.updateContent((content) => {
              const services = [...(content.services ?? [])];
              const current = { ...(services[index] ?? {}) };
              current.adminSameAsLeader = checked;
              if (checked) delete current.admin;
              services[index] = current;
              return { ...content, services };
            })
          }
        />
        {!service.adminSameAsLeader && (
          <PersonFields base={`${base}.admin`} isOrganisation={isOrganisation} />
        )}
        <TextField path={`${base}.remarks`} label={t('fields.remarks')} maxLength={LIMITS.remarks} />
      </Stack>
    </Paper>
  );
}

export function ServicesStep() {
  const { t } = useTranslation('order-wizard');
  const wizard = useWizard();
  const services = wizard.content.services ?? [];
  const isSingle = SINGLE_SERVICE_TYPES.has(wizard.order.type);
  const isIndividual = wizard.content.entity?.nature === 'individual';
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('steps.services')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('services.intro')}
      </Text>
      <ProvinceHint topic="sites" />
      {services.length === 0 && <Text>{t('services.none')}</Text>}
      {services.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a service is identified by its position (field paths, return reasons)
        <ServiceCard key={index} index={index} canRemove={!isSingle && services.length > 1} />
      ))}
      {!isSingle && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              wizard.updateContent((content) => ({
                ...content,
                services: [...(content.services ?? []), { type: 'website', adminSameAsLeader: isIndividual }],
              }))
            }
          >
            {t('services.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
