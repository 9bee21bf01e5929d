import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../domain/catalogue/schema.ts';
import { api } from '../../lib/api.ts';

/**
 * The catalogue's sources (GET /api/catalogue/sources): every rule names the ids of the laws, provider
 * pages and articles it rests on. Shared by the eligibility result and the footer checker.
 */
export type CatalogueSource = Source;

export function useSources() {
  return useQuery({
    queryKey: ['catalogue', 'sources'],
    queryFn: async () => {
      const { items } = await api.get<{ items: CatalogueSource[] }>('/api/catalogue/sources');
      return new Map(items.map((source) => [source.id, source]));
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One source as a link with its title (or its id while the list loads, or when it has no URL). */
export function SourceLink({ id }: { id: string }) {
  const { data } = useSources();
  const source = data?.get(id);
  const title = source?.title ?? id;
  if (!source?.url) return <span>{title}</span>;
  return (
    <Anchor href={source.url} target="_blank" rel="noopener noreferrer" inherit>
      {title}
    </Anchor>
  );
}

/** "Source: …" under a rule, for lists where each rule has one or two sources. */
export function SourceLine({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation('eligibility');
  if (ids.length === 0) return null;
  return (
    <Text size="xs" c="gray.7">
      {t('sources.label', { count: ids.length })}{' '}
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 && '; '}
          <SourceLink id={id} />
        </span>
      ))}
    </Text>
  );
}
