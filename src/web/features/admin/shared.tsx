import {
  Alert,
  Anchor,
  Box,
  Fieldset,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_EDIT_PROBLEM_CODES } from '../../../contracts/catalogue-edit-problems.ts';
import { isApiError } from '../../lib/api.ts';
import { formatPartialDate, localize } from '../../lib/format.ts';
import { SHELL_ENTITIES_NAV_LABEL } from '../compliance/nav-label.ts';
import { describeSource } from '../eligibility/sources.tsx';
import {
  type CatalogueEditProblem,
  type EditSource,
  type LexiconList,
  type ProvinceRuleField,
  type Source,
  useProvinces,
  useSources,
  useUsers,
} from './api.ts';

/** The admin areas, for the sub-navigation at the top of every admin page. */
export function AdminNav() {
  const { t } = useTranslation('admin');
  const pathname = useRouterState({ select: (s) => s.location.pathname.replace(/\/$/, '') });
  const items = [
    { to: '/admin', label: t('nav.overview') },
    { to: '/admin/catalogue', label: t('nav.catalogue') },
    { to: '/admin/calendar', label: t('nav.calendar') },
    { to: '/admin/users', label: t('nav.users') },
    { to: '/admin/audit', label: t('nav.audit') },
    { to: '/admin/allow-list', label: t('nav.allowList') },
    { to: '/admin/shell-entities', label: localize(SHELL_ENTITIES_NAV_LABEL) },
    { to: '/admin/stats', label: t('nav.stats') },
  ] as const;
  return (
    <Box component="nav" aria-label={t('nav.label')} mb="md">
      <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} wrap="wrap">
        {items.map((item) => {
          const active = pathname === item.to;
          return (
            <li key={item.to}>
              <Anchor
                component={Link}
                to={item.to}
                size="sm"
                fw={active ? 700 : 500}
                c={active ? 'red.8' : 'dark.6'}
                aria-current={active ? 'page' : undefined}
              >
                {item.label}
              </Anchor>
            </li>
          );
        })}
      </Group>
    </Box>
  );
}

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is focusable and named so that
 * keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollTable({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{ overflowX: 'auto', WebkitOverflowScrolling: 'touch' }}
    >
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

/** The API's message for one field of a rejected request (`source.url`, `nameEn` …), for the input's error. */
export function fieldError(error: unknown, ...paths: string[]): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.fieldErrors.find((f) => paths.includes(f.path.replace(/^body\./, '')))?.message;
}

function isEditProblem(value: unknown): value is CatalogueEditProblem {
  if (value === null || typeof value !== 'object') return false;
  const { code, message, params } = value as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    params !== null &&
    typeof params === 'object' &&
    Object.values(params).every((p) => typeof p === 'string')
  );
}

/** The problems a catalogue edit was refused for (400 catalogue_edit_invalid: `details.problems`). */
export function editProblems(error: unknown): CatalogueEditProblem[] {
  if (!isApiError(error)) return [];
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? details.problems.filter(isEditProblem) : [];
}

/**
 * A refused edit's problem in the reader's language, by its code; the server's English message for a
 * code this client does not know yet.
 */
export function useEditProblemText(): (problem: CatalogueEditProblem) => string {
  const { t, i18n } = useTranslation('admin');
  const { data: provinces } = useProvinces();
  return useMemo(() => {
    const provinceName = (code: string | undefined) => {
      if (code === undefined) return '';
      const found = provinces?.items.find((p) => p.code === code);
      if (!found) return code;
      return i18n.resolvedLanguage === 'zh-CN' ? found.nameZh : found.nameEn;
    };
    return (problem: CatalogueEditProblem) => {
      const code = (CATALOGUE_EDIT_PROBLEM_CODES as readonly string[]).includes(problem.code)
        ? (problem.code as (typeof CATALOGUE_EDIT_PROBLEM_CODES)[number])
        : undefined;
      if (code === undefined) return problem.message;
      const { params } = problem;
      const list = params.list ? t(`catalogue.lexicon.lists.${params.list as LexiconList}`) : '';
      const field = params.field ? t(`catalogue.fields.${params.field as ProvinceRuleField}`) : '';
      const key =
        (code === 'term_already_listed' || code === 'term_not_listed') && params.province
          ? (`catalogue.problems.${code}_province` as const)
          : (`catalogue.problems.${code}` as const);
      return t(key, {
        ...params,
        list,
        field,
        province: provinceName(params.province),
        interpolation: { escapeValue: false },
      });
    };
  }, [t, i18n.resolvedLanguage, provinces]);
}

/** The refused edit's problems, as an alert list. */
export function EditProblemsAlert({ problems }: { problems: CatalogueEditProblem[] }) {
  const { t } = useTranslation('admin');
  const describe = useEditProblemText();
  return (
    <Alert color="red" title={t('catalogue.refused')} role="alert">
      <List size="sm">
        {problems.map((p) => (
          <List.Item key={`${p.code}:${p.message}`}>{describe(p)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** "user:3" → the user's name (from the users list), "system" → System; anything else as is. */
export function useActorLabel(): (actor: string) => string {
  const { t } = useTranslation('admin');
  const { data } = useUsers('', 500);
  return useMemo(() => {
    const names = new Map((data?.items ?? []).map(({ user }) => [`user:${user.id}`, user.name]));
    return (actor: string) => {
      if (actor === 'system') return t('actors.system');
      if (actor === 'cli') return t('actors.cli');
      return names.get(actor) ?? actor;
    };
  }, [data, t]);
}

export interface SourceDraft {
  mode: 'existing' | 'new';
  sourceId: string | null;
  title: string;
  url: string;
}

export const emptySource: SourceDraft = { mode: 'existing', sourceId: null, title: '', url: '' };

/** The request's `source`, or null while it is incomplete. */
export function toEditSource(draft: SourceDraft): EditSource | null {
  if (draft.mode === 'existing') return draft.sourceId ? { sourceId: draft.sourceId } : null;
  const title = draft.title.trim();
  const url = draft.url.trim();
  return title && url ? { title, url } : null;
}

function sourceLabel(source: Source): string {
  const { title } = describeSource(source);
  return source.date ? `${title} (${formatPartialDate(source.date)})` : title;
}

/**
 * Where an edit's justification comes from: a source the catalogue lists, or a new one (title + URL)
 * that the edit adds. Required: every catalogue edit names its source.
 */
export function SourcePicker({
  value,
  onChange,
  error,
  showErrors,
}: {
  value: SourceDraft;
  onChange: (next: SourceDraft) => void;
  error: unknown;
  showErrors: boolean;
}) {
  const { t } = useTranslation('admin');
  const sources = useSources();
  const options = useMemo(
    () => (sources.data?.items ?? []).map((s) => ({ value: s.id, label: sourceLabel(s) })),
    [sources.data],
  );
  const selected = sources.data?.items.find((s) => s.id === value.sourceId);
  const required = t('source.required');
  return (
    <Fieldset legend={t('source.legend')} variant="filled" p="sm">
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('source.mode')}
          value={value.mode}
          onChange={(mode) => onChange({ ...value, mode: mode as SourceDraft['mode'] })}
          data={[
            { value: 'existing', label: t('source.existing') },
            { value: 'new', label: t('source.new') },
          ]}
          fullWidth
        />
        {value.mode === 'existing' ? (
          <>
            <Select
              label={t('source.pick')}
              placeholder={t('source.pickPlaceholder')}
              data={options}
              value={value.sourceId}
              onChange={(sourceId) => onChange({ ...value, sourceId })}
              searchable
              required
              nothingFoundMessage={t('source.noMatch')}
              comboboxProps={{ withinPortal: true }}
              error={
                fieldError(error, 'source.sourceId') ?? (showErrors && !value.sourceId ? required : undefined)
              }
            />
            {selected?.url && (
              <Text size="xs" c="dimmed">
                <Anchor href={selected.url} target="_blank" rel="noreferrer" size="xs">
                  {selected.url}
                </Anchor>
              </Text>
            )}
          </>
        ) : (
          <>
            <TextInput
              label={t('source.title')}
              placeholder={t('source.titlePlaceholder')}
              value={value.title}
              onChange={(e) => onChange({ ...value, title: e.currentTarget.value })}
              required
              error={
                fieldError(error, 'source.title') ??
                (showErrors && !value.title.trim() ? required : undefined)
              }
            />
            <TextInput
              label={t('source.url')}
              placeholder="https://"
              type="url"
              value={value.url}
              onChange={(e) => onChange({ ...value, url: e.currentTarget.value })}
              required
              error={
                fieldError(error, 'source.url') ?? (showErrors && !value.url.trim() ? required : undefined)
              }
            />
          </>
        )}
      </Stack>
    </Fieldset>
  );
}

/**
 * Dark text on the pale "light" colours: Mantine's green, yellow and orange light variants fall short
 * of WCAG AA contrast (3.8:1 for green), so badges and alert titles of those colours use these.
 */
export const READABLE_BADGE = { c: 'dark.8', style: { textTransform: 'none' } } as const;
export const READABLE_ALERT = { styles: { title: { color: 'var(--mantine-color-dark-8)' } } } as const;

/** A labelled number for the summary cards. */
export function Figure({ value, label }: { value: ReactNode; label: string }) {
  return (
    <div>
      <Text component="div" fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </div>
  );
}
