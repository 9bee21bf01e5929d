import { ActionIcon, Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useSetCalendarNotice } from './api.ts';
import { DayTextFields } from './calendar-day-texts.tsx';
import { fieldError, READABLE_ALERT } from './shared.tsx';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/u;
/** The server's limits (set-calendar-notice.ts). */
const MAX_MAKEUP_DAYS = 10;
const MAX_HOLIDAY_DAYS = 31;
const DAY_MS = 86_400_000;

interface NoticeDraft {
  holidayFrom: string;
  holidayTo: string;
  makeupWorkdays: string[];
  nameEn: string;
  nameZh: string;
  sourceText: string;
  sourceUrl: string;
}

const emptyNotice: NoticeDraft = {
  holidayFrom: '',
  holidayTo: '',
  makeupWorkdays: [''],
  nameEn: '',
  nameZh: '',
  sourceText: '',
  sourceUrl: '',
};

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;

/** What is wrong with the draft before it goes to the server (which checks the same). */
function findProblems(draft: NoticeDraft) {
  const makeup = draft.makeupWorkdays.filter((day) => day !== '');
  const inside = makeup.find((day) => day >= draft.holidayFrom && day <= draft.holidayTo);
  return {
    holidayFrom: !DATE_PATTERN.test(draft.holidayFrom) ? ('dateRequired' as const) : undefined,
    holidayTo: !DATE_PATTERN.test(draft.holidayTo)
      ? ('dateRequired' as const)
      : draft.holidayFrom && draft.holidayTo < draft.holidayFrom
        ? ('order' as const)
        : draft.holidayFrom && daysBetween(draft.holidayFrom, draft.holidayTo) > MAX_HOLIDAY_DAYS
          ? ('tooLong' as const)
          : undefined,
    makeup: draft.makeupWorkdays.map((day, i) =>
      day === ''
        ? undefined
        : !DATE_PATTERN.test(day)
          ? ('dateInvalid' as const)
          : day === inside
            ? ('inside' as const)
            : draft.makeupWorkdays.indexOf(day) !== i
              ? ('twice' as const)
              : undefined,
    ),
    source: draft.sourceText.trim() ? undefined : ('sourceRequired' as const),
  };
}

/**
 * One holiday of the State Council's notice at once: its first and last day off and the weekend days
 * worked to make up for it, saved together (one transaction, each day audited).
 */
export function CalendarNoticeForm({ onSaved }: { onSaved: (date: string) => void }) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<NoticeDraft>(emptyNotice);
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<{
    holidays: number;
    workdays: number;
    replaced: number;
    from: string;
    to: string;
  }>();
  const save = useSetCalendarNotice();
  const set = (patch: Partial<NoticeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problems = findProblems(draft);
  const hasProblem =
    problems.holidayFrom || problems.holidayTo || problems.source || problems.makeup.some(Boolean);
  const show = (key: string | undefined) =>
    touched && key ? t(`calendar.notice.problems.${key}` as never) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setResult(undefined);
    if (hasProblem) return;
    const saved = await save
      .mutateAsync({
        holidayFrom: draft.holidayFrom,
        holidayTo: draft.holidayTo,
        makeupWorkdays: draft.makeupWorkdays.filter((day) => day !== ''),
        ...(draft.nameEn.trim() ? { nameEn: draft.nameEn.trim() } : {}),
        ...(draft.nameZh.trim() ? { nameZh: draft.nameZh.trim() } : {}),
        source: {
          text: draft.sourceText.trim(),
          ...(draft.sourceUrl.trim() ? { url: draft.sourceUrl.trim() } : {}),
        },
      })
      .catch(() => undefined);
    if (!saved) return;
    setResult({
      holidays: saved.overrides.filter((o) => o.kind === 'holiday').length,
      workdays: saved.overrides.filter((o) => o.kind === 'workday').length,
      replaced: saved.replaced.length,
      from: draft.holidayFrom,
      to: draft.holidayTo,
    });
    setTouched(false);
    // The next holiday of the same notice: keep the source.
    setDraft((d) => ({ ...emptyNotice, sourceText: d.sourceText, sourceUrl: d.sourceUrl }));
    onSaved(saved.overrides[0]?.date ?? draft.holidayFrom);
  }

  const error = save.error;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-notice-title">
      <Title order={2} size="h3" id="calendar-notice-title" mb="xs">
        {t('calendar.notice.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('calendar.notice.hint')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('calendar.notice.from')}
              value={draft.holidayFrom}
              onChange={(e) => set({ holidayFrom: e.currentTarget.value })}
              required
              miw={150}
              error={fieldError(error, 'holidayFrom') ?? show(problems.holidayFrom)}
            />
            <TextInput
              type="date"
              label={t('calendar.notice.to')}
              value={draft.holidayTo}
              onChange={(e) => set({ holidayTo: e.currentTarget.value })}
              required
              miw={150}
              error={fieldError(error, 'holidayTo') ?? show(problems.holidayTo)}
            />
          </Group>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 500, fontSize: 14, marginBottom: 4 }}>
              {t('calendar.notice.makeup')}
            </legend>
            <Text size="xs" c="dimmed" mb={6}>
              {t('calendar.notice.makeupHint')}
            </Text>
            <Stack gap="xs">
              {draft.makeupWorkdays.map((day, i) => (
                <Group
                  // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions in the list
                  key={i}
                  gap="xs"
                  align="flex-start"
                  wrap="nowrap"
                >
                  <TextInput
                    type="date"
                    aria-label={t('calendar.notice.makeupDay', { n: i + 1 })}
                    value={day}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      set({ makeupWorkdays: draft.makeupWorkdays.map((d, j) => (j === i ? value : d)) });
                    }}
                    style={{ flex: 1 }}
                    error={fieldError(error, `makeupWorkdays.${i}`) ?? show(problems.makeup[i])}
                  />
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={t('calendar.notice.removeDay', { n: i + 1 })}
                    onClick={() =>
                      set({
                        makeupWorkdays:
                          draft.makeupWorkdays.length === 1
                            ? ['']
                            : draft.makeupWorkdays.filter((_, j) => j !== i),
                      })
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            {draft.makeupWorkdays.length < MAX_MAKEUP_DAYS && (
              <Button
                variant="subtle"
                size="compact-sm"
                mt={6}
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => set({ makeupWorkdays: [...draft.makeupWorkdays, ''] })}
              >
                {t('calendar.notice.addDay')}
              </Button>
            )}
          </fieldset>
          <DayTextFields
            values={draft}
            onChange={set}
            error={error}
            namePlaceholders={{
              en: t('calendar.notice.nameEnPlaceholder'),
              zh: t('calendar.notice.nameZhPlaceholder'),
            }}
            sourceError={show(problems.source)}
          />
          {error && <ApiErrorAlert error={error} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('calendar.notice.submit')}
            </Button>
          </Group>
          <div aria-live="polite" data-testid="calendar-notice-result">
            {result && (
              <Alert color="green" title={t('calendar.form.saved')} {...READABLE_ALERT}>
                <Text size="sm">
                  {t('calendar.notice.saved', {
                    from: formatDate(result.from),
                    to: formatDate(result.to),
                    holidays: formatNumber(result.holidays),
                    workdays: formatNumber(result.workdays),
                  })}{' '}
                  {result.replaced > 0 &&
                    t('calendar.notice.replaced', {
                      count: result.replaced,
                      n: formatNumber(result.replaced),
                    })}
                </Text>
              </Alert>
            )}
          </div>
        </Stack>
      </form>
    </Card>
  );
}
