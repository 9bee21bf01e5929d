import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/format.ts';
import type { ProvinceRules, Sourced } from './api.ts';
import { useWizard } from './wizard-state.tsx';

/**
 * The filing province's rules (GET /api/catalogue/provinces/{key}) next to the fields they affect:
 * who may file, the leader, mobiles, sites per order, extra documents, review times. Rules the sources
 * say nothing about are left out.
 */

export type HintTopic = 'individual' | 'leader' | 'mobile' | 'sites' | 'documents' | 'timeline';

function useHintLines(topic: HintTopic, rules: ProvinceRules, province: string): string[] {
  const { t } = useTranslation('order-wizard');
  const lines: string[] = [];
  const push = (text: string, rule?: Sourced<unknown>) =>
    lines.push(rule?.note ? `${text} ${localize(rule.note)}` : text);
  switch (topic) {
    case 'individual': {
      const residency = rules.individualResidency;
      if (residency.value !== 'unspecified')
        push(t(`hints.residency.${residency.value}`, { province }), residency);
      if (rules.acceptsNonChineseIndividuals.value !== 'unspecified') {
        push(t(`hints.foreigners.${rules.acceptsNonChineseIndividuals.value}`, { province }));
      }
      if (rules.acceptsHkMoTwResidents.value !== 'unspecified') {
        push(t(`hints.hkMoTw.${rules.acceptsHkMoTwResidents.value}`, { province }));
      }
      const age = rules.minimumAge;
      push(
        age.value.withProofFrom === undefined
          ? t('hints.minimumAge', { age: age.value.age })
          : t('hints.minimumAgeWithProof', { age: age.value.age, from: age.value.withProofFrom }),
        age,
      );
      break;
    }
    case 'leader':
      push(t(`hints.leader.${rules.organisationLeader.value}`, { province }), rules.organisationLeader);
      break;
    case 'mobile':
      if (rules.localMobileRequired.value)
        push(t('hints.localMobile', { province }), rules.localMobileRequired);
      break;
    case 'sites':
      if (rules.maxSitesPerOrder.value !== null) {
        push(t('hints.maxSites', { province, count: rules.maxSitesPerOrder.value }), rules.maxSitesPerOrder);
      }
      break;
    case 'documents':
      for (const item of rules.specialItems) lines.push(localize(item.text));
      break;
    case 'timeline':
      push(
        t('hints.providerReview', {
          typical: rules.providerReviewDays.value.typical,
          max: rules.providerReviewDays.value.max,
        }),
      );
      push(
        t('hints.authorityReview', {
          province,
          typical: rules.authorityReviewDays.value.typical,
          max: rules.authorityReviewDays.value.max,
        }),
      );
      break;
  }
  return lines;
}

export function ProvinceHint({ topic }: { topic: HintTopic }) {
  const { t } = useTranslation('order-wizard');
  const { rules, provinceName } = useWizard();
  if (!rules) return null;
  return <HintBox title={t('hints.title', { province: provinceName })} topic={topic} rules={rules} />;
}

function HintBox({ title, topic, rules }: { title: string; topic: HintTopic; rules: ProvinceRules }) {
  const { provinceName } = useWizard();
  const lines = useHintLines(topic, rules, provinceName);
  if (lines.length === 0) return null;
  return (
    <Alert variant="light" color="blue" title={title} p="sm" data-testid={`province-hint-${topic}`}>
      {lines.length === 1 ? (
        <Text size="sm">{lines[0]}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
