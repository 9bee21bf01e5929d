import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { parseDashboardSearch } from '../features/dashboard/search.ts';
import { parseNewLicenceSearch } from '../features/licences/search.ts';
import { parseQueueSearch } from '../features/provider/queue/queue-search.ts';
import { validateStatsSearch } from '../features/stats/stats-search.ts';
import { loadTexts } from '../i18n/i18n.ts';
import { hasAnyRole, meQuery, type Role } from '../lib/session.ts';
import { ForbiddenError, ForbiddenPage, NotFoundPage, RouteErrorPage } from './fallback-pages.tsx';
import { Layout } from './layout.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

/** A page's chunk together with its feature texts, so the page never renders untranslated keys. */
function withTexts<T>(namespaces: readonly string[], load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadTexts(namespaces)]).then(([module]) => module);
}

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Layout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

/**
 * A signed-in area: anonymous visitors go to sign-in and come back; a user without one of the
 * roles sees why they cannot enter (the API would answer 403/404 anyway — this is for clarity).
 */
function guard(roles: readonly Role[]) {
  return async ({ context, location }: { context: RouterContext; location: { href: string } }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (!hasAnyRole(me, roles)) throw new ForbiddenError(roles);
  };
}

function area(path: string, roles: readonly Role[]) {
  return createRoute({
    getParentRoute: () => rootRoute,
    path,
    beforeLoad: guard(roles),
    component: Outlet,
    errorComponent: ForbiddenPage,
  });
}

function page(
  parent: ReturnType<typeof area> | typeof rootRoute,
  path: string,
  load: () => Promise<Record<string, unknown>>,
  exportName: string,
) {
  return createRoute({
    getParentRoute: () => parent,
    path,
    component: lazyRouteComponent(load as never, exportName as never),
  });
}

/** A console's statistics page; its date range is in the URL (?from=&to=). */
function statsPage(parent: ReturnType<typeof area>, namespaces: readonly string[]) {
  return createRoute({
    getParentRoute: () => parent,
    path: '/stats',
    validateSearch: validateStatsSearch,
    component: lazyRouteComponent(
      withTexts(namespaces, () => import('../features/stats/stats-page.tsx')),
      'StatsPage',
    ),
  });
}

// Public pages (no login); each is its own chunk.
const homeRoute = page(
  rootRoute,
  '/',
  withTexts(['home', 'eligibility'], () => import('../features/home/home-page.tsx')),
  'HomePage',
);
const eligibilityRoute = page(
  rootRoute,
  '/eligibility',
  withTexts(['eligibility'], () => import('../features/eligibility/eligibility-page.tsx')),
  'EligibilityPage',
);
const registryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registry',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({ q: optionalString(search.q) }),
  component: lazyRouteComponent(
    withTexts(['registry', 'eligibility'], () => import('../features/registry/registry-page.tsx')),
    'RegistryPage',
  ),
});
const footerCheckRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/footer-check',
  // The live check's site: shareable, filled in on load but not fetched until asked.
  validateSearch: (search: Record<string, unknown>): { url?: string } => ({
    url: optionalString(search.url),
  }),
  component: lazyRouteComponent(
    withTexts(
      ['footer-check', 'eligibility'],
      () => import('../features/footer-check/footer-check-page.tsx'),
    ),
    'FooterCheckPage',
  ),
});
const numberRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/number',
  validateSearch: (search: Record<string, unknown>): { n?: string } => ({ n: optionalString(search.n) }),
  component: lazyRouteComponent(
    withTexts(['number', 'eligibility'], () => import('../features/number/number-page.tsx')),
    'NumberPage',
  ),
});
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: optionalString(search.redirect),
  }),
  component: lazyRouteComponent(
    withTexts(['auth'], () => import('../features/auth/sign-in-page.tsx')),
    'SignInPage',
  ),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: optionalString(search.token),
  }),
  component: lazyRouteComponent(
    withTexts(['auth'], () => import('../features/auth/reset-password-page.tsx')),
    'ResetPasswordPage',
  ),
});
const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: optionalString(search.redirect),
  }),
  component: lazyRouteComponent(
    withTexts(['auth'], () => import('../features/auth/sign-up-page.tsx')),
    'SignUpPage',
  ),
});

// Any signed-in user.
const everyRole: readonly Role[] = [
  'applicant',
  'agent',
  'provider_reviewer',
  'provider_admin',
  'authority_reviewer',
  'platform_admin',
];
const accountArea = area('/account', everyRole);
const accountRoute = page(
  accountArea,
  '/',
  withTexts(['account'], () => import('../features/account/account-page.tsx')),
  'AccountPage',
);
const inboxArea = area('/inbox', everyRole);
const inboxRoute = page(
  inboxArea,
  '/',
  withTexts(['inbox'], () => import('../features/inbox/inbox-page.tsx')),
  'InboxPage',
);

// The compliance monitor (issue 5): any signed-in user's own sites. A check's findings use the footer
// checker's rule names, and the pages cite the catalogue's sources.
const monitorArea = area('/monitor', everyRole);
const monitorRoute = page(
  monitorArea,
  '/',
  withTexts(['monitoring', 'eligibility'], () => import('../features/monitoring/monitor-page.tsx')),
  'MonitorPage',
);
const newSiteRoute = page(
  monitorArea,
  '/new',
  withTexts(['monitoring'], () => import('../features/monitoring/site-form-page.tsx')),
  'NewSitePage',
);
const siteRoute = page(
  monitorArea,
  '/$id',
  withTexts(
    ['monitoring', 'footer-check', 'eligibility'],
    () => import('../features/monitoring/site-page.tsx'),
  ),
  'SitePage',
);
const editSiteRoute = page(
  monitorArea,
  '/$id/edit',
  withTexts(['monitoring'], () => import('../features/monitoring/site-form-page.tsx')),
  'EditSitePage',
);

// Applicants and agents.
const applicantArea = area('/app', ['applicant', 'agent']);
const dashboardRoute = createRoute({
  getParentRoute: () => applicantArea,
  path: '/',
  validateSearch: parseDashboardSearch,
  component: lazyRouteComponent(
    withTexts(
      ['dashboard', 'order', 'monitoring', 'licences'],
      () => import('../features/dashboard/dashboard-page.tsx'),
    ),
    'DashboardPage',
  ),
});
const newOrderRoute = createRoute({
  getParentRoute: () => applicantArea,
  path: '/orders/new',
  validateSearch: (search: Record<string, unknown>): { client?: string; fromEligibility?: boolean } => ({
    client: optionalString(search.client),
    fromEligibility: search.fromEligibility === true || search.fromEligibility === 'true' ? true : undefined,
  }),
  component: lazyRouteComponent(
    withTexts(['order-wizard'], () => import('../features/order-wizard/order-wizard-page.tsx')),
    'NewOrderPage',
  ),
});
const editOrderRoute = page(
  applicantArea,
  '/orders/$ref/edit',
  withTexts(['order-wizard'], () => import('../features/order-wizard/order-wizard-page.tsx')),
  'EditOrderPage',
);
const orderRoute = page(
  applicantArea,
  '/orders/$ref',
  // The order's content and diff name languages and service types with the wizard's words.
  withTexts(['order', 'order-wizard'], () => import('../features/order/order-page.tsx')),
  'OrderPage',
);

// ICP and EDI licence applications (issue 5): applicants and agents apply; platform administrators
// decide the cross-regional ones as MIIT's sandbox, from the same pages.
const licencesArea = area('/licences', ['applicant', 'agent', 'platform_admin']);
const licencesRoute = page(
  licencesArea,
  '/',
  withTexts(['licences'], () => import('../features/licences/licences-page.tsx')),
  'LicencesPage',
);
const newLicenceRoute = createRoute({
  getParentRoute: () => licencesArea,
  path: '/new',
  validateSearch: parseNewLicenceSearch,
  component: lazyRouteComponent(
    withTexts(['licences', 'eligibility'], () => import('../features/licences/new-licence-page.tsx')),
    'NewLicencePage',
  ),
});
const licenceRoute = page(
  licencesArea,
  '/$ref',
  withTexts(['licences', 'eligibility'], () => import('../features/licences/licence-page.tsx')),
  'LicencePage',
);

// Access providers.
const providerArea = area('/provider', ['provider_reviewer', 'provider_admin']);
const providerQueueRoute = createRoute({
  getParentRoute: () => providerArea,
  path: '/',
  validateSearch: parseQueueSearch,
  component: lazyRouteComponent(
    withTexts(['provider'], () => import('../features/provider/provider-queue-page.tsx')),
    'ProviderQueuePage',
  ),
});
const providerReviewRoute = page(
  providerArea,
  '/orders/$ref',
  withTexts(
    ['provider', 'order', 'order-wizard'],
    () => import('../features/provider/provider-review-page.tsx'),
  ),
  'ProviderReviewPage',
);
const providerInstancesRoute = page(
  providerArea,
  '/instances',
  withTexts(['provider'], () => import('../features/provider/provider-instances-page.tsx')),
  'ProviderInstancesPage',
);
const providerStatsRoute = statsPage(providerArea, ['stats', 'admin', 'provider']);

// Sandbox authorities.
const authorityArea = area('/authority', ['authority_reviewer']);
const authorityQueueRoute = createRoute({
  getParentRoute: () => authorityArea,
  path: '/',
  validateSearch: parseQueueSearch,
  component: lazyRouteComponent(
    withTexts(['authority', 'provider'], () => import('../features/authority/authority-queue-page.tsx')),
    'AuthorityQueuePage',
  ),
});
const authorityReviewRoute = page(
  authorityArea,
  '/orders/$ref',
  withTexts(
    ['authority', 'provider', 'order', 'order-wizard'],
    () => import('../features/authority/authority-review-page.tsx'),
  ),
  'AuthorityReviewPage',
);
const authoritySmsRoute = page(
  authorityArea,
  '/sms',
  withTexts(['authority', 'provider'], () => import('../features/authority/authority-sms-page.tsx')),
  'AuthoritySmsPage',
);
const authorityLicencesRoute = page(
  authorityArea,
  '/licences',
  withTexts(
    ['licences', 'authority', 'provider'],
    () => import('../features/licences/authority-licences-page.tsx'),
  ),
  'AuthorityLicencesPage',
);
const authorityLicenceRoute = page(
  authorityArea,
  '/licences/$ref',
  withTexts(['licences', 'eligibility'], () => import('../features/licences/licence-page.tsx')),
  'LicencePage',
);
const authorityShellEntitiesRoute = page(
  authorityArea,
  '/shell-entities',
  withTexts(
    ['compliance', 'authority', 'provider'],
    () => import('../features/compliance/shell-entities-page.tsx'),
  ),
  'ShellEntitiesPage',
);
const authorityStatsRoute = statsPage(authorityArea, ['stats', 'admin', 'authority', 'provider']);

// Platform administrators.
const adminArea = area('/admin', ['platform_admin']);
const adminHomeRoute = page(
  adminArea,
  '/',
  withTexts(['admin'], () => import('../features/admin/admin-home-page.tsx')),
  'AdminHomePage',
);
const adminCatalogueRoute = page(
  adminArea,
  '/catalogue',
  withTexts(['admin'], () => import('../features/admin/admin-catalogue-page.tsx')),
  'AdminCataloguePage',
);
const adminCalendarRoute = page(
  adminArea,
  '/calendar',
  withTexts(['admin'], () => import('../features/admin/admin-calendar-page.tsx')),
  'AdminCalendarPage',
);
const adminUsersRoute = page(
  adminArea,
  '/users',
  withTexts(['admin'], () => import('../features/admin/admin-users-page.tsx')),
  'AdminUsersPage',
);
const adminAuditRoute = page(
  adminArea,
  '/audit',
  withTexts(['admin'], () => import('../features/admin/admin-audit-page.tsx')),
  'AdminAuditPage',
);
const adminAllowListRoute = page(
  adminArea,
  '/allow-list',
  withTexts(['admin'], () => import('../features/admin/admin-allow-list-page.tsx')),
  'AdminAllowListPage',
);
const adminShellEntitiesRoute = page(
  adminArea,
  '/shell-entities',
  withTexts(['compliance', 'admin'], () => import('../features/compliance/shell-entities-page.tsx')),
  'ShellEntitiesPage',
);
const adminStatsRoute = statsPage(adminArea, ['stats', 'admin', 'provider']);

const routeTree = rootRoute.addChildren([
  homeRoute,
  eligibilityRoute,
  registryRoute,
  footerCheckRoute,
  numberRoute,
  signInRoute,
  signUpRoute,
  resetPasswordRoute,
  accountArea.addChildren([accountRoute]),
  inboxArea.addChildren([inboxRoute]),
  monitorArea.addChildren([monitorRoute, newSiteRoute, siteRoute, editSiteRoute]),
  applicantArea.addChildren([dashboardRoute, newOrderRoute, editOrderRoute, orderRoute]),
  licencesArea.addChildren([licencesRoute, newLicenceRoute, licenceRoute]),
  providerArea.addChildren([
    providerQueueRoute,
    providerReviewRoute,
    providerInstancesRoute,
    providerStatsRoute,
  ]),
  authorityArea.addChildren([
    authorityQueueRoute,
    authorityReviewRoute,
    authoritySmsRoute,
    authorityLicencesRoute,
    authorityLicenceRoute,
    authorityShellEntitiesRoute,
    authorityStatsRoute,
  ]),
  adminArea.addChildren([
    adminHomeRoute,
    adminCatalogueRoute,
    adminCalendarRoute,
    adminUsersRoute,
    adminAuditRoute,
    adminAllowListRoute,
    adminShellEntitiesRoute,
    adminStatsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
    defaultPendingMs: 300,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
