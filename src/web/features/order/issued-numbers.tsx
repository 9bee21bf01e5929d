import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Order } from './api.ts';

function NumberLine({ number }: { number: string }) {
  const { t } = useTranslation('order');
  return (
    <Group gap="sm" wrap="wrap">
      <Text fw={700} ff="monospace" fz="lg">
        {number}
      </Text>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/registry" search={{ q: number }} />}>
        {t('numbers.inRegistry')}
      </Anchor>
    </Group>
  );
}

/** The numbers an approval issued (or recorded), with where to check them and how to show them. */
export function IssuedNumbers({ order }: { order: Order }) {
  const { t } = useTranslation('order');
  if (order.status !== 'approved') return null;
  if (!order.entityNumber && order.issuedServiceNumbers.length === 0) return null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="numbers-title"
      style={{ borderLeft: '4px solid var(--mantine-color-green-7)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="numbers-title">
          {t('numbers.title')}
        </Title>
        {order.entityNumber && (
          <div>
            <Text size="sm" c="gray.7">
              {t('numbers.entity')}
            </Text>
            <NumberLine number={order.entityNumber} />
          </div>
        )}
        {order.issuedServiceNumbers.length > 0 && (
          <div>
            <Text size="sm" c="gray.7">
              {t('numbers.services')}
            </Text>
            {order.issuedServiceNumbers.map((number) => (
              <NumberLine key={number} number={number} />
            ))}
          </div>
        )}
        <Group gap="sm" wrap="wrap">
          <Text size="sm">{t('numbers.footerHint')}</Text>
          <Button component={Link} to="/footer-check" size="xs" variant="default">
            {t('numbers.footerCheck')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
