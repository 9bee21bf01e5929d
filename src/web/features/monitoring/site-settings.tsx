import { Box, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { MonitoredSite } from './api.ts';
import { useIntervalLabel } from './interval-label.ts';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="xs" c="gray.7">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Box>
  );
}

/** What the site is watched for, as saved: the defaults the server applies are said in words. */
export function SiteSettingsSummary({ site }: { site: MonitoredSite }) {
  const { t } = useTranslation('monitoring');
  const intervalLabel = useIntervalLabel();
  const notSet = (
    <Text span c="gray.7" inherit>
      {t('detail.settings.notSet')}
    </Text>
  );
  const date = (value: string | undefined) => (value ? formatDate(value) : notSet);
  return (
    <Stack gap="xs" component="section" aria-labelledby="settings-title">
      <Title order={2} size="h3" id="settings-title">
        {t('detail.settings.title')}
      </Title>
      <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
        <Row term={t('detail.settings.url')}>{site.url}</Row>
        <Row term={t('detail.settings.interval')}>
          {intervalLabel(site.intervalHours)}
          {site.isPaused && ` · ${t('detail.paused')}`}
        </Row>
        <Row term={t('detail.settings.filedDomain')}>
          {site.filedDomain ?? t('detail.settings.filedDomainDefault')}
        </Row>
        <Row term={t('detail.settings.expectedNumber')}>
          {site.expectedNumber ?? t('detail.settings.expectedNumberDefault')}
        </Row>
        <Row term={t('detail.settings.psb')}>
          {site.isPsbRequired ? t('detail.settings.psbYes') : t('detail.settings.psbNo')}
        </Row>
        <Row term={t('detail.settings.psbNumber')}>{site.psbNumber ?? notSet}</Row>
        <Row term={t('detail.settings.licenceNumber')}>{site.licenceNumber ?? notSet}</Row>
        <Row term={t('detail.settings.goLiveOn')}>{date(site.goLiveOn)}</Row>
        <Row term={t('detail.settings.domainExpiresOn')}>{date(site.domainExpiresOn)}</Row>
        <Row term={t('detail.settings.instance')}>{site.instanceId ?? notSet}</Row>
        <Row term={t('detail.settings.instanceExpiresOn')}>{date(site.instanceExpiresOn)}</Row>
      </SimpleGrid>
    </Stack>
  );
}
