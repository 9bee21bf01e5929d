import { Box, Card, Group, SimpleGrid, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { CalendarOverride, DayKind } from './api.ts';

const COLORS: Record<DayKind | 'weekend', { bg: string; fg: string }> = {
  holiday: { bg: 'var(--mantine-color-red-8)', fg: 'white' },
  workday: { bg: 'var(--mantine-color-blue-8)', fg: 'white' },
  weekend: { bg: 'var(--mantine-color-gray-1)', fg: 'var(--mantine-color-gray-8)' },
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

interface Cell {
  key: string;
  day: number | null;
}

/** The month's days as weeks of seven (Monday first, as Chinese calendars print them); null pads. */
function monthWeeks(year: number, month: number): { key: string; cells: Cell[] }[] {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay(); // 0 = Sunday
  const lead = (first + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const count = Math.ceil((lead + days) / 7) * 7;
  const cells: Cell[] = Array.from({ length: count }, (_, i) => {
    const day = i - lead + 1;
    return day >= 1 && day <= days ? { key: `d${day}`, day } : { key: `pad${i}`, day: null };
  });
  return Array.from({ length: count / 7 }, (_, w) => ({
    key: `w${w}`,
    cells: cells.slice(w * 7, w * 7 + 7),
  }));
}

const MONTHS = Array.from({ length: 12 }, (_, month) => ({ key: `m${month}`, month }));

/**
 * The year's months with the days set here marked (holidays red, make-up working days blue) and
 * weekends shaded: a check that a notice was entered whole. Days of the shipped data are counted
 * in the year's summary above, not drawn here (the API lists overrides, not every seed day).
 */
export function YearGrid({ year, overrides }: { year: number; overrides: CalendarOverride[] }) {
  const { t } = useTranslation('admin');
  const language = currentLanguage();
  const byDate = useMemo(() => new Map(overrides.map((o) => [o.date, o])), [overrides]);
  const monthName = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'narrow', timeZone: 'UTC' });
  const weekdayLong = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-grid-title">
      <Title order={2} size="h3" id="calendar-grid-title">
        {t('calendar.grid.title', { year })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calendar.grid.hint')}
      </Text>
      <Group gap="md" mb="md" aria-label={t('calendar.grid.legend')} role="group">
        {(['holiday', 'workday', 'weekend'] as const).map((kind) => (
          <Group gap={6} key={kind}>
            <Box
              w={14}
              h={14}
              style={{
                background: COLORS[kind].bg,
                borderRadius: 3,
                border: '1px solid var(--mantine-color-gray-4)',
              }}
            />
            <Text size="sm">{t(`calendar.grid.${kind}`)}</Text>
          </Group>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="md">
        {MONTHS.map(({ key, month }) => (
          <table key={key} style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }}>
            <caption style={{ textAlign: 'left', fontWeight: 600, fontSize: 14, paddingBottom: 4 }}>
              {monthName.format(new Date(Date.UTC(year, month, 1)))}
            </caption>
            <thead>
              <tr>
                {weekdays.map((d) => (
                  <th
                    key={d.toISOString()}
                    scope="col"
                    style={{ fontSize: 11, fontWeight: 500, color: 'var(--mantine-color-gray-7)' }}
                  >
                    <abbr title={weekdayLong.format(d)} style={{ textDecoration: 'none' }}>
                      {weekday.format(d)}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(year, month).map((week) => (
                <tr key={week.key}>
                  {week.cells.map(({ key: cellKey, day }, d) => {
                    if (day === null) return <td key={cellKey} />;
                    const date = `${year}-${pad(month + 1)}-${pad(day)}`;
                    const override = byDate.get(date);
                    const kind = override?.kind ?? (d >= 5 ? 'weekend' : undefined);
                    const colors = kind ? COLORS[kind] : undefined;
                    const name = override
                      ? language === 'zh-CN'
                        ? override.nameZh
                        : override.nameEn
                      : undefined;
                    return (
                      <td
                        key={date}
                        title={
                          override
                            ? [t(`calendar.kindShort.${override.kind}`), name].filter(Boolean).join(' · ')
                            : undefined
                        }
                        style={{
                          textAlign: 'center',
                          fontSize: 12,
                          padding: '2px 0',
                          background: colors?.bg,
                          color: colors?.fg,
                          fontWeight: override ? 700 : 400,
                          borderRadius: 3,
                        }}
                      >
                        {day}
                        {override && (
                          <VisuallyHidden>
                            {` ${t(`calendar.kindShort.${override.kind}`)}${name ? ` ${name}` : ''}`}
                          </VisuallyHidden>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </SimpleGrid>
    </Card>
  );
}
