import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrderContentDraft } from '../../../domain/order-content/order-content.ts';
import type { OrderStatus } from '../../../domain/workflow/order-status.ts';
import type { OrderTypeId } from '../../../domain/workflow/order-type.ts';
import { api } from '../../lib/api.ts';
import type { EventActor } from '../../lib/event-actor.ts';

/** Wire types of GET /api/orders/{ref} and friends (openapi.json: Order, OrderVersionsDiff, OrderDocuments). */

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
  deadlineFlag: 'overdue' | 'due_today' | 'due_soon' | 'on_track' | 'none';
  hasReturnReasons: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  decidedAt?: string;
  /** Not in every server version's summary: agents' lists scope by it when present. */
  clientUserId?: string;
  agentOrgId?: string;
}

export interface ReturnReason {
  fieldPath?: string;
  reasonCode: string;
  text: { en?: string; zh?: string };
  templateId?: string;
}

export interface OrderEvent {
  type: string;
  from: OrderStatus;
  to: OrderStatus;
  at: string;
  details: Record<string, unknown>;
  actor: EventActor;
}

export interface Order extends OrderSummary {
  ownerUserId: string;
  issuedServiceNumbers: string[];
  version: number;
  submittedVersion?: number;
  sms?: { expiresAt: string; attempts: number; maxAttempts: number; attemptsLeft: number };
  returnReasons: ReturnReason[];
  allowedActions: string[];
  isPersonalDataMasked: boolean;
  content: OrderContentDraft;
  contentSource: 'draft' | 'submitted';
  versions: { version: number; submittedAt: string }[];
  /** Who opened the draft. */
  createdBy: EventActor;
  events: OrderEvent[];
}

export interface VersionsDiff {
  fromVersion: number | null;
  toVersion: number;
  changes: { path: string; kind: 'added' | 'removed' | 'changed'; before?: unknown; after?: unknown }[];
  isPersonalDataMasked: boolean;
}

export interface OrderDocument {
  id: string;
  kind: string;
  kindName: { en: string; zh: string };
  mime: string;
  size: number;
  uploadedAt: string;
  originalName?: string;
}

export interface OrderDocuments {
  orderReference: string;
  documents: OrderDocument[];
  /** Every kind the order's checklist can ask for, with its name. */
  uploadableKinds?: { id: string; nameEn: string; nameZh: string }[];
  canChange: boolean;
  canRead: boolean;
}

export const orderKey = (ref: string) => ['order', ref.toUpperCase()] as const;

export function useOrder(ref: string) {
  return useQuery({
    queryKey: orderKey(ref),
    queryFn: () => api.get<Order>(`/api/orders/${encodeURIComponent(ref)}`),
  });
}

export function useVersionsDiff(ref: string, range: { from?: number; to?: number }, enabled: boolean) {
  return useQuery({
    queryKey: [...orderKey(ref), 'diff', range.from ?? null, range.to ?? null],
    queryFn: () =>
      api.get<VersionsDiff>(`/api/orders/${encodeURIComponent(ref)}/versions/diff`, {
        from: range.from,
        to: range.to,
      }),
    enabled,
  });
}

export function useOrderDocuments(ref: string) {
  return useQuery({
    queryKey: [...orderKey(ref), 'documents'],
    queryFn: () => api.get<OrderDocuments>(`/api/orders/${encodeURIComponent(ref)}/documents`),
  });
}

/** After a command the order, the lists and the inbox may all have changed. */
function useRefreshAfterCommand(ref: string) {
  const queryClient = useQueryClient();
  return (order: Order) => {
    queryClient.setQueryData(orderKey(ref), order);
    // Every cached copy: the page may be open under the order's id (/app/orders/14, the inbox's
    // links) while the command used its reference.
    void queryClient.invalidateQueries({ queryKey: ['order'] });
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
}

export interface SmsCodeResult {
  accepted: boolean;
  attemptsLeft: number;
  order: Order;
}

export function useSubmitSmsCode(ref: string) {
  const refresh = useRefreshAfterCommand(ref);
  return useMutation({
    mutationFn: (code: string) =>
      api.post<SmsCodeResult>(`/api/orders/${encodeURIComponent(ref)}/sms-code`, { code }),
    onSuccess: (result) => refresh(result.order),
  });
}

export function useWithdrawOrder(ref: string) {
  const refresh = useRefreshAfterCommand(ref);
  return useMutation({
    mutationFn: () => api.post<{ order: Order }>(`/api/orders/${encodeURIComponent(ref)}/withdraw`, {}),
    onSuccess: (result) => refresh(result.order),
  });
}
