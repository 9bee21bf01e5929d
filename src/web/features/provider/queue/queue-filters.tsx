import { Button, Group, SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconAdjustments, IconSearch } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../../../domain/workflow/order-status.ts';
import type { OrderTypeId } from '../../../../domain/workflow/order-type.ts';
import { localize } from '../../../lib/format.ts';
import { useCatalogueList, useProvinces } from '../api.ts';
import { MAX_QUEUE_SEARCH, QUEUE_FLAGS, type QueueFlag, type QueueSearch } from './queue-search.ts';

/**
 * The reviewer's filters, bound to the URL's query (queue-search.ts): the API filters, sorts and pages
 * (status, type, province, deadline flag and the search over reference, domain, numbers and entity
 * name). Any change goes back to the first page.
 */

const FLAGS = QUEUE_FLAGS;

/** How a filter change reaches the URL: typing replaces the history entry, a choice adds one. */
export type QueueSearchChange = (next: QueueSearch, options?: { replace?: boolean }) => void;

/** The search box: what is typed reaches the URL after a pause; back and forward bring the URL's text back. */
function SearchInput({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const { t } = useTranslation('provider');
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const send = useDebouncedCallback((next: string) => {
    sent.current = next.trim();
    onChange(next);
  }, 350);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  return (
    <TextInput
      label={t('queue.search')}
      placeholder={t('queue.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      maxLength={MAX_QUEUE_SEARCH}
      onChange={(event) => {
        setText(event.currentTarget.value);
        send(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          send.flush();
        }
      }}
      type="search"
    />
  );
}

export function QueueFilters({
  value,
  onChange,
  statuses,
  showView = true,
  hide = [],
}: {
  value: QueueSearch;
  onChange: QueueSearchChange;
  /** The statuses that can occur in the list as it is now (the view shown). */
  statuses: readonly OrderStatus[];
  showView?: boolean;
  /** Filters that make no sense in this console (one province for an authority). */
  hide?: readonly ('status' | 'province')[];
}) {
  const { t } = useTranslation('provider');
  const provinces = useProvinces().data?.items ?? [];
  const orderTypes = useCatalogueList('order-types').data?.items ?? [];
  // Every change shows the first page of the new list.
  const set = (patch: Partial<QueueSearch>, replace = false) => {
    const next: QueueSearch = { ...value, ...patch };
    delete next.page;
    delete next.smsPage;
    for (const key of Object.keys(next) as (keyof QueueSearch)[]) {
      if (next[key] === undefined) delete next[key];
    }
    onChange(next, { replace });
  };
  // On phones the selects fold away behind one button, so the list starts on the first screen.
  const wide = useMediaQuery('(min-width: 36em)', true);
  const [unfolded, setUnfolded] = useState(false);
  const status = value.status && statuses.includes(value.status) ? value.status : null;
  const active = [status, value.type, value.province, value.flag].filter(Boolean).length;
  const showSelects = wide || unfolded;
  const selectsId = useId();
  const changed = active > 0 || (value.q ?? '') !== '';

  return (
    <form aria-label={t('queue.filters')} onSubmit={(event) => event.preventDefault()}>
      {showView && (
        <SegmentedControl
          mb="sm"
          aria-label={t('queue.viewLabel')}
          value={value.view ?? 'queue'}
          onChange={(view) => set({ view: view === 'all' ? 'all' : undefined })}
          data={[
            { value: 'queue', label: t('queue.views.queue') },
            { value: 'all', label: t('queue.views.all') },
          ]}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 - hide.length }} spacing="sm" id={selectsId}>
        <SearchInput
          value={value.q ?? ''}
          onChange={(text) => set({ q: text.trim() === '' ? undefined : text.trim() }, true)}
        />
        {!wide && (
          <Button
            variant="default"
            leftSection={<IconAdjustments size={16} aria-hidden />}
            aria-expanded={unfolded}
            aria-controls={selectsId}
            onClick={() => setUnfolded((open) => !open)}
          >
            {active > 0 ? t('queue.moreFiltersActive', { count: active }) : t('queue.moreFilters')}
          </Button>
        )}
        {showSelects && !hide.includes('status') && (
          <Select
            label={t('queue.status')}
            placeholder={t('queue.any')}
            data={statuses.map((option) => ({ value: option, label: localize(ORDER_STATUS_LABELS[option]) }))}
            value={status}
            onChange={(next) => set({ status: (next as OrderStatus | null) ?? undefined })}
            clearable
            clearButtonProps={{ 'aria-label': t('controls.clear') }}
          />
        )}
        {showSelects && (
          <Select
            label={t('queue.type')}
            placeholder={t('queue.any')}
            data={orderTypes.map((type) => ({
              value: type.id,
              label: localize({ en: type.nameEn, zh: type.nameZh }),
            }))}
            value={value.type ?? null}
            onChange={(type) => set({ type: (type as OrderTypeId | null) ?? undefined })}
            clearable
            clearButtonProps={{ 'aria-label': t('controls.clear') }}
          />
        )}
        {showSelects && !hide.includes('province') && (
          <Select
            label={t('queue.province')}
            placeholder={t('queue.any')}
            data={provinces.map((p) => ({ value: p.code, label: localize({ en: p.nameEn, zh: p.nameZh }) }))}
            value={value.province === undefined ? null : String(value.province)}
            onChange={(province) => set({ province: province ? Number(province) : undefined })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('controls.clear') }}
          />
        )}
        {showSelects && (
          <Select
            label={t('queue.flag')}
            placeholder={t('queue.any')}
            data={FLAGS.map((flag) => ({ value: flag, label: t(`queue.flags.${flag}`) }))}
            value={value.flag ?? null}
            onChange={(flag) => set({ flag: (flag as QueueFlag | null) ?? undefined })}
            clearable
            clearButtonProps={{ 'aria-label': t('controls.clear') }}
          />
        )}
      </SimpleGrid>
      {changed && (
        <Group mt="xs">
          <Button
            variant="subtle"
            size="xs"
            onClick={() => onChange(value.view === undefined ? {} : { view: value.view })}
          >
            {t('queue.clearFilters')}
          </Button>
        </Group>
      )}
    </form>
  );
}
