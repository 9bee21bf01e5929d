import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { chinaToday } from '../../components/working-day-countdown.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import {
  type CalendarDay,
  type CalendarOverride,
  type CalendarYear,
  type DayKind,
  useCalendarOverrides,
  useCalendarYears,
  useDeleteCalendarOverride,
  useSetCalendarOverride,
} from './api.ts';
import { DayTextFields } from './calendar-day-texts.tsx';
import { YearGrid } from './calendar-grid.tsx';
import { CalendarNoticeForm } from './calendar-notice-form.tsx';
import { AdminNav, fieldError, READABLE_ALERT, ScrollTable, useActorLabel } from './shared.tsx';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The years to choose from: a couple back, and up to two after the last year with data (or this one). */
function yearOptions(years: CalendarYear[] | undefined, thisYear: number): number[] {
  const last = Math.max(thisYear, ...(years ?? []).map((y) => y.year));
  const first = thisYear - 2;
  return Array.from({ length: last + 2 - first + 1 }, (_, i) => first + i);
}

export function AdminCalendarPage() {
  const { t } = useTranslation('admin');
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const years = useCalendarYears();
  const overrides = useCalendarOverrides(year);
  const info = years.data?.items.find((y) => y.year === year);
  const options = yearOptions(years.data?.items, thisYear);

  return (
    <>
      <AdminNav />
      <PageTitle title={t('calendar.title')} description={t('calendar.description')} />
      <Stack gap="lg">
        <Group align="flex-end" gap="md">
          <NativeSelect
            label={t('calendar.year')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={options.map((y) => ({ value: String(y), label: String(y) }))}
            w={140}
          />
          {years.isPending && <Loader size="sm" aria-label={t('common:states.loading')} />}
        </Group>
        {years.error ? (
          <ApiErrorAlert error={years.error} onRetry={() => void years.refetch()} />
        ) : (
          years.data && <YearStatus year={year} info={info} />
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <Stack gap="lg">
              <OverrideForm onSaved={(date) => setYear(Number(date.slice(0, 4)))} />
              <CalendarNoticeForm onSaved={(date) => setYear(Number(date.slice(0, 4)))} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
            {/* Keyed by year: a new year starts without the last list's announcement. */}
            <OverrideList key={year} year={year} overrides={overrides} />
          </Grid.Col>
        </Grid>
        <YearGrid year={year} overrides={overrides.data?.items ?? []} />
      </Stack>
    </>
  );
}

/** Whether the year has holiday data, and where from: 2027 has none until its notice is entered. */
function YearStatus({ year, info }: { year: number; info: CalendarYear | undefined }) {
  const { t } = useTranslation('admin');
  if (!info) {
    return (
      <Alert
        color="yellow"
        {...READABLE_ALERT}
        title={t('calendar.noData.title', { year })}
        data-testid="calendar-year-status"
      >
        {t('calendar.noData.body', { year })}
      </Alert>
    );
  }
  const counts = {
    year,
    holidays: formatNumber(info.holidays),
    workdays: formatNumber(info.makeupWorkdays),
    overrides: formatNumber(info.overrides),
  };
  return (
    <Alert
      color={info.hasSeedData ? 'blue' : 'teal'}
      {...READABLE_ALERT}
      title={t('calendar.hasData.title', { year })}
      data-testid="calendar-year-status"
    >
      {info.hasSeedData ? t('calendar.hasData.seed', counts) : t('calendar.hasData.overridesOnly', counts)}
    </Alert>
  );
}

interface FormState {
  date: string;
  kind: DayKind;
  nameEn: string;
  nameZh: string;
  sourceText: string;
  sourceUrl: string;
}

const emptyForm: FormState = {
  date: '',
  kind: 'holiday',
  nameEn: '',
  nameZh: '',
  sourceText: '',
  sourceUrl: '',
};

function OverrideForm({ onSaved }: { onSaved: (date: string) => void }) {
  const { t } = useTranslation('admin');
  const [form, setForm] = useState<FormState>(emptyForm);
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<{
    override: CalendarOverride;
    replaced: boolean;
    day?: CalendarDay;
  }>();
  const save = useSetCalendarOverride();
  const queryClient = useQueryClient();
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  const dateError = !form.date
    ? t('calendar.form.dateRequired')
    : !DATE_PATTERN.test(form.date)
      ? t('calendar.form.dateInvalid')
      : undefined;
  const sourceError = form.sourceText.trim() ? undefined : t('calendar.form.sourceRequired');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setResult(undefined);
    if (dateError || sourceError) return;
    const body = {
      date: form.date,
      kind: form.kind,
      nameEn: form.nameEn.trim() || undefined,
      nameZh: form.nameZh.trim() || undefined,
      source: { text: form.sourceText.trim(), url: form.sourceUrl.trim() || undefined },
    };
    const saved = await save.mutateAsync(body).catch(() => undefined);
    if (!saved) return;
    // What the public calendar now answers for the day: the proof that the override is in force.
    const day = await queryClient
      .fetchQuery({
        queryKey: ['calendar', 'day', form.date],
        queryFn: () => api.get<CalendarDay>(`/api/calendar/days/${form.date}`),
        staleTime: 0,
      })
      .catch(() => undefined);
    setResult({ ...saved, day });
    setTouched(false);
    setForm((f) => ({ ...emptyForm, kind: f.kind, sourceText: f.sourceText, sourceUrl: f.sourceUrl }));
    onSaved(saved.override.date);
  }

  const error = save.error;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-form-title">
      <Title order={2} size="h3" id="calendar-form-title" mb="xs">
        {t('calendar.form.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('calendar.form.hint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('calendar.form.date')}
            value={form.date}
            onChange={(e) => set({ date: e.currentTarget.value })}
            required
            min="2000-01-01"
            max="2100-12-31"
            error={fieldError(error, 'date') ?? (touched ? dateError : undefined)}
          />
          <NativeSelect
            label={t('calendar.form.kind')}
            value={form.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as DayKind })}
            data={[
              { value: 'holiday', label: t('calendar.kind.holiday') },
              { value: 'workday', label: t('calendar.kind.workday') },
            ]}
            description={
              form.kind === 'workday' ? t('calendar.form.workdayHint') : t('calendar.form.holidayHint')
            }
            required
          />
          <DayTextFields
            values={form}
            onChange={set}
            error={error}
            namePlaceholders={{
              en: t('calendar.form.nameEnPlaceholder'),
              zh: t('calendar.form.nameZhPlaceholder'),
            }}
            sourceHint={t('calendar.form.sourceHint')}
            sourceError={touched ? sourceError : undefined}
          />
          {error && <ApiErrorAlert error={error} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
          <div aria-live="polite" data-testid="calendar-save-result">
            {result && (
              <Alert color="green" title={t('calendar.form.saved')} {...READABLE_ALERT}>
                <Text size="sm">
                  {t(
                    result.override.kind === 'holiday'
                      ? 'calendar.form.savedHoliday'
                      : 'calendar.form.savedWorkday',
                    {
                      date: formatDate(result.override.date),
                    },
                  )}{' '}
                  {result.replaced && t('calendar.form.replaced')}
                </Text>
                {result.day && (
                  <Text size="sm" mt={4}>
                    {t('calendar.form.publicAnswer', {
                      answer: result.day.isWorkingDay ? t('calendar.workingDay') : t('calendar.dayOff'),
                      reason: t(`calendar.reason.${result.day.reason}`),
                    })}
                  </Text>
                )}
              </Alert>
            )}
          </div>
        </Stack>
      </form>
    </Card>
  );
}

function OverrideList({
  year,
  overrides,
}: {
  year: number;
  overrides: ReturnType<typeof useCalendarOverrides>;
}) {
  const { t } = useTranslation('admin');
  const actorLabel = useActorLabel();
  const [deleting, setDeleting] = useState<CalendarOverride | null>(null);
  const remove = useDeleteCalendarOverride();
  const [announcement, setAnnouncement] = useState('');
  const items = overrides.data?.items ?? [];
  const rows = useMemo(() => [...items].sort((a, b) => a.date.localeCompare(b.date)), [items]);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-list-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="calendar-list-title">
          {t('calendar.list.title', { year })}
        </Title>
        {overrides.isFetching && <Loader size="xs" aria-label={t('common:states.loading')} />}
      </Group>
      <div aria-live="polite">
        {announcement && (
          <Text size="sm" c="green.9" mb="sm">
            {announcement}
          </Text>
        )}
      </div>
      {overrides.error ? (
        <ApiErrorAlert error={overrides.error} onRetry={() => void overrides.refetch()} />
      ) : overrides.isPending ? (
        <Text c="dimmed">{t('common:states.loading')}</Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('calendar.list.empty', { year })}</Text>
      ) : (
        <ScrollTable label={t('calendar.list.title', { year })} minWidth={620}>
          <Table verticalSpacing="xs" striped data-testid="calendar-overrides">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calendar.list.date')}</Table.Th>
                <Table.Th>{t('calendar.list.kind')}</Table.Th>
                <Table.Th>{t('calendar.list.name')}</Table.Th>
                <Table.Th>{t('calendar.list.source')}</Table.Th>
                <Table.Th>{t('calendar.list.setBy')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('calendar.list.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <Table.Tr key={o.date}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={o.date}>{formatDate(o.date)}</time>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      color={o.kind === 'holiday' ? 'red' : 'blue'}
                      variant="light"
                      style={{ textTransform: 'none' }}
                    >
                      {t(`calendar.kindShort.${o.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.nameEn ?? '—'}</Text>
                    {o.nameZh && (
                      <Text size="sm" lang="zh-CN">
                        {o.nameZh}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={220}>
                    {o.source.url ? (
                      <Anchor href={o.source.url} target="_blank" rel="noreferrer" size="sm">
                        {o.source.text}
                      </Anchor>
                    ) : (
                      <Text size="sm">{o.source.text}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{actorLabel(o.createdBy)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(o.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDeleting(o)}
                      aria-label={t('calendar.list.deleteLabel', { date: formatDate(o.date) })}
                    >
                      {t('common:actions.delete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title={t('calendar.delete.title')}
        centered
      >
        {deleting && (
          <Stack>
            <Text>{t('calendar.delete.body', { date: formatDate(deleting.date) })}</Text>
            {remove.error && <ApiErrorAlert error={remove.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={async () => {
                  const date = deleting.date;
                  try {
                    await remove.mutateAsync(date);
                    setAnnouncement(t('calendar.delete.done', { date: formatDate(date) }));
                    setDeleting(null);
                  } catch {
                    // The modal shows the error.
                  }
                }}
              >
                {t('calendar.delete.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
