import { Box, Button, Card, Group, Loader, Text, Title, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from './echarts.ts';

type EChartsInstance = ReturnType<typeof import('./echarts.ts')['init']>;

/**
 * One ECharts chart. ECharts is imported on first use (its own chunk). The drawing is an image named
 * by `label` (a one-sentence summary); the numbers are in the card's table.
 */
function EChart({ option, label, height }: { option: ChartOption; label: string; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts.ts')
      .then(({ init }) => {
        if (disposed || !ref.current) return;
        chart.current = init(ref.current, null, { renderer: 'svg' });
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(ref.current);
        setReady(true);
      })
      .catch((error) => {
        console.error('echarts', error);
        setFailed(true);
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [option, ready]);

  const { t } = useTranslation('stats');
  return (
    <Box pos="relative">
      <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
      {!ready && !failed && (
        <Box pos="absolute" top="45%" left="50%">
          <Loader size="sm" aria-label={t('common:states.loading')} />
        </Box>
      )}
      {failed && (
        <Text c="dimmed" size="sm" pos="absolute" top="45%" w="100%" ta="center">
          {t('chartFailed')}
        </Text>
      )}
    </Box>
  );
}

/** A chart with its title, and the same numbers as a table (shown on request, always there for screen readers). */
export function ChartCard({
  title,
  description,
  summary,
  option,
  table,
  height = 320,
  empty,
  controls,
}: {
  title: string;
  description?: ReactNode;
  summary: string;
  option: ChartOption;
  table: ReactNode;
  height?: number;
  /** The message to show instead of the chart when there is nothing to draw. */
  empty?: string;
  /** Extra controls above the chart (e.g. which measure it shows). */
  controls?: ReactNode;
}) {
  const { t } = useTranslation('stats');
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h3" id={titleId}>
          {title}
        </Title>
        {!empty && (
          <Button variant="default" size="xs" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
            {asTable ? t('common:actions.showChart') : t('common:actions.showTable')}
          </Button>
        )}
      </Group>
      {description && (
        <Text size="sm" c="dimmed" mt={2} mb="xs">
          {description}
        </Text>
      )}
      {controls && !empty && !asTable && <Box mb="xs">{controls}</Box>}
      {empty ? (
        <Text c="dimmed" py="lg">
          {empty}
        </Text>
      ) : asTable ? (
        // Focusable so that keyboard users can scroll a wide table sideways.
        <Box role="region" aria-labelledby={titleId} tabIndex={0} style={{ overflowX: 'auto' }}>
          {table}
        </Box>
      ) : (
        <>
          <EChart option={option} label={summary} height={height} />
          <VisuallyHidden>{table}</VisuallyHidden>
        </>
      )}
    </Card>
  );
}
