import { UNREACHABLE_RETRY_HOURS } from '../../domain/compliance/site-monitoring.ts';
import type { MonitorDeps } from './monitor-deps.ts';
import { runSiteCheck } from './run-site-check.ts';

export interface SiteCheckRunReport {
  checked: number;
  /** Sites whose check threw (logged by the caller); they are tried again at their next tick. */
  failed: number;
}

/**
 * Job: checks the sites whose next check is due at the clock's now, the longest waiting first, a few
 * per run (each fetch can take seconds), one at a time so a batch never floods a host or the machine.
 */
export async function runDueSiteChecks(
  deps: MonitorDeps,
  options: { limit?: number; onError?: (siteId: number, error: unknown) => void } = {},
): Promise<SiteCheckRunReport> {
  const due = await deps.read.sites.listDueSites(deps.clock.now(), options.limit ?? 10);
  const report: SiteCheckRunReport = { checked: 0, failed: 0 };
  for (const site of due) {
    try {
      await runSiteCheck(deps, site, 'schedule');
      report.checked += 1;
    } catch (error) {
      report.failed += 1;
      options.onError?.(site.id, error);
      // Not first in line again at the next tick: a site that keeps failing must not starve the others.
      await deps.read.sites.postponeCheck(
        site.id,
        new Date(deps.clock.now().getTime() + UNREACHABLE_RETRY_HOURS * 3_600_000),
      );
    }
  }
  return report;
}
