import {
  Badge,
  Button,
  Card,
  Group,
  Menu,
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
import { IconChevronDown, IconCircleCheck, IconSearch } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import type { Role } from '../../lib/session.ts';
import { useMe } from '../../lib/session.ts';
import {
  type AdminMembership,
  type AdminOrganisation,
  type AdminUser,
  type AdminUserAccount,
  CREATABLE_KINDS,
  ORGANISATION_KINDS,
  type OrganisationKind,
  ROLES_BY_KIND,
  useAddMember,
  useChangeMembershipRole,
  useCreateOrganisation,
  useInviteUser,
  useOrganisationPages,
  useOrganisations,
  useProvinces,
  useRemoveMembership,
  useSendPasswordLink,
  useSetUserDisabled,
  useUserPages,
  useUsers,
} from './api.ts';
import { AdminNav, fieldError, READABLE_BADGE, ScrollTable } from './shared.tsx';

type Account = AdminUserAccount;

/** A row action waiting for the administrator's confirmation. */
type Pending =
  | { kind: 'disable' | 'enable' | 'password_link'; user: Account }
  | { kind: 'roles'; user: AdminUser }
  | null;

export function AdminUsersPage() {
  const { t } = useTranslation('admin');
  const [tab, setTab] = useState<string | null>('users');
  const [adding, setAdding] = useState<{ user?: Account; organisation?: AdminOrganisation } | null>(null);
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [announcement, setAnnouncement] = useState('');
  const done = (message: string) => {
    setAnnouncement(message);
    setPending(null);
  };
  return (
    <>
      <AdminNav />
      <PageTitle title={t('users.title')} description={t('users.description')} />
      <div aria-live="polite">
        {announcement && (
          <Group gap={6} mb="sm" wrap="nowrap" align="flex-start">
            <IconCircleCheck size={20} color="var(--mantine-color-green-9)" aria-hidden />
            <Text c="dark.8" fw={500} data-testid="users-announcement">
              {announcement}
            </Text>
          </Group>
        )}
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('users.tabs.users')}</Tabs.Tab>
          <Tabs.Tab value="organisations">{t('users.tabs.organisations')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTable
            onInvite={() => setInviting(true)}
            onAdd={(user) => setAdding({ user })}
            onAction={setPending}
          />
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
      <InviteUserModal
        opened={inviting}
        onClose={() => setInviting(false)}
        onDone={(message) => {
          setAnnouncement(message);
          setInviting(false);
        }}
      />
      <ConfirmUserAction pending={pending} onClose={() => setPending(null)} onDone={done} />
      <ManageRolesModal
        user={pending?.kind === 'roles' ? pending.user : null}
        onClose={() => setPending(null)}
        onDone={setAnnouncement}
      />
    </>
  );
}

function orgName(org: AdminOrganisation, language: string): string {
  return language === 'zh-CN' ? org.nameZh : org.nameEn;
}

function StatusBadges({ user }: { user: Account }) {
  const { t } = useTranslation('admin');
  return (
    <>
      {user.disabledAt !== null && (
        <Badge color="red" variant="light" {...READABLE_BADGE}>
          {t('users.status.disabled')}
        </Badge>
      )}
      {!user.hasPassword && user.disabledAt === null && (
        <Badge color="yellow" variant="light" {...READABLE_BADGE}>
          {t('users.status.invited')}
        </Badge>
      )}
    </>
  );
}

/** The per-row menu: every action of a user, reachable by keyboard (Menu moves focus with arrows). */
function UserActions({
  item,
  isSelf,
  onAdd,
  onAction,
}: {
  item: AdminUser;
  isSelf: boolean;
  onAdd: (user: Account) => void;
  onAction: (pending: Pending) => void;
}) {
  const { t } = useTranslation('admin');
  const { user, memberships } = item;
  const isDisabled = user.disabledAt !== null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="light"
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('users.actionsFor', { name: user.name })}
        >
          {t('users.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAdd(user)}>{t('users.addRole')}</Menu.Item>
        <Menu.Item
          disabled={memberships.length === 0}
          onClick={() => onAction({ kind: 'roles', user: item })}
        >
          {t('users.manageRoles')}
        </Menu.Item>
        <Menu.Item disabled={isDisabled} onClick={() => onAction({ kind: 'password_link', user })}>
          {user.hasPassword ? t('users.sendReset') : t('users.resendInvitation')}
        </Menu.Item>
        <Menu.Divider />
        {isDisabled ? (
          <Menu.Item onClick={() => onAction({ kind: 'enable', user })}>{t('users.enable')}</Menu.Item>
        ) : (
          <Menu.Item color="red" disabled={isSelf} onClick={() => onAction({ kind: 'disable', user })}>
            {t('users.disable')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function RolesText({ memberships }: { memberships: AdminMembership[] }) {
  const { t, i18n } = useTranslation('admin');
  if (memberships.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('users.noMemberships')}
      </Text>
    );
  }
  return (
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
  );
}

function LoadMore({
  shown,
  total,
  hasMore,
  loading,
  onMore,
  label,
}: {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  label: string;
}) {
  const { t } = useTranslation('admin');
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        {t('users.shown', { shown: formatNumber(shown), total: formatNumber(total) })}
      </Text>
      {hasMore && (
        <Button variant="default" size="sm" onClick={onMore} loading={loading} aria-label={label}>
          {t('users.loadMore')}
        </Button>
      )}
    </Group>
  );
}

function UsersTable({
  onInvite,
  onAdd,
  onAction,
}: {
  onInvite: () => void;
  onAdd: (user: Account) => void;
  onAction: (pending: Pending) => void;
}) {
  const { t } = useTranslation('admin');
  const me = useMe();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const users = useUserPages(debounced);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const total = users.data?.pages[0]?.total ?? 0;
  const narrow = useMediaQuery('(max-width: 48em)');
  const selfId = me.data?.user.id;
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 360 }}
          type="search"
        />
        <Button onClick={onInvite}>{t('invite.open')}</Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {users.data && t('users.count', { count: total, n: formatNumber(total) })}
      </Text>
      {users.error ? (
        <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : users.isPending ? (
        <Text c="dimmed">{t('common:states.loading')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('users.none')}</Text>
      ) : narrow ? (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="users-table">
          {items.map((item) => (
            <Card withBorder padding="sm" component="li" key={item.user.id}>
              <Group gap="xs">
                <Text fw={600}>{item.user.name}</Text>
                <StatusBadges user={item.user} />
              </Group>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {item.user.email}
              </Text>
              <div style={{ marginTop: 4 }}>
                <RolesText memberships={item.memberships} />
              </div>
              <Group justify="space-between" mt="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t('users.cardMeta', {
                    state: item.user.twoFactorEnabled ? t('users.on') : t('users.off'),
                    date: formatDate(item.user.createdAt),
                  })}
                </Text>
                <UserActions item={item} isSelf={item.user.id === selfId} onAdd={onAdd} onAction={onAction} />
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <ScrollTable label={t('users.tabs.users')} minWidth={860}>
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
              {items.map((item) => (
                <Table.Tr key={item.user.id}>
                  <Table.Td fw={500}>
                    <Group gap={6}>
                      {item.user.name}
                      <StatusBadges user={item.user} />
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{item.user.email}</Table.Td>
                  <Table.Td>
                    <RolesText memberships={item.memberships} />
                  </Table.Td>
                  <Table.Td>
                    {item.user.twoFactorEnabled ? (
                      <Badge color="green" variant="light" {...READABLE_BADGE}>
                        {t('users.on')}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('users.off')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.user.createdAt)}</Table.Td>
                  <Table.Td>
                    <UserActions
                      item={item}
                      isSelf={item.user.id === selfId}
                      onAdd={onAdd}
                      onAction={onAction}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {items.length > 0 && (
        <LoadMore
          shown={items.length}
          total={total}
          hasMore={users.hasNextPage}
          loading={users.isFetchingNextPage}
          onMore={() => void users.fetchNextPage()}
          label={t('users.loadMoreUsers')}
        />
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
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [kind, setKind] = useState<'' | OrganisationKind>('');
  const [creating, setCreating] = useState(false);
  const organisations = useOrganisationPages(debounced, kind || undefined);
  const narrow = useMediaQuery('(max-width: 48em)');
  const provinces = useProvinces();
  const provinceName = useMemo(() => {
    const map = new Map((provinces.data?.items ?? []).map((p) => [p.code, p]));
    return (code: string | null) => {
      const p = code ? map.get(code) : undefined;
      return p ? (i18n.resolvedLanguage === 'zh-CN' ? p.nameZh : p.nameEn) : (code ?? '—');
    };
  }, [provinces.data, i18n.resolvedLanguage]);
  const items = organisations.data?.pages.flatMap((page) => page.items) ?? [];
  const total = organisations.data?.pages[0]?.total ?? 0;
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
        {organisations.data && t('organisations.count', { count: total, n: formatNumber(total) })}
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
      {items.length > 0 && (
        <LoadMore
          shown={items.length}
          total={total}
          hasMore={organisations.hasNextPage}
          loading={organisations.isFetchingNextPage}
          onMore={() => void organisations.fetchNextPage()}
          label={t('organisations.loadMore')}
        />
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

/** A searchable picker that asks the server as the administrator types (no list of every user). */
function UserPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null, user: Account | undefined) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  // The chosen user stays an option: after a choice the box shows its label, which is no query.
  const [selected, setSelected] = useState<Account | undefined>();
  const labelOf = (user: Account) => `${user.name} <${user.email}>`;
  const query = selected && search === labelOf(selected) ? '' : search.trim();
  const [debounced] = useDebouncedValue(query, 250);
  const users = useUsers(debounced, 20);
  const found = (users.data?.items ?? []).map((item) => item.user);
  const options = selected && !found.some((u) => u.id === selected.id) ? [selected, ...found] : found;
  return (
    <Select
      label={t('members.user')}
      placeholder={t('members.userSearch')}
      data={options.map((user) => ({ value: user.id, label: labelOf(user) }))}
      value={value}
      onChange={(id) => {
        const user = options.find((u) => u.id === id);
        setSelected(user);
        onChange(id, user);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={users.isFetching ? t('common:states.loading') : t('users.none')}
      required
      error={error}
    />
  );
}

function OrganisationPicker({
  value,
  onChange,
  required,
  error,
  label,
}: {
  value: string | null;
  onChange: (organisation: AdminOrganisation | undefined) => void;
  required?: boolean;
  error?: ReactNode;
  label: string;
}) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage ?? 'en';
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<AdminOrganisation | undefined>();
  const labelOf = (o: AdminOrganisation) => `${orgName(o, language)} · ${t(`organisations.kinds.${o.kind}`)}`;
  const query = selected && search === labelOf(selected) ? '' : search.trim();
  const [debounced] = useDebouncedValue(query, 250);
  const organisations = useOrganisations(debounced, 30);
  const found = organisations.data?.items ?? [];
  const options = selected && !found.some((o) => o.id === selected.id) ? [selected, ...found] : found;
  return (
    <Select
      label={label}
      placeholder={t('members.organisationSearch')}
      data={options.map((o) => ({ value: o.id, label: labelOf(o) }))}
      value={value}
      onChange={(id) => {
        const organisation = options.find((o) => o.id === id);
        setSelected(organisation);
        onChange(organisation);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={organisations.isFetching ? t('common:states.loading') : t('organisations.none')}
      clearable={!required}
      required={required}
      error={error}
    />
  );
}

/** Gives a user a role in an organisation; opened from a user's row or an organisation's row. */
function AddMemberModal({
  preset,
  onClose,
  onDone,
}: {
  preset: { user?: Account; organisation?: AdminOrganisation } | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage ?? 'en';
  const add = useAddMember();
  const [picked, setPicked] = useState<{ id: string | null; user?: Account }>({ id: null });
  const [pickedOrg, setPickedOrg] = useState<AdminOrganisation | undefined>();
  const [role, setRole] = useState<Role | ''>('');
  const [touched, setTouched] = useState(false);
  const opened = preset !== null;
  const user = preset?.user ?? picked.user;
  const org = preset?.organisation ?? pickedOrg;
  const roles = org ? ROLES_BY_KIND[org.kind] : [];
  const effectiveRole = role && roles.includes(role) ? role : roles.length === 1 ? roles[0] : undefined;
  const reset = () => {
    add.reset();
    setPicked({ id: null });
    setPickedOrg(undefined);
    setRole('');
    setTouched(false);
  };
  const close = () => {
    reset();
    onClose();
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!user || !org || !effectiveRole) return;
    try {
      await add.mutateAsync({ organisationId: org.id, userId: user.id, role: effectiveRole });
      const message = t('members.done', {
        name: user.name,
        role: t(`common:roles.${effectiveRole}`),
        organisation: orgName(org, language),
      });
      reset();
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
            <UserPicker
              value={picked.id}
              onChange={(id, found) => setPicked({ id, ...(found ? { user: found } : {}) })}
              error={fieldError(add.error, 'userId') ?? (touched && !user ? required : undefined)}
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
            <OrganisationPicker
              label={t('members.organisation')}
              value={pickedOrg?.id ?? null}
              onChange={(next) => {
                setPickedOrg(next);
                setRole('');
              }}
              required
              error={touched && !org ? required : undefined}
            />
          )}
          <RoleSelect
            org={org}
            value={effectiveRole}
            onChange={setRole}
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

function RoleSelect({
  org,
  value,
  onChange,
  error,
  required = true,
}: {
  org: AdminOrganisation | undefined;
  value: Role | undefined;
  onChange: (role: Role) => void;
  error?: ReactNode;
  required?: boolean;
}) {
  const { t } = useTranslation('admin');
  const roles = org ? ROLES_BY_KIND[org.kind] : [];
  return (
    <NativeSelect
      label={t('members.role')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value as Role)}
      data={[
        {
          value: '',
          label: org ? t('members.pickRole') : t('members.pickOrganisationFirst'),
          disabled: true,
        },
        ...roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) })),
      ]}
      disabled={!org}
      required={required}
      error={error}
    />
  );
}

/** Creates an account and mails the person a link to choose their password. */
function InviteUserModal({
  opened,
  onClose,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const invite = useInviteUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<'en' | 'zh-CN'>(i18n.resolvedLanguage === 'zh-CN' ? 'zh-CN' : 'en');
  const [org, setOrg] = useState<AdminOrganisation | undefined>();
  const [role, setRole] = useState<Role | ''>('');
  const [touched, setTouched] = useState(false);
  const roles = org ? ROLES_BY_KIND[org.kind] : [];
  const effectiveRole = role && roles.includes(role) ? role : roles.length === 1 ? roles[0] : undefined;
  const isEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email.trim());
  const reset = () => {
    invite.reset();
    setName('');
    setEmail('');
    setOrg(undefined);
    setRole('');
    setTouched(false);
  };
  const close = () => {
    reset();
    onClose();
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!name.trim() || !isEmail || (org && !effectiveRole)) return;
    try {
      const answer = await invite.mutateAsync({
        name: name.trim(),
        email: email.trim(),
        locale,
        ...(org && effectiveRole ? { membership: { organisationId: org.id, role: effectiveRole } } : {}),
      });
      reset();
      onDone(t('invite.done', { name: answer.user.name, email: answer.user.email }));
    } catch {
      // Shown in the form.
    }
  }
  const required = t('source.required');
  return (
    <Modal opened={opened} onClose={close} title={t('invite.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('invite.description')}
          </Text>
          <TextInput
            label={t('invite.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            maxLength={100}
            error={fieldError(invite.error, 'name') ?? (touched && !name.trim() ? required : undefined)}
          />
          <TextInput
            label={t('invite.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            maxLength={254}
            error={
              fieldError(invite.error, 'email') ??
              (touched && !isEmail ? t('invite.emailInvalid') : undefined)
            }
          />
          <NativeSelect
            label={t('invite.language')}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value as 'en' | 'zh-CN')}
            data={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          <OrganisationPicker
            label={t('invite.organisation')}
            value={org?.id ?? null}
            onChange={(next) => {
              setOrg(next);
              setRole('');
            }}
          />
          {org && (
            <RoleSelect
              org={org}
              value={effectiveRole}
              onChange={setRole}
              error={
                fieldError(invite.error, 'membership.role') ??
                (touched && !effectiveRole ? required : undefined)
              }
            />
          )}
          {invite.error && <ApiErrorAlert error={invite.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Asks before disabling, re-enabling or mailing a password link. */
function ConfirmUserAction({
  pending,
  onClose,
  onDone,
}: {
  pending: Pending;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('admin');
  const setDisabled = useSetUserDisabled();
  const sendLink = useSendPasswordLink();
  const action = pending && pending.kind !== 'roles' ? pending : null;
  const mutation = action?.kind === 'password_link' ? sendLink : setDisabled;
  const close = () => {
    setDisabled.reset();
    sendLink.reset();
    onClose();
  };
  if (!action) return null;
  const { user, kind } = action;
  const key =
    kind === 'password_link'
      ? user.hasPassword
        ? 'reset'
        : 'invitation'
      : kind === 'disable'
        ? 'disable'
        : 'enable';
  async function confirm() {
    if (!action) return;
    try {
      if (action.kind === 'password_link') await sendLink.mutateAsync(action.user.id);
      else await setDisabled.mutateAsync({ userId: action.user.id, disabled: action.kind === 'disable' });
      setDisabled.reset();
      sendLink.reset();
      onDone(t(`confirm.${key}.done`, { name: user.name, email: user.email }));
    } catch {
      // Shown in the dialog.
    }
  }
  return (
    <Modal opened onClose={close} title={t(`confirm.${key}.title`, { name: user.name })} centered>
      <Stack gap="sm">
        <Text size="sm">{t(`confirm.${key}.body`, { name: user.name, email: user.email })}</Text>
        {mutation.error && <ApiErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color={kind === 'disable' ? 'red' : undefined}
            onClick={() => void confirm()}
            loading={mutation.isPending}
          >
            {t(`confirm.${key}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A user's memberships: change a role or remove it, each after a confirmation. */
function ManageRolesModal({
  user,
  onClose,
  onDone,
}: {
  user: AdminUser | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.resolvedLanguage ?? 'en';
  const change = useChangeMembershipRole();
  const remove = useRemoveMembership();
  const [drafts, setDrafts] = useState<Record<string, Role>>({});
  const [asking, setAsking] = useState<{ membership: AdminMembership; role?: Role } | null>(null);
  // The list as it is now: memberships removed here disappear at once.
  const [removed, setRemoved] = useState<string[]>([]);
  const close = () => {
    change.reset();
    remove.reset();
    setDrafts({});
    setAsking(null);
    setRemoved([]);
    onClose();
  };
  if (!user) return null;
  const memberships = user.memberships.filter((m) => !removed.includes(m.id));
  const error = change.error ?? remove.error;
  async function confirm() {
    if (!asking || !user) return;
    const { membership, role } = asking;
    const organisation = orgName(membership.organisation, language);
    try {
      if (role) {
        await change.mutateAsync({ membershipId: membership.id, role });
        onDone(t('roles.changed', { name: user.user.name, role: t(`common:roles.${role}`), organisation }));
      } else {
        await remove.mutateAsync(membership.id);
        setRemoved((ids) => [...ids, membership.id]);
        onDone(
          t('roles.removed', {
            name: user.user.name,
            role: t(`common:roles.${membership.role}`),
            organisation,
          }),
        );
      }
      setAsking(null);
    } catch {
      // Shown in the dialog.
    }
  }
  return (
    <Modal opened onClose={close} title={t('roles.title', { name: user.user.name })} centered size="lg">
      {asking ? (
        <Stack gap="sm">
          <Text size="sm">
            {asking.role
              ? t('roles.confirmChange', {
                  name: user.user.name,
                  from: t(`common:roles.${asking.membership.role}`),
                  to: t(`common:roles.${asking.role}`),
                  organisation: orgName(asking.membership.organisation, language),
                })
              : t('roles.confirmRemove', {
                  name: user.user.name,
                  role: t(`common:roles.${asking.membership.role}`),
                  organisation: orgName(asking.membership.organisation, language),
                })}
          </Text>
          {error && <ApiErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                change.reset();
                remove.reset();
                setAsking(null);
              }}
            >
              {t('common:actions.back')}
            </Button>
            <Button
              color={asking.role ? undefined : 'red'}
              loading={change.isPending || remove.isPending}
              onClick={() => void confirm()}
              data-autofocus
            >
              {asking.role ? t('roles.change') : t('roles.remove')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          {memberships.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('users.noMemberships')}
            </Text>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {memberships.map((m) => {
                const roles = ROLES_BY_KIND[m.organisation.kind];
                const draft = drafts[m.id] ?? m.role;
                const organisation = orgName(m.organisation, language);
                return (
                  <Card withBorder padding="sm" component="li" key={m.id}>
                    <Text size="sm" fw={500}>
                      {organisation}
                      <Text span size="sm" c="dimmed">
                        {` · ${t(`organisations.kinds.${m.organisation.kind}`)}`}
                      </Text>
                    </Text>
                    <Group align="flex-end" gap="xs" mt="xs" wrap="wrap">
                      {roles.length > 1 ? (
                        <>
                          <NativeSelect
                            label={t('members.role')}
                            aria-label={t('roles.roleIn', { organisation })}
                            value={draft}
                            onChange={(e) =>
                              setDrafts((all) => ({ ...all, [m.id]: e.currentTarget.value as Role }))
                            }
                            data={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
                            w={{ base: '100%', xs: 220 }}
                          />
                          <Button
                            variant="light"
                            disabled={draft === m.role}
                            onClick={() => setAsking({ membership: m, role: draft })}
                          >
                            {t('roles.change')}
                          </Button>
                        </>
                      ) : (
                        <Text size="sm">{t(`common:roles.${m.role}`)}</Text>
                      )}
                      <Button
                        variant="light"
                        color="red"
                        onClick={() => setAsking({ membership: m })}
                        aria-label={t('roles.removeFrom', {
                          role: t(`common:roles.${m.role}`),
                          organisation,
                        })}
                      >
                        {t('roles.remove')}
                      </Button>
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
