import { Alert, Button, CloseButton, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderContentDraft } from '../../../../domain/order-content/order-content.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import type { FieldError } from '../../../lib/api.ts';
import { localize } from '../../../lib/format.ts';
import { type ReasonInput, type ReturnReasonTemplate, useReturnReasonTemplates } from '../api.ts';
import { buildFieldOptions, templatesFor } from './fields.ts';

/**
 * Structured reasons for a return, a rejection or a failed identity check: each on a field (or the
 * whole order), from a catalogue template and/or in the reviewer's own words. Several at once.
 */

export interface ReasonDraft {
  key: string;
  fieldPath: string;
  templateId: string | null;
  note: string;
}

let nextKey = 0;
export function newReasonDraft(fieldPath = '', templateId: string | null = null): ReasonDraft {
  nextKey += 1;
  return { key: `r${nextKey}`, fieldPath, templateId, note: '' };
}

/** A draft is complete when it has a template or some words. */
export function isReasonComplete(draft: ReasonDraft): boolean {
  return draft.templateId !== null || draft.note.trim() !== '';
}

/**
 * The wire form. A template alone sends its id (the server fills in its text in both languages);
 * with the reviewer's words added, both languages carry the template's text followed by the words.
 */
export function toReasonInputs(
  drafts: readonly ReasonDraft[],
  templates: readonly ReturnReasonTemplate[],
  fallbackCode: string,
): ReasonInput[] {
  const language = currentLanguage();
  return drafts.map((draft) => {
    const template = templates.find((candidate) => candidate.id === draft.templateId);
    const note = draft.note.trim();
    const reason: ReasonInput = {};
    if (draft.fieldPath) reason.fieldPath = draft.fieldPath;
    if (template) {
      reason.templateId = template.id;
      if (note) reason.text = { en: `${template.text.en} ${note}`, zh: `${template.text.zh} ${note}` };
    } else {
      reason.reasonCode = fallbackCode;
      reason.text = language === 'zh-CN' ? { zh: note } : { en: note };
    }
    return reason;
  });
}

/** The API's field errors for reason i (`reasons.0.text` …), and those about the whole list. */
function errorsFor(errors: readonly FieldError[], index: number | 'list'): string | undefined {
  const matching = errors.filter((e) =>
    index === 'list' ? e.path === 'reasons' || e.path === '' : e.path.startsWith(`reasons.${index}`),
  );
  return matching.length > 0 ? matching.map((e) => e.message).join(' ') : undefined;
}

function ReasonRow({
  index,
  draft,
  content,
  templates,
  onChange,
  onRemove,
  error,
  showIncomplete,
}: {
  index: number;
  draft: ReasonDraft;
  content: OrderContentDraft;
  templates: readonly ReturnReasonTemplate[];
  onChange: (next: ReasonDraft) => void;
  onRemove?: () => void;
  error?: string;
  showIncomplete: boolean;
}) {
  const { t } = useTranslation('provider');
  const headingId = useId();
  const fieldOptions = buildFieldOptions(t, content);
  const fitting = templatesFor(templates, draft.fieldPath || undefined);
  const template = templates.find((candidate) => candidate.id === draft.templateId);
  const incomplete = showIncomplete && !isReasonComplete(draft);

  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Text id={headingId} fw={600} size="sm">
          {t('reasons.reasonN', { n: index + 1 })}
        </Text>
        {onRemove && (
          <CloseButton aria-label={t('reasons.remove', { n: index + 1 })} onClick={onRemove} size="sm" />
        )}
      </Group>
      <Stack gap="xs">
        <Select
          label={t('reasons.field')}
          data={fieldOptions}
          value={draft.fieldPath}
          onChange={(value) => {
            const fieldPath = value ?? '';
            const keep =
              template && templatesFor(templates, fieldPath || undefined).some((c) => c.id === template.id);
            onChange({ ...draft, fieldPath, templateId: keep ? draft.templateId : null });
          }}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        {templates.length > 0 && (
          <Select
            label={t('reasons.template')}
            placeholder={t('reasons.templatePlaceholder')}
            data={fitting.map((candidate) => ({ value: candidate.id, label: localize(candidate.text) }))}
            value={draft.templateId}
            onChange={(value) => onChange({ ...draft, templateId: value })}
            clearable
            clearButtonProps={{ 'aria-label': t('controls.clear') }}
            searchable
            nothingFoundMessage={t('reasons.noTemplate')}
            comboboxProps={{ withinPortal: true }}
            renderOption={({ option }) => (
              <Text size="sm" lineClamp={3}>
                {option.label}
              </Text>
            )}
          />
        )}
        {template && (
          <Text size="sm" c="dimmed">
            {localize(template.text)}
          </Text>
        )}
        <Textarea
          label={template ? t('reasons.noteExtra') : t('reasons.note')}
          description={template ? t('reasons.noteExtraHelp') : undefined}
          value={draft.note}
          onChange={(event) => onChange({ ...draft, note: event.currentTarget.value })}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1500}
          error={error ?? (incomplete ? t('reasons.incomplete') : undefined)}
        />
      </Stack>
    </Paper>
  );
}

export function ReasonsEditor({
  value,
  onChange,
  content,
  errors = [],
  showIncomplete = false,
}: {
  value: ReasonDraft[];
  onChange: (next: ReasonDraft[]) => void;
  content: OrderContentDraft;
  errors?: readonly FieldError[];
  showIncomplete?: boolean;
}) {
  const { t } = useTranslation('provider');
  const templates = useReturnReasonTemplates();
  const listError = errorsFor(errors, 'list');
  return (
    <Stack gap="sm">
      {templates.isError && (
        <Alert color="yellow" variant="light">
          {t('reasons.templatesUnavailable')}
        </Alert>
      )}
      {value.map((draft, index) => (
        <ReasonRow
          key={draft.key}
          index={index}
          draft={draft}
          content={content}
          templates={templates.data?.items ?? []}
          onChange={(next) => onChange(value.map((d) => (d.key === draft.key ? next : d)))}
          onRemove={value.length > 1 ? () => onChange(value.filter((d) => d.key !== draft.key)) : undefined}
          error={errorsFor(errors, index)}
          showIncomplete={showIncomplete}
        />
      ))}
      {listError && (
        <Text c="red" size="sm" role="alert">
          {listError}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onChange([...value, newReasonDraft()])}
          disabled={value.length >= 50}
        >
          {t('reasons.add')}
        </Button>
      </Group>
    </Stack>
  );
}
