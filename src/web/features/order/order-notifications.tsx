import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { formatDateTime, localize } from '../../lib/format.ts';
import { useMarkRead, useOrderInbox } from '../inbox/api.ts';

/** How many messages show before "Show all": the newest tell what is going on. */
const FIRST_SHOWN = 3;

/** The caller's notifications about this order (returns, SMS codes, approvals), newest first. */
export function OrderNotifications({ orderId }: { orderId: number }) {
  const { t } = useTranslation('order');
  const { data, error, isPending } = useOrderInbox(orderId);
  const markRead = useMarkRead();
  const [showAll, setShowAll] = useState(false);
  const messages = data?.items ?? [];
  const shown = showAll ? messages : messages.slice(0, FIRST_SHOWN);
  const unreadIds = messages.filter((m) => !m.readAt).map((m) => m.id);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="order-notifications-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="order-notifications-title">
            {t('notifications.title')}
          </Title>
          {unreadIds.length > 0 && (
            <Button
              size="compact-sm"
              variant="subtle"
              loading={markRead.isPending}
              onClick={() => markRead.mutate(unreadIds)}
            >
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        {error && <ApiErrorAlert error={error} />}
        {isPending && <Text size="sm">{t('common:states.loading')}</Text>}
        {data && messages.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('notifications.empty')}
          </Text>
        )}
        {messages.length > 0 && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {shown.map((message) => {
              const unread = !message.readAt;
              return (
                <Stack
                  key={message.id}
                  component="li"
                  gap={2}
                  pl="xs"
                  style={{
                    borderLeft: `3px solid var(--mantine-color-${unread ? 'red-7' : 'gray-3'})`,
                  }}
                >
                  <Group gap="xs" wrap="wrap">
                    {unread && (
                      <Badge color="red.8" size="xs" variant="filled">
                        {t('notifications.new')}
                      </Badge>
                    )}
                    <Text size="sm" fw={unread ? 700 : 500}>
                      {localize(message.title)}
                    </Text>
                  </Group>
                  <Text size="xs" c="gray.7">
                    <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                  </Text>
                  <Text size="sm">{localize(message.body)}</Text>
                  {unread && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      w="fit-content"
                      px={0}
                      onClick={() => markRead.mutate([message.id])}
                    >
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </Stack>
              );
            })}
          </Stack>
        )}
        <Group gap="md" wrap="wrap">
          {messages.length > shown.length && (
            <Button size="compact-sm" variant="subtle" px={0} onClick={() => setShowAll(true)}>
              {t('notifications.showAll', { count: messages.length })}
            </Button>
          )}
          <Anchor component={Link} to="/inbox" size="sm">
            {t('notifications.allMessages')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
