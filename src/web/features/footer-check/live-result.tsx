import { Alert, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBrowser, IconWorldWww } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/format.ts';
import type { FetchFailure, LiveFooterCheck, PageFacts, RenderFacts } from './api.ts';
import { FooterResult } from './footer-result.tsx';
import { formatBytes, formatSeconds } from './live-check-form.ts';

/** What was fetched: the final URL, HTTP status, encoding and where it was read from, size and time. */
function PageFactsLine({ page }: { page: PageFacts }) {
  const { t, i18n } = useTranslation('footer-check');
  const language = i18n.resolvedLanguage ?? 'en';
  const parts = [
    t('live.facts.status', { status: page.status }),
    t('live.facts.encoding', {
      charset: page.charset.toUpperCase(),
      source: t(`live.facts.charsetSource.${page.charsetSource}`),
    }),
    formatBytes(page.bytes, language),
    t('live.facts.seconds', { seconds: formatSeconds(page.elapsedMs, language) }),
    ...(page.redirects.length > 0 ? [t('live.facts.redirects', { count: page.redirects.length })] : []),
  ];
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="page-facts">
      <ThemeIcon variant="light" color="gray" size="sm" aria-hidden mt={2}>
        <IconWorldWww size={14} />
      </ThemeIcon>
      <Text size="sm" style={{ minWidth: 0 }}>
        <Text span fw={600} size="sm">
          {t('live.facts.label')}
        </Text>{' '}
        <Text span size="sm" style={{ wordBreak: 'break-all' }}>
          {page.finalUrl}
        </Text>
        <Text span size="sm" c="gray.7">
          {' · '}
          {parts.join(' · ')}
        </Text>
      </Text>
    </Group>
  );
}

/** Said only when the headless pass ran or was wanted and could not run; `not_needed` says nothing. */
function RenderNote({ render }: { render: RenderFacts }) {
  const { t, i18n } = useTranslation('footer-check');
  const language = i18n.resolvedLanguage ?? 'en';
  if (render.status === 'not_needed') return null;
  let text: string;
  if (render.status === 'used') {
    text = t('live.renderNote.used', { seconds: formatSeconds(render.elapsedMs ?? 0, language) });
    if (render.blockedRequests) text += ` ${t('live.renderNote.blocked', { count: render.blockedRequests })}`;
  } else if (render.status === 'unavailable') {
    text = t('live.renderNote.unavailable');
  } else {
    text = t('live.renderNote.failed', { reason: localize(render.failure?.message) || '—' });
  }
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="render-note">
      <ThemeIcon
        variant="light"
        color={render.status === 'used' ? 'blue' : 'yellow'}
        size="sm"
        aria-hidden
        mt={2}
      >
        <IconBrowser size={14} />
      </ThemeIcon>
      <Text size="sm" style={{ minWidth: 0 }}>
        {text}
      </Text>
    </Group>
  );
}

/** The explanation of a failure's code, in the UI language, with its status for an HTTP error. */
function FailureExplanation({ failure }: { failure: FetchFailure }) {
  const { t } = useTranslation('footer-check');
  return <Text size="sm">{t(`live.failure.${failure.code}`, { status: failure.status ?? '?' })}</Text>;
}

/**
 * A site that could not be fetched: a neutral alert, not a red one. Nothing on the page was judged,
 * so it is not non-compliant (src/app/footer/check-live-footer.ts).
 */
function Unreachable({ failure }: { failure: FetchFailure }) {
  const { t } = useTranslation('footer-check');
  return (
    <Stack gap="md">
      <Title order={3}>{t('result.heading')}</Title>
      <Alert color="gray" title={t('live.unreachable.title')}>
        <Stack gap={6}>
          <Text size="sm">{t('live.unreachable.body')}</Text>
          <FailureExplanation failure={failure} />
          <Text size="sm" c="gray.7" style={{ wordBreak: 'break-word' }}>
            {t('live.unreachable.details', { message: localize(failure.message) })}
          </Text>
        </Stack>
      </Alert>
    </Stack>
  );
}

/** The answer of a live check: the judged footer with the page's facts, or why it was unreachable. */
export function LiveResult({
  result,
  onUseNumber,
}: {
  result: LiveFooterCheck;
  onUseNumber: (number: string) => void;
}) {
  if (result.outcome === 'unreachable') return <Unreachable failure={result.failure} />;
  const { page, render, ...judged } = result;
  return (
    <FooterResult
      result={judged}
      onUseNumber={onUseNumber}
      facts={
        <Stack gap={6}>
          <PageFactsLine page={page} />
          <RenderNote render={render} />
        </Stack>
      }
    />
  );
}
