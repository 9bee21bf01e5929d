import { decideVerdictNotice, planNextCheck } from '../../domain/compliance/site-monitoring.ts';
import { DomainError } from '../errors.ts';
import { checkLiveFooter, type LiveFooterCheck } from '../footer/check-live-footer.ts';
import { deliverNotification } from '../notifications/deliver-notification.ts';
import { type MonitorDeps, toLiveCheckInput } from './monitor-deps.ts';
import { renderVerdictNotice } from './monitor-messages.ts';
import type { MonitoredSiteRecord, SiteCheckRecord, SiteCheckResult } from './monitor-store.ts';

/** What the history keeps of a check: verdicts, reasons and page facts, not the page. */
export function summariseCheck(check: LiveFooterCheck): SiteCheckResult {
  if (check.outcome === 'unreachable') {
    return {
      outcome: 'unreachable',
      verdict: 'unreachable',
      failure: { code: check.failure.code, message: check.failure.message },
    };
  }
  return {
    outcome: 'checked',
    verdict: check.verdict,
    finalUrl: check.page.finalUrl,
    status: check.page.status,
    charset: check.page.charset,
    rendered: check.render.status === 'used',
    ...(check.expected ? { expected: check.expected } : {}),
    found: check.analysis.found.map((found) => found.normalized),
    problems: check.analysis.rules.flatMap((rule) =>
      rule.verdict === 'fail' || rule.verdict === 'warn'
        ? [{ rule: rule.rule, verdict: rule.verdict, message: rule.message, source: rule.source }]
        : [],
    ),
  };
}

/**
 * Checks a monitored site's footer now, keeps the result in its history, schedules the next check and
 * tells the owner (inbox and mail) when the verdict they last heard of changes. The fetch runs before
 * the transaction, which only writes.
 * @throws DomainError validation_failed when the site's filed domain is not a domain (never saved so).
 */
export async function runSiteCheck(
  deps: MonitorDeps,
  site: MonitoredSiteRecord,
  trigger: SiteCheckRecord['trigger'],
): Promise<SiteCheckRecord> {
  const checked = await checkLiveFooter(await deps.getLiveFooterDeps(), toLiveCheckInput(site));
  if (!checked.ok) throw new DomainError('validation_failed', checked.error.issue.message);
  const result = summariseCheck(checked.value);
  const now = deps.clock.now();
  const owners = await deps.directory.findUsers([site.ownerUserId]);
  return deps.transact(async (stores) => {
    // The fetch took seconds: judge against the site as it is now, which may have been edited
    // (its next check then stays as the edit set it), checked by another run, or deleted.
    const current = await stores.sites.findSite(site.id);
    if (!current) {
      throw new DomainError('not_found', {
        en: `Monitored site ${site.id} was deleted during its check.`,
        zh: `监测网站 ${site.id} 在检查期间已被删除。`,
      });
    }
    const isEdited = current.updatedAt.getTime() !== site.updatedAt.getTime();
    const notice = decideVerdictNotice({
      previousVerdict: current.lastVerdict ?? null,
      notifiedVerdict: current.notifiedVerdict ?? null,
      verdict: result.verdict,
    });
    const record = await stores.sites.insertCheck({
      siteId: site.id,
      checkedAt: now,
      trigger,
      verdict: result.verdict,
      result,
    });
    await stores.sites.markChecked(site.id, {
      checkedAt: now,
      verdict: result.verdict,
      notifiedVerdict: notice.notifiedVerdict,
      nextCheckAt: isEdited ? current.nextCheckAt : planNextCheck(now, current.intervalHours, result.verdict),
    });
    if (notice.notify) {
      await deliverNotification(
        deps.fieldCipher,
        stores.notifications,
        { addressees: owners, kind: 'site_verdict', message: renderVerdictNotice(current, result) },
        now,
      );
    }
    return record;
  });
}
