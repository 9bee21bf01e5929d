import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Which rows of how many the page shows, and the page links (hidden when one page holds them all).
 * `page` may lie beyond the last page after the list shrank; the caller shows the last one then.
 */
export function ListPager({
  page,
  pageSize,
  total,
  shown,
  onChange,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** Rows on this page. */
  shown: number;
  onChange: (page: number) => void;
  /** Names the list the links page through, for screen readers. */
  label: string;
}) {
  const { t } = useTranslation('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" aria-live="polite">
        {t('pager.range', { from, to: from + shown - (shown > 0 ? 1 : 0), count: total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('pager.label', { list: label })}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            siblings={1}
            boundaries={1}
            size="sm"
            getItemProps={(item) => ({
              'aria-label': t('pager.page', { page: item, pages }),
            })}
            getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}

/** The page of the list to ask for: the URL's, else the first. */
export function readPage(page: number | undefined): number {
  return page !== undefined && page >= 1 ? page : 1;
}
