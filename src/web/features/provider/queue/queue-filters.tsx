import { Button, Group, SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustments, IconSearch } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../../../domain/workflow/order-status.ts';
import { localize } from '../../../lib/format.ts';
import { type DeadlineFlag, type OrderSummary, useCatalogueList, useProvinces } from '../api.ts';

/**
 * The reviewer's filters. Status and order type go to the API; province, deadline flag and the search
 * (reference or domain — the list carries no names) filter the page of orders in the browser.
 */

export interface QueueFilterValues {
  view: 'queue' | 'all';
  status: OrderStatus | null;
  type: string | null;
  province: string | null;
  flag: DeadlineFlag | null;
  search: string;
}

export const emptyFilters: QueueFilterValues = {
  view: 'queue',
  status: null,
  type: null,
  province: null,
  flag: null,
  search: '',
};

const FLAGS: DeadlineFlag[] = ['overdue', 'due_today', 'due_soon', 'on_track'];

const FLAG_RANK: Record<DeadlineFlag, number> = {
  overdue: 0,
  due_today: 1,
  due_soon: 2,
  on_track: 3,
  none: 4,
};

/** Client-side filters, then nearest deadline first (orders without one last). */
export function applyFilters(orders: readonly OrderSummary[], filters: QueueFilterValues): OrderSummary[] {
  const search = filters.search.trim().toLowerCase();
  return orders
    .filter((order) => !filters.province || order.provinceCode === filters.province)
    .filter((order) => !filters.flag || order.deadlineFlag === filters.flag)
    .filter(
      (order) =>
        !search ||
        order.reference.toLowerCase().includes(search) ||
        String(order.id) === search ||
        (order.domain ?? '').toLowerCase().includes(search) ||
        (order.entityNumber ?? '').toLowerCase().includes(search),
    )
    .sort((a, b) => {
      const da = a.activeDeadline?.due;
      const db = b.activeDeadline?.due;
      if (da && db) return da.localeCompare(db);
      if (da || db) return da ? -1 : 1;
      return FLAG_RANK[a.deadlineFlag] - FLAG_RANK[b.deadlineFlag] || b.updatedAt.localeCompare(a.updatedAt);
    });
}

export function QueueFilters({
  value,
  onChange,
  statuses,
  showView = true,
  hide = [],
}: {
  value: QueueFilterValues;
  onChange: (next: QueueFilterValues) => void;
  /** The statuses worth filtering by in this console. */
  statuses: readonly OrderStatus[];
  showView?: boolean;
  /** Filters that make no sense in this console (one province for an authority). */
  hide?: readonly ('status' | 'province')[];
}) {
  const { t } = useTranslation('provider');
  const provinces = useProvinces().data?.items ?? [];
  const orderTypes = useCatalogueList('order-types').data?.items ?? [];
  const set = (patch: Partial<QueueFilterValues>) => onChange({ ...value, ...patch });
  // On phones the selects fold away behind one button, so the list starts on the first screen.
  const wide = useMediaQuery('(min-width: 36em)', true);
  const [unfolded, setUnfolded] = useState(false);
  const active = [value.status, value.type, value.province, value.flag].filter(Boolean).length;
  const showSelects = wide || unfolded;
  const selectsId = useId();
  const changed = value.status || value.type || value.province || value.flag || value.search.trim() !== '';

  return (
    <form aria-label={t('queue.filters')} onSubmit={(event) => event.preventDefault()}>
      {showView && (
        <SegmentedControl
          mb="sm"
          aria-label={t('queue.viewLabel')}
          value={value.view}
          onChange={(view) => set({ view: view as QueueFilterValues['view'] })}
          data={[
            { value: 'queue', label: t('queue.views.queue') },
            { value: 'all', label: t('queue.views.all') },
          ]}
        />
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 - hide.length }} spacing="sm" id={selectsId}>
        <TextInput
          label={t('queue.search')}
          placeholder={t('queue.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={value.search}
          onChange={(event) => set({ search: event.currentTarget.value })}
          type="search"
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
            data={statuses.map((status) => ({ value: status, label: localize(ORDER_STATUS_LABELS[status]) }))}
            value={value.status}
            onChange={(status) => set({ status: status as OrderStatus | null })}
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
            value={value.type}
            onChange={(type) => set({ type })}
            clearable
            clearButtonProps={{ 'aria-label': t('controls.clear') }}
          />
        )}
        {showSelects && !hide.includes('province') && (
          <Select
            label={t('queue.province')}
            placeholder={t('queue.any')}
            data={provinces.map((p) => ({ value: p.code, label: localize({ en: p.nameEn, zh: p.nameZh }) }))}
            value={value.province}
            onChange={(province) => set({ province })}
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
            value={value.flag}
            onChange={(flag) => set({ flag: flag as DeadlineFlag | null })}
            clearable
            clearButtonProps={{ 'aria-label': t('controls.clear') }}
          />
        )}
      </SimpleGrid>
      {changed && (
        <Group mt="xs">
          <Button variant="subtle" size="xs" onClick={() => onChange({ ...emptyFilters, view: value.view })}>
            {t('queue.clearFilters')}
          </Button>
        </Group>
      )}
    </form>
  );
}
