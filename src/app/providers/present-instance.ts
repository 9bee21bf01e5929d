import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { Issue } from '../../domain/shared/issue.ts';
import { checkInstanceEligibility, MAX_SERVICE_CODES_PER_INSTANCE } from './instance-eligibility.ts';
import type {
  InstanceRecord,
  ServiceCodeKind,
  ServiceCodeRecord,
  ServiceCodeStatus,
} from './provider-store.ts';

export interface ServiceCodeView {
  id: number;
  code: string;
  kind: ServiceCodeKind;
  granteeUserId?: string;
  status: ServiceCodeStatus;
  /** The order holding (bound) or having used (burnt) the code. */
  orderId?: number;
  /** That order's reference (OB-2026-000123). */
  orderReference?: string;
  issuedAt: string;
  expiresAt?: string;
  burntAt?: string;
}

export interface InstanceView {
  id: number;
  providerOrgId: string;
  ownerUserId: string;
  name: string;
  region: string;
  provinceCode: string;
  publicIp: string;
  subscriptionStart: string;
  subscriptionEnd: string;
  /** Whether the instance can carry a filing today, and why not. */
  eligibility: { eligible: boolean; issues: Issue[] };
  codes: ServiceCodeView[];
  /** Codes that can still be issued (5 per instance, ever). */
  codesRemaining: number;
  createdAt: string;
}

export function presentServiceCode(
  code: ServiceCodeRecord,
  orderReferences?: ReadonlyMap<number, string>,
): ServiceCodeView {
  const view: ServiceCodeView = {
    id: code.id,
    code: code.code,
    kind: code.kind,
    status: code.status,
    issuedAt: code.issuedAt.toISOString(),
  };
  if (code.granteeUserId !== undefined) view.granteeUserId = code.granteeUserId;
  if (code.boundOrderId !== undefined) {
    view.orderId = code.boundOrderId;
    const reference = orderReferences?.get(code.boundOrderId);
    if (reference !== undefined) view.orderReference = reference;
  }
  if (code.expiresAt) view.expiresAt = code.expiresAt.toISOString();
  if (code.burntAt) view.burntAt = code.burntAt.toISOString();
  return view;
}

export function presentInstance(
  instance: InstanceRecord,
  codes: readonly ServiceCodeRecord[],
  today: string,
  catalogue: Catalogue,
  /** References of the orders the codes are bound to, by order id. */
  orderReferences?: ReadonlyMap<number, string>,
): InstanceView {
  return {
    id: instance.id,
    providerOrgId: instance.providerOrgId,
    ownerUserId: instance.ownerUserId,
    name: instance.name,
    region: instance.region,
    provinceCode: instance.provinceCode,
    publicIp: instance.publicIp,
    subscriptionStart: instance.subscriptionStart,
    subscriptionEnd: instance.subscriptionEnd,
    eligibility: checkInstanceEligibility(instance, today, catalogue),
    codes: codes.map((code) => presentServiceCode(code, orderReferences)),
    codesRemaining: Math.max(0, MAX_SERVICE_CODES_PER_INSTANCE - codes.length),
    createdAt: instance.createdAt.toISOString(),
  };
}
