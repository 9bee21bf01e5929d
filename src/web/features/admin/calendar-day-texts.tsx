import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from './shared.tsx';

/** What a calendar entry says of its day(s): the names in both languages and the notice it comes from. */
export interface DayTexts {
  nameEn: string;
  nameZh: string;
  sourceText: string;
  sourceUrl: string;
}

/**
 * The name and source fields of the single-day form and of the notice form, with the API's field
 * errors under each (`sourceError`: the form's own check of the required source).
 */
export function DayTextFields({
  values,
  onChange,
  error,
  namePlaceholders,
  sourceHint,
  sourceError,
}: {
  values: DayTexts;
  onChange: (patch: Partial<DayTexts>) => void;
  error: unknown;
  namePlaceholders: { en: string; zh: string };
  sourceHint?: string;
  sourceError?: string | undefined;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextInput
        label={t('calendar.form.nameEn')}
        placeholder={namePlaceholders.en}
        value={values.nameEn}
        onChange={(e) => onChange({ nameEn: e.currentTarget.value })}
        error={fieldError(error, 'nameEn')}
      />
      <TextInput
        label={t('calendar.form.nameZh')}
        placeholder={namePlaceholders.zh}
        lang="zh-CN"
        value={values.nameZh}
        onChange={(e) => onChange({ nameZh: e.currentTarget.value })}
        error={fieldError(error, 'nameZh')}
      />
      <TextInput
        label={t('calendar.form.source')}
        placeholder={t('calendar.form.sourcePlaceholder')}
        description={sourceHint}
        value={values.sourceText}
        onChange={(e) => onChange({ sourceText: e.currentTarget.value })}
        required
        error={fieldError(error, 'source.text') ?? sourceError}
      />
      <TextInput
        type="url"
        label={t('calendar.form.sourceUrl')}
        placeholder="https://www.gov.cn/…"
        value={values.sourceUrl}
        onChange={(e) => onChange({ sourceUrl: e.currentTarget.value })}
        error={fieldError(error, 'source.url')}
      />
    </>
  );
}
