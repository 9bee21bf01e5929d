import type { Localized } from '../shared/localized.ts';
import type { ReturnReason } from './return-reason.ts';

/** The numbers the real authority issued, as a provider reviewer records them (recorded mode). */
export interface RecordedNumbers {
  /** Required for a first filing; for an added service it must match the order's entity. */
  entityNumber?: string;
  serviceNumbers: string[];
}

/** Everything anyone can ask of an order. Who may ask is the policy's business (policy/order-access.ts). */
export type OrderCommand =
  | { kind: 'submit' }
  | { kind: 'start_provider_review' }
  | { kind: 'return_by_provider'; reasons: ReturnReason[] }
  | { kind: 'approve_by_provider' }
  | { kind: 'record_identity_verification'; result: 'passed' | 'failed'; reasons?: ReturnReason[] }
  | { kind: 'send_to_authority' }
  | { kind: 'submit_sms_code'; matches: boolean }
  | { kind: 'expire_sms' }
  | { kind: 'approve_by_authority'; recordedNumbers?: RecordedNumbers }
  | { kind: 'reject_by_authority'; reasons: ReturnReason[] }
  | { kind: 'withdraw' };

export type OrderCommandKind = OrderCommand['kind'];

export const ORDER_COMMAND_KINDS: readonly OrderCommandKind[] = [
  'submit',
  'start_provider_review',
  'return_by_provider',
  'approve_by_provider',
  'record_identity_verification',
  'send_to_authority',
  'submit_sms_code',
  'expire_sms',
  'approve_by_authority',
  'reject_by_authority',
  'withdraw',
];

export const ORDER_COMMAND_LABELS: Readonly<Record<OrderCommandKind, Localized>> = {
  submit: { en: 'Submit', zh: '提交' },
  start_provider_review: { en: 'Start provider review', zh: '开始初审' },
  return_by_provider: { en: 'Return for changes', zh: '退回修改' },
  approve_by_provider: { en: 'Pass provider review', zh: '初审通过' },
  record_identity_verification: { en: 'Record identity verification', zh: '记录真实性核验结果' },
  send_to_authority: { en: 'Send to the authority', zh: '提交管局' },
  submit_sms_code: { en: 'Enter the SMS code', zh: '填写短信验证码' },
  expire_sms: { en: 'Close the expired SMS check', zh: '短信核验超时处理' },
  approve_by_authority: { en: 'Approve (authority)', zh: '管局审核通过' },
  reject_by_authority: { en: 'Reject (authority)', zh: '管局驳回' },
  withdraw: { en: 'Withdraw', zh: '撤回' },
};

export function isOrderCommandKind(value: unknown): value is OrderCommandKind {
  return typeof value === 'string' && (ORDER_COMMAND_KINDS as readonly string[]).includes(value);
}
