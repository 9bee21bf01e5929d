import {
  Alert,
  Anchor,
  Box,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { isApiError } from '../../lib/api.ts';
import { localize } from '../../lib/format.ts';
import { Pill } from '../eligibility/pill.tsx';
import { SourceLine } from '../eligibility/sources.tsx';
import {
  type FooterCheck,
  type FooterSnippetRequest,
  type RuleVerdict,
  useFooterCheck,
  useFooterSnippet,
} from './api.ts';

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

/** Field errors of a 400, by body field name. */
function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed')) return {};
  return Object.fromEntries(error.fieldErrors.map((f) => [f.path.replace(/^body\./u, ''), f.message]));
}

function Result({ result, onUseNumber }: { result: FooterCheck; onUseNumber: (number: string) => void }) {
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
      <Title order={4} fz="md">
        {t('result.rules')}
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {result.rules.map((rule) => (
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
      <Title order={4} fz="md">
        {t('result.found')}
      </Title>
      {result.found.length === 0 ? (
        <Text size="sm">{t('result.foundNone')}</Text>
      ) : (
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
              {withKeys(result.found).map(({ key, item: found }) => (
                <Table.Tr key={key}>
                  <Table.Td>{t(`kinds.${found.kind}`)}</Table.Td>
                  <Table.Td>
                    {found.text}
                    {!found.isValid && (
                      <Pill ml="xs" color="red" size="sm">
                        {t('verdicts.fail')}
                      </Pill>
                    )}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    {found.href ?? (
                      <Text span size="sm" c="gray.7">
                        {t('result.noLink')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{found.isNearBottom ? t('result.yes') : t('result.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {snippetNumber && (
        <Group>
          <Button onClick={() => onUseNumber(snippetNumber)}>{t('result.useForSnippet')}</Button>
        </Group>
      )}
    </Stack>
  );
}

function CheckSection({ onUseNumber }: { onUseNumber: (number: string) => void }) {
  const { t } = useTranslation('footer-check');
  const check = useFooterCheck();
  const [html, setHtml] = useState('');
  const [domain, setDomain] = useState('');
  const [expectedNumber, setExpectedNumber] = useState('');
  const [psbRequired, setPsbRequired] = useState(false);
  const [licenceNumber, setLicenceNumber] = useState('');
  const [missingHtml, setMissingHtml] = useState(false);
  const errors = fieldErrorsOf(check.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (html.trim() === '') {
      setMissingHtml(true);
      return;
    }
    setMissingHtml(false);
    check.mutate({
      html,
      ...(domain.trim() ? { domain: domain.trim() } : {}),
      ...(expectedNumber.trim() ? { expectedNumber: expectedNumber.trim() } : {}),
      ...(psbRequired ? { psbRequired } : {}),
      ...(licenceNumber.trim() ? { licenceNumber: licenceNumber.trim() } : {}),
    });
  };

  return (
    <Box component="section" aria-labelledby="footer-check-heading">
      <Title order={2} id="footer-check-heading" mb="sm">
        {t('check.heading')}
      </Title>
      <Box component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('check.html')}
            description={t('check.htmlHint')}
            placeholder={t('check.htmlPlaceholder')}
            value={html}
            onChange={(event) => setHtml(event.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={16}
            required
            error={missingHtml ? t('check.required') : errors.html}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            spellCheck={false}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('check.domain')}
              description={t('check.domainHint')}
              placeholder="example.cn"
              value={domain}
              onChange={(event) => setDomain(event.currentTarget.value)}
              error={errors.domain}
              autoComplete="off"
            />
            <TextInput
              label={t('check.expectedNumber')}
              description={t('check.expectedHint')}
              placeholder="京ICP备2024012345号-1"
              value={expectedNumber}
              onChange={(event) => setExpectedNumber(event.currentTarget.value)}
              error={errors.expectedNumber}
              autoComplete="off"
            />
            <TextInput
              label={t('check.licenceNumber')}
              description={t('check.licenceHint')}
              placeholder="京B2-20212732"
              value={licenceNumber}
              onChange={(event) => setLicenceNumber(event.currentTarget.value)}
              error={errors.licenceNumber}
              autoComplete="off"
            />
          </SimpleGrid>
          <Checkbox
            label={t('check.psbRequired')}
            checked={psbRequired}
            onChange={(event) => setPsbRequired(event.currentTarget.checked)}
          />
          <Group gap="sm">
            <Button type="submit" loading={check.isPending}>
              {t('check.submit')}
            </Button>
            <Button variant="subtle" onClick={() => setHtml(t('check.exampleHtml'))}>
              {t('check.example')}
            </Button>
          </Group>
        </Stack>
      </Box>
      <Box mt="lg" aria-live="polite">
        {check.error && Object.keys(errors).length === 0 && <ApiErrorAlert error={check.error} />}
        {check.data && <Result result={check.data} onUseNumber={onUseNumber} />}
      </Box>
    </Box>
  );
}

/** The snippet in a sandboxed frame: its own styles, and its links cannot touch this page. */
function Preview({ html }: { html: string }) {
  const { t } = useTranslation('footer-check');
  const document = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;padding:16px;font:14px system-ui,sans-serif;color:#333;background:#f8f9fa}a{color:#555;margin:0 6px}</style></head><body>${html}</body></html>`;
  return (
    <iframe
      title={t('snippet.previewFrame')}
      srcDoc={document}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      style={{ width: '100%', height: 90, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
    />
  );
}

function CopyBlock({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const { t } = useTranslation('footer-check');
  return (
    <Box>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'green' : undefined}
              onClick={copy}
            >
              {copied ? t('snippet.copied') : copyLabel}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block tabIndex={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {value}
      </Code>
    </Box>
  );
}

function SnippetSection({ number, setNumber }: { number: string; setNumber: (value: string) => void }) {
  const { t } = useTranslation('footer-check');
  const [psbNumber, setPsbNumber] = useState('');
  const [licenceNumber, setLicenceNumber] = useState('');
  const request: FooterSnippetRequest | undefined = number.trim()
    ? {
        number: number.trim(),
        ...(psbNumber.trim() ? { psbNumber: psbNumber.trim() } : {}),
        ...(licenceNumber.trim() ? { licenceNumber: licenceNumber.trim() } : {}),
      }
    : undefined;
  const [debounced] = useDebouncedValue(request, 350);
  const snippet = useFooterSnippet(debounced);
  const errors = fieldErrorsOf(snippet.error);
  const data = snippet.error ? undefined : snippet.data;

  return (
    <Box component="section" aria-labelledby="footer-snippet-heading" id="footer-snippet">
      <Title order={2} id="footer-snippet-heading" mb={4}>
        {t('snippet.heading')}
      </Title>
      <Text c="gray.7" mb="sm">
        {t('snippet.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="md">
        <TextInput
          label={t('snippet.number')}
          placeholder={t('snippet.numberPlaceholder')}
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
          error={errors.number}
          autoComplete="off"
          required
        />
        <TextInput
          label={t('snippet.psbNumber')}
          placeholder={t('snippet.psbPlaceholder')}
          value={psbNumber}
          onChange={(event) => setPsbNumber(event.currentTarget.value)}
          error={errors.psbNumber}
          autoComplete="off"
        />
        <TextInput
          label={t('snippet.licenceNumber')}
          placeholder={t('snippet.licencePlaceholder')}
          value={licenceNumber}
          onChange={(event) => setLicenceNumber(event.currentTarget.value)}
          error={errors.licenceNumber}
          autoComplete="off"
        />
      </SimpleGrid>
      <Box aria-live="polite">
        {snippet.error && Object.keys(errors).length === 0 && <ApiErrorAlert error={snippet.error} />}
        {!request && (
          <Text size="sm" c="gray.7">
            {t('snippet.empty')}
          </Text>
        )}
        {request && data && (
          <Stack gap="md">
            <Box>
              <Text size="sm" fw={600} mb={4}>
                {t('snippet.preview')}
              </Text>
              <Preview html={data.html} />
            </Box>
            <CopyBlock label={t('snippet.html')} value={data.html} copyLabel={t('snippet.copyHtml')} />
            <CopyBlock label={t('snippet.text')} value={data.text} copyLabel={t('snippet.copyText')} />
          </Stack>
        )}
      </Box>
    </Box>
  );
}

export function FooterCheckPage() {
  const { t } = useTranslation('footer-check');
  const [snippetNumber, setSnippetNumber] = useState('');
  const applyNumber = (number: string) => {
    setSnippetNumber(number);
    const section = document.getElementById('footer-snippet');
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    section?.querySelector('input')?.focus({ preventScroll: true });
  };
  return (
    <Stack gap={40}>
      <PageTitle title={t('title')} description={t('description')} />
      <CheckSection onUseNumber={applyNumber} />
      <SnippetSection number={snippetNumber} setNumber={setSnippetNumber} />
      <Text size="xs" c="gray.7">
        <Anchor href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" inherit>
          beian.miit.gov.cn
        </Anchor>
        {' · '}
        <Anchor href="https://beian.mps.gov.cn/" target="_blank" rel="noopener noreferrer" inherit>
          beian.mps.gov.cn
        </Anchor>
      </Text>
    </Stack>
  );
}
