import {
  ActionIcon,
  Anchor,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Container,
  Divider,
  Drawer,
  Group,
  Indicator,
  Menu,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../features/inbox/api.ts';
import { LICENCES_NAV_LABEL } from '../features/licences/nav-label.ts';
import { MONITOR_NAV_LABEL } from '../features/monitoring/nav-label.ts';
import { isLanguage, type Language, languages } from '../i18n/messages.ts';
import { localize } from '../lib/format.ts';
import { notify } from '../lib/notify.ts';
import { chooseLanguage, hasAnyRole, type Me, type Role, useMe, useSignOut } from '../lib/session.ts';
import { RouteFocus } from './route-focus.tsx';

interface NavItem {
  to: string;
  label: string;
  roles?: readonly Role[];
}

function useNavItems(me: Me | null | undefined): { publicItems: NavItem[]; roleItems: NavItem[] } {
  const { t } = useTranslation();
  const publicItems: NavItem[] = [
    { to: '/eligibility', label: t('nav.eligibility') },
    { to: '/registry', label: t('nav.registry') },
    { to: '/footer-check', label: t('nav.footerCheck') },
    { to: '/number', label: t('nav.number') },
  ];
  const allRoleItems: NavItem[] = [
    { to: '/app', label: t('nav.dashboard'), roles: ['applicant', 'agent'] },
    { to: '/monitor', label: localize(MONITOR_NAV_LABEL), roles: ['applicant', 'agent'] },
    { to: '/licences', label: localize(LICENCES_NAV_LABEL), roles: ['applicant', 'agent', 'platform_admin'] },
    { to: '/provider', label: t('nav.provider'), roles: ['provider_reviewer', 'provider_admin'] },
    { to: '/authority', label: t('nav.authority'), roles: ['authority_reviewer'] },
    { to: '/admin', label: t('nav.admin'), roles: ['platform_admin'] },
  ];
  const roleItems = allRoleItems.filter((item) => hasAnyRole(me, item.roles ?? []));
  return { publicItems, roleItems };
}

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const value = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={value}
      onChange={(next) => void chooseLanguage(next as Language, !!me)}
      data={languages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}

/** "99+" beyond two digits, so the badge keeps its size. */
function formatCount(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/** The inbox with its unread count, in the header: findable from every page. */
function InboxButton({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const label = unread > 0 ? t('nav.inboxUnread', { count: unread }) : t('nav.inbox');
  return (
    <Indicator
      label={<span aria-hidden>{formatCount(unread)}</span>}
      disabled={unread === 0}
      size={18}
      color="red.8"
      offset={6}
      inline
    >
      <ActionIcon
        component={Link}
        to="/inbox"
        variant="subtle"
        color="dark"
        size="lg"
        aria-label={label}
        title={label}
      >
        <IconBell size={20} stroke={1.6} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}

function UnreadBadge({ unread }: { unread: number }) {
  if (unread === 0) return null;
  return (
    <Badge size="sm" color="red.8" variant="filled" aria-hidden>
      {formatCount(unread)}
    </Badge>
  );
}

function AccountMenu({ me, unread }: { me: Me; unread: number }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('auth.signedInAs', { name: me.user.name })} px="xs">
          <Text size="sm" fw={600} truncate maw={160}>
            {me.user.name}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/inbox"
          rightSection={<UnreadBadge unread={unread} />}
          aria-label={unread > 0 ? t('nav.inboxUnread', { count: unread }) : undefined}
        >
          {t('nav.inbox')}
        </Menu.Item>
        <Menu.Item component={Link} to="/monitor">
          {localize(MONITOR_NAV_LABEL)}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          onClick={async () => {
            // Leave the signed-in page first: mounted, it would refetch its data without a session (401).
            await navigate({ to: '/' });
            try {
              await signOut();
            } catch {
              notify({ color: 'red', message: t('auth.signOutFailed') });
            }
          }}
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * The skip link moves the focus itself instead of following "#main": a hash change would go into the
 * router's history, and a page that keeps its state in the hash (the eligibility wizard) would read it.
 */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus({ preventScroll: true });
  main.scrollIntoView({ block: 'start' });
}

export function Layout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const { publicItems, roleItems } = useNavItems(me);
  const unread = useUnreadCount(!!me).data ?? 0;
  // Four public links fit from md (992 px); with a signed-in user's console links they need lg.
  const navBreakpoint = roleItems.length > 1 ? 'lg' : 'md';
  const isActive = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

  const linkProps = (item: NavItem) => ({
    component: Link,
    to: item.to,
    'aria-current': isActive(item.to) ? ('page' as const) : undefined,
    fw: isActive(item.to) ? 700 : 500,
    c: isActive(item.to) ? 'red.9' : 'dark.7',
    size: 'sm',
    underline: 'never' as const,
  });

  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <RouteFocus />
      <Anchor href="#main" className="skip-link" onClick={skipToMain}>
        {t('skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="lg" wrap="nowrap">
              <Anchor
                component={Link}
                to="/"
                underline="never"
                c="red.9"
                fw={800}
                fz="lg"
                // Starts with the visible text, so voice control finds it by what it shows (WCAG 2.5.3).
                aria-label={t('nav.brandHome', { brand: t('brand') })}
              >
                {t('brand')}
              </Anchor>
              <Group
                component="nav"
                aria-label={t('nav.mainNavigation')}
                gap="md"
                visibleFrom={navBreakpoint}
                wrap="nowrap"
              >
                {[...publicItems, ...roleItems].map((item) => (
                  <Anchor key={item.to} {...linkProps(item)}>
                    {item.label}
                  </Anchor>
                ))}
              </Group>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Box visibleFrom="sm">
                <LanguageSwitcher />
              </Box>
              {me && <InboxButton unread={unread} />}
              {me ? (
                <AccountMenu me={me} unread={unread} />
              ) : (
                <Button component={Link} to="/sign-in" size="xs" variant="light" visibleFrom="sm">
                  {t('auth.signIn')}
                </Button>
              )}
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom={navBreakpoint}
                size="sm"
                aria-label={t('nav.menu')}
              />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      {/* Built from its parts so that its header is a plain div: a second <header> would read as another banner. */}
      <Drawer.Root opened={opened} onClose={close} hiddenFrom={navBreakpoint} size="xs" position="right">
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header component="div">
            <Drawer.Title>{t('brand')}</Drawer.Title>
            <Drawer.CloseButton aria-label={t('nav.closeMenu')} />
          </Drawer.Header>
          <Drawer.Body>
            <Stack gap={0} component="nav" aria-label={t('nav.mainNavigation')}>
              {[{ to: '/', label: t('nav.home') }, ...publicItems, ...roleItems].map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  active={isActive(item.to)}
                  onClick={close}
                />
              ))}
              <Divider my="sm" />
              {me && (
                <NavLink
                  component={Link}
                  to="/inbox"
                  label={t('nav.inbox')}
                  aria-label={unread > 0 ? t('nav.inboxUnread', { count: unread }) : undefined}
                  rightSection={<UnreadBadge unread={unread} />}
                  active={isActive('/inbox')}
                  onClick={close}
                />
              )}
              {!me && <NavLink component={Link} to="/sign-in" label={t('auth.signIn')} onClick={close} />}
              {!me && <NavLink component={Link} to="/sign-up" label={t('auth.signUp')} onClick={close} />}
              <Box p="sm">
                <LanguageSwitcher />
              </Box>
            </Stack>
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
      <Box
        component="main"
        id="main"
        tabIndex={-1}
        pt={60}
        style={{ outline: 'none', minHeight: 'calc(100vh - 120px)' }}
      >
        <Container size="xl" py={{ base: 'md', sm: 'xl' }}>
          <Outlet />
        </Container>
      </Box>
      <Box
        component="footer"
        bg="gray.0"
        py="lg"
        mt="xl"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="xl">
          <Text size="sm" c="dimmed">
            {t('footer.about')}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('footer.disclaimer')}
          </Text>
          <Group gap="md" mt="xs">
            <Anchor href="/api/docs" size="xs">
              {t('nav.apiDocs')}
            </Anchor>
          </Group>
          <VisuallyHidden>{t('tagline')}</VisuallyHidden>
        </Container>
      </Box>
    </AppShell>
  );
}
