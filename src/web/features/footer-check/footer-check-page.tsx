import {
  Anchor,
  Box,
  Button,
  Code,
  CopyButton,
  Group,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCode, IconWorldWww } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { type FooterSnippetRequest, useFooterSnippet } from './api.ts';
import { LiveCheck } from './live-check.tsx';
import { PasteCheck } from './paste-check.tsx';

const route = getRouteApi('/footer-check');

type CheckMode = 'paste' | 'live';

/**
 * The check: a pasted page, or a live site fetched by the server. Both panels stay mounted, so
 * switching keeps what was typed and the last result of each.
 */
function CheckSection({ onUseNumber }: { onUseNumber: (number: string) => void }) {
  const { t } = useTranslation('footer-check');
  const { url } = route.useSearch();
  const navigate = useNavigate();
  const [mode, setMode] = useState<CheckMode>(url ? 'live' : 'paste');
  // A link with ?url= (shared, or back and forward) opens the live check, filled in but not run.
  useEffect(() => {
    if (url) setMode('live');
  }, [url]);

  return (
    <Box component="section" aria-labelledby="footer-check-heading">
      <Title order={2} id="footer-check-heading" mb="sm">
        {t('check.heading')}
      </Title>
      <Tabs value={mode} onChange={(next) => setMode(next === 'live' ? 'live' : 'paste')} keepMounted>
        <Tabs.List aria-label={t('modes.label')} mb="md">
          <Tabs.Tab value="paste" leftSection={<IconCode size={16} aria-hidden />}>
            {t('modes.paste')}
          </Tabs.Tab>
          <Tabs.Tab value="live" leftSection={<IconWorldWww size={16} aria-hidden />}>
            {t('modes.live')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="paste">
          <PasteCheck onUseNumber={onUseNumber} />
        </Tabs.Panel>
        <Tabs.Panel value="live">
          <LiveCheck
            url={url}
            onSubmitUrl={(value) =>
              void navigate({ to: '/footer-check', search: { url: value }, replace: value === url })
            }
            onUseNumber={onUseNumber}
          />
        </Tabs.Panel>
      </Tabs>
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
