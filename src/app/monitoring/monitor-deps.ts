import type { FiledServiceFacts } from '../../domain/compliance/filing-obligations.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { DomainError } from '../errors.ts';
import type { CheckLiveFooterInput, LiveFooterDeps } from '../footer/check-live-footer.ts';
import type { NotificationStore } from '../notifications/notification-store.ts';
import type { FieldCipherPort, PeopleDirectory } from '../orders/order-deps.ts';
import type { Clock } from '../ports.ts';
import type { MonitoredSiteRecord, MonitorStore } from './monitor-store.ts';
import type { ShellEntityStore } from './shell-entity-store.ts';

export interface MonitorStores {
  sites: MonitorStore;
  notifications: NotificationStore;
}

/** What the compliance monitor's use cases need. */
export interface MonitorDeps {
  read: MonitorStores;
  /** One transaction: a check's history row, the site's new state and its notification commit together. */
  transact<T>(work: (stores: MonitorStores) => Promise<T>): Promise<T>;
  clock: Clock;
  fieldCipher: FieldCipherPort;
  directory: Pick<PeopleDirectory, 'findUsers'>;
  /** The live footer check's deps, with the catalogue and allow-list in force at call time. */
  getLiveFooterDeps(): Promise<LiveFooterDeps>;
  /** Filed entities and their services' access, for shell-entity detection. */
  shellEntities: ShellEntityStore;
}

/** The site as the live footer check takes it. */
export function toLiveCheckInput(site: MonitoredSiteRecord): CheckLiveFooterInput {
  return {
    url: site.url,
    domain: site.filedDomain,
    expectedNumber: site.expectedNumber,
    psbRequired: site.isPsbRequired || undefined,
    licenceNumber: site.licenceNumber,
  };
}

/** The site's duties as the reminder planner takes them: only the dates the owner recorded. */
export function toFiledServiceFacts(site: MonitoredSiteRecord): FiledServiceFacts {
  return {
    ...(site.goLiveOn === undefined
      ? {}
      : {
          psb: {
            goLiveOn: site.goLiveOn,
            ...(site.psbNumber === undefined ? {} : { psbNumber: site.psbNumber }),
          },
        }),
    domains:
      site.domainExpiresOn === undefined
        ? []
        : [{ domain: site.filedDomain ?? site.url, expiresOn: site.domainExpiresOn }],
    accessInstances:
      site.instanceExpiresOn === undefined
        ? []
        : [{ instanceId: site.instanceId ?? 'instance', expiresOn: site.instanceExpiresOn }],
  };
}

/**
 * The site, when the actor may see it: its owner and platform administrators; anybody else gets
 * the same 404 as for a site that does not exist.
 * @throws DomainError not_found
 */
export async function getVisibleSite(deps: Pick<MonitorDeps, 'read'>, actor: Actor, id: number) {
  const site = await deps.read.sites.findSite(id);
  if (!site || (site.ownerUserId !== actor.userId && !actor.roles.includes('platform_admin'))) {
    throw new DomainError('not_found', {
      en: `Monitored site ${id} was not found.`,
      zh: `未找到监测网站 ${id}。`,
    });
  }
  return site;
}
