import { Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, also written to the document title (what screen readers and tabs show). */
export function PageTitle({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('brand')}`;
  }, [title, t]);
  return (
    <Stack gap={4} mb="lg">
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'flex-start',
          gap: 12,
          flexWrap: 'wrap',
        }}
      >
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {title}
        </Title>
        {actions}
      </div>
      {description && (
        <Text c="dimmed" maw={760}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
