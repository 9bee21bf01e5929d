import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate, useRouterState, useSearch } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUS_LABELS, ORDER_STATUSES } from '../../../domain/workflow/order-status.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent, localize } from '../../lib/format.ts';
import { AdminNav } from '../admin/shared.tsx';
import { useAuthorityNav } from '../authority/console-nav.ts';
import { ConsoleNav, useProviderNav } from '../provider/console-nav.tsx';
import { describeFieldPath } from '../provider/review/fields.ts';
import {
  type OrderStats,
  type StatsScope,
  useOrderStats,
  useProvinces,
  useReturnReasonTemplates,
} from './api.ts';
import { ChartCard } from './chart.tsx';
import type { ChartOption } from './echarts.ts';
import { describeReasonCode } from './reason-labels.ts';
import { buildStageSeries, type StageMeasure, type StatsStage } from './stage-series.ts';
import { validateStatsSearch } from './stats-search.ts';

const FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const STAGE_COLORS: Record<StatsStage, string> = {
  provider_review: '#1c7ed6',
  identity_verification: '#7048e8',
  sms_verification: '#0ca678',
  authority_review: '#e8590c',
};
const BAR_COLOR = '#c92a2a';

const days = (n: number) => formatNumber(n, undefined, { maximumFractionDigits: 2 });

function ProviderConsoleNav() {
  return <ConsoleNav items={useProviderNav()} />;
}

function AuthorityConsoleNav() {
  return <ConsoleNav items={useAuthorityNav()} />;
}

/** The navigation of the console the page is shown in (/admin, /provider or /authority). */
function StatsConsoleNav() {
  const area = useRouterState({ select: (s) => s.location.pathname.split('/')[1] });
  if (area === 'admin') return <AdminNav />;
  if (area === 'provider') return <ProviderConsoleNav />;
  if (area === 'authority') return <AuthorityConsoleNav />;
  return null;
}

/** Statistics of the orders in the caller's scope (all, their provider's, their province's). */
export function StatsPage() {
  const { t } = useTranslation('stats');
  // The range lives in the URL (validateStatsSearch on the routes): a link or a reload keeps it.
  const range = validateStatsSearch(useSearch({ strict: false }));
  const navigate = useNavigate();
  const [draft, setDraft] = useState({ from: range.from ?? '', to: range.to ?? '' });
  // Back and forward change the URL's range: the boxes follow.
  useEffect(() => setDraft({ from: range.from ?? '', to: range.to ?? '' }), [range.from, range.to]);
  const stats = useOrderStats(range);
  const rangeError = draft.from && draft.to && draft.from > draft.to ? t('filter.order') : undefined;

  function setRange(next: { from?: string | undefined; to?: string | undefined }) {
    void navigate({
      to: '.',
      search: { ...(next.from ? { from: next.from } : {}), ...(next.to ? { to: next.to } : {}) },
    });
  }
  function apply(event: FormEvent) {
    event.preventDefault();
    if (rangeError) return;
    setRange({ from: draft.from || undefined, to: draft.to || undefined });
  }
  const fieldError = (name: 'from' | 'to') =>
    isApiError(stats.error)
      ? stats.error.fieldErrors.find((f) => f.path.replace(/^querystring\./, '') === name)?.message
      : undefined;

  return (
    <>
      <StatsConsoleNav />
      <PageTitle
        title={t('title')}
        description={stats.data ? scopeText(stats.data.scope, t) : t('description')}
      />
      <Stack gap="lg">
        <form onSubmit={apply} noValidate aria-label={t('filter.label')}>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              type="date"
              label={t('filter.from')}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
              error={fieldError('from')}
              w={{ base: '100%', xs: 180 }}
            />
            <TextInput
              type="date"
              label={t('filter.to')}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
              error={fieldError('to') ?? rangeError}
              w={{ base: '100%', xs: 180 }}
            />
            <Group gap="xs" mt={{ base: 0, xs: 25 }}>
              <Button type="submit">{t('filter.apply')}</Button>
              {(range.from || range.to) && (
                <Button
                  variant="default"
                  onClick={() => {
                    setDraft({ from: '', to: '' });
                    setRange({});
                  }}
                >
                  {t('filter.clear')}
                </Button>
              )}
            </Group>
          </Group>
        </form>
        <div aria-live="polite">
          <Group gap="xs">
            {stats.isFetching && <Loader size="xs" aria-hidden />}
            <Text size="sm" c="dimmed">
              {stats.data &&
                (stats.isFetching
                  ? t('common:states.loading')
                  : t('rangeNote', {
                      range: rangeText(stats.data.range, t),
                      at: formatDateTime(stats.data.generatedAt),
                    }))}
            </Text>
          </Group>
        </div>
        {stats.error && !stats.data ? (
          <ApiErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
        ) : !stats.data ? (
          <Text c="dimmed">{t('common:states.loading')}</Text>
        ) : (
          <>
            {stats.error && <ApiErrorAlert error={stats.error} />}
            <Dashboard data={stats.data} />
          </>
        )}
      </Stack>
    </>
  );
}

type T = ReturnType<typeof useTranslation<'stats'>>['t'];

function scopeText(scope: StatsScope[], t: T): string {
  if (scope.includes('all')) return t('scope.all');
  if (scope.includes('provider')) return t('scope.provider');
  if (scope.includes('authority')) return t('scope.authority');
  return t('scope.own');
}

function rangeText(range: { from?: string; to?: string }, t: T): string {
  if (range.from && range.to)
    return t('range.between', { from: formatDate(range.from), to: formatDate(range.to) });
  if (range.from) return t('range.since', { from: formatDate(range.from) });
  if (range.to) return t('range.until', { to: formatDate(range.to) });
  return t('range.all');
}

function Figure({ value, label, tone }: { value: ReactNode; label: string; tone?: string }) {
  return (
    <Card withBorder padding="md">
      <Text component="div" fz={28} fw={700} lh={1.1} c={tone}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Card>
  );
}

function SimpleTable({ head, rows, caption }: { head: string[]; rows: ReactNode[][]; caption?: string }) {
  return (
    <Table striped verticalSpacing={6} miw={head.length * 110}>
      {caption && <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h} scope="col">
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((cells) => (
          <Table.Tr key={String(cells[0])}>
            {cells.map((cell, i) =>
              i === 0 ? (
                <Table.Th key={`h-${String(cells[0])}`} scope="row" fw={400}>
                  {cell}
                </Table.Th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <Table.Td key={i}>{cell}</Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Dashboard({ data }: { data: OrderStats }) {
  const { t, i18n } = useTranslation('stats');
  const { t: tProvider } = useTranslation('provider');
  const language = i18n.resolvedLanguage ?? 'en';
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const provinces = useProvinces();
  const templates = useReturnReasonTemplates();
  const provinceName = useMemo(() => {
    const map = new Map(
      (provinces.data?.items ?? []).map((p) => [p.code, language === 'zh-CN' ? p.nameZh : p.nameEn]),
    );
    return (code: string) => map.get(code) ?? code;
  }, [provinces.data, language]);
  const reasonLabel = useMemo(() => {
    const map = new Map(
      (templates.data?.items ?? []).map((tpl) => [tpl.id, localize(tpl.text, language as never)]),
    );
    return (code: string) =>
      describeReasonCode(code, map.get(code), (key, options) => t(key as never, options) as string);
  }, [templates.data, language, t]);
  const fieldLabel = (path: string | null) =>
    path === null ? t('returns.wholeOrder') : describeFieldPath(tProvider, path);
  const stageLabel = (stage: StatsStage) => t(`stages.${stage}`);
  const [measure, setMeasure] = useState<StageMeasure>('medianWorkingDays');

  const { providerReview, authorityReview } = data.sla;
  const overdue = providerReview.overdueNow + authorityReview.overdueNow;
  const share = (s: typeof providerReview) => (s.share === null ? '—' : formatPercent(s.share));

  // Orders by status.
  const statuses = ORDER_STATUSES.map((status) => ({
    status,
    label: localize(ORDER_STATUS_LABELS[status]),
    count: data.orders.byStatus[status] ?? 0,
  }));
  const topStatuses = [...statuses]
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((s) => `${s.label} ${formatNumber(s.count)}`)
    .join(language === 'zh-CN' ? '，' : ', ');
  const base = {
    textStyle: { fontFamily: FONT },
    animation: false,
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
  };
  const statusOption: ChartOption = {
    ...base,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: statuses.map((s) => s.label),
      axisLabel: { width: narrow ? 110 : 190, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: statuses.map((s) => s.count),
        itemStyle: { color: BAR_COLOR },
        name: t('orders.count'),
      },
    ],
  };

  // Time per stage per province.
  const stageSeries = buildStageSeries(data.stageTimes, measure);
  const stageProvinces = stageSeries.provinces;
  const slowest = [...data.stageTimes].sort((a, b) => b.p90WorkingDays - a.p90WorkingDays)[0];
  const stageOption: ChartOption = {
    ...base,
    legend: { top: 0, textStyle: { fontFamily: FONT } },
    grid: { left: 8, right: 16, top: narrow ? 84 : 44, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: stageProvinces.map(provinceName),
      axisLabel: { rotate: stageProvinces.length > 6 ? 45 : 0, interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: measure === 'p90WorkingDays' ? t('stageTimes.axisP90') : t('stageTimes.axis'),
      nameTextStyle: { align: 'left' },
    },
    series: stageSeries.series.map(({ stage, data: values }) => ({
      type: 'bar' as const,
      name: stageLabel(stage),
      itemStyle: { color: STAGE_COLORS[stage] },
      data: values,
    })),
  };

  // Return reasons.
  const reasons = [...data.returnReasons.byReasonCode].sort((a, b) => b.count - a.count);
  const reasonOption: ChartOption = {
    ...base,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: reasons.map((r) => reasonLabel(r.reasonCode)),
      axisLabel: { width: narrow ? 120 : 220, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: reasons.map((r) => r.count),
        itemStyle: { color: '#e8590c' },
        name: t('returns.count'),
      },
    ],
  };

  // Deadlines met.
  const gauge = (name: string, value: number | null, center: string) => ({
    type: 'gauge' as const,
    name,
    center: [center, '58%'],
    radius: narrow ? '48%' : '80%',
    min: 0,
    max: 100,
    progress: { show: true, width: 12, itemStyle: { color: '#2f9e44' } },
    axisLine: { lineStyle: { width: 12 } },
    axisTick: { show: false },
    // Small gauges (phones) keep only the arc and the number: tick labels would collide with it.
    splitLine: { show: !narrow, length: 6, lineStyle: { width: 1 } },
    axisLabel: { show: !narrow, distance: 16, fontSize: 10 },
    pointer: { show: false },
    title: { offsetCenter: [0, '78%'], fontSize: 13, fontFamily: FONT },
    detail: {
      valueAnimation: false,
      offsetCenter: [0, '10%'],
      fontSize: 22,
      fontWeight: 700 as const,
      formatter: () => (value === null ? '—' : formatPercent(value / 100)),
    },
    data: [{ value: value ?? 0, name }],
  });
  const slaOption: ChartOption = {
    textStyle: { fontFamily: FONT },
    animation: false,
    series: [
      gauge(t('sla.provider'), providerReview.share === null ? null : providerReview.share * 100, '25%'),
      gauge(t('sla.authority'), authorityReview.share === null ? null : authorityReview.share * 100, '75%'),
    ],
  };

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
        <Figure value={formatNumber(data.orders.total)} label={t('figures.orders')} />
        <Figure value={formatNumber(data.returnReasons.returns)} label={t('figures.returns')} />
        <Figure value={share(providerReview)} label={t('figures.providerOnTime')} />
        <Figure value={share(authorityReview)} label={t('figures.authorityOnTime')} />
        <Figure
          value={formatNumber(overdue)}
          label={t('figures.overdue')}
          tone={overdue > 0 ? 'red.8' : undefined}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChartCard
          title={t('orders.title')}
          description={t('orders.description')}
          summary={t('orders.summary', { total: formatNumber(data.orders.total), top: topStatuses || '—' })}
          option={statusOption}
          height={380}
          empty={data.orders.total === 0 ? t('orders.empty') : undefined}
          table={
            <SimpleTable
              head={[t('orders.status'), t('orders.count')]}
              rows={statuses.map((s) => [s.label, formatNumber(s.count)])}
            />
          }
        />
        <ChartCard
          title={t('sla.title')}
          description={t('sla.description')}
          summary={t('sla.summary', {
            provider: share(providerReview),
            providerFinished: formatNumber(providerReview.finished),
            authority: share(authorityReview),
            authorityFinished: formatNumber(authorityReview.finished),
            overdue: formatNumber(overdue),
          })}
          option={slaOption}
          height={260}
          table={
            <SimpleTable
              head={[
                t('sla.review'),
                t('sla.finished'),
                t('sla.within'),
                t('sla.share'),
                t('sla.overdueNow'),
              ]}
              rows={[
                [t('sla.provider'), providerReview],
                [t('sla.authority'), authorityReview],
              ].map(([label, s]) => {
                const sla = s as typeof providerReview;
                return [
                  label as string,
                  formatNumber(sla.finished),
                  formatNumber(sla.withinDeadline),
                  share(sla),
                  formatNumber(sla.overdueNow),
                ];
              })}
            />
          }
        />
      </SimpleGrid>
      <ChartCard
        title={t('stageTimes.title')}
        description={t('stageTimes.description')}
        summary={
          slowest
            ? t(measure === 'p90WorkingDays' ? 'stageTimes.summaryP90' : 'stageTimes.summary', {
                provinces: formatNumber(stageProvinces.length),
                stage: stageLabel(slowest.stage),
                province: provinceName(slowest.provinceCode),
                median: days(slowest.medianWorkingDays),
                p90: days(slowest.p90WorkingDays),
              })
            : t('stageTimes.empty')
        }
        option={stageOption}
        height={narrow ? 400 : 340}
        controls={
          <SegmentedControl
            size="xs"
            aria-label={t('stageTimes.measure')}
            value={measure}
            onChange={(value) => setMeasure(value as typeof measure)}
            data={[
              { value: 'medianWorkingDays', label: t('stageTimes.median') },
              { value: 'p90WorkingDays', label: t('stageTimes.p90') },
            ]}
          />
        }
        empty={data.stageTimes.length === 0 ? t('stageTimes.empty') : undefined}
        table={
          <SimpleTable
            head={[
              t('stageTimes.provinceStage'),
              t('stageTimes.count'),
              t('stageTimes.median'),
              t('stageTimes.p90'),
            ]}
            rows={data.stageTimes.map((s) => [
              `${provinceName(s.provinceCode)} · ${stageLabel(s.stage)}`,
              formatNumber(s.count),
              days(s.medianWorkingDays),
              days(s.p90WorkingDays),
            ])}
          />
        }
      />
      <ChartCard
        title={t('returns.title')}
        description={t('returns.description', {
          returns: formatNumber(data.returnReasons.returns),
          reasons: formatNumber(data.returnReasons.reasons),
        })}
        summary={
          reasons[0]
            ? t('returns.summary', {
                reasons: formatNumber(data.returnReasons.reasons),
                top: reasonLabel(reasons[0].reasonCode),
                n: formatNumber(reasons[0].count),
              })
            : t('returns.empty')
        }
        option={reasonOption}
        height={Math.max(180, reasons.length * 36 + 40)}
        empty={reasons.length === 0 ? t('returns.empty') : undefined}
        table={
          <Stack gap="md">
            <SimpleTable
              caption={t('returns.byReason')}
              head={[t('returns.reason'), t('returns.count')]}
              rows={reasons.map((r) => [reasonLabel(r.reasonCode), formatNumber(r.count)])}
            />
            <SimpleTable
              caption={t('returns.byField')}
              head={[t('returns.field'), t('returns.count')]}
              rows={data.returnReasons.byField.map((f) => [fieldLabel(f.fieldPath), formatNumber(f.count)])}
            />
          </Stack>
        }
      />
      {data.orders.total === 0 && (
        <Alert color="gray" variant="light">
          {t('noOrders')}
        </Alert>
      )}
    </Stack>
  );
}
