import type { LicenceApplicationSnapshot, LicenceEffect } from '../../domain/licence/licence-application.ts';
import { assertNever } from '../../domain/shared/assert-never.ts';
import { issue } from '../../domain/shared/issue.ts';
import { deliverNotification } from '../notifications/deliver-notification.ts';
import type { LicenceAudiences } from './licence-audiences.ts';
import type { LicenceDeps, LicenceStores } from './licence-deps.ts';
import { toLicenceError } from './licence-errors.ts';
import { renderLicenceNotification } from './licence-notification-templates.ts';
import { formatLicenceReference } from './licence-reference.ts';
import type { IssuedLicenceRow, LicenceApplicationRecord } from './licence-store.ts';

/** What effects work with: the application before the transition, in the transition's transaction. */
export interface LicenceEffectScope {
  deps: Pick<LicenceDeps, 'fieldCipher'>;
  stores: LicenceStores;
  application: LicenceApplicationRecord;
  /** The application after the transition: its deadlines go into the messages. */
  next: LicenceApplicationSnapshot;
  now: Date;
  audiences: LicenceAudiences;
}

export interface LicenceEffectResults {
  /** The licence an approval issued. */
  licence?: IssuedLicenceRow;
}

async function recordLicence(
  scope: LicenceEffectScope,
  effect: Extract<LicenceEffect, { kind: 'record_licence' }>,
): Promise<IssuedLicenceRow> {
  const { stores, application, now } = scope;
  // Sandbox numbers were allocated free; recorded ones may collide with a licence already on file.
  if (await stores.licences.isLicenceNumberTaken(effect.numbers)) {
    throw toLicenceError(
      issue(
        'licence_number_taken',
        `The licence number ${effect.numbers.telecomLicenceNumber} is already on another licence.`,
        `许可证编号 ${effect.numbers.telecomLicenceNumber} 已被其他许可证使用。`,
        { source: 'ref-6-licence', params: { field: 'numbers.telecomLicenceNumber' } },
      ),
    );
  }
  await stores.licences.insertLicence({
    applicationId: application.id,
    kind: effect.licenceKind,
    scope: effect.scope,
    provinceCode: effect.provinceCode,
    numbers: effect.numbers,
    holderName: application.companyName,
    issuedOn: effect.issuedOn,
    expiresOn: effect.expiresOn,
    createdAt: now,
  });
  const licence = await stores.licences.findLicenceByApplication(application.id);
  if (!licence)
    throw new Error(`The licence of application ${application.id} vanished inside its transaction`);
  return licence;
}

async function applyEffect(
  scope: LicenceEffectScope,
  effect: LicenceEffect,
  results: LicenceEffectResults,
): Promise<void> {
  const { deps, stores, application, now } = scope;
  switch (effect.kind) {
    case 'record_licence':
      results.licence = await recordLicence(scope, effect);
      return;
    case 'notify': {
      const due = scope.next.deadlines.reviewDue ?? scope.next.deadlines.acceptanceDue;
      const message = renderLicenceNotification(effect.template, {
        reference: formatLicenceReference(application.id, application.createdAt),
        kind: application.kind,
        ...(results.licence === undefined ? {} : { numbers: results.licence.numbers }),
        ...(due === undefined ? {} : { dueAt: due }),
      });
      await deliverNotification(
        deps.fieldCipher,
        stores.notifications,
        { addressees: scope.audiences[effect.audience], kind: effect.template, message },
        now,
      );
      return;
    }
    case 'schedule_reminder':
      await stores.licences.scheduleReminders([
        {
          applicationId: application.id,
          audience: effect.audience,
          template: effect.template,
          deadlineKind: effect.deadline,
          dueAt: effect.dueAt,
          sendAt: effect.at,
        },
      ]);
      return;
    default:
      assertNever(effect);
  }
}

/** Performs a transition's effects in its transaction, in the order listed (the licence before the notice). */
export async function applyLicenceEffects(
  scope: LicenceEffectScope,
  effects: readonly LicenceEffect[],
): Promise<LicenceEffectResults> {
  const results: LicenceEffectResults = {};
  for (const effect of effects) await applyEffect(scope, effect, results);
  return results;
}
