import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  FieldIssue,
  OrderContentDraft,
  OrderContentValidation,
} from '../../../contracts/order-content.ts';
import type { Localized } from '../../../domain/shared/localized.ts';
import type { OrderStatus } from '../../../domain/workflow/order-status.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ApiError, api } from '../../lib/api.ts';

/** Wire types of the order wizard (openapi.json: Order, SavedDraft, Instance, OrderDocuments …). */

export type OrderTypeId =
  | 'first_filing'
  | 'add_service'
  | 'add_access'
  | 'change'
  | 'cancel_service'
  | 'cancel_entity'
  | 'cancel_access';

export const INTENTS = [
  'file_service',
  'change',
  'cancel_service',
  'cancel_entity',
  'cancel_access',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface ReturnReason {
  fieldPath?: string;
  reasonCode: string;
  text: { en?: string; zh?: string };
}

export interface OrderView {
  id: number;
  reference: string;
  type: OrderTypeId;
  intent: Intent;
  status: OrderStatus;
  provinceCode: string;
  providerOrgId: string;
  domain?: string;
  entityNumber?: string;
  serviceNumber?: string;
  agentOrgId?: string;
  clientUserId?: string;
  version: number;
  submittedVersion?: number;
  updatedAt: string;
  returnReasons: ReturnReason[];
  allowedActions: string[];
  isPersonalDataMasked: boolean;
  content: OrderContentDraft;
}

export type Validation = OrderContentValidation;
export type { FieldIssue };

export interface CreatedOrder {
  order: OrderView;
  warnings: { code: string; message: Localized }[];
  validation: Validation;
}

export interface SavedDraft {
  order: OrderView;
  validation: Validation;
}

export interface Province {
  code: string;
  nameEn: string;
  nameZh: string;
  icpAbbreviation: string;
}

export interface Sourced<T> {
  value: T;
  sources: string[];
  note?: Localized;
}

export interface ProvinceRules {
  individualResidency: Sourced<'any_province' | 'residence_permit' | 'local_id_only' | 'unspecified'>;
  acceptsNonChineseIndividuals: Sourced<'yes' | 'no' | 'unspecified'>;
  acceptsHkMoTwResidents: Sourced<'yes' | 'no' | 'unspecified'>;
  minimumAge: Sourced<{ age: number; withProofFrom?: number }>;
  localMobileRequired: Sourced<boolean>;
  organisationLeader: Sourced<'legal_rep_only' | 'legal_rep_or_authorised'>;
  maxSitesPerOrder: Sourced<number | null>;
  extraDocuments: string[];
  providerReviewDays: Sourced<{ typical: number; max: number }>;
  authorityReviewDays: Sourced<{ typical: number; max: number }>;
  specialItems: { text: Localized; sources: string[] }[];
}

export interface ProvinceDetails {
  province: Province & { authority: { nameEn: string; nameZh: string } };
  rules: ProvinceRules;
}

export interface Nature {
  id: string;
  nameEn: string;
  nameZh: string;
  isOrganisation: boolean;
  certificateTypes: string[];
}

export type CertificateFormat =
  | 'uscc'
  | 'resident_id'
  | 'residence_permit_hmt'
  | 'passport'
  | 'hk_macao_permit'
  | 'taiwan_permit'
  | 'foreign_permanent_residence'
  | 'free_text';

export interface CertificateType {
  id: string;
  nameEn: string;
  nameZh: string;
  holder: 'organisation' | 'person';
  format: CertificateFormat;
}

export interface PreApproval {
  id: string;
  nameEn: string;
  nameZh: string;
  permitEn: string;
  permitZh: string;
}

export interface CatalogueOrderType {
  id: OrderTypeId;
  nameEn: string;
  nameZh: string;
}

export interface ServiceCode {
  id: number;
  code: string;
  kind: 'service' | 'authorization';
  /** Authorisation codes: the only account that may use it. */
  granteeUserId?: string;
  status: 'available' | 'bound' | 'burnt';
  orderId?: number;
  expiresAt?: string;
}

export interface Instance {
  id: number;
  providerOrgId: string;
  name: string;
  region: string;
  provinceCode: string;
  publicIp: string;
  eligibility: { eligible: boolean; issues: { code: string; message: Localized }[] };
  codes: ServiceCode[];
  codesRemaining: number;
}

export interface ClientAuthorisation {
  id: string;
  agencyId: string;
  client: { id: string; name: string; email: string };
}

export interface DocumentKind {
  id: string;
  nameEn: string;
  nameZh: string;
}

export interface OrderDocument {
  id: string;
  kind: string;
  mime: string;
  size: number;
  uploadedAt: string;
  originalName?: string;
}

export interface OrderDocuments {
  orderReference: string;
  documents: OrderDocument[];
  uploadableKinds: DocumentKind[];
  canChange: boolean;
  canRead: boolean;
}

/** The answer of every POST /api/validate/* endpoint. */
export interface FieldValidation {
  valid: boolean;
  normalized?: string;
  value?: {
    region?: {
      province?: { code: string; nameEn: string; nameZh: string };
      city?: { code: string; nameEn: string; nameZh: string };
      county?: { code: string; nameEn: string; nameZh: string };
    };
    suggestedNature?: string;
  };
  errors: { code: string; message: Localized }[];
  warnings: { code: string; message: Localized }[];
}

export type ValidatorKind =
  | 'resident-id'
  | 'uscc'
  | 'domain'
  | 'site-name'
  | 'mobile'
  | 'landline'
  | 'email'
  | 'passport'
  | 'hk-macao-permit'
  | 'taiwan-permit'
  | 'foreign-permanent-residence';

// Queries ---------------------------------------------------------------------------------------------

const HOUR = 3_600_000;
const list = <T>(path: string) => api.get<{ items: T[] }>(path).then((answer) => answer.items);

export const orderQuery = (ref: string) =>
  queryOptions({
    queryKey: ['order-wizard', 'order', ref],
    queryFn: () => api.get<OrderView>(`/api/orders/${encodeURIComponent(ref)}`),
    staleTime: 0,
  });

export const useOrder = (ref: string) => useQuery(orderQuery(ref));

export const useProvinces = () =>
  useQuery({
    queryKey: ['catalogue', 'provinces'],
    queryFn: () => list<Province>('/api/catalogue/provinces'),
    staleTime: HOUR,
  });

export const useProvinceDetails = (key: string | undefined) =>
  useQuery({
    queryKey: ['catalogue', 'province', key],
    queryFn: () => api.get<ProvinceDetails>(`/api/catalogue/provinces/${encodeURIComponent(key ?? '')}`),
    enabled: !!key,
    staleTime: HOUR,
  });

export const useNatures = () =>
  useQuery({
    queryKey: ['catalogue', 'natures'],
    queryFn: () => list<Nature>('/api/catalogue/natures'),
    staleTime: HOUR,
  });

export const useCertificateTypes = () =>
  useQuery({
    queryKey: ['catalogue', 'certificate-types'],
    queryFn: () => list<CertificateType>('/api/catalogue/certificate-types'),
    staleTime: HOUR,
  });

export const usePreApprovals = () =>
  useQuery({
    queryKey: ['catalogue', 'pre-approvals'],
    queryFn: () => list<PreApproval>('/api/catalogue/pre-approvals'),
    staleTime: HOUR,
  });

export const useOrderTypes = () =>
  useQuery({
    queryKey: ['catalogue', 'order-types'],
    queryFn: () => list<CatalogueOrderType>('/api/catalogue/order-types'),
    staleTime: HOUR,
  });

export const useInstances = () =>
  useQuery({
    queryKey: ['order-wizard', 'instances'],
    queryFn: () => list<Instance>('/api/provider/instances'),
  });

export const useAgentClients = (enabled: boolean) =>
  useQuery({
    queryKey: ['order-wizard', 'agent-clients'],
    queryFn: () => list<ClientAuthorisation>('/api/agent/clients'),
    enabled,
  });

export const documentsQuery = (ref: string) =>
  queryOptions({
    queryKey: ['order-wizard', 'documents', ref],
    queryFn: () => api.get<OrderDocuments>(`/api/orders/${encodeURIComponent(ref)}/documents`),
    staleTime: 0,
  });

export const useOrderDocuments = (ref: string) => useQuery(documentsQuery(ref));

// Commands --------------------------------------------------------------------------------------------

export interface CreateOrderBody {
  intent: Intent;
  certificateNumber: string;
  province: string;
  domain?: string;
  providerOrgId: string;
  agentOrgId?: string;
  clientUserId?: string;
}

export const createOrder = (body: CreateOrderBody) => api.post<CreatedOrder>('/api/orders', body);

export const saveDraft = (ref: string, content: OrderContentDraft) =>
  api.put<SavedDraft>(`/api/orders/${encodeURIComponent(ref)}/draft`, { content });

export const submitOrder = (ref: string) =>
  api.post<{ order: OrderView; warnings: FieldIssue[] }>(`/api/orders/${encodeURIComponent(ref)}/submit`, {});

export const deleteDocument = (id: string) => api.delete(`/api/documents/${encodeURIComponent(id)}`);

export function validateField(kind: ValidatorKind, body: Record<string, string>, signal?: AbortSignal) {
  return fetch(`/api/validate/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  }).then((response) => (response.ok ? (response.json() as Promise<FieldValidation>) : undefined));
}

/**
 * Uploads one file with progress (fetch cannot report upload progress; XMLHttpRequest can). Rejects
 * with an ApiError carrying the API's message (413 too large, 415 not JPEG/PNG/PDF …).
 */
export function uploadDocument(
  ref: string,
  kind: string,
  file: File,
  onProgress: (fraction: number) => void,
): { done: Promise<OrderDocument>; abort: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<OrderDocument>((resolve, reject) => {
    request.open('POST', `/api/orders/${encodeURIComponent(ref)}/documents`);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', currentLanguage());
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body as OrderDocument);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } })?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? `http_${request.status}`,
          error?.message ?? `${request.status} ${request.statusText}`,
          error?.details,
        ),
      );
    };
    request.onerror = () => reject(new ApiError(0, 'network_error', 'network_error'));
    request.onabort = () => reject(new ApiError(0, 'aborted', 'aborted'));
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}
