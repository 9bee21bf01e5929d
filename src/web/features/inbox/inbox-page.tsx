import {
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime, localize } from '../../lib/format.ts';
import { homePathFor, type Me, useMe } from '../../lib/session.ts';
import { type InboxMessage, useInbox, useMarkRead } from './api.ts';

/** Where the signed-in user works on an order: the applicant's page or their reviewer console. */
function orderLink(me: Me | null | undefined, orderId: number): string | undefined {
  if (!me) return undefined;
  const home = homePathFor(me);
  if (home === '/app' || home === '/provider' || home === '/authority') return `${home}/orders/${orderId}`;
  return undefined;
}

/** The six digits of a sandbox SMS message (the message text carries them, in both languages). */
function smsCodeOf(message: InboxMessage): string | undefined {
  if (message.kind !== 'sms_code') return undefined;
  return /(?<![\d-])\d{6}(?![\d-])/u.exec(message.body.en)?.[0];
}

function SmsCode({ code }: { code: string }) {
  const { t } = useTranslation('inbox');
  return (
    <Paper withBorder p="sm" radius="md" bg="grape.0" maw={360}>
      <Text size="xs" c="gray.7">
        {t('smsCode')}
      </Text>
      <Group gap="sm" wrap="nowrap">
        <Text ff="monospace" fw={800} fz={32} style={{ letterSpacing: '0.2em' }}>
          {code}
        </Text>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" color="grape" onClick={copy}>
              {copied ? t('common:actions.copied') : t('copyCode')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Paper>
  );
}

function MessageCard({ message, me }: { message: InboxMessage; me: Me | null | undefined }) {
  const { t } = useTranslation('inbox');
  const markRead = useMarkRead();
  const unread = !message.readAt;
  const code = smsCodeOf(message);
  const link = message.orderId === undefined ? undefined : orderLink(me, message.orderId);
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={`message-${message.id}`}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            {unread && (
              <Badge color="red" size="sm" variant="filled">
                {t('new')}
              </Badge>
            )}
            <Title order={2} size="h5" id={`message-${message.id}`} fw={unread ? 700 : 500}>
              {localize(message.title)}
            </Title>
          </Group>
          <Text size="xs" c="gray.7">
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          </Text>
        </Group>
        <Text size="sm">{localize(message.body)}</Text>
        {code && (
          <>
            <SmsCode code={code} />
            <Text size="xs" c="gray.7">
              {t('smsSandbox')}
            </Text>
          </>
        )}
        <Group gap="sm" wrap="wrap">
          {link && (
            <Anchor
              component={Link}
              to={link}
              size="sm"
              fw={600}
              onClick={() => {
                if (unread) markRead.mutate([message.id]);
              }}
            >
              {code ? t('enterCode') : t('openOrder')}
            </Anchor>
          )}
          {unread && (
            <Button
              size="compact-sm"
              variant="subtle"
              loading={markRead.isPending}
              onClick={() => markRead.mutate([message.id])}
            >
              {t('markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { data: me } = useMe();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInbox(unreadOnly);
  const markAll = useMarkRead();
  const messages = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = inbox.data?.pages[0]?.unread ?? 0;

  return (
    <Stack gap="md" maw={880}>
      <PageTitle title={t('title')} description={t('description')} />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="md" wrap="wrap">
          <Text fw={600} aria-live="polite">
            {t('unread', { count: unread })}
          </Text>
          <Switch
            label={t('unreadOnly')}
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
          />
        </Group>
        <Button
          variant="light"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined)}
        >
          {t('markAllRead')}
        </Button>
      </Group>
      {markAll.error && <ApiErrorAlert error={markAll.error} />}
      {inbox.isPending && <Text aria-live="polite">{t('common:states.loading')}</Text>}
      {inbox.error && <ApiErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data && messages.length === 0 && (
        <Text c="gray.7">{unreadOnly ? t('emptyUnread') : t('empty')}</Text>
      )}
      <Stack gap="sm">
        {messages.map((message) => (
          <MessageCard key={message.id} message={message} me={me} />
        ))}
      </Stack>
      {inbox.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void inbox.fetchNextPage()}
          loading={inbox.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('loadMore')}
        </Button>
      )}
    </Stack>
  );
}
