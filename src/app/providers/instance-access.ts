import type { Actor } from '../../domain/policy/order-access.ts';
import { DomainError } from '../errors.ts';
import type { InstanceRecord } from './provider-store.ts';

export function instanceNotFound(): DomainError {
  return new DomainError('not_found', { en: 'Instance not found.', zh: '未找到该实例。' });
}

/** Platform administrators, and the provider's own administrators. */
export function canManageProvider(actor: Actor, providerOrgId: string): boolean {
  return (
    actor.roles.includes('platform_admin') ||
    (actor.roles.includes('provider_admin') && actor.providerOrgId === providerOrgId)
  );
}

/** The customer holding the instance, and the provider's staff, see it and its codes. */
export function canViewInstance(actor: Actor, instance: InstanceRecord): boolean {
  if (instance.ownerUserId === actor.userId || canManageProvider(actor, instance.providerOrgId)) return true;
  return actor.roles.includes('provider_reviewer') && actor.providerOrgId === instance.providerOrgId;
}

/** Codes are issued by the instance's holder (as in the provider's console) or the provider's administrators. */
export function canIssueCodes(actor: Actor, instance: InstanceRecord): boolean {
  return instance.ownerUserId === actor.userId || canManageProvider(actor, instance.providerOrgId);
}
