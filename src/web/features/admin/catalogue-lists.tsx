import {
  Badge,
  Button,
  CloseButton,
  Group,
  List,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import {
  type CatalogueChange,
  LEXICON_LISTS,
  type LexiconList,
  useAddCatalogueEdit,
  useLexicon,
  useProvinces,
  useTlds,
} from './api.ts';
import {
  EditProblemsAlert,
  editProblems,
  emptySource,
  fieldError,
  type SourceDraft,
  SourcePicker,
  toEditSource,
} from './shared.tsx';

type Action = 'add' | 'remove';

/**
 * Adds a word (or TLD) to a list or removes it, with the source that justifies it. The list's
 * remove buttons fill this form in, so a removal names its source too.
 */
function ListEditForm({
  id,
  title,
  termLabel,
  termPlaceholder,
  termRequired,
  action,
  term,
  onAction,
  onTerm,
  buildChange,
  onSaved,
  children,
}: {
  id: string;
  title: string;
  termLabel: string;
  termPlaceholder: string;
  /** What the term box says when it is left empty. */
  termRequired: string;
  action: Action;
  term: string;
  onAction: (action: Action) => void;
  onTerm: (term: string) => void;
  buildChange: (action: Action, term: string) => CatalogueChange;
  onSaved: (message: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  const save = useAddCatalogueEdit();
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const [touched, setTouched] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    const editSource = toEditSource(source);
    if (!term.trim() || !editSource) return;
    try {
      await save.mutateAsync({ change: buildChange(action, term.trim()), source: editSource });
      onSaved(
        action === 'add'
          ? t('catalogue.lists.added', { term: term.trim() })
          : t('catalogue.lists.removed', { term: term.trim() }),
      );
      onTerm('');
      setTouched(false);
    } catch {
      // Shown below.
    }
  }
  const problems = editProblems(save.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={3} size="h4" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {children}
          <NativeSelect
            label={t('catalogue.lists.action')}
            value={action}
            onChange={(e) => onAction(e.currentTarget.value as Action)}
            data={[
              { value: 'add', label: t('catalogue.lists.add') },
              { value: 'remove', label: t('catalogue.lists.remove') },
            ]}
          />
          <TextInput
            id={`${id}-term`}
            label={termLabel}
            placeholder={termPlaceholder}
            value={term}
            onChange={(e) => onTerm(e.currentTarget.value)}
            required
            error={
              fieldError(save.error, 'change.term', 'change.tld') ??
              (touched && !term.trim() ? termRequired : undefined)
            }
          />
          <SourcePicker value={source} onChange={setSource} error={save.error} showErrors={touched} />
          {save.error &&
            (problems.length > 0 ? (
              <EditProblemsAlert problems={problems} />
            ) : (
              <ApiErrorAlert error={save.error} />
            ))}
          <Group>
            <Button type="submit" loading={save.isPending} color={action === 'remove' ? 'red' : undefined}>
              {action === 'add' ? t('catalogue.lists.addSubmit') : t('catalogue.lists.removeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Words (or TLDs) as a list of tags, each with a button that prepares its removal. */
function WordChips({
  words,
  label,
  onRemove,
  display = (w) => w,
}: {
  words: string[];
  label: string;
  onRemove: (word: string) => void;
  display?: (word: string) => string;
}) {
  const { t } = useTranslation('admin');
  if (words.length === 0) return <Text c="dimmed">{t('catalogue.lists.emptyList')}</Text>;
  return (
    <Group gap={6} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {words.map((word) => (
        <li key={word}>
          <Badge
            variant="light"
            color="gray"
            size="lg"
            style={{ textTransform: 'none' }}
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t('catalogue.lists.removeLabel', { term: display(word) })}
                onClick={() => onRemove(word)}
              />
            }
          >
            {display(word)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

function focusTerm(id: string) {
  // After the list's × fills the form in: take the keyboard user there.
  requestAnimationFrame(() => document.getElementById(`${id}-term`)?.focus());
}

export function TldTab({ onSaved }: { onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation('admin');
  const tlds = useTlds();
  const [action, setAction] = useState<Action>('add');
  const [term, setTerm] = useState('');
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase().replace(/^\./, '');
  const fileable = (tlds.data?.fileable ?? []).filter((tld) => !needle || tld.includes(needle));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <ListEditForm
        id="tld-form"
        title={t('catalogue.tlds.formTitle')}
        termLabel={t('catalogue.tlds.tld')}
        termPlaceholder={t('catalogue.tlds.tldPlaceholder')}
        termRequired={t('catalogue.tlds.tldRequired')}
        action={action}
        term={term}
        onAction={setAction}
        onTerm={setTerm}
        buildChange={(a, tld) => ({
          kind: a === 'add' ? 'tld_add' : 'tld_remove',
          tld: tld.replace(/^\./, ''),
        })}
        onSaved={onSaved}
      />
      <Stack gap="sm" component="section" aria-labelledby="tld-list-title">
        <Title order={3} size="h4" id="tld-list-title">
          {t('catalogue.tlds.listTitle')}
        </Title>
        {tlds.error ? (
          <ApiErrorAlert error={tlds.error} onRetry={() => void tlds.refetch()} />
        ) : !tlds.data ? (
          <Text c="dimmed">{t('common:states.loading')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('catalogue.tlds.listHint', { count: tlds.data.fileable.length, date: tlds.data.listDate })}
            </Text>
            <TextInput
              label={t('catalogue.tlds.filter')}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              type="search"
              maw={300}
            />
            <WordChips
              words={fileable}
              label={t('catalogue.tlds.listTitle')}
              display={(tld) => `.${tld}`}
              onRemove={(tld) => {
                setAction('remove');
                setTerm(tld);
                focusTerm('tld-form');
              }}
            />
            {tlds.data.notFileable.length > 0 && (
              <>
                <Title order={3} size="h4" mt="md">
                  {t('catalogue.tlds.notFileable')}
                </Title>
                <List size="sm" spacing={4}>
                  {tlds.data.notFileable.map((entry) => (
                    <List.Item key={entry.tld}>
                      <strong>.{entry.tld}</strong> —{' '}
                      {i18n.resolvedLanguage === 'zh-CN' ? entry.note.zh : entry.note.en}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </>
        )}
      </Stack>
    </SimpleGrid>
  );
}

export function LexiconTab({ onSaved }: { onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation('admin');
  const lexicon = useLexicon();
  const provinces = useProvinces();
  const [list, setList] = useState<LexiconList>('sensitiveWords');
  const [province, setProvince] = useState<string | null>(null);
  const [action, setAction] = useState<Action>('add');
  const [term, setTerm] = useState('');
  const perProvince = list === 'provinceIndividualBanned';
  const words = lexicon.data
    ? perProvince
      ? province
        ? (lexicon.data.provinceIndividualBanned[province]?.words ?? [])
        : undefined
      : lexicon.data[list].words
    : undefined;
  const provinceOptions = (provinces.data?.items ?? []).map((p) => ({
    value: p.code,
    label: i18n.resolvedLanguage === 'zh-CN' ? p.nameZh : p.nameEn,
  }));
  const listSelect = (
    <NativeSelect
      label={t('catalogue.lexicon.list')}
      value={list}
      onChange={(e) => setList(e.currentTarget.value as LexiconList)}
      data={LEXICON_LISTS.map((l) => ({ value: l, label: t(`catalogue.lexicon.lists.${l}`) }))}
      description={t(`catalogue.lexicon.listHints.${list}`)}
    />
  );
  const provinceSelect = perProvince && (
    <Select
      label={t('catalogue.lexicon.province')}
      data={provinceOptions}
      value={province}
      onChange={setProvince}
      searchable
      required
      error={perProvince && !province ? t('catalogue.lexicon.pickProvince') : undefined}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <div>
        <ListEditForm
          id="lexicon-form"
          title={t('catalogue.lexicon.formTitle')}
          termLabel={t('catalogue.lexicon.term')}
          termPlaceholder={t('catalogue.lexicon.termPlaceholder')}
          termRequired={t('catalogue.lexicon.termRequired')}
          action={action}
          term={term}
          onAction={setAction}
          onTerm={setTerm}
          buildChange={(a, word) => ({
            kind: a === 'add' ? 'lexicon_add' : 'lexicon_remove',
            list,
            ...(perProvince && province ? { province } : {}),
            term: word,
          })}
          onSaved={onSaved}
        >
          {listSelect}
          {provinceSelect}
        </ListEditForm>
      </div>
      <Stack gap="sm" component="section" aria-labelledby="lexicon-list-title">
        <Title order={3} size="h4" id="lexicon-list-title">
          {t(`catalogue.lexicon.lists.${list}`)}
        </Title>
        {lexicon.error ? (
          <>
            <ApiErrorAlert error={lexicon.error} onRetry={() => void lexicon.refetch()} />
            <Text size="sm" c="dimmed">
              {t('catalogue.lexicon.loadFailed')}
            </Text>
          </>
        ) : !lexicon.data ? (
          <Text c="dimmed">{t('common:states.loading')}</Text>
        ) : words === undefined ? (
          <Text c="dimmed">{t('catalogue.lexicon.pickProvince')}</Text>
        ) : (
          <WordChips
            words={words}
            label={t(`catalogue.lexicon.lists.${list}`)}
            onRemove={(word) => {
              setAction('remove');
              setTerm(word);
              focusTerm('lexicon-form');
            }}
          />
        )}
      </Stack>
    </SimpleGrid>
  );
}
