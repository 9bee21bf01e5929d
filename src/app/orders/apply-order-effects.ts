import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import type { OrderContentDraft, PersonDraft } from '../../domain/order-content/order-content.ts';
import { assertNever } from '../../domain/shared/assert-never.ts';
import { normalizeCompact } from '../../domain/shared/normalize.ts';
import type { OrderEffect } from '../../domain/workflow/order-outcome.ts';
import type { SmsRecipient } from '../../domain/workflow/order-type.ts';
import { composeMail, deliverNotification, enqueueMail } from '../notifications/deliver-notification.ts';
import { renderNotification } from '../notifications/notification-templates.ts';
import { type FilingNumbers, issueFilingNumbers, recordFilingNumbers } from './issue-filing-numbers.ts';
import { maskPhone } from './mask-personal-data.ts';
import type { OrderAudiences } from './order-audiences.ts';
import type { OrderDeps, WorkflowStores } from './order-deps.ts';
import { formatOrderReference } from './order-reference.ts';
import type { OrderRecord } from './order-store.ts';
import { generateSmsCode, hashSmsCode } from './sms-code.ts';
import { updateRegistryForOrder } from './update-registry-for-order.ts';

/** What effects work with: the order before the transition, in the transition's transaction. */
export interface EffectScope {
  deps: OrderDeps;
  stores: WorkflowStores;
  order: OrderRecord;
  now: Date;
  calendar: WorkingDayCalendar;
  audiences: OrderAudiences;
  /** The content of the version the transition acts on (the last submitted one). */
  readContent(): Promise<OrderContentDraft>;
}

export interface EffectResults {
  /** Numbers issued or recorded by an approval. */
  numbers?: FilingNumbers;
}

interface SmsPerson {
  email?: string;
  mobile?: string;
}

/** The people the SMS goes to (reference §3.5), once per distinct mobile or address. */
function listSmsPeople(content: OrderContentDraft, recipients: readonly SmsRecipient[]): SmsPerson[] {
  const leader = content.entity?.leader;
  const people: PersonDraft[] = [];
  if (recipients.includes('entity_leader') && leader) people.push(leader);
  if (recipients.includes('service_admin')) {
    for (const service of content.services ?? []) {
      const admin = service.adminSameAsLeader ? leader : service.admin;
      if (admin) people.push(admin);
    }
  }
  const seen = new Set<string>();
  const unique: SmsPerson[] = [];
  for (const person of people) {
    const key = `${normalizeCompact(person.mobile ?? '')}|${(person.email ?? '').toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({
      ...(person.email ? { email: person.email } : {}),
      ...(person.mobile ? { mobile: person.mobile } : {}),
    });
  }
  return unique;
}

/**
 * The sandbox authority's SMS check: a 6-digit code from the random port, stored only as a keyed
 * hash, delivered to the applicant's inbox and mailed to each person the real MIIT would text.
 */
async function issueSmsChallenge(
  scope: EffectScope,
  effect: Extract<OrderEffect, { kind: 'issue_sms_challenge' }>,
): Promise<void> {
  const { deps, stores, order, now } = scope;
  const code = generateSmsCode(deps.random);
  await stores.orders.insertSmsChallenge({
    orderId: order.id,
    codeHash: hashSmsCode(deps.fieldCipher, order.id, now, code),
    issuedAt: now,
    expiresAt: effect.expiresAt,
    maxAttempts: effect.maxAttempts,
  });
  const people = listSmsPeople(await scope.readContent(), effect.recipients);
  const message = renderNotification('sms_code', {
    reference: formatOrderReference(order.id, order.createdAt),
    code,
    dueAt: effect.expiresAt,
    mobiles: people.flatMap((p) => (p.mobile ? [maskPhone(p.mobile)] : [])),
  });
  await deliverNotification(
    deps.fieldCipher,
    stores.notifications,
    { addressees: scope.audiences.applicant, kind: 'sms_code', orderId: order.id, message, mail: false },
    now,
  );
  const mail = composeMail(message);
  await enqueueMail(
    deps.fieldCipher,
    stores.notifications,
    people.flatMap((p) => (p.email ? [{ to: p.email, ...mail }] : [])),
    now,
  );
}

/** The instance each service of the content is accessed through, from the codes bound at submission. */
async function findInstanceIds(
  scope: EffectScope,
  content: OrderContentDraft,
): Promise<(number | undefined)[]> {
  const bound = await scope.stores.providers.listBoundServiceCodes(scope.order.id);
  return (content.services ?? []).map((service) => {
    const code = normalizeCompact(service.access?.serviceCode ?? '');
    return bound.find((b) => b.code === code)?.instanceId;
  });
}

async function applyEffect(scope: EffectScope, effect: OrderEffect, results: EffectResults): Promise<void> {
  const { deps, stores, order, now } = scope;
  switch (effect.kind) {
    case 'issue_sms_challenge':
      await issueSmsChallenge(scope, effect);
      return;
    case 'issue_numbers':
      results.numbers = await issueFilingNumbers(stores.numbers, deps.catalogue, {
        order,
        services: (await scope.readContent()).services ?? [],
        approvalYear: effect.approvalYear,
        newEntityNumber: effect.newEntityNumber,
        now,
      });
      return;
    case 'record_numbers': {
      const entityNumber = effect.entityNumber ?? order.entityNumber;
      if (entityNumber === undefined)
        throw new Error(`Recorded numbers of order ${order.id} lack the entity`);
      results.numbers = await recordFilingNumbers(stores.numbers, {
        order,
        services: (await scope.readContent()).services ?? [],
        recorded: { entityNumber, serviceNumbers: effect.serviceNumbers },
        newEntityNumber: order.type === 'first_filing',
        now,
      });
      return;
    }
    case 'update_registry': {
      const content = await scope.readContent();
      await updateRegistryForOrder(stores, {
        order,
        content,
        ...(results.numbers === undefined ? {} : { numbers: results.numbers }),
        instanceIds: await findInstanceIds(scope, content),
        approvedOn: scope.calendar.toChinaDate(now),
        now,
        catalogue: deps.catalogue,
      });
      return;
    }
    case 'burn_service_codes':
      await stores.providers.burnServiceCodes(order.id, now);
      return;
    case 'notify': {
      const entityNumber = results.numbers?.entityNumber ?? order.entityNumber;
      const message = renderNotification(effect.template, {
        reference: formatOrderReference(order.id, order.createdAt),
        ...(entityNumber === undefined ? {} : { entityNumber }),
        ...(results.numbers === undefined ? {} : { serviceNumbers: results.numbers.serviceNumbers }),
      });
      await deliverNotification(
        deps.fieldCipher,
        stores.notifications,
        { addressees: scope.audiences[effect.audience], kind: effect.template, orderId: order.id, message },
        now,
      );
      return;
    }
    case 'schedule_reminder':
      await stores.notifications.scheduleReminders([
        {
          orderId: order.id,
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

/**
 * Performs a transition's effects in its transaction, in the order the workflow lists them (numbers
 * before the registry update that uses them, the registry before the codes are burnt).
 */
export async function applyOrderEffects(
  scope: EffectScope,
  effects: readonly OrderEffect[],
): Promise<EffectResults> {
  const results: EffectResults = {};
  for (const effect of effects) await applyEffect(scope, effect, results);
  return results;
}
