import type { Localized } from '../shared/localized.ts';
import type { ReturnReason } from '../workflow/return-reason.ts';
import type { LicenceNumbers } from './licence-numbering.ts';

/**
 * Everything anyone can ask of a licence application. The authority's commands come from the sandbox
 * authority's reviewers, or from the applicant or agent recording what the real authority did; who may
 * send which is the policy's business.
 *
 * Reasons reuse the filing workflow's return reasons (workflow/return-reason.ts): a code, the reviewer's
 * words and optionally the material concerned as a field path (`materials.business_licence`).
 */
export type LicenceCommand =
  | { kind: 'submit' }
  | { kind: 'start_acceptance_check' }
  | { kind: 'request_materials'; reasons: ReturnReason[] }
  | { kind: 'accept' }
  | {
      kind: 'approve';
      /** Allocated by the caller: `nextLicenceNumbers` (sandbox) or as the real authority printed them. */
      numbers: LicenceNumbers;
      /** The issue date printed on the licence, 'YYYY-MM-DD'. */
      issuedOn: string;
      /** The last day of validity printed on the licence; `computeLicenceExpiry(issuedOn)` when absent. */
      expiresOn?: string;
    }
  | { kind: 'reject'; reasons: ReturnReason[] }
  | { kind: 'withdraw' };

export type LicenceCommandKind = LicenceCommand['kind'];

export const LICENCE_COMMAND_KINDS: readonly LicenceCommandKind[] = [
  'submit',
  'start_acceptance_check',
  'request_materials',
  'accept',
  'approve',
  'reject',
  'withdraw',
];

export const LICENCE_COMMAND_LABELS: Readonly<Record<LicenceCommandKind, Localized>> = {
  submit: { en: 'Submit', zh: '提交申请' },
  start_acceptance_check: { en: 'Start the acceptance check', zh: '开始受理审查' },
  request_materials: { en: 'Request materials', zh: '要求补正材料' },
  accept: { en: 'Accept', zh: '受理' },
  approve: { en: 'Approve and issue the licence', zh: '批准并颁发许可证' },
  reject: { en: 'Reject', zh: '驳回申请' },
  withdraw: { en: 'Withdraw', zh: '撤回申请' },
};

export function isLicenceCommandKind(value: unknown): value is LicenceCommandKind {
  return typeof value === 'string' && (LICENCE_COMMAND_KINDS as readonly string[]).includes(value);
}
