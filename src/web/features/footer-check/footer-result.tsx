import { Alert, Box, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/format.ts';
import { Pill } from '../eligibility/pill.tsx';
import { SourceLine } from '../eligibility/sources.tsx';
import type { FooterCheck, RuleVerdict } from './api.ts';

const VERDICT_COLORS: Record<RuleVerdict, string> = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
  not_applicable: 'gray',
};

const OVERALL_COLORS: Record<FooterCheck['verdict'], string> = {
  compliant: 'green',
  warnings: 'yellow',
  non_compliant: 'red',
};

/** The checker quotes the page as serialised HTML, with CJK as numeric entities: show the characters. */
function decodeNumericEntities(html: string): string {
  return html.replace(/&#(x[0-9a-f]+|\d+);/giu, (entity, code: string) => {
    const value = code[0] === 'x' || code[0] === 'X' ? Number.parseInt(code.slice(1), 16) : Number(code);
    return Number.isFinite(value) && value > 0x1f && value <= 0x10ffff ? String.fromCodePoint(value) : entity;
  });
}

/** Stable keys for a list that may repeat an item (a number printed twice): text plus occurrence. */
function withKeys<T extends { kind: string; text: string }>(items: readonly T[]) {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = `${item.kind}:${item.text}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: `${base}#${count}`, item };
  });
}

function RuleList({ rules }: { rules: FooterCheck['rules'] }) {
  const { t } = useTranslation('footer-check');
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {rules.map((rule) => (
        <Paper component="li" key={rule.rule} withBorder p="sm" radius="md">
          <Stack gap={4}>
            <Group gap="sm" wrap="nowrap" align="center">
              <Pill color={VERDICT_COLORS[rule.verdict]} miw={96}>
                {t(`verdicts.${rule.verdict}`)}
              </Pill>
              <Text fw={600} size="sm">
                {t(`rules.${rule.rule}`)}
              </Text>
            </Group>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text size="sm">{localize(rule.message)}</Text>
              {rule.evidence && (
                <Box>
                  <Text size="xs" c="gray.7">
                    {t('result.evidence')}
                  </Text>
                  <Code
                    block
                    tabIndex={0}
                    style={{
                      maxHeight: 120,
                      overflow: 'auto',
                      whiteSpace: 'pre-wrap',
                      wordBreak: 'break-all',
                    }}
                  >
                    {decodeNumericEntities(rule.evidence)}
                  </Code>
                </Box>
              )}
              <SourceLine ids={[rule.source]} />
            </Stack>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function FoundNumbers({ found }: { found: FooterCheck['found'] }) {
  const { t } = useTranslation('footer-check');
  if (found.length === 0) return <Text size="sm">{t('result.foundNone')}</Text>;
  return (
    <Box tabIndex={0} role="region" aria-label={t('result.found')} style={{ overflowX: 'auto' }}>
      <Table striped withTableBorder miw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('result.foundColumns.kind')}</Table.Th>
            <Table.Th>{t('result.foundColumns.text')}</Table.Th>
            <Table.Th>{t('result.foundColumns.link')}</Table.Th>
            <Table.Th>{t('result.foundColumns.bottom')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {withKeys(found).map(({ key, item }) => (
            <Table.Tr key={key}>
              <Table.Td>{t(`kinds.${item.kind}`)}</Table.Td>
              <Table.Td>
                {item.text}
                {!item.isValid && (
                  <Pill ml="xs" color="red" size="sm">
                    {t('verdicts.fail')}
                  </Pill>
                )}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {item.href ?? (
                  <Text span size="sm" c="gray.7">
                    {t('result.noLink')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{item.isNearBottom ? t('result.yes') : t('result.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/**
 * A judged footer, pasted or fetched: the overall verdict, what was read about the page (`facts`,
 * for a live check), each rule with its reason and source, and the numbers found.
 */
export function FooterResult({
  result,
  onUseNumber,
  facts,
}: {
  result: FooterCheck;
  onUseNumber: (number: string) => void;
  facts?: ReactNode;
}) {
  const { t } = useTranslation('footer-check');
  const filing = result.found.find((f) => f.kind === 'icp_filing' && f.isValid);
  const snippetNumber = result.expected?.number ?? filing?.normalized;
  return (
    <Stack gap="md">
      <Title order={3}>{t('result.heading')}</Title>
      <Alert color={OVERALL_COLORS[result.verdict]} title={t(`result.verdict.${result.verdict}`)}>
        {result.expected && (
          <Text size="sm">
            {t('result.expected', {
              number: result.expected.number,
              source: t(`result.expectedSource.${result.expected.source}`),
            })}
          </Text>
        )}
      </Alert>
      {facts}
      <Title order={4} fz="md">
        {t('result.rules')}
      </Title>
      <RuleList rules={result.rules} />
      <Title order={4} fz="md">
        {t('result.found')}
      </Title>
      <FoundNumbers found={result.found} />
      {snippetNumber && (
        <Group>
          <Button onClick={() => onUseNumber(snippetNumber)}>{t('result.useForSnippet')}</Button>
        </Group>
      )}
    </Stack>
  );
}
