import { Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/format.ts';
import { Pill } from '../eligibility/pill.tsx';
import type { SiteCheck } from './api.ts';

/**
 * What one check found: the rules that failed or warned with their reasons, or why the page could
 * not be fetched — and what was read. Rule names and failure explanations are the footer checker's
 * (the monitor runs the same live check, src/app/monitoring/run-site-check.ts).
 */
export function CheckFindings({ check }: { check: SiteCheck }) {
  const { result } = check;
  return (
    <Stack gap="sm">
      {result.failure ? <Failure check={check} /> : <Problems check={check} />}
      <PageFacts check={check} />
    </Stack>
  );
}

function Problems({ check }: { check: SiteCheck }) {
  const { t } = useTranslation('monitoring');
  const problems = check.result.problems ?? [];
  if (problems.length === 0) return <Text size="sm">{t('history.noProblems')}</Text>;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('history.whatToFix')}
      </Text>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
        {problems.map((problem) => (
          <li key={problem.rule}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Pill color={problem.verdict === 'fail' ? 'red' : 'yellow'} miw={72}>
                {t(`footer-check:verdicts.${problem.verdict}`)}
              </Pill>
              <Text size="sm" style={{ minWidth: 0 }}>
                <Text span fw={600} inherit>
                  {t(`footer-check:rules.${problem.rule}`, { defaultValue: problem.rule })}
                </Text>
                {': '}
                {localize(problem.message)}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

/** A page that could not be fetched: said plainly, as it was not judged (never a compliance finding). */
function Failure({ check }: { check: SiteCheck }) {
  const { t } = useTranslation('monitoring');
  const failure = check.result.failure;
  if (!failure) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('history.failure')}
      </Text>
      <Text size="sm">{t('verdictHints.unreachable')}</Text>
      <Text size="sm">
        {t(`footer-check:live.failure.${failure.code}`, {
          status: check.result.status ?? '?',
          defaultValue: localize(failure.message),
        })}
      </Text>
      <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
        {t('history.failureCode')}: <code>{failure.code}</code> · {localize(failure.message)}
      </Text>
    </Stack>
  );
}

function PageFacts({ check }: { check: SiteCheck }) {
  const { t } = useTranslation('monitoring');
  const { result } = check;
  const read = [
    result.finalUrl ? t('history.pageRead', { url: result.finalUrl }) : undefined,
    result.status ? t('history.httpStatus', { status: result.status }) : undefined,
    result.charset?.toUpperCase(),
    result.rendered ? t('history.rendered') : undefined,
  ].filter(Boolean);
  const found = result.found ?? [];
  return (
    <List size="xs" c="gray.7" spacing={2} style={{ overflowWrap: 'anywhere' }}>
      {read.length > 0 && <List.Item>{read.join(' · ')}</List.Item>}
      {result.expected && (
        <List.Item>
          {t('history.expected', {
            number: result.expected.number,
            source: t(`footer-check:result.expectedSource.${result.expected.source}`),
          })}
        </List.Item>
      )}
      {result.outcome === 'checked' && (
        <List.Item>
          {found.length > 0 ? t('history.found', { numbers: found.join(', ') }) : t('history.foundNone')}
        </List.Item>
      )}
    </List>
  );
}
