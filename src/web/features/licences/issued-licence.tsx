import { Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { LicenceApplication, LicenceNumbers } from './api.ts';

/** One issued number, large and monospaced, with a button that copies it. */
export function NumberLine({ label, number }: { label: string; number: string }) {
  const { t } = useTranslation('licences');
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Text fw={700} ff="monospace" fz="lg" data-testid="licence-number">
          {number}
        </Text>
        <CopyButton value={number} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'green' : undefined}
              onClick={copy}
              aria-label={copied ? t('licence.copied') : t('licence.copyNumber', { number })}
            >
              {copied ? t('licence.copied') : t('licence.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </div>
  );
}

/** The ICP licence number first (what a site shows in its footer), then the telecom licence number. */
export function IssuedNumbers({ numbers }: { numbers: LicenceNumbers }) {
  const { t } = useTranslation('licences');
  return (
    <Stack gap="xs">
      {numbers.icpLicenceNumber && (
        <NumberLine label={t('licence.icpNumber')} number={numbers.icpLicenceNumber} />
      )}
      <NumberLine label={t('licence.telecomNumber')} number={numbers.telecomLicenceNumber} />
    </Stack>
  );
}

/** The licence an approval issued: its numbers, holder and validity (5 years, ref-9-licence). */
export function IssuedLicencePanel({ application }: { application: LicenceApplication }) {
  const { t } = useTranslation('licences');
  const { licence } = application;
  if (!licence) return null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="licence-title"
      style={{ borderLeft: '4px solid var(--mantine-color-green-7)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="licence-title">
          {t('licence.title')}
        </Title>
        <IssuedNumbers numbers={licence} />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <div>
            <Text size="sm" c="gray.7">
              {t('licence.holder')}
            </Text>
            <Text size="sm" fw={600}>
              {licence.holderName}
            </Text>
          </div>
          <div>
            <Text size="sm" c="gray.7">
              {t('licence.issuedOn')}
            </Text>
            <Text size="sm" fw={600}>
              <time dateTime={licence.issuedOn}>{formatDate(licence.issuedOn)}</time>
            </Text>
          </div>
          <div>
            <Text size="sm" c="gray.7">
              {t('licence.expiresOn')}
            </Text>
            <Text size="sm" fw={600}>
              <time dateTime={licence.expiresOn}>{formatDate(licence.expiresOn)}</time>
            </Text>
          </div>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {application.kind === 'icp' ? t('licence.footerHintIcp') : t('licence.footerHintEdi')}
        </Text>
      </Stack>
    </Paper>
  );
}
