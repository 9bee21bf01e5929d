import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import {
  type CatalogueEdit,
  type LocalizedText,
  type Province,
  type ProvinceRuleField,
  type ProvinceRules,
  provinceRulesQuery,
  useAddCatalogueEdit,
  useProvinceRules,
  useProvinces,
} from './api.ts';
import {
  BOOLEAN_FIELDS,
  currentNote,
  currentSources,
  currentValue,
  ENUM_VALUES,
  formatRuleValue,
  LIST_FIELDS,
  pickText,
  RULE_FIELDS,
} from './rule-values.ts';
import {
  EditProblemsAlert,
  editProblems,
  emptySource,
  fieldError,
  ScrollTable,
  type SourceDraft,
  SourcePicker,
  toEditSource,
} from './shared.tsx';

/** The 31 provinces with their main rules; each row opens the rule editor. */
export function ProvinceRulesTab({
  edits,
  onSaved,
}: {
  edits: CatalogueEdit[];
  onSaved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage ?? 'en';
  const provinces = useProvinces();
  const items = provinces.data?.items ?? [];
  const rules = useQueries({ queries: items.map((p) => provinceRulesQuery(p.code)) });
  const [editing, setEditing] = useState<Province | null>(null);
  const editCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const edit of edits) {
      if (edit.status === 'applied' && edit.change.kind === 'province_rule')
        counts.set(edit.change.province, (counts.get(edit.change.province) ?? 0) + 1);
    }
    return counts;
  }, [edits]);

  if (provinces.error)
    return <ApiErrorAlert error={provinces.error} onRetry={() => void provinces.refetch()} />;
  if (provinces.isPending) return <Text c="dimmed">{t('common:states.loading')}</Text>;
  const cell = (index: number, field: ProvinceRuleField) => {
    const data = rules[index]?.data;
    if (!data) return rules[index]?.error ? '!' : '…';
    return formatRuleValue(field, currentValue(data.rules, field), t, language);
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('catalogue.provinces.hint')}
      </Text>
      <ScrollTable label={t('catalogue.tabs.provinces')} minWidth={980}>
        <Table verticalSpacing="xs" striped highlightOnHover data-testid="province-rules-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.provinces.province')}</Table.Th>
              <Table.Th>{t('catalogue.fields.individualResidency')}</Table.Th>
              <Table.Th>{t('catalogue.fields.providerReviewDays')}</Table.Th>
              <Table.Th>{t('catalogue.fields.authorityReviewDays')}</Table.Th>
              <Table.Th>{t('catalogue.fields.maxSitesPerOrder')}</Table.Th>
              <Table.Th>{t('catalogue.fields.localMobileRequired')}</Table.Th>
              <Table.Th>{t('catalogue.provinces.edits')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p, i) => {
              const name = language === 'zh-CN' ? p.nameZh : p.nameEn;
              return (
                <Table.Tr key={p.code}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="space-between">
                      <Text size="sm" fw={500}>
                        {name}{' '}
                        <Text span c="dimmed" size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {p.icpAbbreviation} · {p.code}
                        </Text>
                      </Text>
                      <Button
                        size="compact-xs"
                        variant="light"
                        onClick={() => setEditing(p)}
                        aria-label={t('catalogue.provinces.editLabel', { name })}
                      >
                        {t('common:actions.edit')}
                      </Button>
                    </Group>
                  </Table.Td>
                  <Table.Td>{cell(i, 'individualResidency')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{cell(i, 'providerReviewDays')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{cell(i, 'authorityReviewDays')}</Table.Td>
                  <Table.Td>{cell(i, 'maxSitesPerOrder')}</Table.Td>
                  <Table.Td>{cell(i, 'localMobileRequired')}</Table.Td>
                  <Table.Td>
                    {editCounts.get(p.code) ? (
                      <Badge variant="light" style={{ textTransform: 'none' }}>
                        {editCounts.get(p.code)}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <RuleDrawer
        province={editing}
        onClose={() => setEditing(null)}
        onSaved={(message) => {
          setEditing(null);
          onSaved(message);
        }}
      />
    </Stack>
  );
}

type Draft =
  | { type: 'enum'; value: string }
  | { type: 'boolean'; value: 'true' | 'false' }
  | { type: 'age'; age: number | string; withProofFrom: number | string }
  | { type: 'sites'; value: number | string; noLimit: boolean }
  | { type: 'days'; typical: number | string; max: number | string }
  | { type: 'documents'; value: string[] }
  | { type: 'items'; value: { en: string; zh: string; sources?: string[] }[] };

function toDraft(field: ProvinceRuleField, value: unknown): Draft {
  if (ENUM_VALUES[field]) return { type: 'enum', value: String(value) };
  if (BOOLEAN_FIELDS.has(field)) return { type: 'boolean', value: value ? 'true' : 'false' };
  switch (field) {
    case 'minimumAge': {
      const v = value as { age: number; withProofFrom?: number };
      return { type: 'age', age: v.age, withProofFrom: v.withProofFrom ?? '' };
    }
    case 'maxSitesPerOrder':
      return { type: 'sites', value: value === null ? '' : Number(value), noLimit: value === null };
    case 'providerReviewDays':
    case 'authorityReviewDays': {
      const v = value as { typical: number; max: number };
      return { type: 'days', typical: v.typical, max: v.max };
    }
    case 'extraDocuments':
      return { type: 'documents', value: [...(value as string[])] };
    default:
      return {
        type: 'items',
        value: (value as { text: LocalizedText; sources: string[] }[]).map((item) => ({
          en: item.text.en,
          zh: item.text.zh,
          sources: item.sources,
        })),
      };
  }
}

const asInt = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

/** The draft as the API's `value`, or the key of what is wrong with it. */
function fromDraft(draft: Draft): { value: unknown } | { problem: string } {
  switch (draft.type) {
    case 'enum':
      return { value: draft.value };
    case 'boolean':
      return { value: draft.value === 'true' };
    case 'age': {
      const age = asInt(draft.age);
      const from = asInt(draft.withProofFrom);
      if (!Number.isInteger(age)) return { problem: 'catalogue.editor.needNumber' };
      return { value: Number.isInteger(from) ? { age, withProofFrom: from } : { age } };
    }
    case 'sites': {
      if (draft.noLimit) return { value: null };
      const n = asInt(draft.value);
      return Number.isInteger(n) && n > 0 ? { value: n } : { problem: 'catalogue.editor.needNumber' };
    }
    case 'days': {
      const typical = asInt(draft.typical);
      const max = asInt(draft.max);
      if (!Number.isInteger(typical) || !Number.isInteger(max))
        return { problem: 'catalogue.editor.needNumber' };
      if (typical > max) return { problem: 'catalogue.editor.typicalOverMax' };
      return { value: { typical, max } };
    }
    case 'documents':
      return { value: draft.value };
    case 'items': {
      const items = draft.value.filter((item) => item.en.trim() || item.zh.trim());
      if (items.some((item) => !item.en.trim() || !item.zh.trim()))
        return { problem: 'catalogue.editor.needBoth' };
      return {
        value: items.map((item) => ({
          text: { en: item.en.trim(), zh: item.zh.trim() },
          ...(item.sources ? { sources: item.sources } : {}),
        })),
      };
    }
  }
}

function RuleDrawer({
  province,
  onClose,
  onSaved,
}: {
  province: Province | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const narrow = useMediaQuery('(max-width: 48em)');
  const language = i18n.resolvedLanguage ?? 'en';
  const name = province ? (language === 'zh-CN' ? province.nameZh : province.nameEn) : '';
  return (
    <Drawer
      opened={province !== null}
      onClose={onClose}
      position="right"
      size={narrow ? '100%' : 'lg'}
      title={t('catalogue.editor.title', { name })}
    >
      {province && (
        <RuleEditor
          key={province.code}
          province={province}
          name={name}
          onSaved={onSaved}
          onCancel={onClose}
        />
      )}
    </Drawer>
  );
}

function RuleEditor({
  province,
  name,
  onSaved,
  onCancel,
}: {
  province: Province;
  name: string;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const rules = useProvinceRules(province.code);
  if (rules.error) return <ApiErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!rules.data) return <Text c="dimmed">{t('common:states.loading')}</Text>;
  return (
    <RuleForm
      province={province}
      name={name}
      rules={rules.data.rules}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}

function RuleForm({
  province,
  name,
  rules,
  onSaved,
  onCancel,
}: {
  province: Province;
  name: string;
  rules: ProvinceRules;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage ?? 'en';
  const [field, setField] = useState<ProvinceRuleField>('providerReviewDays');
  const [draft, setDraft] = useState<Draft>(() =>
    toDraft('providerReviewDays', currentValue(rules, 'providerReviewDays')),
  );
  const [note, setNote] = useState<LocalizedText>(
    () => currentNote(rules, 'providerReviewDays') ?? { en: '', zh: '' },
  );
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<string>();
  const save = useAddCatalogueEdit();
  const isList = LIST_FIELDS.has(field);
  const oldNote = currentNote(rules, field);

  function chooseField(next: ProvinceRuleField) {
    setField(next);
    setDraft(toDraft(next, currentValue(rules, next)));
    setNote(currentNote(rules, next) ?? { en: '', zh: '' });
    setProblem(undefined);
    save.reset();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setProblem(undefined);
    const value = fromDraft(draft);
    if ('problem' in value) {
      setProblem(t(value.problem as 'catalogue.editor.needNumber'));
      return;
    }
    const editSource = toEditSource(source);
    if (!editSource) return;
    let noteChange: LocalizedText | null | undefined;
    if (!isList) {
      const en = note.en.trim();
      const zh = note.zh.trim();
      if (!en && !zh) noteChange = oldNote ? null : undefined;
      else if (!en || !zh) {
        setProblem(t('catalogue.editor.noteBoth'));
        return;
      } else if (en !== oldNote?.en || zh !== oldNote?.zh) noteChange = { en, zh };
    }
    try {
      await save.mutateAsync({
        change: {
          kind: 'province_rule',
          province: province.code,
          field,
          value: value.value,
          ...(noteChange === undefined ? {} : { note: noteChange }),
        },
        source: editSource,
      });
      onSaved(t('catalogue.editor.saved', { field: t(`catalogue.fields.${field}`), name }));
    } catch {
      // Shown in the form.
    }
  }

  const sources = currentSources(rules, field);
  const problems = editProblems(save.error);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <NativeSelect
          label={t('catalogue.editor.field')}
          value={field}
          onChange={(e) => chooseField(e.currentTarget.value as ProvinceRuleField)}
          data={RULE_FIELDS.map((f) => ({ value: f, label: t(`catalogue.fields.${f}`) }))}
        />
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" fw={600}>
            {t('catalogue.editor.current')}
          </Text>
          <Text size="sm">{formatRuleValue(field, currentValue(rules, field), t, language)}</Text>
          {oldNote && (
            <Text size="sm" c="dimmed" mt={4}>
              {pickText(oldNote, language)}
            </Text>
          )}
          {sources.length > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('catalogue.editor.sources')} {sources.join(', ')}
            </Text>
          )}
        </Paper>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 6 }}>
            {t('catalogue.editor.newValue')}
          </legend>
          <ValueEditor field={field} draft={draft} onChange={setDraft} />
        </fieldset>
        {!isList && (
          <Stack gap="xs">
            <Textarea
              label={t('catalogue.editor.noteEn')}
              value={note.en}
              onChange={(e) => setNote({ ...note, en: e.currentTarget.value })}
              autosize
              minRows={1}
              error={fieldError(save.error, 'change.note.en')}
            />
            <Textarea
              label={t('catalogue.editor.noteZh')}
              lang="zh-CN"
              value={note.zh}
              onChange={(e) => setNote({ ...note, zh: e.currentTarget.value })}
              autosize
              minRows={1}
              error={fieldError(save.error, 'change.note.zh')}
            />
            <Text size="xs" c="dimmed">
              {t('catalogue.editor.noteHint')}
            </Text>
          </Stack>
        )}
        <SourcePicker value={source} onChange={setSource} error={save.error} showErrors={touched} />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {save.error &&
          (problems.length > 0 ? (
            <EditProblemsAlert problems={problems} />
          ) : (
            <ApiErrorAlert error={save.error} />
          ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ValueEditor({
  field,
  draft,
  onChange,
}: {
  field: ProvinceRuleField;
  draft: Draft;
  onChange: (draft: Draft) => void;
}) {
  const { t } = useTranslation('admin');
  switch (draft.type) {
    case 'enum': {
      const info = ENUM_VALUES[field];
      return (
        <NativeSelect
          label={t(`catalogue.fields.${field}`)}
          value={draft.value}
          onChange={(e) => onChange({ type: 'enum', value: e.currentTarget.value })}
          data={(info?.values ?? []).map((v) => ({
            value: v,
            label: t(`catalogue.values.${info?.group}.${v}`),
          }))}
        />
      );
    }
    case 'boolean':
      return (
        <NativeSelect
          label={t(`catalogue.fields.${field}`)}
          value={draft.value}
          onChange={(e) => onChange({ type: 'boolean', value: e.currentTarget.value as 'true' | 'false' })}
          data={[
            { value: 'true', label: t('catalogue.values.yes') },
            { value: 'false', label: t('catalogue.values.no') },
          ]}
        />
      );
    case 'age':
      return (
        <Group grow align="flex-start">
          <NumberInput
            label={t('catalogue.editor.age')}
            value={draft.age}
            min={0}
            max={99}
            allowDecimal={false}
            onChange={(age) => onChange({ ...draft, age })}
          />
          <NumberInput
            label={t('catalogue.editor.withProofFrom')}
            value={draft.withProofFrom}
            min={0}
            max={99}
            allowDecimal={false}
            onChange={(withProofFrom) => onChange({ ...draft, withProofFrom })}
          />
        </Group>
      );
    case 'sites':
      return (
        <Stack gap="xs">
          <Checkbox
            label={t('catalogue.values.noLimit')}
            checked={draft.noLimit}
            onChange={(e) => onChange({ ...draft, noLimit: e.currentTarget.checked })}
          />
          <NumberInput
            label={t('catalogue.fields.maxSitesPerOrder')}
            value={draft.value}
            min={1}
            allowDecimal={false}
            disabled={draft.noLimit}
            onChange={(value) => onChange({ ...draft, value })}
          />
        </Stack>
      );
    case 'days':
      return (
        <Group grow align="flex-start">
          <NumberInput
            label={t('catalogue.editor.typical')}
            value={draft.typical}
            min={1}
            allowDecimal={false}
            onChange={(typical) => onChange({ ...draft, typical })}
          />
          <NumberInput
            label={t('catalogue.editor.max')}
            value={draft.max}
            min={1}
            allowDecimal={false}
            onChange={(max) => onChange({ ...draft, max })}
          />
        </Group>
      );
    case 'documents':
      return (
        <TagsInput
          label={t('catalogue.fields.extraDocuments')}
          description={t('catalogue.editor.documentsHint')}
          value={draft.value}
          onChange={(value) => onChange({ type: 'documents', value })}
          clearable
        />
      );
    case 'items':
      return (
        <Stack gap="sm">
          {draft.value.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('catalogue.values.none')}
            </Text>
          )}
          {draft.value.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
            <Paper withBorder p="xs" key={index}>
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={600}>
                  {t('catalogue.editor.item', { n: index + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('catalogue.editor.removeItem', { n: index + 1 })}
                  onClick={() =>
                    onChange({ type: 'items', value: draft.value.filter((_, i) => i !== index) })
                  }
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <Stack gap={4}>
                <TextInput
                  label={t('catalogue.editor.itemEn')}
                  value={item.en}
                  onChange={(e) => {
                    const value = [...draft.value];
                    value[index] = { ...item, en: e.currentTarget.value };
                    onChange({ type: 'items', value });
                  }}
                />
                <TextInput
                  label={t('catalogue.editor.itemZh')}
                  lang="zh-CN"
                  value={item.zh}
                  onChange={(e) => {
                    const value = [...draft.value];
                    value[index] = { ...item, zh: e.currentTarget.value };
                    onChange({ type: 'items', value });
                  }}
                />
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => onChange({ type: 'items', value: [...draft.value, { en: '', zh: '' }] })}
            >
              {t('catalogue.editor.addItem')}
            </Button>
          </Group>
        </Stack>
      );
  }
}
