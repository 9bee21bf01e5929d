import { type Actor, canViewOrder } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { diffSnapshots, type FieldChange } from '../../domain/workflow/snapshot-diff.ts';
import { maskOrderContent } from './mask-personal-data.ts';
import { decryptContent, versionAad } from './order-content-crypto.ts';
import type { OrderDeps } from './order-deps.ts';
import { isRecordId, orderNotFound, toDomainError } from './order-errors.ts';
import { toAccessFacts } from './order-facts.ts';
import { canSeePersonalData } from './present-order.ts';

export interface DiffOrderVersionsInput {
  actor: Actor;
  orderId: number;
  /** Default: the version before `toVersion`. */
  fromVersion?: number;
  /** Default: the last submitted version. */
  toVersion?: number;
}

export interface OrderVersionsDiff {
  /** Null when `toVersion` is the first submission: there is nothing to compare with. */
  fromVersion: number | null;
  toVersion: number;
  /** Field paths as in return reasons (entity.leader.mobile, services[0].domain). */
  changes: FieldChange[];
  /** True when before/after values of personal fields are masked for this viewer. */
  isPersonalDataMasked: boolean;
}

function unknownVersion(version: number) {
  return toDomainError(
    issue(
      'unknown_version',
      `The order has no submitted version ${version}.`,
      `订单没有第 ${version} 版提交记录。`,
      {
        params: { field: 'version', version },
      },
    ),
  );
}

/**
 * What changed between two submitted versions, for reviewers looking at a resubmission (and for the
 * applicant side). Both snapshots are decrypted and diffed field by field; viewers who may not see
 * personal data get the masked values. Errors: not_found, validation_failed (unknown_version,
 * no_submission).
 */
export async function diffOrderVersions(
  deps: OrderDeps,
  input: DiffOrderVersionsInput,
): Promise<OrderVersionsDiff> {
  if (!isRecordId(input.orderId)) throw orderNotFound();
  const stores = deps.persistence.read;
  const order = await stores.orders.findOrder(input.orderId);
  if (!order || !canViewOrder(input.actor, toAccessFacts(order))) throw orderNotFound();
  const toVersion = input.toVersion ?? order.submittedVersion;
  if (toVersion === undefined) {
    throw toDomainError(
      issue('no_submission', 'The order has not been submitted yet.', '订单尚未提交。', {
        params: { field: 'toVersion' },
      }),
    );
  }
  const fromVersion = input.fromVersion ?? (toVersion > 1 ? toVersion - 1 : undefined);
  const masked = !canSeePersonalData(input.actor, toAccessFacts(order));
  const read = async (version: number) => {
    if (!Number.isInteger(version) || version < 1) throw unknownVersion(version);
    const stored = await stores.orders.readVersion(order.id, version);
    if (!stored) throw unknownVersion(version);
    const content = decryptContent(deps.fieldCipher, stored.content, versionAad(order.id, version));
    return masked ? maskOrderContent(content) : content;
  };
  const after = await read(toVersion);
  if (fromVersion === undefined)
    return { fromVersion: null, toVersion, changes: [], isPersonalDataMasked: masked };
  const before = await read(fromVersion);
  return { fromVersion, toVersion, changes: diffSnapshots(before, after), isPersonalDataMasked: masked };
}
