import { Box, Button, Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { useFooterCheck } from './api.ts';
import { FooterResult } from './footer-result.tsx';

/** The check of a pasted page: its HTML and what it is expected to show. */
export function PasteCheck({ onUseNumber }: { onUseNumber: (number: string) => void }) {
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
    <>
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
        {check.data && <FooterResult result={check.data} onUseNumber={onUseNumber} />}
      </Box>
    </>
  );
}
