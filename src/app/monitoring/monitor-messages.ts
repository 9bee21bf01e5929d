import { describeFilingReminder, type FilingReminder } from '../../domain/compliance/filing-obligations.ts';
import type { SiteVerdict } from '../../domain/compliance/site-monitoring.ts';
import { assertNever } from '../../domain/shared/assert-never.ts';
import type { RenderedNotification } from '../notifications/notification-templates.ts';
import type { MonitoredSiteRecord, SiteCheckResult } from './monitor-store.ts';

const VERDICT_TITLES: Record<SiteVerdict, { en: string; zh: string }> = {
  compliant: { en: 'the footer is compliant again', zh: '页脚已恢复合规' },
  warnings: { en: 'the footer has warnings', zh: '页脚存在提示项' },
  non_compliant: { en: 'the footer is not compliant', zh: '页脚不合规' },
  unreachable: { en: 'the site cannot be reached', zh: '网站无法访问' },
};

export function siteName(site: Pick<MonitoredSiteRecord, 'label' | 'url'>): string {
  return site.label ?? site.url;
}

/** The message an owner gets when the verdict they last heard of changes. */
export function renderVerdictNotice(
  site: MonitoredSiteRecord,
  result: SiteCheckResult,
): RenderedNotification {
  const name = siteName(site);
  const title = VERDICT_TITLES[result.verdict];
  const lines = (language: 'en' | 'zh') => {
    if (result.failure) {
      return language === 'en'
        ? `Two checks in a row could not fetch ${site.url}: ${result.failure.message.en} This is not a compliance finding; the site is checked again within the hour.`
        : `连续两次无法获取 ${site.url}：${result.failure.message.zh} 这不是合规结论；一小时内将再次检查。`;
    }
    const problems = (result.problems ?? []).map((problem) => `• ${problem.message[language]}`);
    if (problems.length === 0) {
      return language === 'en'
        ? `The latest check of ${result.finalUrl ?? site.url} found every rule met.`
        : `最近一次检查 ${result.finalUrl ?? site.url}，各项规则均已满足。`;
    }
    return [
      language === 'en'
        ? `The latest check of ${result.finalUrl ?? site.url} found:`
        : `最近一次检查 ${result.finalUrl ?? site.url} 发现：`,
      ...problems,
      language === 'en'
        ? 'A missing or unlinked number can be fined RMB 5,000–10,000.'
        : '未展示备案号或未链接可处5000元以上1万元以下罚款。',
    ].join('\n');
  };
  return {
    title: { en: `${name}: ${title.en}`, zh: `${name}：${title.zh}` },
    body: { en: lines('en'), zh: lines('zh') },
  };
}

/** A post-approval reminder (PSB filing, domain or instance expiry) about one site. */
export function renderSiteReminder(
  site: MonitoredSiteRecord,
  reminder: FilingReminder,
): RenderedNotification {
  const body = describeFilingReminder(reminder);
  const name = siteName(site);
  return {
    title: { en: `${name}: ${titleOf(reminder).en}`, zh: `${name}：${titleOf(reminder).zh}` },
    body,
  };
}

function titleOf(reminder: FilingReminder): { en: string; zh: string } {
  switch (reminder.kind) {
    case 'psb_filing_open':
    case 'psb_filing_due_soon':
    case 'psb_filing_due_today':
      return { en: `public-security filing due ${reminder.dueOn}`, zh: `公安备案截止 ${reminder.dueOn}` };
    case 'psb_filing_late':
      return { en: 'public-security filing overdue', zh: '公安备案已逾期' };
    case 'domain_expiring':
      return { en: `domain expires ${reminder.dueOn}`, zh: `域名将于 ${reminder.dueOn} 到期` };
    case 'domain_expired':
      return { en: 'domain expired', zh: '域名已过期' };
    case 'instance_expiring':
      return { en: `server expires ${reminder.dueOn}`, zh: `服务器将于 ${reminder.dueOn} 到期` };
    case 'instance_expired':
      return { en: 'server expired', zh: '服务器已到期' };
    default:
      return assertNever(reminder.kind);
  }
}
