import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/format.ts';
import type { LicenceMaterial } from './api.ts';
import { goToMaterial } from './licence-reasons.tsx';
import { materialAnchor, type SubmitIssue } from './materials.ts';

export const PREREQUISITES_ANCHOR = 'licence-prerequisites';

/**
 * Why a submission was refused (the 400 of POST …/submit): each missing material and failing check as
 * a link to where it is fixed.
 */
export function SubmitIssues({
  issues,
  materials,
}: {
  issues: readonly SubmitIssue[];
  materials: readonly LicenceMaterial[];
}) {
  const { t } = useTranslation('licences');
  if (issues.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={
        <Text span inherit c="dark.7">
          {t('submit.refusedTitle', { count: issues.length })}
        </Text>
      }
      data-testid="submit-issues"
    >
      <Text size="sm" mb="xs" c="dark.8">
        {t('submit.refusedIntro')}
      </Text>
      <List size="sm" spacing={4}>
        {issues.map((issue) => {
          if (issue.target === 'material') {
            const material = materials.find((m) => m.id === issue.materialId);
            return (
              <List.Item key={`material-${issue.materialId}`}>
                <Anchor
                  href={`#${materialAnchor(issue.materialId)}`}
                  inherit
                  fw={600}
                  onClick={(event) => {
                    event.preventDefault();
                    goToMaterial(issue.materialId);
                  }}
                >
                  {material ? localize(material.name) : issue.materialId}
                </Anchor>
                {' — '}
                {/* The API's message repeats the material's name; the link already says it. */}
                {issue.code === 'material_missing' ? t('submit.notProvided') : issue.message}
              </List.Item>
            );
          }
          if (issue.target === 'facts')
            return (
              <List.Item key={`facts-${issue.message}`}>
                <Anchor
                  href={`#${PREREQUISITES_ANCHOR}`}
                  inherit
                  fw={600}
                  onClick={(event) => {
                    event.preventDefault();
                    document
                      .getElementById(PREREQUISITES_ANCHOR)
                      ?.scrollIntoView({ block: 'start', behavior: 'smooth' });
                  }}
                >
                  {t('submit.prerequisite')}
                </Anchor>
                {' — '}
                {issue.message}
              </List.Item>
            );
          return <List.Item key={`other-${issue.message}`}>{issue.message}</List.Item>;
        })}
      </List>
    </Alert>
  );
}
