import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Role } from '../../lib/session.ts';

/**
 * The platform administrators' API (openapi tags `admin`, `organisations`, `catalogue`, `calendar`):
 * response types as the server documents them, and one react-query hook per call.
 */

// ---------------------------------------------------------------- calendar

export type DayKind = 'holiday' | 'workday';

export interface CalendarOverride {
  date: string;
  kind: DayKind;
  nameEn?: string;
  nameZh?: string;
  source: { text: string; url?: string };
  createdBy: string;
  createdAt: string;
}

export interface CalendarOverrideInput {
  kind: DayKind;
  nameEn?: string;
  nameZh?: string;
  source: { text: string; url?: string };
}

export interface CalendarYear {
  year: number;
  hasSeedData: boolean;
  overrides: number;
  holidays: number;
  makeupWorkdays: number;
}

export interface CalendarDay {
  date: string;
  isWorkingDay: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';
  name?: string;
  source?: string;
  hasHolidayData: boolean;
}

export function useCalendarYears() {
  return useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => api.get<{ items: CalendarYear[] }>('/api/calendar/years'),
  });
}

export function useCalendarOverrides(year?: number) {
  return useQuery({
    queryKey: ['admin', 'calendar', 'overrides', year ?? 'all'],
    queryFn: () => api.get<{ items: CalendarOverride[] }>('/api/admin/calendar/overrides', { year }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  // Working-day answers everywhere (countdowns, deadlines) change with an override.
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) => ['calendar', 'admin'].includes(String(q.queryKey[0])),
    });
}

export function useSetCalendarOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ date, ...body }: CalendarOverrideInput & { date: string }) =>
      api.put<{ override: CalendarOverride; replaced: boolean }>(
        `/api/admin/calendar/overrides/${encodeURIComponent(date)}`,
        body,
      ),
    onSuccess: invalidate,
  });
}

export interface CalendarNoticeInput {
  holidayFrom: string;
  holidayTo: string;
  makeupWorkdays: string[];
  nameEn?: string;
  nameZh?: string;
  source: { text: string; url?: string };
}

/** POST /api/admin/calendar/notices: a holiday range and its make-up days, in one transaction. */
export function useSetCalendarNotice() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (body: CalendarNoticeInput) =>
      api.post<{ overrides: CalendarOverride[]; replaced: string[] }>('/api/admin/calendar/notices', body),
    onSuccess: invalidate,
  });
}

export function useDeleteCalendarOverride() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (date: string) => api.delete(`/api/admin/calendar/overrides/${encodeURIComponent(date)}`),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------- catalogue

export interface LocalizedText {
  en: string;
  zh: string;
}

export interface Source {
  id: string;
  kind: string;
  title: string;
  titleZh?: string;
  url?: string;
  date?: string;
  note?: string;
}

export interface Province {
  code: string;
  slug: string;
  nameEn: string;
  nameZh: string;
  icpAbbreviation: string;
  authority: { nameEn: string; nameZh: string; portal: string };
}

export interface Sourced<T> {
  value: T;
  sources: string[];
  note?: LocalizedText;
  alternatives?: { value: T; sources: string[]; note?: LocalizedText }[];
}

export interface ProvinceRules {
  province: string;
  individualResidency: Sourced<'any_province' | 'residence_permit' | 'local_id_only' | 'unspecified'>;
  acceptsNonChineseIndividuals: Sourced<'yes' | 'no' | 'unspecified'>;
  acceptsHkMoTwResidents: Sourced<'yes' | 'no' | 'unspecified'>;
  minimumAge: Sourced<{ age: number; withProofFrom?: number }>;
  localMobileRequired: Sourced<boolean>;
  organisationLeader: Sourced<'legal_rep_only' | 'legal_rep_or_authorised'>;
  maxSitesPerOrder: Sourced<number | null>;
  extraDocuments: string[];
  numberDisplay: Sourced<'service' | 'entity'>;
  shellEntityCanAddServices: Sourced<boolean>;
  providerReviewDays: Sourced<{ typical: number; max: number }>;
  authorityReviewDays: Sourced<{ typical: number; max: number }>;
  specialItems: { text: LocalizedText; sources: string[] }[];
}

export type ProvinceRuleField = Exclude<keyof ProvinceRules, 'province'>;

export interface TldCatalogue {
  listDate: string;
  sources: string[];
  fileable: string[];
  notFileable: { tld: string; note: LocalizedText; sources: string[] }[];
}

export const LEXICON_LISTS = [
  'reservedPrefixes',
  'sensitiveWords',
  'individualBanned',
  'provinceIndividualBanned',
] as const;
export type LexiconList = (typeof LEXICON_LISTS)[number];

export interface WordList {
  words: string[];
  sources: string[];
}

/** The site-name word lists in force, with the admins' edits (GET /api/admin/catalogue/lexicon). */
export interface Lexicon {
  reservedPrefixes: WordList;
  sensitiveWords: WordList;
  individualBanned: WordList;
  provinceIndividualBanned: Record<string, WordList>;
}

export type CatalogueChange =
  | {
      kind: 'province_rule';
      province: string;
      field: ProvinceRuleField;
      value?: unknown;
      note?: LocalizedText | null;
    }
  | { kind: 'tld_add' | 'tld_remove'; tld: string }
  | { kind: 'lexicon_add' | 'lexicon_remove'; list: LexiconList; province?: string; term: string };

export type EditSource = { sourceId: string } | { title: string; url: string };

/** Why the server refused (or no longer applies) a catalogue edit: a stable code, its params and English. */
export interface CatalogueEditProblem {
  code: string;
  params: Record<string, string>;
  message: string;
}

export interface CatalogueEdit {
  id: number;
  change: CatalogueChange;
  sourceId: string;
  newSource?: Source;
  createdBy: string;
  createdAt: string;
  revertedBy?: string;
  revertedAt?: string;
  status: 'applied' | 'reverted' | 'not_applied';
  problems?: CatalogueEditProblem[];
}

const LONG = 5 * 60_000;

export function useProvinces() {
  return useQuery({
    queryKey: ['catalogue', 'provinces'],
    queryFn: () => api.get<{ items: Province[] }>('/api/catalogue/provinces'),
    staleTime: LONG,
  });
}

export function provinceRulesQuery(code: string) {
  return {
    queryKey: ['catalogue', 'provinces', code],
    queryFn: () => api.get<{ province: Province; rules: ProvinceRules }>(`/api/catalogue/provinces/${code}`),
    staleTime: LONG,
  };
}

export function useProvinceRules(code: string | null) {
  return useQuery({ ...provinceRulesQuery(code ?? ''), enabled: code !== null });
}

export function useSources() {
  return useQuery({
    queryKey: ['catalogue', 'sources'],
    queryFn: () => api.get<{ items: Source[] }>('/api/catalogue/sources'),
    staleTime: LONG,
  });
}

export function useTlds() {
  return useQuery({
    queryKey: ['catalogue', 'tlds'],
    queryFn: () => api.get<TldCatalogue>('/api/catalogue/tlds'),
    staleTime: LONG,
  });
}

export function useLexicon() {
  return useQuery({
    queryKey: ['admin', 'catalogue', 'lexicon'],
    queryFn: () => api.get<Lexicon>('/api/admin/catalogue/lexicon'),
  });
}

export function useCatalogueEdits() {
  return useQuery({
    queryKey: ['admin', 'catalogue', 'edits'],
    queryFn: () => api.get<{ items: CatalogueEdit[] }>('/api/admin/catalogue/edits'),
  });
}

function useInvalidateCatalogue() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'catalogue' || (q.queryKey[0] === 'admin' && q.queryKey[1] === 'catalogue'),
    });
}

export function useAddCatalogueEdit() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (body: { change: CatalogueChange; source: EditSource }) =>
      api.post<CatalogueEdit>('/api/admin/catalogue/edits', body),
    onSuccess: invalidate,
  });
}

export function useRevertCatalogueEdit() {
  const invalidate = useInvalidateCatalogue();
  return useMutation({
    mutationFn: (id: number) => api.delete<CatalogueEdit>(`/api/admin/catalogue/edits/${id}`),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------- audit

export interface AuditEvent {
  sequence: number;
  occurredAt: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  hash: string;
  prevHash: string;
}

export interface AuditEventDetail extends AuditEvent {
  payload: unknown;
}

export interface AuditVerification {
  ok: boolean;
  count: number;
  headHash?: string;
  brokenAt?: number;
  reason?: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
  /** When the verification started. */
  verifiedAt: string;
}

/** GET /api/admin/audit/verification: the last verification (if any) and the log's size now. */
export interface AuditVerificationStatus {
  last?: AuditVerification;
  headSequence: number;
  isRunning: boolean;
}

/** The audit viewer's server-side filters (GET /api/admin/audit query). */
export interface AuditFilter {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** China days, inclusive. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(filter: AuditFilter = {}) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', 'events', filter],
    queryFn: ({ pageParam }) =>
      api.get<{ items: AuditEvent[]; nextBefore?: number }>('/api/admin/audit', {
        ...filter,
        before: pageParam,
        limit: AUDIT_PAGE_SIZE,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore,
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvent(sequence: number | null) {
  return useQuery({
    queryKey: ['admin', 'audit', 'event', sequence],
    queryFn: () => api.get<AuditEventDetail>(`/api/admin/audit/${sequence}`),
    enabled: sequence !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The last chain verification and the log's size: cheap, the chain is not walked. */
export function useAuditVerification() {
  return useQuery({
    queryKey: ['admin', 'audit', 'verification'],
    queryFn: () => api.get<AuditVerificationStatus>('/api/admin/audit/verification'),
  });
}

/** Walks the whole chain now (POST); the status query then shows the new result. */
export function useVerifyAuditChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AuditVerification>('/api/admin/audit/verification'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin', 'audit', 'verification'] }),
  });
}

// ---------------------------------------------------------------- users and organisations

export const ORGANISATION_KINDS = [
  'access_provider',
  'authority',
  'agency',
  'applicant_org',
  'platform',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Organisation kinds an administrator may create (authorities and the platform are built in). */
export const CREATABLE_KINDS = ['access_provider', 'agency', 'applicant_org'] as const;

/** The roles a member of each kind of organisation may hold (the server checks the same). */
export const ROLES_BY_KIND: Record<OrganisationKind, Role[]> = {
  access_provider: ['provider_reviewer', 'provider_admin'],
  authority: ['authority_reviewer'],
  agency: ['agent'],
  applicant_org: ['applicant'],
  platform: ['platform_admin'],
};

export interface AdminOrganisation {
  id: string;
  kind: OrganisationKind;
  nameEn: string;
  nameZh: string;
  provinceCode: string | null;
  createdAt: string;
}

export interface AdminUserAccount {
  id: string;
  name: string;
  email: string;
  twoFactorEnabled: boolean;
  createdAt: string;
  /** Set while the account is disabled. */
  disabledAt: string | null;
  /** False until an invited user has chosen a password. */
  hasPassword: boolean;
}

export interface AdminMembership {
  id: string;
  organisationId: string;
  role: Role;
  createdAt: string;
  organisation: AdminOrganisation;
}

export interface AdminUser {
  user: AdminUserAccount;
  memberships: AdminMembership[];
}

export const USERS_PAGE_SIZE = 50;

/** Users page by page ("load more"), searched on the server. */
export function useUserPages(q: string) {
  return useInfiniteQuery({
    queryKey: ['admin', 'users', 'pages', q],
    queryFn: ({ pageParam }) =>
      api.get<{ items: AdminUser[]; total: number }>('/api/users', {
        q: q || undefined,
        limit: USERS_PAGE_SIZE,
        offset: pageParam,
      }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

/** The first few users matching `q`, for pickers. */
export function useUsers(q: string, limit = 100) {
  return useQuery({
    queryKey: ['admin', 'users', q, limit],
    queryFn: () => api.get<{ items: AdminUser[]; total: number }>('/api/users', { q: q || undefined, limit }),
    placeholderData: keepPreviousData,
  });
}

export const ORGANISATIONS_PAGE_SIZE = 50;

/** Organisations page by page, searched on the server by either name. */
export function useOrganisationPages(q: string, kind?: OrganisationKind) {
  return useInfiniteQuery({
    queryKey: ['admin', 'organisations', 'pages', q, kind ?? 'all'],
    queryFn: ({ pageParam }) =>
      api.get<{ items: AdminOrganisation[]; total: number }>('/api/organisations', {
        q: q || undefined,
        kind,
        limit: ORGANISATIONS_PAGE_SIZE,
        offset: pageParam,
      }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

/** The first organisations matching `q`, for pickers. */
export function useOrganisations(q = '', limit = 50) {
  return useQuery({
    queryKey: ['admin', 'organisations', q, limit],
    queryFn: () =>
      api.get<{ items: AdminOrganisation[]; total: number }>('/api/organisations', {
        q: q || undefined,
        limit,
      }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
}

export function useInviteUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: {
      name: string;
      email: string;
      locale: 'en' | 'zh-CN';
      membership?: { organisationId: string; role: Role };
    }) => api.post<{ user: AdminUserAccount }>('/api/users', body),
    onSuccess: invalidate,
  });
}

export function useSetUserDisabled() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: string; disabled: boolean }) =>
      api.post<{ user: AdminUserAccount }>(
        `/api/users/${encodeURIComponent(userId)}/${disabled ? 'disable' : 'enable'}`,
      ),
    onSuccess: invalidate,
  });
}

export function useSendPasswordLink() {
  return useMutation({
    mutationFn: (userId: string) =>
      api.post<{ user: AdminUserAccount }>(`/api/users/${encodeURIComponent(userId)}/password-link`),
  });
}

export function useChangeMembershipRole() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ membershipId, role }: { membershipId: string; role: Role }) =>
      api.patch(`/api/memberships/${encodeURIComponent(membershipId)}`, { role }),
    onSuccess: invalidate,
  });
}

export function useRemoveMembership() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (membershipId: string) => api.delete(`/api/memberships/${encodeURIComponent(membershipId)}`),
    onSuccess: invalidate,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      kind: (typeof CREATABLE_KINDS)[number];
      nameEn: string;
      nameZh: string;
      provinceCode?: string;
    }) => api.post<AdminOrganisation>('/api/organisations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'organisations'] }),
  });
}

export function useAddMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, ...body }: { organisationId: string; userId: string; role: Role }) =>
      api.post(`/api/organisations/${encodeURIComponent(organisationId)}/members`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

// ---------------------------------------------------------------- live footer check allow-list

/** A host the live footer check may fetch although it resolves to a private address. */
export interface FetchAllowHost {
  host: string;
  note: string;
  createdBy: string;
  createdAt: string;
}

export function useFetchAllowHosts() {
  return useQuery({
    queryKey: ['admin', 'fetch-allow-hosts'],
    queryFn: () => api.get<{ items: FetchAllowHost[]; configured: string[] }>('/api/admin/fetch-allow-hosts'),
  });
}

export function useAllowFetchHost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ host, note }: { host: string; note: string }) =>
      api.put<{ host: FetchAllowHost; isNew: boolean }>(
        `/api/admin/fetch-allow-hosts/${encodeURIComponent(host)}`,
        { note },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'fetch-allow-hosts'] }),
  });
}

export function useRemoveFetchAllowHost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (host: string) => api.delete(`/api/admin/fetch-allow-hosts/${encodeURIComponent(host)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'fetch-allow-hosts'] }),
  });
}
