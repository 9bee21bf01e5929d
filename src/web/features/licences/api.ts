import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NextStep, Reason } from '../../../domain/eligibility/assessment.ts';
import type { Activity, ApplicantKind, PilotZone } from '../../../domain/eligibility/profile.ts';
import type { LicenceKind, LicenceScope } from '../../../domain/licence/licence-kind.ts';
import type {
  AnnualReportState,
  LicenceChangeKind,
  RenewalState,
} from '../../../domain/licence/licence-obligations.ts';
import type { LicenceApplicationStatus } from '../../../domain/licence/licence-status.ts';
import type { Issue } from '../../../domain/shared/issue.ts';
import type { Localized } from '../../../domain/shared/localized.ts';
import { api } from '../../lib/api.ts';
import type { EventActor } from '../../lib/event-actor.ts';

/**
 * Wire types and calls of the licence applications (openapi.json, tag `licences`:
 * LicenceApplication, LicenceApplicationSummary, LicencePrerequisites, LicenceCommandResult …).
 */

export type {
  Activity,
  AnnualReportState,
  ApplicantKind,
  LicenceApplicationStatus,
  LicenceChangeKind,
  LicenceKind,
  LicenceScope,
  PilotZone,
  RenewalState,
};

/** LicenceFacts: what the applicant states about the company. */
export interface LicenceFacts {
  applicantKind: ApplicantKind;
  chineseOwnershipPercent?: number;
  registeredCapitalRmb?: number;
  pilotZone?: PilotZone;
  activities?: Activity[];
  icpFilingNumber?: string;
  preApprovals?: string[];
}

export type LicenceCheck = Reason;
export type LicenceNextStep = NextStep;

export interface PrerequisitesView {
  isMet: boolean;
  checks: LicenceCheck[];
  /** Rule ids of the failing checks. */
  blocking: string[];
  nextSteps: LicenceNextStep[];
}

/** POST /api/licences/prerequisites: the checks with the facts as checked. */
export interface CheckedPrerequisites extends PrerequisitesView {
  facts: LicenceFacts;
  provinceCode: string;
}

export interface PrerequisitesRequest {
  kind: LicenceKind;
  scope: LicenceScope;
  province: string;
  facts: LicenceFacts;
  companyName?: string;
}

export interface MaterialMark {
  provided: boolean;
  note?: string;
}
export type MaterialMarks = Record<string, MaterialMark>;

export interface CreateLicenceRequest extends PrerequisitesRequest {
  companyName: string;
  uscc: string;
  materials?: MaterialMarks;
  agentOrgId?: string;
  clientUserId?: string;
}

export interface LicenceDeadlines {
  /** Acceptance check due: end of the 5th China working day after submission. */
  acceptanceDue?: string;
  /** Decision due: end of the 60th calendar day after acceptance. */
  reviewDue?: string;
}

export interface LicenceSummary {
  id: number;
  reference: string;
  kind: LicenceKind;
  scope: LicenceScope;
  provinceCode: string;
  authorityMode: 'sandbox' | 'recorded';
  status: LicenceApplicationStatus;
  companyName: string;
  applicantUserId: string;
  agentOrgId?: string;
  clientUserId?: string;
  deadlines: LicenceDeadlines;
  hasReasons: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  decidedAt?: string;
}

export interface LicenceReason {
  fieldPath?: string;
  reasonCode: string;
  text: { en?: string; zh?: string };
  templateId?: string;
}

export interface LicenceMaterial {
  id: string;
  name: Localized;
  detail: Localized;
  required: boolean;
  sources: string[];
  documentKind?: string;
  provided: boolean;
  note?: string;
}

export type LicenceAction =
  | 'submit'
  | 'start_acceptance_check'
  | 'request_materials'
  | 'accept'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'edit'
  | 'record_obligation';

export interface LicenceChange {
  id: number;
  kind: LicenceChangeKind;
  description: string;
  changedOn: string;
  filedOn?: string;
  recordedAt: string;
}

export interface IssuedLicence {
  telecomLicenceNumber: string;
  icpLicenceNumber?: string;
  holderName: string;
  issuedOn: string;
  expiresOn: string;
  renewalAppliedOn?: string;
  annualReports: number[];
  changes: LicenceChange[];
}

export interface AnnualReportView {
  forYear: number;
  state: AnnualReportState;
  opensOn: string;
  dueSoonFrom: string;
  dueOn: string;
  blockedBy: Issue[];
}

export interface LicenceObligations {
  today: string;
  renewal: {
    state: RenewalState;
    expiresOn: string;
    opensOn: string;
    dueSoonFrom: string;
    renewalDeadline: string;
    daysToDeadline: number;
    appliedLate?: boolean;
  };
  annualReports: AnnualReportView[];
}

export interface LicenceEvent {
  type: string;
  from: LicenceApplicationStatus;
  to: LicenceApplicationStatus;
  at: string;
  details: Record<string, unknown>;
  actor: EventActor;
}

export interface LicenceApplication extends LicenceSummary {
  kindName: Localized;
  authority: { id: string; name: Localized; website: string; applicationPlatform: string };
  uscc: string;
  facts: LicenceFacts;
  version: number;
  submittedVersion?: number;
  acceptedAt?: string;
  reasons: LicenceReason[];
  prerequisites: PrerequisitesView;
  materials: LicenceMaterial[];
  areMaterialsComplete: boolean;
  allowedActions: LicenceAction[];
  licence?: IssuedLicence;
  obligations?: LicenceObligations;
  versions: { version: number; submittedAt: string }[];
  events: LicenceEvent[];
}

export interface LicenceNumbers {
  telecomLicenceNumber: string;
  icpLicenceNumber?: string;
}

/** POST /api/licences/:ref/commands answers the application and, for an approval, its numbers. */
export interface LicenceCommandResult {
  application: LicenceApplication;
  numbers?: LicenceNumbers;
}

export interface ReasonInput {
  fieldPath?: string;
  reasonCode?: string;
  text?: { en?: string; zh?: string };
}

export type LicenceCommand =
  | { kind: 'start_acceptance_check' }
  | { kind: 'request_materials'; reasons: ReasonInput[] }
  | { kind: 'accept' }
  | { kind: 'approve'; issuedOn?: string; expiresOn?: string; numbers?: LicenceNumbers }
  | { kind: 'reject'; reasons: ReasonInput[] };

export interface ChangeRequest {
  kind: LicenceChangeKind;
  description: string;
  effectiveOn: string;
  filedOn?: string;
}

export interface ListQuery {
  status?: readonly LicenceApplicationStatus[];
  kind?: readonly LicenceKind[];
}

/** GET /api/agent/clients: the clients whose letter of authorisation an agency of the caller holds. */
export interface AgentClient {
  id: string;
  agencyId: string;
  client: { id: string; name: string; email: string };
}

export interface PreApprovalOption {
  id: string;
  nameEn: string;
  nameZh: string;
}

// Queries ---------------------------------------------------------------------------------------------

const HOUR = 3_600_000;
export const licenceKeys = {
  all: ['licences'] as const,
  list: (query: ListQuery) => ['licences', 'list', query] as const,
  one: (ref: string) => ['licences', 'application', ref.toUpperCase()] as const,
};

const applicationPath = (ref: string, path = '') => `/api/licences/${encodeURIComponent(ref)}${path}`;

/** The applications the caller may see, latest change first (one page of 100). */
export function useLicenceList(query: ListQuery = {}, enabled = true) {
  return useQuery({
    queryKey: licenceKeys.list(query),
    queryFn: () =>
      api.get<{ items: LicenceSummary[]; hasMore: boolean }>('/api/licences', {
        status: query.status?.join(','),
        kind: query.kind?.join(','),
        limit: 100,
      }),
    enabled,
  });
}

export function useLicence(ref: string) {
  return useQuery({
    queryKey: licenceKeys.one(ref),
    queryFn: () => api.get<LicenceApplication>(applicationPath(ref)),
    enabled: ref !== '',
    staleTime: 0,
  });
}

/**
 * The prerequisite checks of facts not saved yet. A pure function of its body, so it is cached by it;
 * the previous answer stays on screen while the next is asked (the panel does not flicker as one types).
 */
export function usePrerequisites(request: PrerequisitesRequest | undefined) {
  return useQuery<CheckedPrerequisites, Error>({
    queryKey: ['licences', 'prerequisites', request],
    queryFn: () => api.post<CheckedPrerequisites>('/api/licences/prerequisites', request),
    enabled: request !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export function useAgentClients(enabled: boolean) {
  return useQuery({
    queryKey: ['licences', 'agent-clients'],
    queryFn: () => api.get<{ items: AgentClient[] }>('/api/agent/clients').then((answer) => answer.items),
    enabled,
  });
}

export interface ProvinceOption {
  code: string;
  nameEn: string;
  nameZh: string;
  icpAbbreviation: string;
}

/** The 31 filing provinces (the same cache entry as the other pickers of the app). */
export function useProvinces() {
  return useQuery({
    queryKey: ['catalogue', 'provinces'],
    queryFn: () =>
      api.get<{ items: ProvinceOption[] }>('/api/catalogue/provinces').then((answer) => answer.items),
    staleTime: HOUR,
  });
}

export function usePreApprovals() {
  return useQuery({
    queryKey: ['catalogue', 'pre-approvals'],
    queryFn: () =>
      api.get<{ items: PreApprovalOption[] }>('/api/catalogue/pre-approvals').then((answer) => answer.items),
    staleTime: HOUR,
  });
}

// Mutations -------------------------------------------------------------------------------------------

export function useCreateLicence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLicenceRequest) => api.post<LicenceApplication>('/api/licences', body),
    onSuccess: (created) => {
      queryClient.setQueryData(licenceKeys.one(created.reference), created);
      void queryClient.invalidateQueries({ queryKey: ['licences', 'list'] });
    },
  });
}

/** Keeps the page on the answer of a write: every write answers the application as it now is. */
function useApplicationWrite<TInput>(ref: string, write: (input: TInput) => Promise<LicenceApplication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (application) => {
      queryClient.setQueryData(licenceKeys.one(ref), application);
      void queryClient.invalidateQueries({ queryKey: ['licences', 'list'] });
    },
  });
}

export const useSaveDraft = (ref: string) =>
  useApplicationWrite(ref, (body: { facts?: LicenceFacts; materials?: MaterialMarks }) =>
    api.put<LicenceApplication>(applicationPath(ref, '/draft'), body),
  );

export const useSubmitLicence = (ref: string) =>
  useApplicationWrite(ref, () => api.post<LicenceApplication>(applicationPath(ref, '/submit')));

export const useWithdrawLicence = (ref: string) =>
  useApplicationWrite(ref, () => api.post<LicenceApplication>(applicationPath(ref, '/withdraw')));

export const useRecordAnnualReport = (ref: string) =>
  useApplicationWrite(ref, (year: number) =>
    api.post<LicenceApplication>(applicationPath(ref, '/annual-reports'), { year }),
  );

export const useRecordRenewal = (ref: string) =>
  useApplicationWrite(ref, (appliedOn: string) =>
    api.post<LicenceApplication>(applicationPath(ref, '/renewal'), { appliedOn }),
  );

export const useRecordChange = (ref: string) =>
  useApplicationWrite(ref, (change: ChangeRequest) =>
    api.post<LicenceApplication>(applicationPath(ref, '/changes'), change),
  );

export const useFileChange = (ref: string) =>
  useApplicationWrite(ref, ({ changeId, filedOn }: { changeId: number; filedOn: string }) =>
    api.post<LicenceApplication>(applicationPath(ref, `/changes/${changeId}/filed`), { filedOn }),
  );

export function useLicenceCommand(ref: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: LicenceCommand) =>
      api.post<LicenceCommandResult>(applicationPath(ref, '/commands'), command),
    onSuccess: (result) => {
      queryClient.setQueryData(licenceKeys.one(ref), result.application);
      void queryClient.invalidateQueries({ queryKey: ['licences', 'list'] });
    },
  });
}
