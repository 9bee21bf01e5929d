import type { LicenceNotificationTemplate } from '../../domain/licence/licence-application.ts';
import type { LicenceKind } from '../../domain/licence/licence-kind.ts';
import type { LicenceNumbers } from '../../domain/licence/licence-numbering.ts';
import { describeLicenceReminder, type LicenceReminder } from '../../domain/licence/licence-obligations.ts';
import { assertNever } from '../../domain/shared/assert-never.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { formatChinaTime, type RenderedNotification } from '../notifications/notification-templates.ts';

/**
 * The texts of the licence notifications in both languages, delivered through the filing workflow's
 * inbox and mail outbox (deliver-notification.ts). Titles carry only the reference and licence numbers
 * (they are stored unencrypted).
 */

export interface LicenceNotificationParams {
  /** LA-2026-000123. */
  reference: string;
  kind: LicenceKind;
  numbers?: LicenceNumbers;
  /** The deadline a reminder is about. */
  dueAt?: Date;
}

const KIND_NAMES: Readonly<Record<LicenceKind, Localized>> = {
  icp: { en: 'ICP licence', zh: 'ICP经营许可证' },
  edi: { en: 'EDI licence', zh: 'EDI许可证' },
};

function message(titleEn: string, titleZh: string, bodyEn: string, bodyZh: string): RenderedNotification {
  return { title: { en: titleEn, zh: titleZh }, body: { en: bodyEn, zh: bodyZh } };
}

function printNumbers(numbers: LicenceNumbers | undefined): Localized {
  if (!numbers) return { en: '', zh: '' };
  const all = [numbers.telecomLicenceNumber, ...(numbers.icpLicenceNumber ? [numbers.icpLicenceNumber] : [])];
  return { en: ` Licence numbers: ${all.join(', ')}.`, zh: `许可证编号：${all.join('、')}。` };
}

export function renderLicenceNotification(
  template: LicenceNotificationTemplate,
  params: LicenceNotificationParams,
): RenderedNotification {
  const ref = params.reference;
  const kind = KIND_NAMES[params.kind];
  const due = params.dueAt === undefined ? '—' : formatChinaTime(params.dueAt);
  switch (template) {
    case 'licence_application_submitted':
      return message(
        `Licence application ${ref} submitted`,
        `许可证申请 ${ref} 已提交`,
        `The ${kind.en} application ${ref} was submitted; the authority checks it for completeness within 5 working days.`,
        `${kind.zh}申请 ${ref} 已提交，审批机关将在5个工作日内进行受理审查。`,
      );
    case 'licence_application_resubmitted':
      return message(
        `Licence application ${ref} resubmitted`,
        `许可证申请 ${ref} 已重新提交`,
        `The ${kind.en} application ${ref} was supplemented and submitted again.`,
        `${kind.zh}申请 ${ref} 已补正材料并重新提交。`,
      );
    case 'licence_acceptance_check_started':
      return message(
        `Acceptance check of ${ref} started`,
        `许可证申请 ${ref} 受理审查中`,
        `The authority is checking the ${kind.en} application ${ref} for completeness.`,
        `审批机关正在对${kind.zh}申请 ${ref} 进行受理审查。`,
      );
    case 'licence_materials_requested':
      return message(
        `Materials requested for ${ref}`,
        `许可证申请 ${ref} 需补正材料`,
        `The authority asks for further materials for the ${kind.en} application ${ref}: see the reasons, supplement and submit again.`,
        `审批机关要求${kind.zh}申请 ${ref} 补正材料，请查看原因，补充后重新提交。`,
      );
    case 'licence_application_accepted':
      return message(
        `Licence application ${ref} accepted`,
        `许可证申请 ${ref} 已受理`,
        `The ${kind.en} application ${ref} was accepted; the decision is due by ${due} (China time) at the latest.`,
        `${kind.zh}申请 ${ref} 已受理，审批机关最迟于 ${due}（北京时间）前作出决定。`,
      );
    case 'licence_approved': {
      const numbers = printNumbers(params.numbers);
      return message(
        `Licence issued for ${ref}`,
        `许可证申请 ${ref} 已获批准`,
        `The ${kind.en} application ${ref} was approved and the licence issued.${numbers.en} File the annual report every 1 January–31 March.`,
        `${kind.zh}申请 ${ref} 已获批准，许可证已颁发。${numbers.zh}请每年1月1日至3月31日报送年报。`,
      );
    }
    case 'licence_rejected':
      return message(
        `Licence application ${ref} rejected`,
        `许可证申请 ${ref} 未获批准`,
        `The ${kind.en} application ${ref} was rejected: see the reasons. Applying again is a new application.`,
        `${kind.zh}申请 ${ref} 未获批准，请查看原因。再次申请须提交新的申请。`,
      );
    case 'licence_application_withdrawn':
      return message(
        `Licence application ${ref} withdrawn`,
        `许可证申请 ${ref} 已撤回`,
        `The applicant withdrew the ${kind.en} application ${ref}.`,
        `申请人已撤回${kind.zh}申请 ${ref}。`,
      );
    case 'licence_acceptance_due':
      return message(
        `Acceptance check of ${ref} due today`,
        `许可证申请 ${ref} 受理审查今日到期`,
        `The acceptance check of the ${kind.en} application ${ref} is due by ${due} (China time).`,
        `${kind.zh}申请 ${ref} 的受理审查应于 ${due}（北京时间）前完成。`,
      );
    case 'licence_review_due':
      return message(
        `Decision on ${ref} due today`,
        `许可证申请 ${ref} 审批决定今日到期`,
        `The decision on the ${kind.en} application ${ref} is due by ${due} (China time), 60 days after acceptance.`,
        `${kind.zh}申请 ${ref} 的审批决定应于 ${due}（北京时间）前作出（受理后60日）。`,
      );
    default:
      return assertNever(template);
  }
}

/** A duty reminder of an issued licence: the domain's text, titled with the licence number. */
export function renderLicenceReminder(
  reminder: LicenceReminder,
  params: { numbers: LicenceNumbers; kind: LicenceKind },
): RenderedNotification {
  const number = params.numbers.telecomLicenceNumber;
  const kind = KIND_NAMES[params.kind];
  const title = ((): Localized => {
    switch (reminder.kind) {
      case 'annual_report_open':
      case 'annual_report_due_soon':
        return {
          en: `Annual report on ${reminder.forYear} due by ${reminder.dueOn}: ${number}`,
          zh: `${number} ${reminder.forYear}年度年报须于${reminder.dueOn}前报送`,
        };
      case 'annual_report_late':
        return {
          en: `Annual report on ${reminder.forYear} overdue: ${number}`,
          zh: `${number} ${reminder.forYear}年度年报已逾期`,
        };
      case 'renewal_open':
      case 'renewal_due_soon':
        return {
          en: `Apply to renew ${number} by ${reminder.dueOn}`,
          zh: `${number} 请于${reminder.dueOn}前申请续期`,
        };
      case 'renewal_late':
        return { en: `Renewal deadline of ${number} passed`, zh: `${number} 续期申请期限已过` };
      case 'licence_expired':
        return { en: `${number} expired`, zh: `${number} 已期满` };
      default:
        return assertNever(reminder.kind);
    }
  })();
  const body = describeLicenceReminder(reminder);
  return {
    title,
    body: { en: `${kind.en} ${number}: ${body.en}`, zh: `${kind.zh} ${number}：${body.zh}` },
  };
}
