import {
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { useQueryBox } from '../../lib/use-query-box.ts';
import { type RenderMode, useLiveFooterCheck } from './api.ts';
import { emptyLiveDraft, type LiveCheckDraft, toLiveCheckRequest } from './live-check-form.ts';
import { LiveResult } from './live-result.tsx';

const RENDER_MODES: readonly RenderMode[] = ['auto', 'always', 'never'];

/**
 * The check of a live site (issue 5). The address is the page's `?url=`, so a check can be shared;
 * opening such a link fills the form but does not fetch anything until the visitor asks.
 */
export function LiveCheck({
  url,
  onSubmitUrl,
  onUseNumber,
}: {
  url: string | undefined;
  onSubmitUrl: (url: string) => void;
  onUseNumber: (number: string) => void;
}) {
  const { t } = useTranslation('footer-check');
  const check = useLiveFooterCheck();
  const [draft, setDraft] = useState<LiveCheckDraft>(emptyLiveDraft);
  const [missingUrl, setMissingUrl] = useState(false);
  const set = (patch: Partial<LiveCheckDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const { text, setText, submit } = useQueryBox(url, (value) => {
    setMissingUrl(value === undefined);
    if (value === undefined) return;
    onSubmitUrl(value);
    check.mutate(toLiveCheckRequest(value, draft));
  });
  const errors = fieldErrorsOf(check.error);
  const isRateLimited = isApiError(check.error, 'rate_limited');

  return (
    <>
      <Text size="sm" c="gray.7" mb="sm">
        {t('live.intro')}
      </Text>
      <Box component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('live.url')}
            description={t('live.urlHint')}
            placeholder={t('live.urlPlaceholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            required
            error={missingUrl ? t('live.required') : errors.url}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('live.domain')}
              description={t('live.domainHint')}
              placeholder="example.cn"
              value={draft.domain}
              onChange={(event) => set({ domain: event.currentTarget.value })}
              error={errors.domain}
              autoComplete="off"
            />
            <TextInput
              label={t('check.expectedNumber')}
              description={t('check.expectedHint')}
              placeholder="京ICP备2024012345号-1"
              value={draft.expectedNumber}
              onChange={(event) => set({ expectedNumber: event.currentTarget.value })}
              error={errors.expectedNumber}
              autoComplete="off"
            />
            <TextInput
              label={t('check.licenceNumber')}
              description={t('check.licenceHint')}
              placeholder="京B2-20212732"
              value={draft.licenceNumber}
              onChange={(event) => set({ licenceNumber: event.currentTarget.value })}
              error={errors.licenceNumber}
              autoComplete="off"
            />
          </SimpleGrid>
          <Checkbox
            label={t('check.psbRequired')}
            checked={draft.psbRequired}
            onChange={(event) => set({ psbRequired: event.currentTarget.checked })}
          />
          {/* A native disclosure: keyboard and screen readers get its open/closed state for free. */}
          <Box component="details">
            <Box
              component="summary"
              fz="sm"
              fw={600}
              py={4}
              style={{ cursor: 'pointer', width: 'fit-content' }}
            >
              {t('live.advanced')}
            </Box>
            <NativeSelect
              mt="xs"
              maw={420}
              label={t('live.render')}
              description={t('live.renderHint')}
              value={draft.render}
              onChange={(event) => set({ render: event.currentTarget.value as RenderMode })}
              data={RENDER_MODES.map((mode) => ({ value: mode, label: t(`live.renderModes.${mode}`) }))}
            />
          </Box>
          <Group gap="sm">
            <Button type="submit" loading={check.isPending}>
              {t('live.submit')}
            </Button>
          </Group>
          <Text size="xs" c="gray.7">
            {t('live.limits')}
          </Text>
        </Stack>
      </Box>
      <Box mt="lg" aria-live="polite" aria-busy={check.isPending}>
        {isRateLimited && (
          <Alert color="yellow" title={t('live.rateLimited.title')}>
            <Text size="sm">{t('live.rateLimited.body')}</Text>
          </Alert>
        )}
        {check.error && !isRateLimited && Object.keys(errors).length === 0 && (
          <ApiErrorAlert error={check.error} />
        )}
        {check.data && !check.isPending && <LiveResult result={check.data} onUseNumber={onUseNumber} />}
      </Box>
    </>
  );
}
