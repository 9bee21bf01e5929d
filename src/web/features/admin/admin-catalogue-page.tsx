import { Anchor, Badge, Button, Group, List, Modal, Stack, Table, Tabs, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readableTextColor } from '../../app/theme.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { describeSource } from '../eligibility/sources.tsx';
import {
  type CatalogueEdit,
  type Source,
  useCatalogueEdits,
  useProvinces,
  useRevertCatalogueEdit,
  useSources,
} from './api.ts';
import { LexiconTab, TldTab } from './catalogue-lists.tsx';
import { ProvinceRulesTab } from './catalogue-provinces.tsx';
import { formatRuleValue } from './rule-values.ts';
import { AdminNav, READABLE_BADGE, ScrollTable, useActorLabel, useEditProblemText } from './shared.tsx';

export function AdminCataloguePage() {
  const { t } = useTranslation('admin');
  const edits = useCatalogueEdits();
  const [tab, setTab] = useState<string | null>('provinces');
  const [announcement, setAnnouncement] = useState('');
  const items = edits.data?.items ?? [];
  return (
    <>
      <AdminNav />
      <PageTitle title={t('catalogue.title')} description={t('catalogue.description')} />
      <div aria-live="polite">
        {announcement && (
          <Text c="green.9" fw={500} mb="sm">
            {announcement}
          </Text>
        )}
      </div>
      <Tabs
        value={tab}
        onChange={(next) => {
          setTab(next);
          setAnnouncement('');
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="provinces">{t('catalogue.tabs.provinces')}</Tabs.Tab>
          <Tabs.Tab value="tlds">{t('catalogue.tabs.tlds')}</Tabs.Tab>
          <Tabs.Tab value="lexicon">{t('catalogue.tabs.lexicon')}</Tabs.Tab>
          <Tabs.Tab
            value="history"
            rightSection={
              items.length > 0 ? (
                <Badge size="sm" variant="light" circle>
                  {items.length}
                </Badge>
              ) : undefined
            }
          >
            {t('catalogue.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="provinces">
          <ProvinceRulesTab edits={items} onSaved={setAnnouncement} />
        </Tabs.Panel>
        <Tabs.Panel value="tlds">
          <TldTab onSaved={setAnnouncement} />
        </Tabs.Panel>
        <Tabs.Panel value="lexicon">
          <LexiconTab onSaved={setAnnouncement} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <EditHistory edits={edits} onReverted={setAnnouncement} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** One edit in words: "Beijing: Provider review → typically 1, at most 2 working days". */
function useDescribeChange() {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage ?? 'en';
  const provinces = useProvinces();
  return useMemo(() => {
    const names = new Map(
      (provinces.data?.items ?? []).map((p) => [p.code, language === 'zh-CN' ? p.nameZh : p.nameEn]),
    );
    const provinceName = (code: string) => names.get(code) ?? code;
    return (edit: CatalogueEdit): string => {
      const change = edit.change;
      switch (change.kind) {
        case 'province_rule': {
          const base = t('catalogue.history.rule', {
            province: provinceName(change.province),
            field: t(`catalogue.fields.${change.field}`),
          });
          const value =
            change.value === undefined
              ? ''
              : ` → ${formatRuleValue(change.field, change.value, t, language)}`;
          const note =
            change.note === undefined
              ? ''
              : change.note === null
                ? ` (${t('catalogue.history.noteRemoved')})`
                : ` (${t('catalogue.history.noteSet')})`;
          return `${base}${value}${note}`;
        }
        case 'tld_add':
          return t('catalogue.history.tldAdd', { tld: change.tld });
        case 'tld_remove':
          return t('catalogue.history.tldRemove', { tld: change.tld });
        case 'lexicon_add':
        case 'lexicon_remove': {
          const list = t(`catalogue.lexicon.lists.${change.list}`);
          const where = change.province ? ` · ${provinceName(change.province)}` : '';
          return change.kind === 'lexicon_add'
            ? t('catalogue.history.wordAdd', { term: change.term, list: `${list}${where}` })
            : t('catalogue.history.wordRemove', { term: change.term, list: `${list}${where}` });
        }
        default:
          return JSON.stringify(change);
      }
    };
  }, [provinces.data, language, t]);
}

function SourceCell({ edit, sources }: { edit: CatalogueEdit; sources: Map<string, Source> }) {
  const source = edit.newSource ?? sources.get(edit.sourceId);
  if (!source) return <Text size="sm">{edit.sourceId}</Text>;
  const { title, lang } = describeSource(source);
  return source.url ? (
    <Anchor href={source.url} target="_blank" rel="noreferrer" size="sm" lang={lang}>
      {title}
    </Anchor>
  ) : (
    <Text size="sm" lang={lang}>
      {title}
    </Text>
  );
}

function EditHistory({
  edits,
  onReverted,
}: {
  edits: ReturnType<typeof useCatalogueEdits>;
  onReverted: (message: string) => void;
}) {
  const { t } = useTranslation('admin');
  const describe = useDescribeChange();
  const actorLabel = useActorLabel();
  const describeProblem = useEditProblemText();
  const sources = useSources();
  const sourceMap = useMemo(() => new Map((sources.data?.items ?? []).map((s) => [s.id, s])), [sources.data]);
  const [reverting, setReverting] = useState<CatalogueEdit | null>(null);
  const revert = useRevertCatalogueEdit();
  const items = edits.data?.items ?? [];
  if (edits.error) return <ApiErrorAlert error={edits.error} onRetry={() => void edits.refetch()} />;
  if (edits.isPending) return <Text c="dimmed">{t('common:states.loading')}</Text>;
  if (items.length === 0) return <Text c="dimmed">{t('catalogue.history.empty')}</Text>;
  const statusColor = { applied: 'green', reverted: 'gray', not_applied: 'orange' } as const;
  return (
    <>
      <ScrollTable label={t('catalogue.tabs.history')} minWidth={900}>
        <Table verticalSpacing="xs" striped data-testid="catalogue-edits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.history.when')}</Table.Th>
              <Table.Th>{t('catalogue.history.who')}</Table.Th>
              <Table.Th>{t('catalogue.history.change')}</Table.Th>
              <Table.Th>{t('catalogue.history.source')}</Table.Th>
              <Table.Th>{t('catalogue.history.status')}</Table.Th>
              <Table.Th>{t('users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((edit) => (
              <Table.Tr key={edit.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={edit.createdAt}>{formatDateTime(edit.createdAt)}</time>
                </Table.Td>
                <Table.Td>{actorLabel(edit.createdBy)}</Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm">{describe(edit)}</Text>
                  {edit.problems && edit.problems.length > 0 && (
                    <List size="xs" c={readableTextColor('orange')}>
                      {edit.problems.map((p) => (
                        <List.Item key={`${p.code}:${p.message}`}>{describeProblem(p)}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
                <Table.Td maw={240}>
                  <SourceCell edit={edit} sources={sourceMap} />
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColor[edit.status]} variant="light" {...READABLE_BADGE}>
                    {t(`catalogue.history.statuses.${edit.status}`)}
                  </Badge>
                  {edit.revertedAt && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {t('catalogue.history.revertedBy', {
                        who: actorLabel(edit.revertedBy ?? ''),
                        when: formatDateTime(edit.revertedAt),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {edit.status !== 'reverted' && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => setReverting(edit)}
                      aria-label={t('catalogue.history.revertLabel', { change: describe(edit) })}
                    >
                      {t('catalogue.history.revert')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Modal
        opened={reverting !== null}
        onClose={() => {
          setReverting(null);
          revert.reset();
        }}
        title={t('catalogue.history.revertTitle')}
        centered
      >
        {reverting && (
          <Stack>
            <Text>{describe(reverting)}</Text>
            <Text size="sm" c="dimmed">
              {t('catalogue.history.revertBody')}
            </Text>
            {revert.error && <ApiErrorAlert error={revert.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReverting(null)}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                color="red"
                loading={revert.isPending}
                onClick={async () => {
                  try {
                    await revert.mutateAsync(reverting.id);
                    onReverted(t('catalogue.history.reverted', { change: describe(reverting) }));
                    setReverting(null);
                  } catch {
                    // Shown in the dialog (409: later edits build on it).
                  }
                }}
              >
                {t('catalogue.history.revert')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
