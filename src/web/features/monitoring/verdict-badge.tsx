import { Badge, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconClockHour4,
  IconWorldOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SITE_VERDICTS } from '../../../domain/compliance/site-monitoring.ts';
import type { SiteVerdict } from './api.ts';

type Shown = SiteVerdict | 'unchecked';

/**
 * Grey for unreachable, like "not checked yet": a page that could not be fetched was not judged, so it
 * is no finding (src/app/footer/check-live-footer.ts); the icon tells the verdicts apart without colour.
 */
const LOOKS: Record<Shown, { color: string; Icon: typeof IconCircleCheck }> = {
  compliant: { color: 'green', Icon: IconCircleCheck },
  warnings: { color: 'yellow', Icon: IconAlertTriangle },
  non_compliant: { color: 'red', Icon: IconCircleX },
  unreachable: { color: 'gray', Icon: IconWorldOff },
  unchecked: { color: 'gray', Icon: IconClockHour4 },
};

/**
 * A site's or a check's verdict, with what it means on hover. Tinted like the public pages' Pill
 * (dark text on a light tint keeps AA contrast), and a span: it also sits inside buttons.
 */
export function VerdictBadge({ verdict }: { verdict: SiteVerdict | undefined }) {
  const { t } = useTranslation('monitoring');
  const shown: Shown = verdict ?? 'unchecked';
  const { color, Icon } = LOOKS[shown];
  return (
    <Tooltip label={t(`verdictHints.${shown}`)} multiline maw={280} withArrow>
      <Badge
        component="span"
        variant="light"
        color={color}
        c="dark.8"
        leftSection={<Icon size={14} aria-hidden />}
        style={{ textTransform: 'none', flexShrink: 0 }}
        data-verdict={shown}
      >
        {t(`verdicts.${shown}`)}
      </Badge>
    </Tooltip>
  );
}

/** For an unreachable site, said where the badge is: it is not a compliance finding. */
export function UnreachableNote({ verdict }: { verdict: SiteVerdict | undefined }) {
  const { t } = useTranslation('monitoring');
  if (verdict !== 'unreachable') return null;
  return (
    <Text size="xs" c="gray.7" maw={320}>
      {t('verdictHints.unreachable')}
    </Text>
  );
}

/** The four verdicts and what each means, under a list of sites. */
export function VerdictLegend() {
  const { t } = useTranslation('monitoring');
  return (
    <Stack gap={6} component="section" aria-labelledby="verdict-legend-title">
      <Text id="verdict-legend-title" fw={600} size="sm">
        {t('list.legend')}
      </Text>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
        {SITE_VERDICTS.map((verdict) => (
          <Group component="li" key={verdict} gap="xs" wrap="nowrap" align="flex-start">
            <Box miw={150} style={{ flexShrink: 0 }}>
              <VerdictBadge verdict={verdict} />
            </Box>
            <Text size="sm">{t(`verdictHints.${verdict}`)}</Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
