import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { FieldIssue } from '../../domain/order-content/field-issue.ts';
import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { normalizeCompact } from '../../domain/shared/normalize.ts';
import { formatFieldPath } from '../../domain/workflow/field-path.ts';
import { bindsServiceCodes } from '../../domain/workflow/order-type.ts';
import { checkInstanceEligibility } from '../providers/instance-eligibility.ts';
import type { ProviderStore, ServiceCodeRecord } from '../providers/provider-store.ts';
import type { OrderRecord } from './order-store.ts';

const SOURCE = 'ref-3-instances';

function at(index: number, field: 'serviceCode' | 'instanceId', found: Issue): FieldIssue {
  return { ...found, path: formatFieldPath(['services', index, 'access', field]) };
}

/** Whose orders may use the code: the instance owner's (service code) or the grantee's (authorisation). */
function isUsableBy(code: ServiceCodeRecord, ownerUserId: string, order: OrderRecord): boolean {
  const filers = [order.ownerUserId, ...(order.clientUserId === undefined ? [] : [order.clientUserId])];
  if (code.kind === 'service') return filers.includes(ownerUserId);
  return code.granteeUserId === undefined || filers.includes(code.granteeUserId);
}

async function checkCode(
  providers: ProviderStore,
  order: OrderRecord,
  input: { index: number; code: string; instanceId: string | undefined; today: string; now: Date },
  catalogue: Catalogue,
): Promise<{ code?: ServiceCodeRecord; issues: FieldIssue[] }> {
  const { index } = input;
  const found = await providers.findServiceCode(input.code);
  const instance = found ? await providers.findInstance(found.instanceId) : undefined;
  if (!found || !instance || instance.providerOrgId !== order.providerOrgId) {
    return {
      issues: [
        at(
          index,
          'serviceCode',
          issue(
            'service_code_unknown',
            "This is not a service code of the order's provider. Copy it from the instance's filing page.",
            '该服务码不属于本订单的接入商，请从实例的备案页面复制服务码。',
            { source: SOURCE },
          ),
        ),
      ],
    };
  }
  const issues: FieldIssue[] = [];
  if (input.instanceId !== undefined && input.instanceId !== String(instance.id)) {
    issues.push(
      at(
        index,
        'instanceId',
        issue(
          'service_code_instance_mismatch',
          'The service code belongs to another instance than the one entered.',
          '该服务码不属于所填写的实例。',
          { source: SOURCE, params: { instanceId: String(instance.id) } },
        ),
      ),
    );
  }
  if (!isUsableBy(found, instance.ownerUserId, order)) {
    issues.push(
      at(
        index,
        'serviceCode',
        issue(
          'service_code_not_yours',
          "The instance belongs to another account: ask its owner for an authorisation code made out to this order's account.",
          '该实例属于其他账号：请向实例所有者索取授权给本订单账号的授权码。',
          { source: SOURCE },
        ),
      ),
    );
  }
  if (found.status === 'burnt' || (found.status === 'bound' && found.boundOrderId !== order.id)) {
    issues.push(
      at(
        index,
        'serviceCode',
        found.status === 'burnt'
          ? issue(
              'service_code_used',
              'This service code was already used by an approved filing; each code is single-use.',
              '该服务码已被已通过的备案使用，每个服务码只能使用一次。',
              { source: SOURCE },
            )
          : issue(
              'service_code_in_use',
              'Another order in progress uses this service code.',
              '该服务码正被其他进行中的订单使用。',
              { source: SOURCE },
            ),
      ),
    );
  }
  if (found.expiresAt !== undefined && found.expiresAt.getTime() <= input.now.getTime()) {
    issues.push(
      at(
        index,
        'serviceCode',
        issue('service_code_expired', 'The authorisation code has expired.', '该授权码已过期。', {
          source: SOURCE,
        }),
      ),
    );
  }
  const eligibility = checkInstanceEligibility(instance, input.today, catalogue);
  for (const problem of eligibility.issues) issues.push(at(index, 'serviceCode', problem));
  return issues.length === 0 ? { code: found, issues } : { issues };
}

/**
 * At submission, for orders that bind this provider's instance (first filing, added service, added
 * access): every service needs its own valid, unused service code of an eligible instance. The codes
 * are bound to the order (released again if a resubmission drops them or the order is withdrawn,
 * burnt when it is approved). Returns field issues instead of binding when anything is wrong.
 */
export async function bindServiceCodes(
  providers: ProviderStore,
  catalogue: Catalogue,
  input: { order: OrderRecord; content: OrderContentDraft; today: string; now: Date },
): Promise<FieldIssue[]> {
  const { order } = input;
  if (!bindsServiceCodes(order.type)) return [];
  const issues: FieldIssue[] = [];
  const codes: ServiceCodeRecord[] = [];
  const seen = new Set<string>();
  for (const [index, service] of (input.content.services ?? []).entries()) {
    const text = normalizeCompact(service.access?.serviceCode ?? '');
    if (text === '') {
      issues.push(
        at(
          index,
          'serviceCode',
          issue(
            'service_code_required',
            "Enter the instance's service code: every service filed through a provider uses one.",
            '请填写实例的备案服务码：通过接入商备案的每个网站都需要一个服务码。',
            { source: SOURCE },
          ),
        ),
      );
      continue;
    }
    if (seen.has(text)) {
      issues.push(
        at(
          index,
          'serviceCode',
          issue(
            'service_code_duplicate',
            'Each service needs its own service code.',
            '每个网站需使用不同的服务码。',
            {
              source: SOURCE,
            },
          ),
        ),
      );
      continue;
    }
    seen.add(text);
    const instanceId = service.access?.instanceId?.trim() || undefined;
    const checked = await checkCode(
      providers,
      order,
      { index, code: text, instanceId, today: input.today, now: input.now },
      catalogue,
    );
    issues.push(...checked.issues);
    if (checked.code) codes.push(checked.code);
  }
  if (issues.length > 0) return issues;
  for (const code of codes) {
    if (!(await providers.bindServiceCode(code.id, order.id))) {
      const index = (input.content.services ?? []).findIndex(
        (s) => normalizeCompact(s.access?.serviceCode ?? '') === code.code,
      );
      issues.push(
        at(
          Math.max(index, 0),
          'serviceCode',
          issue(
            'service_code_in_use',
            'Another order in progress uses this service code.',
            '该服务码正被其他进行中的订单使用。',
            {
              source: SOURCE,
            },
          ),
        ),
      );
    }
  }
  if (issues.length > 0) return issues;
  await providers.releaseServiceCodes(
    order.id,
    codes.map((c) => c.id),
  );
  return [];
}
