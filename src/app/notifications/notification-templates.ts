import { assertNever } from '../../domain/shared/assert-never.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import type { NotificationTemplate } from '../../domain/workflow/order-outcome.ts';

/** The workflow's templates plus the sandbox authority's SMS code message. */
export type NotificationKind = NotificationTemplate | 'sms_code';

export interface NotificationParams {
  /** The order reference, OB-2026-000123. */
  reference: string;
  entityNumber?: string;
  serviceNumbers?: readonly string[];
  /** The deadline a reminder is about, or the SMS code's expiry. */
  dueAt?: Date;
  /** The SMS code (sms_code only). */
  code?: string;
  /** Masked mobile numbers the real MIIT would text (sms_code only). */
  mobiles?: readonly string[];
}

export interface RenderedNotification {
  title: Localized;
  body: Localized;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** '2026-03-04 23:59' in China time (UTC+8 all year). */
export function formatChinaTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function due(params: NotificationParams): string {
  return params.dueAt === undefined ? '—' : formatChinaTime(params.dueAt);
}

function numbersLine(params: NotificationParams): Localized {
  const numbers = [params.entityNumber, ...(params.serviceNumbers ?? [])].filter(
    (n): n is string => n !== undefined,
  );
  if (numbers.length === 0) return { en: '', zh: '' };
  return { en: ` Numbers: ${numbers.join(', ')}.`, zh: `备案号：${numbers.join('、')}。` };
}

function message(titleEn: string, titleZh: string, bodyEn: string, bodyZh: string): RenderedNotification {
  return { title: { en: titleEn, zh: titleZh }, body: { en: bodyEn, zh: bodyZh } };
}

/**
 * The texts of every notification, in both languages. Titles name the order only (they are stored
 * unencrypted); anything personal goes in the body.
 */
export function renderNotification(kind: NotificationKind, params: NotificationParams): RenderedNotification {
  const ref = params.reference;
  switch (kind) {
    case 'order_submitted':
      return message(
        `New order ${ref} to review`,
        `新订单 ${ref} 待审核`,
        `Order ${ref} was submitted and awaits the provider's review.`,
        `订单 ${ref} 已提交，等待接入商审核。`,
      );
    case 'order_resubmitted':
      return message(
        `Order ${ref} resubmitted`,
        `订单 ${ref} 已重新提交`,
        `Order ${ref} was corrected and submitted again; compare it with the previous version.`,
        `订单 ${ref} 已修改并重新提交，请与上一版本对比审核。`,
      );
    case 'provider_review_started':
      return message(
        `Provider review of ${ref} started`,
        `订单 ${ref} 已进入接入商初审`,
        `The provider is reviewing order ${ref}; the reviewer may phone the entity leader or the service admin.`,
        `接入商正在审核订单 ${ref}，审核人员可能致电主体负责人或网站负责人。`,
      );
    case 'order_returned':
      return message(
        `Order ${ref} returned for changes`,
        `订单 ${ref} 被退回修改`,
        `Order ${ref} was returned. Open it to see the reasons next to the fields, correct them and submit again.`,
        `订单 ${ref} 已被退回。请打开订单查看各字段旁的退回原因，修改后重新提交。`,
      );
    case 'identity_verification_requested':
      return message(
        `Identity verification of ${ref}`,
        `订单 ${ref} 待真实性核验`,
        `The provider review of ${ref} passed. The service admin's verification photo is checked next.`,
        `订单 ${ref} 已通过接入商初审，接下来核验网站负责人的核验照片。`,
      );
    case 'sms_verification_requested':
      return message(
        `SMS verification of ${ref}`,
        `订单 ${ref} 待短信核验`,
        `Order ${ref} was sent to the authority. Enter the 6-digit SMS code within 24 hours; 5 wrong codes return the order.`,
        `订单 ${ref} 已提交管局。请在 24 小时内填写 6 位短信验证码；输错 5 次订单将被退回。`,
      );
    case 'miit_sms_expected':
      return message(
        `Expect an SMS from 12381 for ${ref}`,
        `订单 ${ref}：请留意 12381 短信`,
        `Order ${ref} was sent to the authority. MIIT texts a code from 12381; enter it on beian.miit.gov.cn within 24 hours.`,
        `订单 ${ref} 已提交管局。工信部将从 12381 发送验证码，请在 24 小时内到 beian.miit.gov.cn 完成短信核验。`,
      );
    case 'authority_review_requested':
      return message(
        `Order ${ref} awaits authority review`,
        `订单 ${ref} 待管局审核`,
        `Order ${ref} passed the SMS check and awaits the authority's review.`,
        `订单 ${ref} 已完成短信核验，等待管局审核。`,
      );
    case 'order_in_authority_review':
      return message(
        `Order ${ref} is with the authority`,
        `订单 ${ref} 管局审核中`,
        `The authority reviews order ${ref} within 20 working days; it can no longer be edited or withdrawn.`,
        `管局将在 20 个工作日内审核订单 ${ref}；此期间订单不能修改或撤回。`,
      );
    case 'order_approved': {
      const numbers = numbersLine(params);
      return message(
        `Order ${ref} approved`,
        `订单 ${ref} 管局审核通过`,
        `The authority approved order ${ref}.${numbers.en} Show the number in the footer of the home page, linked to https://beian.miit.gov.cn.`,
        `管局已审核通过订单 ${ref}。${numbers.zh}请在网站首页底部展示备案号并链接至 https://beian.miit.gov.cn。`,
      );
    }
    case 'order_rejected':
      return message(
        `Order ${ref} rejected by the authority`,
        `订单 ${ref} 被管局驳回`,
        `The authority rejected order ${ref}. Open it to see the reasons, correct the order and submit it again, or withdraw it.`,
        `管局驳回了订单 ${ref}。请打开订单查看驳回原因，修改后重新提交，或撤回订单。`,
      );
    case 'order_withdrawn':
      return message(
        `Order ${ref} withdrawn`,
        `订单 ${ref} 已撤回`,
        `The applicant withdrew order ${ref}; nothing more needs to be done.`,
        `申请人已撤回订单 ${ref}，无需继续处理。`,
      );
    case 'provider_review_due':
      return message(
        `Provider review of ${ref} due ${due(params)}`,
        `订单 ${ref} 初审将于 ${due(params)} 到期`,
        `The provider's review of order ${ref} is due by ${due(params)} (China time).`,
        `订单 ${ref} 的接入商初审须在北京时间 ${due(params)} 前完成。`,
      );
    case 'sms_expiring':
      return message(
        `SMS code of ${ref} expires ${due(params)}`,
        `订单 ${ref} 短信验证码将于 ${due(params)} 失效`,
        `Enter the SMS code of order ${ref} before ${due(params)} (China time), or the order is returned.`,
        `请在北京时间 ${due(params)} 前填写订单 ${ref} 的短信验证码，否则订单将被退回。`,
      );
    case 'authority_review_due':
      return message(
        `Authority review of ${ref} due ${due(params)}`,
        `订单 ${ref} 管局审核将于 ${due(params)} 到期`,
        `The authority's review of order ${ref} is due by ${due(params)} (China time).`,
        `订单 ${ref} 的管局审核期限为北京时间 ${due(params)}。`,
      );
    case 'sms_code': {
      const mobiles = (params.mobiles ?? []).join(', ');
      return message(
        `SMS verification code of ${ref}`,
        `订单 ${ref} 短信核验码`,
        `Sandbox authority: the verification code of order ${ref} is ${params.code ?? ''}, valid until ${due(params)} (China time), 5 attempts. In the real process MIIT texts it from 12381${mobiles === '' ? '' : ` to ${mobiles}`}.`,
        `沙箱管局：订单 ${ref} 的验证码为 ${params.code ?? ''}，有效期至北京时间 ${due(params)}，可尝试 5 次。真实流程中由工信部通过 12381${mobiles === '' ? '' : `向 ${mobiles} `}发送。`,
      );
    }
    default:
      return assertNever(kind);
  }
}
