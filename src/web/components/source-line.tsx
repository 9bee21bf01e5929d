import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeSource, SOURCE_LINK_CLASS, useSources } from '../features/eligibility/sources.tsx';

/**
 * "Source: …" under a check or a material, each source a link with its title (the catalogue's
 * sources, GET /api/catalogue/sources), titled in the UI language where the catalogue has it; `label`
 * replaces "Source:" where the eligibility texts are not loaded. The links are underlined: in a line of grey text the colour
 * alone would not set them apart (WCAG 1.4.1), so they keep the line’s grey and carry the underline.
 */
export function SourceLine({ ids, label }: { ids: readonly string[]; label?: string }) {
  const { t } = useTranslation();
  const { data } = useSources();
  if (ids.length === 0) return null;
  return (
    <Text size="xs" c="gray.7">
      {label ?? t('eligibility:sources.label', { count: ids.length })}{' '}
      {ids.map((id, index) => {
        const source = data?.get(id);
        const { title, lang } = source ? describeSource(source) : { title: id, lang: undefined };
        return (
          <span key={id}>
            {index > 0 && '; '}
            {source?.url ? (
              <Anchor
                href={source.url}
                target="_blank"
                rel="noopener noreferrer"
                inherit
                underline="always"
                c="gray.8"
                lang={lang}
                className={SOURCE_LINK_CLASS}
              >
                {title}
              </Anchor>
            ) : (
              <span lang={lang}>{title}</span>
            )}
          </span>
        );
      })}
    </Text>
  );
}
