import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { notify } from '../../lib/notify.ts';
import { fieldErrorOf } from '../auth/field-errors.ts';
import { type ApiToken, useApiTokens, useCreateApiToken, useRevokeApiToken } from './api.ts';

function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useTranslation('account');
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await create.mutateAsync({
        name: name.trim(),
        ...(typeof days === 'number' ? { expiresInDays: days } : {}),
      });
      setName('');
      setDays('');
      onCreated(created.token);
    } catch {
      // Shown next to the fields.
    }
  }

  const nameError = fieldErrorOf(create.error, 'name');
  const daysError = fieldErrorOf(create.error, 'expiresInDays');
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('tokens.name')}
            placeholder={t('tokens.namePlaceholder')}
            required
            maxLength={100}
            w={{ base: '100%', sm: 260 }}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
          />
          <NumberInput
            label={t('tokens.expires')}
            description={t('tokens.expiresHint')}
            min={1}
            max={3650}
            allowDecimal={false}
            w={{ base: '100%', sm: 200 }}
            value={days}
            onChange={setDays}
            error={daysError}
          />
          <Button
            type="submit"
            mt={{ base: 0, sm: 25 }}
            disabled={name.trim() === ''}
            loading={create.isPending}
          >
            {t('tokens.create')}
          </Button>
        </Group>
        {create.error && !nameError && !daysError && <ApiErrorAlert error={create.error} />}
      </Stack>
    </form>
  );
}

function RevokeButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation('account');
  const revoke = useRevokeApiToken();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="compact-sm"
        color="red"
        variant="subtle"
        onClick={() => setOpened(true)}
        aria-label={`${t('tokens.revoke')}: ${token.name}`}
      >
        {t('tokens.revoke')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('tokens.revokeTitle', { name: token.name })}
        centered
      >
        <Stack>
          <Text size="sm">{t('tokens.revokeBody')}</Text>
          {revoke.error && <ApiErrorAlert error={revoke.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={async () => {
                try {
                  await revoke.mutateAsync(token.id);
                  setOpened(false);
                  notify({ message: t('tokens.revoked') });
                } catch {
                  // Shown in the dialog.
                }
              }}
            >
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function TokenList({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation('account');
  const cells = (token: ApiToken) => ({
    prefix: <Code>{token.prefix}…</Code>,
    created: formatDateTime(token.createdAt),
    lastUsed: token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.neverUsed'),
    expires: token.expiresAt ? formatDateTime(token.expiresAt) : t('tokens.never'),
  });
  return (
    <>
      <Table.ScrollContainer minWidth={640} visibleFrom="sm">
        <Table withTableBorder striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.name')}</Table.Th>
              <Table.Th>{t('tokens.prefix')}</Table.Th>
              <Table.Th>{t('tokens.created')}</Table.Th>
              <Table.Th>{t('tokens.lastUsed')}</Table.Th>
              <Table.Th>{t('tokens.expiresAt')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('tokens.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => {
              const c = cells(token);
              return (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{c.prefix}</Table.Td>
                  <Table.Td>{c.created}</Table.Td>
                  <Table.Td>{c.lastUsed}</Table.Td>
                  <Table.Td>{c.expires}</Table.Td>
                  <Table.Td>
                    <RevokeButton token={token} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="sm">
        {tokens.map((token) => {
          const c = cells(token);
          return (
            <Card key={token.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{token.name}</Text>
                <RevokeButton token={token} />
              </Group>
              <Text size="xs" c="gray.7">
                {t('tokens.prefix')}: {c.prefix} · {t('tokens.created')}: {c.created}
              </Text>
              <Text size="xs" c="gray.7">
                {t('tokens.lastUsed')}: {c.lastUsed} · {t('tokens.expiresAt')}: {c.expires}
              </Text>
            </Card>
          );
        })}
      </Stack>
    </>
  );
}

export function ApiTokensSection() {
  const { t } = useTranslation('account');
  const tokens = useApiTokens();
  const [secret, setSecret] = useState<string>();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tokens-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="tokens-title">
          {t('tokens.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('tokens.description')}
        </Text>
        <div aria-live="polite">
          {secret && (
            <Alert color="green" title={t('tokens.createdTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('tokens.createdBody')}</Text>
                <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                  {secret}
                </Code>
                <Group gap="xs">
                  <CopyButton value={secret}>
                    {({ copied, copy }) => (
                      <Button size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
                        {copied ? t('common:actions.copied') : t('common:actions.copy')}
                      </Button>
                    )}
                  </CopyButton>
                  <Button size="xs" variant="default" onClick={() => setSecret(undefined)}>
                    {t('tokens.done')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
        </div>
        <CreateTokenForm onCreated={setSecret} />
        {tokens.isPending && <Text size="sm">{t('common:states.loading')}</Text>}
        {tokens.error && <ApiErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data && tokens.data.items.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('tokens.empty')}
          </Text>
        )}
        {tokens.data && tokens.data.items.length > 0 && <TokenList tokens={tokens.data.items} />}
      </Stack>
    </Paper>
  );
}
