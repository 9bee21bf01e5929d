import { Button, Group } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** The pages of a reviewer's console, as a row of links under the header (the current one marked). */
export function ConsoleNav({ items }: { items: { to: string; label: string }[] }) {
  const { t } = useTranslation('provider');
  const pathname = useRouterState({ select: (s) => s.location.pathname.replace(/\/$/u, '') });
  return (
    <Group component="nav" aria-label={t('nav.label')} gap="xs" mb="md" wrap="wrap">
      {items.map((item) => {
        const current = pathname === item.to;
        return (
          <Button
            key={item.to}
            component={Link}
            to={item.to}
            size="xs"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
          >
            {item.label}
          </Button>
        );
      })}
    </Group>
  );
}

export function useProviderNav() {
  const { t } = useTranslation('provider');
  return [
    { to: '/provider', label: t('nav.queue') },
    { to: '/provider/instances', label: t('nav.instances') },
    { to: '/provider/stats', label: t('common:nav.stats') },
  ];
}
