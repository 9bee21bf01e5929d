import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChecklistFlag } from '../../../domain/catalogue/checklist.ts';
import type { OrderContentDraft } from '../../../domain/order-content/order-content.ts';
import type { Localized } from '../../../domain/shared/localized.ts';
import type { OrderStatus } from '../../../domain/workflow/order-status.ts';
import type { OrderTypeId } from '../../../domain/workflow/order-type.ts';
import { api } from '../../lib/api.ts';
import type { EventActor } from '../../lib/event-actor.ts';

/**
 * The reviewers' side of the order API (provider and authority consoles): wire types as
 * src/server/schemas/orders.ts, documents.ts and providers.ts describe them, and react-query hooks.
 */

export type DeadlineFlag = 'overdue' | 'due_today' | 'due_soon' | 'on_track' | 'none';
export type DeadlineKind = 'providerReviewDue' | 'smsExpiresAt' | 'authorityReviewDue';

export interface OrderSummary {
  id: number;
  reference: string;
  type: OrderTypeId;
  intent: string;
  status: OrderStatus;
  provinceCode: string;
  providerOrgId: string;
  authorityMode: 'sandbox' | 'recorded';
  entityNumber?: string;
  serviceNumber?: string;
  domain?: string;
  deadlines: Partial<Record<DeadlineKind, string>>;
  activeDeadline?: { kind: DeadlineKind; due: string };
  deadlineFlag: DeadlineFlag;
  /** The open SMS check while the order is in sms_verification. */
  sms?: { expiresAt: string; attempts: number; maxAttempts: number; attemptsLeft: number };
  hasReturnReasons: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  decidedAt?: string;
}

export interface ReturnReason {
  fieldPath?: string;
  reasonCode: string;
  text: { en?: string; zh?: string };
  templateId?: string;
}

/** What the return, rejection and failed identity check send (the template's text stands in when none). */
export interface ReasonInput {
  fieldPath?: string;
  reasonCode?: string;
  templateId?: string;
  text?: { en?: string; zh?: string };
}

export interface OrderEvent {
  type: string;
  from: OrderStatus;
  to: OrderStatus;
  at: string;
  details: Record<string, unknown>;
  /** Who took the step (openapi.json: EventActor). */
  actor: EventActor;
}

export type OrderAction =
  | 'edit'
  | 'submit'
  | 'start_provider_review'
  | 'return_by_provider'
  | 'approve_by_provider'
  | 'record_identity_verification'
  | 'send_to_authority'
  | 'submit_sms_code'
  | 'expire_sms'
  | 'approve_by_authority'
  | 'reject_by_authority'
  | 'withdraw';

export interface OrderView extends OrderSummary {
  ownerUserId: string;
  agentOrgId?: string;
  clientUserId?: string;
  issuedServiceNumbers: string[];
  version: number;
  submittedVersion?: number;
  returnReasons: ReturnReason[];
  allowedActions: OrderAction[];
  isPersonalDataMasked: boolean;
  content: OrderContentDraft;
  contentSource: 'draft' | 'submitted';
  versions: { version: number; submittedAt: string }[];
  events: OrderEvent[];
}

export interface OrderDocument {
  id: string;
  orderReference?: string;
  kind: string;
  kindName: Localized;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  originalName?: string;
}

export interface OrderDocuments {
  orderReference: string;
  documents: OrderDocument[];
  uploadableKinds: { id: string; nameEn: string; nameZh: string }[];
  canChange: boolean;
  canRead: boolean;
}

export interface VersionsDiff {
  fromVersion: number | null;
  toVersion: number;
  changes: { path: string; kind: 'added' | 'removed' | 'changed'; before?: unknown; after?: unknown }[];
  isPersonalDataMasked: boolean;
}

/** GET /api/catalogue/return-reasons: `fieldPaths` use `[]` for an index; empty means the whole order. */
export interface ReturnReasonTemplate {
  id: string;
  fieldPaths: string[];
  text: Localized;
}

export interface Province {
  code: string;
  nameEn: string;
  nameZh: string;
  icpAbbreviation: string;
}

export interface CatalogueItem {
  id: string;
  nameEn: string;
  nameZh: string;
}

/** GET /api/orders/:ref/checklist: one document the order needs, whom it concerns, and whether it is there. */
export interface OrderChecklistItem {
  key: string;
  document: { id: string; nameEn: string; nameZh: string; description: Localized };
  required: boolean;
  notes: Localized[];
  sources: string[];
  ruleIds: string[];
  /** Whose own document it is (`entity.leader`, `services[0].admin`). */
  personRef?: string;
  people: string[];
  services: number[];
  documentIds: string[];
  isPresent: boolean;
}

export interface OrderChecklist {
  orderReference: string;
  contentSource: 'draft' | 'submitted';
  version: number;
  flags: ChecklistFlag[];
  items: OrderChecklistItem[];
  missingRequired: number;
}

export interface ServiceCode {
  id: number;
  code: string;
  kind: 'service' | 'authorization';
  granteeUserId?: string;
  status: 'available' | 'bound' | 'burnt';
  orderId?: number;
  /** The order's reference, OB-2026-000123. */
  orderReference?: string;
  issuedAt: string;
  expiresAt?: string;
  burntAt?: string;
}

export interface Instance {
  id: number;
  providerOrgId: string;
  ownerUserId: string;
  name: string;
  region: string;
  provinceCode: string;
  publicIp: string;
  subscriptionStart: string;
  subscriptionEnd: string;
  eligibility: { eligible: boolean; issues: { code: string; message: Localized }[] };
  codes: ServiceCode[];
  codesRemaining: number;
  createdAt: string;
}

export interface CreateInstanceInput {
  ownerUserId: string;
  name: string;
  region: string;
  province: string;
  publicIp: string;
  subscriptionStart: string;
  subscriptionEnd: string;
}

// Queries -----------------------------------------------------------------------------------------------

export interface OrderListParams {
  view: 'queue' | 'all';
  status?: OrderStatus[];
  type?: OrderTypeId[];
  province?: string;
  flag?: DeadlineFlag[];
  q?: string;
  /** Default: deadline for the queue, latest change for all. */
  sort?: 'deadline' | 'updated';
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface OrderListPage {
  items: OrderSummary[];
  hasMore: boolean;
  /** Every order the filters match (GET /api/orders `total`). */
  total: number;
}

/** Rows per page of a reviewer's list. */
export const ORDER_PAGE_SIZE = 25;

export const reviewKeys = {
  all: ['review'] as const,
  lists: () => [...reviewKeys.all, 'list'] as const,
  list: (params: OrderListParams) => [...reviewKeys.lists(), params] as const,
  order: (ref: string) => [...reviewKeys.all, 'order', ref] as const,
  documents: (ref: string) => [...reviewKeys.all, 'documents', ref] as const,
  checklist: (ref: string) => [...reviewKeys.all, 'checklist', ref] as const,
  diff: (ref: string, to: number | undefined) => [...reviewKeys.all, 'diff', ref, to] as const,
};

/** One page of orders, filtered by the API; the previous page stays on screen while the next loads. */
export function useOrderList(params: OrderListParams) {
  const pageSize = params.pageSize ?? ORDER_PAGE_SIZE;
  return useQuery({
    queryKey: reviewKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<OrderListPage>(
        '/api/orders',
        {
          view: params.view,
          status: params.status?.join(','),
          type: params.type?.join(','),
          province: params.province,
          flag: params.flag?.join(','),
          q: params.q,
          sort: params.sort,
          limit: pageSize,
          offset: ((params.page ?? 1) - 1) * pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function orderQuery(ref: string) {
  return queryOptions({
    queryKey: reviewKeys.order(ref),
    queryFn: ({ signal }) => api.get<OrderView>(`/api/orders/${encodeURIComponent(ref)}`, undefined, signal),
  });
}

export function useOrder(ref: string) {
  return useQuery(orderQuery(ref));
}

export function useOrderDocuments(ref: string) {
  return useQuery({
    queryKey: reviewKeys.documents(ref),
    queryFn: ({ signal }) =>
      api.get<OrderDocuments>(`/api/orders/${encodeURIComponent(ref)}/documents`, undefined, signal),
  });
}

export function useVersionsDiff(ref: string, toVersion: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: reviewKeys.diff(ref, toVersion),
    queryFn: ({ signal }) =>
      api.get<VersionsDiff>(
        `/api/orders/${encodeURIComponent(ref)}/versions/diff`,
        { to: toVersion },
        signal,
      ),
    enabled,
  });
}

const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY };

export function useReturnReasonTemplates() {
  return useQuery({
    queryKey: ['catalogue', 'return-reasons'],
    queryFn: ({ signal }) =>
      api.get<{ items: ReturnReasonTemplate[] }>('/api/catalogue/return-reasons', undefined, signal),
    retry: false,
    ...forever,
  });
}

export function useProvinces() {
  return useQuery({
    queryKey: ['catalogue', 'provinces'],
    queryFn: ({ signal }) => api.get<{ items: Province[] }>('/api/catalogue/provinces', undefined, signal),
    ...forever,
  });
}

export function useCatalogueList(list: 'natures' | 'certificate-types' | 'order-types') {
  return useQuery({
    queryKey: ['catalogue', list],
    queryFn: ({ signal }) => api.get<{ items: CatalogueItem[] }>(`/api/catalogue/${list}`, undefined, signal),
    ...forever,
  });
}

export function useOrderChecklist(ref: string) {
  return useQuery({
    queryKey: reviewKeys.checklist(ref),
    queryFn: ({ signal }) =>
      api.get<OrderChecklist>(`/api/orders/${encodeURIComponent(ref)}/checklist`, undefined, signal),
  });
}

// Commands ----------------------------------------------------------------------------------------------

export type OrderCommandPath =
  | 'start-review'
  | 'return'
  | 'approve-provider'
  | 'identity-verification'
  | 'send-to-authority'
  | 'approve-authority'
  | 'reject-authority';

export interface CommandResult {
  order: OrderView;
  numbers?: { entityNumber: string; serviceNumbers: string[] };
}

/**
 * One workflow command on the order. The answer carries the order as it is now, so the page shows it
 * at once; queues and the documents are fetched again.
 */
export function useOrderCommand(ref: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: OrderCommandPath; body?: unknown }) =>
      api.post<CommandResult>(`/api/orders/${encodeURIComponent(ref)}/${path}`, body ?? {}),
    onSuccess: async (result) => {
      queryClient.setQueryData(reviewKeys.order(ref), result.order);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.order(ref) }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.documents(ref) }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.checklist(ref) }),
      ]);
    },
  });
}

// Instances ---------------------------------------------------------------------------------------------

const instanceKeys = ['provider', 'instances'] as const;

export function useInstances() {
  return useQuery({
    queryKey: instanceKeys,
    queryFn: ({ signal }) => api.get<{ items: Instance[] }>('/api/provider/instances', undefined, signal),
  });
}

export function useCreateInstance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInstanceInput) => api.post<Instance>('/api/provider/instances', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: instanceKeys }),
  });
}

/** GET /api/provider/customers: a customer account found by its whole e-mail address. */
export interface Customer {
  userId: string;
  email: string;
  maskedName: string;
}

export function findCustomer(email: string): Promise<Customer> {
  return api.get<Customer>('/api/provider/customers', { email });
}

export function useIssueServiceCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (instanceId: number) =>
      api.post<{ code: ServiceCode; codesRemaining: number }>(
        `/api/provider/instances/${instanceId}/service-codes`,
        { kind: 'service' },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: instanceKeys }),
  });
}
