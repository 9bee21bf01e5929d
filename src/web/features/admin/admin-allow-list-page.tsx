import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAllowFetchHost, useFetchAllowHosts, useRemoveFetchAllowHost } from './api.ts';
import { AdminNav, fieldError, READABLE_ALERT, READABLE_BADGE, useActorLabel } from './shared.tsx';

/**
 * The live footer check's allow-list (issue 5): hosts it may fetch although they resolve to private or
 * internal addresses. Hosts from the server's FETCH_ALLOW_HOSTS are shown read-only.
 */
export function AdminAllowListPage() {
  const { t } = useTranslation('admin');
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <AdminNav />
      <PageTitle title={t('allowList.title')} description={t('allowList.description')} />
      <div aria-live="polite">
        {announcement && (
          <Alert
            color="green"
            {...READABLE_ALERT}
            title={announcement}
            mb="lg"
            data-testid="allow-list-done"
          />
        )}
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <AllowHostForm onDone={setAnnouncement} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <AllowHostList onDone={setAnnouncement} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The API refuses a URL, a port or a path as a whole request (400 without field errors): that is the host. */
function hostError(error: unknown): string | undefined {
  const onField = fieldError(error, 'host', 'params.host');
  if (onField) return onField;
  return isApiError(error, 'validation_failed') && error.fieldErrors.length === 0 ? error.message : undefined;
}

function AllowHostForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const [host, setHost] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const save = useAllowFetchHost();
  const required = t('allowList.form.required');
  const missingHost = host.trim() === '';
  const missingNote = note.trim() === '';
  const hostProblem = hostError(save.error);
  const noteProblem = fieldError(save.error, 'note');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    onDone('');
    if (missingHost || missingNote) return;
    const saved = await save.mutateAsync({ host: host.trim(), note: note.trim() }).catch(() => undefined);
    if (!saved) return;
    onDone(t(saved.isNew ? 'allowList.form.added' : 'allowList.form.updated', { host: saved.host.host }));
    setHost('');
    setNote('');
    setTouched(false);
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="allow-list-form-title">
      <Title order={2} size="h3" id="allow-list-form-title" mb="xs">
        {t('allowList.form.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('allowList.form.host')}
            description={t('allowList.form.hostHint')}
            placeholder="staging.example.cn"
            value={host}
            onChange={(event) => setHost(event.currentTarget.value)}
            required
            autoComplete="off"
            spellCheck={false}
            error={hostProblem ?? (touched && missingHost ? required : undefined)}
          />
          <Textarea
            label={t('allowList.form.note')}
            description={t('allowList.form.noteHint')}
            placeholder={t('allowList.form.notePlaceholder')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={500}
            error={noteProblem ?? (touched && missingNote ? required : undefined)}
          />
          {save.error && !hostProblem && !noteProblem && <ApiErrorAlert error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('allowList.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** One allowed host: the host, why, who added it (or the server configuration), and its action. */
function HostItem({
  host,
  note,
  action,
  children,
}: {
  host: string;
  note: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Code fz="sm" style={{ overflowWrap: 'anywhere', width: 'fit-content' }}>
            {host}
          </Code>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {note}
          </Text>
          <Group gap="xs">{children}</Group>
        </Stack>
        {action && <div style={{ flexShrink: 0 }}>{action}</div>}
      </Group>
    </Paper>
  );
}

function AllowHostList({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const hosts = useFetchAllowHosts();
  const actorLabel = useActorLabel();
  const remove = useRemoveFetchAllowHost();
  const [removing, setRemoving] = useState<string | null>(null);
  const items = hosts.data?.items ?? [];
  const configured = hosts.data?.configured ?? [];
  const close = () => {
    setRemoving(null);
    remove.reset();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="allow-list-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="allow-list-title">
          {t('allowList.list.title')}
        </Title>
        {hosts.isFetching && <Loader size="xs" aria-label={t('common:states.loading')} />}
      </Group>
      {hosts.error ? (
        <ApiErrorAlert error={hosts.error} onRetry={() => void hosts.refetch()} />
      ) : hosts.isPending ? (
        <Text c="dimmed">{t('common:states.loading')}</Text>
      ) : items.length === 0 && configured.length === 0 ? (
        <Text c="dimmed">{t('allowList.list.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="allow-list">
          {configured.map((host) => (
            <HostItem key={`configured:${host}`} host={host} note={t('allowList.list.configuredNote')}>
              <Badge color="gray" variant="light" {...READABLE_BADGE}>
                {t('allowList.list.configured')}
              </Badge>
            </HostItem>
          ))}
          {items.map((item) => (
            <HostItem
              key={`listed:${item.host}`}
              host={item.host}
              note={item.note}
              action={
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setRemoving(item.host)}
                  aria-label={t('allowList.list.removeLabel', { host: item.host })}
                >
                  {t('allowList.list.remove')}
                </Button>
              }
            >
              <Text size="xs" c="dimmed">
                {t('allowList.list.addedBy', { name: actorLabel(item.createdBy) })}{' '}
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
              </Text>
            </HostItem>
          ))}
        </Stack>
      )}
      <Modal opened={removing !== null} onClose={close} title={t('allowList.remove.title')} centered>
        {removing && (
          <Stack>
            <Text>{t('allowList.remove.body', { host: removing })}</Text>
            {remove.error && <ApiErrorAlert error={remove.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={async () => {
                  const host = removing;
                  try {
                    await remove.mutateAsync(host);
                    onDone(t('allowList.remove.done', { host }));
                    setRemoving(null);
                  } catch {
                    // The modal shows the error.
                  }
                }}
              >
                {t('allowList.remove.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
