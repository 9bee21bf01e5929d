import { isIsoDate, toChinaDate } from '../../domain/calendar/china-date.ts';
import { findProvince } from '../../domain/catalogue/catalogue.ts';
import { parseIpAddress } from '../../domain/order-content/ip-address.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import { canManageProvider } from './instance-access.ts';
import { type InstanceView, presentInstance } from './present-instance.ts';
import type { ProviderDeps } from './provider-deps.ts';

export const MAX_INSTANCE_NAME_LENGTH = 100;
export const MAX_REGION_LENGTH = 64;

export interface CreateInstanceInput {
  actor: Actor;
  /** The provider; defaults to the actor's (provider administrators), required for platform administrators. */
  providerOrgId?: string;
  /** The customer account holding the instance. */
  ownerUserId: string;
  name: string;
  /** The provider's region id, e.g. cn-beijing. */
  region: string;
  /** Mainland province of the data centre: code, name or abbreviation. */
  province: string;
  /** Public IPv4 or IPv6 address. */
  publicIp: string;
  /** YYYY-MM-DD. */
  subscriptionStart: string;
  /** YYYY-MM-DD, last day covered. */
  subscriptionEnd: string;
}

function fieldIssue(field: string, code: string, en: string, zh: string): Issue {
  return issue(code, en, zh, { params: { field } });
}

function checkFields(input: CreateInstanceInput): { issues: Issue[]; publicIp?: string } {
  const issues: Issue[] = [];
  const name = normalizeText(input.name ?? '');
  if (name === '' || name.length > MAX_INSTANCE_NAME_LENGTH) {
    issues.push(
      fieldIssue(
        'name',
        'invalid_name',
        `Name the instance (1–${MAX_INSTANCE_NAME_LENGTH} characters).`,
        `请填写实例名称（1–${MAX_INSTANCE_NAME_LENGTH} 个字符）。`,
      ),
    );
  }
  const region = normalizeText(input.region ?? '');
  if (region === '' || region.length > MAX_REGION_LENGTH) {
    issues.push(
      fieldIssue(
        'region',
        'invalid_region',
        `Enter the region id (1–${MAX_REGION_LENGTH} characters).`,
        `请填写地域（1–${MAX_REGION_LENGTH} 个字符）。`,
      ),
    );
  }
  if (typeof input.ownerUserId !== 'string' || input.ownerUserId.trim() === '') {
    issues.push(
      fieldIssue('ownerUserId', 'required', 'Name the account holding the instance.', '请填写实例所属账号。'),
    );
  }
  const ip = parseIpAddress(typeof input.publicIp === 'string' ? input.publicIp : '');
  if (!ip?.isPublic) {
    issues.push(
      fieldIssue(
        'publicIp',
        'invalid_public_ip',
        'Enter the public IPv4 or IPv6 address of the instance.',
        '请填写实例的公网 IPv4 或 IPv6 地址。',
      ),
    );
  }
  for (const field of ['subscriptionStart', 'subscriptionEnd'] as const) {
    if (typeof input[field] !== 'string' || !isIsoDate(input[field])) {
      issues.push(
        fieldIssue(field, 'invalid_date', 'Enter a date as YYYY-MM-DD.', '请按 YYYY-MM-DD 格式填写日期。'),
      );
    }
  }
  if (issues.length === 0 && input.subscriptionEnd < input.subscriptionStart) {
    issues.push(
      fieldIssue(
        'subscriptionEnd',
        'subscription_ends_before_start',
        'The subscription cannot end before it starts.',
        '购买时长的结束日期不能早于开始日期。',
      ),
    );
  }
  return ip?.isPublic ? { issues, publicIp: ip.canonical } : { issues };
}

/**
 * Registers a provider's instance for a customer account. Provider administrators register their own
 * provider's instances; platform administrators any provider's. An instance subscribed for less than
 * three months is stored but reported ineligible (eligibility.issues), and cannot carry filings.
 * Errors: forbidden (not an administrator of the provider), validation_failed (details.issues).
 */
export async function createInstance(deps: ProviderDeps, input: CreateInstanceInput): Promise<InstanceView> {
  const { actor } = input;
  const providerOrgId = input.providerOrgId ?? actor.providerOrgId;
  if (providerOrgId === undefined || !canManageProvider(actor, providerOrgId)) {
    throw new DomainError('forbidden', {
      en: "Only the provider's administrators register its instances.",
      zh: '只有接入商的管理员才能登记其实例。',
    });
  }
  const { issues, publicIp } = checkFields(input);
  const province = findProvince(deps.catalogue, typeof input.province === 'string' ? input.province : '');
  if (!province) {
    issues.push(
      fieldIssue(
        'province',
        'instance_not_in_mainland',
        'Choose the mainland province of the data centre.',
        '请选择数据中心所在的中国内地省份。',
      ),
    );
  }
  if (issues.length > 0 || publicIp === undefined || !province) {
    throw new DomainError(
      'validation_failed',
      { en: 'The instance has invalid fields.', zh: '实例信息有误。' },
      { issues },
    );
  }
  const now = deps.clock.now();
  return deps.persistence.transact(async (stores) => {
    const instance = await stores.providers.insertInstance({
      providerOrgId,
      ownerUserId: input.ownerUserId.trim(),
      name: normalizeText(input.name),
      region: normalizeText(input.region),
      provinceCode: province.code,
      publicIp,
      subscriptionStart: input.subscriptionStart,
      subscriptionEnd: input.subscriptionEnd,
      createdAt: now,
      createdBy: `user:${actor.userId}`,
    });
    await appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: `user:${actor.userId}`,
        action: 'instance.created',
        subjectType: 'instance',
        subjectId: String(instance.id),
        payload: {
          providerOrgId,
          provinceCode: province.code,
          subscriptionStart: instance.subscriptionStart,
          subscriptionEnd: instance.subscriptionEnd,
        },
      },
    );
    return presentInstance(instance, [], toChinaDate(now), deps.catalogue);
  });
}
