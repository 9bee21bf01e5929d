import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import type { Role } from '../../lib/session.ts';
import {
  type AdminOrganisation,
  type AdminUser,
  CREATABLE_KINDS,
  ORGANISATION_KINDS,
  type OrganisationKind,
  ROLES_BY_KIND,
  useAddMember,
  useCreateOrganisation,
  useOrganisations,
  useProvinces,
  useUsers,
} from './api.ts';
import { AdminNav, fieldError, READABLE_BADGE, ScrollTable } from './shared.tsx';

export function AdminUsersPage() {
  const { t } = useTranslation('admin');
  const [tab, setTab] = useState<string | null>('users');
  const [adding, setAdding] = useState<{ user?: AdminUser['user']; organisation?: AdminOrganisation } | null>(
    null,
  );
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <AdminNav />
      <PageTitle title={t('users.title')} description={t('users.description')} />
      <div aria-live="polite">
        {announcement && (
          <Text c="green.9" fw={500} mb="sm">
            {announcement}
          </Text>
        )}
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('users.tabs.users')}</Tabs.Tab>
          <Tabs.Tab value="organisations">{t('users.tabs.organisations')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTable onAdd={(user) => setAdding({ user })} />
        </Tabs.Panel>
        <Tabs.Panel value="organisations">
          <OrganisationsTable
            onAdd={(organisation) => setAdding({ organisation })}
            onCreated={setAnnouncement}
          />
        </Tabs.Panel>
      </Tabs>
      <AddMemberModal
        preset={adding}
        onClose={() => setAdding(null)}
        onDone={(message) => {
          setAnnouncement(message);
          setAdding(null);
        }}
      />
    </>
  );
}

function orgName(org: AdminOrganisation, language: string): string {
  return language === 'zh-CN' ? org.nameZh : org.nameEn;
}

function UsersTable({ onAdd }: { onAdd: (user: AdminUser['user']) => void }) {
  const { t, i18n } = useTranslation('admin');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const users = useUsers(debounced);
  const items = users.data?.items ?? [];
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Stack gap="sm">
      <TextInput
        label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
        type="search"
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {users.data && t('users.count', { count: users.data.total, n: formatNumber(users.data.total) })}
      </Text>
      {users.error ? (
        <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : users.isPending ? (
        <Text c="dimmed">{t('common:states.loading')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('users.none')}</Text>
      ) : narrow ? (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="users-table">
          {items.map(({ user, memberships }) => (
            <Card withBorder padding="sm" component="li" key={user.id}>
              <Text fw={600}>{user.name}</Text>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {user.email}
              </Text>
              <Text size="sm" mt={4}>
                {memberships.length === 0
                  ? t('users.noMemberships')
                  : memberships
                      .map(
                        (m) =>
                          `${t(`common:roles.${m.role}`)} · ${orgName(m.organisation, i18n.resolvedLanguage ?? 'en')}`,
                      )
                      .join('; ')}
              </Text>
              <Group justify="space-between" mt="xs">
                <Text size="xs" c="dimmed">
                  {t('users.cardMeta', {
                    state: user.twoFactorEnabled ? t('users.on') : t('users.off'),
                    date: formatDate(user.createdAt),
                  })}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onAdd(user)}
                  aria-label={t('users.addRoleFor', { name: user.name })}
                >
                  {t('users.addRole')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <ScrollTable label={t('users.tabs.users')} minWidth={820}>
          <Table verticalSpacing="xs" striped data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.roles')}</Table.Th>
                <Table.Th>{t('users.twoFactor')}</Table.Th>
                <Table.Th>{t('users.created')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map(({ user, memberships }) => (
                <Table.Tr key={user.id}>
                  <Table.Td fw={500}>{user.name}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{user.email}</Table.Td>
                  <Table.Td>
                    {memberships.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('users.noMemberships')}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {memberships.map((m) => (
                          <Text size="sm" key={m.id}>
                            {t(`common:roles.${m.role}`)}
                            <Text span c="dimmed" size="sm">
                              {' · '}
                              {orgName(m.organisation, i18n.resolvedLanguage ?? 'en')}
                            </Text>
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {user.twoFactorEnabled ? (
                      <Badge color="green" variant="light" {...READABLE_BADGE}>
                        {t('users.on')}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('users.off')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(user.createdAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onAdd(user)}
                      aria-label={t('users.addRoleFor', { name: user.name })}
                    >
                      {t('users.addRole')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

function OrganisationsTable({
  onAdd,
  onCreated,
}: {
  onAdd: (organisation: AdminOrganisation) => void;
  onCreated: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<'' | OrganisationKind>('');
  const [creating, setCreating] = useState(false);
  const organisations = useOrganisations(kind || undefined);
  const narrow = useMediaQuery('(max-width: 48em)');
  const provinces = useProvinces();
  const provinceName = useMemo(() => {
    const map = new Map((provinces.data?.items ?? []).map((p) => [p.code, p]));
    return (code: string | null) => {
      const p = code ? map.get(code) : undefined;
      return p ? (i18n.resolvedLanguage === 'zh-CN' ? p.nameZh : p.nameEn) : (code ?? '—');
    };
  }, [provinces.data, i18n.resolvedLanguage]);
  const needle = q.trim().toLowerCase();
  const items = (organisations.data?.items ?? []).filter(
    (o) => !needle || o.nameEn.toLowerCase().includes(needle) || o.nameZh.includes(needle),
  );
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('organisations.search')}
          placeholder={t('organisations.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('organisations.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as '' | OrganisationKind)}
          data={[
            { value: '', label: t('organisations.allKinds') },
            ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) })),
          ]}
          w={{ base: '100%', sm: 240 }}
        />
        <Button onClick={() => setCreating(true)}>{t('organisations.create')}</Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {organisations.data &&
          t('organisations.count', { count: items.length, n: formatNumber(items.length) })}
      </Text>
      {organisations.error ? (
        <ApiErrorAlert error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : organisations.isPending ? (
        <Text c="dimmed">{t('common:states.loading')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('organisations.none')}</Text>
      ) : narrow ? (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="organisations-table"
        >
          {items.map((o) => (
            <Card withBorder padding="sm" component="li" key={o.id}>
              <Text fw={600}>{o.nameEn}</Text>
              <Text size="sm" lang="zh-CN">
                {o.nameZh}
              </Text>
              <Group justify="space-between" mt="xs">
                <Text size="sm">
                  {t(`organisations.kinds.${o.kind}`)}
                  {o.provinceCode ? ` · ${provinceName(o.provinceCode)}` : ''}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onAdd(o)}
                  aria-label={t('organisations.addMemberTo', {
                    name: orgName(o, i18n.resolvedLanguage ?? 'en'),
                  })}
                >
                  {t('organisations.addMember')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <ScrollTable label={t('users.tabs.organisations')} minWidth={760}>
          <Table verticalSpacing="xs" striped data-testid="organisations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.name')}</Table.Th>
                <Table.Th>{t('organisations.kind')}</Table.Th>
                <Table.Th>{t('organisations.province')}</Table.Th>
                <Table.Th>{t('organisations.created')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {o.nameEn}
                    </Text>
                    <Text size="sm" c="dimmed" lang="zh-CN">
                      {o.nameZh}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`organisations.kinds.${o.kind}`)}</Table.Td>
                  <Table.Td>{provinceName(o.provinceCode)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(o.createdAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onAdd(o)}
                      aria-label={t('organisations.addMemberTo', {
                        name: orgName(o, i18n.resolvedLanguage ?? 'en'),
                      })}
                    >
                      {t('organisations.addMember')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <CreateOrganisationModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(org) => {
          setCreating(false);
          onCreated(t('organisations.createdDone', { name: orgName(org, i18n.resolvedLanguage ?? 'en') }));
        }}
      />
    </Stack>
  );
}

function CreateOrganisationModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (org: AdminOrganisation) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const create = useCreateOrganisation();
  const provinces = useProvinces();
  const [kind, setKind] = useState<(typeof CREATABLE_KINDS)[number]>('access_provider');
  const [nameEn, setNameEn] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [province, setProvince] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const close = () => {
    create.reset();
    setTouched(false);
    onClose();
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!nameEn.trim() || !nameZh.trim()) return;
    try {
      const org = await create.mutateAsync({
        kind,
        nameEn: nameEn.trim(),
        nameZh: nameZh.trim(),
        provinceCode: province ?? undefined,
      });
      setNameEn('');
      setNameZh('');
      setProvince(null);
      setTouched(false);
      onCreated(org);
    } catch {
      // Shown below the form.
    }
  }
  const required = t('source.required');
  return (
    <Modal opened={opened} onClose={close} title={t('organisations.createTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('organisations.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
            data={CREATABLE_KINDS.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) }))}
            required
          />
          <TextInput
            label={t('organisations.nameEn')}
            value={nameEn}
            onChange={(e) => setNameEn(e.currentTarget.value)}
            required
            error={fieldError(create.error, 'nameEn') ?? (touched && !nameEn.trim() ? required : undefined)}
          />
          <TextInput
            label={t('organisations.nameZh')}
            lang="zh-CN"
            value={nameZh}
            onChange={(e) => setNameZh(e.currentTarget.value)}
            required
            error={fieldError(create.error, 'nameZh') ?? (touched && !nameZh.trim() ? required : undefined)}
          />
          <Select
            label={t('organisations.provinceOptional')}
            data={(provinces.data?.items ?? []).map((p) => ({
              value: p.code,
              label: i18n.resolvedLanguage === 'zh-CN' ? p.nameZh : p.nameEn,
            }))}
            value={province}
            onChange={setProvince}
            clearable
            searchable
            error={fieldError(create.error, 'provinceCode')}
          />
          {create.error && <ApiErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('organisations.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Gives a user a role in an organisation; opened from a user's row or an organisation's row. */
function AddMemberModal({
  preset,
  onClose,
  onDone,
}: {
  preset: { user?: AdminUser['user']; organisation?: AdminOrganisation } | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage ?? 'en';
  const add = useAddMember();
  const users = useUsers('', 500);
  const organisations = useOrganisations();
  const [userId, setUserId] = useState<string | null>(null);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | ''>('');
  const [touched, setTouched] = useState(false);
  const opened = preset !== null;
  const effectiveUserId = preset?.user?.id ?? userId;
  const effectiveOrgId = preset?.organisation?.id ?? orgId;
  const org = preset?.organisation ?? organisations.data?.items.find((o) => o.id === effectiveOrgId);
  const roles = org ? ROLES_BY_KIND[org.kind] : [];
  const effectiveRole = role && roles.includes(role) ? role : roles.length === 1 ? roles[0] : undefined;
  const user = preset?.user ?? users.data?.items.find((u) => u.user.id === effectiveUserId)?.user;
  const close = () => {
    add.reset();
    setUserId(null);
    setOrgId(null);
    setRole('');
    setTouched(false);
    onClose();
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!effectiveUserId || !effectiveOrgId || !effectiveRole || !org || !user) return;
    try {
      await add.mutateAsync({ organisationId: effectiveOrgId, userId: effectiveUserId, role: effectiveRole });
      const message = t('members.done', {
        name: user.name,
        role: t(`common:roles.${effectiveRole}`),
        organisation: orgName(org, language),
      });
      add.reset();
      setUserId(null);
      setOrgId(null);
      setRole('');
      setTouched(false);
      onDone(message);
    } catch {
      // Shown in the form.
    }
  }
  const required = t('source.required');
  return (
    <Modal opened={opened} onClose={close} title={t('members.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {preset?.user ? (
            <Text size="sm">{t('members.userIs', { name: preset.user.name, email: preset.user.email })}</Text>
          ) : (
            <Select
              label={t('members.user')}
              data={(users.data?.items ?? []).map(({ user: u }) => ({
                value: u.id,
                label: `${u.name} <${u.email}>`,
              }))}
              value={userId}
              onChange={setUserId}
              searchable
              required
              error={fieldError(add.error, 'userId') ?? (touched && !userId ? required : undefined)}
            />
          )}
          {preset?.organisation ? (
            <Text size="sm">
              {t('members.organisationIs', {
                name: orgName(preset.organisation, language),
                kind: t(`organisations.kinds.${preset.organisation.kind}`),
              })}
            </Text>
          ) : (
            <Select
              label={t('members.organisation')}
              data={(organisations.data?.items ?? []).map((o) => ({
                value: o.id,
                label: `${orgName(o, language)} · ${t(`organisations.kinds.${o.kind}`)}`,
              }))}
              value={orgId}
              onChange={(next) => {
                setOrgId(next);
                setRole('');
              }}
              searchable
              required
              error={touched && !orgId ? required : undefined}
            />
          )}
          <NativeSelect
            label={t('members.role')}
            value={effectiveRole ?? ''}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            data={[
              {
                value: '',
                label: org ? t('members.pickRole') : t('members.pickOrganisationFirst'),
                disabled: true,
              },
              ...roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) })),
            ]}
            disabled={!org}
            required
            error={fieldError(add.error, 'role') ?? (touched && !effectiveRole ? required : undefined)}
          />
          {add.error && <ApiErrorAlert error={add.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('members.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
