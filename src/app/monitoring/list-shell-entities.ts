import { detectShellEntity } from '../../domain/compliance/filing-obligations.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { DomainError } from '../errors.ts';
import type { FiledEntityServices, ShellEntityStore } from './shell-entity-store.ts';

export interface ShellEntity extends FiledEntityServices {
  reason: 'no_active_service' | 'no_service_with_access';
  message: Localized;
  source: string;
}

export interface ShellEntityPage {
  items: ShellEntity[];
  /** Pass as `after` for the next page; absent on the last one. */
  next?: string;
}

/**
 * Shell entities (空壳主体) among those filed through the platform: no service left, or none that any
 * provider still gives access — the authority may delete them (reference §3.7). Platform administrators
 * see every province (or one, with `provinceCode`); a sandbox authority's reviewers see their province.
 * Scans `scanLimit` entities per call and returns the shells among them, with a cursor.
 * @throws DomainError not_found for anybody else (the list is not theirs to see).
 */
export async function listShellEntities(
  deps: { shellEntities: ShellEntityStore },
  input: { actor: Actor; provinceCode?: string; after?: string; scanLimit?: number },
): Promise<ShellEntityPage> {
  const { actor } = input;
  let provinceCode = input.provinceCode;
  if (!actor.roles.includes('platform_admin')) {
    if (!actor.roles.includes('authority_reviewer') || actor.authorityProvinceCode === undefined) {
      throw new DomainError('not_found', { en: 'Not found.', zh: '未找到。' });
    }
    provinceCode = actor.authorityProvinceCode;
  }
  const scanLimit = input.scanLimit ?? 500;
  const entities = await deps.shellEntities.listFiledEntities({
    ...(provinceCode === undefined ? {} : { provinceCode }),
    ...(input.after === undefined ? {} : { afterEntityNumber: input.after }),
    limit: scanLimit,
  });
  const items = entities.flatMap((entity): ShellEntity[] => {
    const finding = detectShellEntity({
      services: entity.services.map((service) => ({ status: 'active', hasActiveAccess: service.hasAccess })),
    });
    return finding.isShell
      ? [{ ...entity, reason: finding.reason, message: finding.message, source: finding.source }]
      : [];
  });
  const last = entities.at(-1);
  return { items, ...(last && entities.length === scanLimit ? { next: last.entityNumber } : {}) };
}
