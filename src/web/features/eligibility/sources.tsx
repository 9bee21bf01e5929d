import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../domain/catalogue/schema.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import type { Language } from '../../i18n/messages.ts';
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

/**
 * A source's title for the UI language: in Chinese the text's own Chinese title where the catalogue
 * has one. `lang` is set when the title is not in the UI language, so a screen reader pronounces it right.
 */
export function describeSource(
  source: Pick<CatalogueSource, 'title' | 'titleZh'>,
  language: Language = currentLanguage(),
): { title: string; lang?: string } {
  if (language === 'zh-CN')
    return source.titleZh ? { title: source.titleZh } : { title: source.title, lang: 'en' };
  return { title: source.title };
}

/**
 * Links to sources carry this class: printed (or saved as PDF), each shows its address after it, so a
 * printed result keeps its references (app/styles.css).
 */
export const SOURCE_LINK_CLASS = 'source-link';

/** One source as a link with its title (or its id while the list loads, or when it has no URL). */
export function SourceLink({ id }: { id: string }) {
  useTranslation();
  const { data } = useSources();
  const source = data?.get(id);
  if (!source) return <span>{id}</span>;
  const { title, lang } = describeSource(source);
  if (!source.url) return <span lang={lang}>{title}</span>;
  return (
    <Anchor
      href={source.url}
      target="_blank"
      rel="noopener noreferrer"
      inherit
      lang={lang}
      className={SOURCE_LINK_CLASS}
    >
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
