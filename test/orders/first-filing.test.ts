import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/app/audit/verify-audit-log.ts';
import { isDomainError } from '../../src/app/errors.ts';
import { listInbox } from '../../src/app/notifications/list-inbox.ts';
import { listMailOutbox } from '../../src/app/notifications/list-mail-outbox.ts';
import { approveAsAuthority } from '../../src/app/orders/approve-as-authority.ts';
import { approveAsProvider } from '../../src/app/orders/approve-as-provider.ts';
import { createOrder } from '../../src/app/orders/create-order.ts';
import { diffOrderVersions } from '../../src/app/orders/diff-order-versions.ts';
import { getOrder } from '../../src/app/orders/get-order.ts';
import { listOrders } from '../../src/app/orders/list-orders.ts';
import { recordIdentityVerification } from '../../src/app/orders/record-identity-verification.ts';
import { returnOrder } from '../../src/app/orders/return-order.ts';
import { saveDraft } from '../../src/app/orders/save-draft.ts';
import { sendToAuthority } from '../../src/app/orders/send-to-authority.ts';
import { startProviderReview } from '../../src/app/orders/start-provider-review.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { submitSmsCode } from '../../src/app/orders/submit-sms-code.ts';
import { withdrawOrder } from '../../src/app/orders/withdraw-order.ts';
import { listInstances } from '../../src/app/providers/list-instances.ts';
import { lookupDomain } from '../../src/app/registry/lookup-domain.ts';
import { parseFilingNumber } from '../../src/domain/numbers/filing-number.ts';
import {
  buildEnterpriseOrderContent,
  buildIndividualOrderContent,
} from '../../src/domain/order-content/fixtures.ts';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import type { Actor } from '../../src/domain/policy/order-access.ts';
import { createAuditLogRepository } from '../../src/infra/db/repositories/audit-log-repository.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  createOrderKit,
  type OrderKit,
  PROVIDER,
  provisionInstance,
  readSmsCode,
  withAccess,
  wrongCode,
} from './order-test-kit.ts';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDomainError(error), String(error)).toBe(true);
  expect((error as { code: string }).code).toBe(code);
}

interface Case {
  name: string;
  owner: Actor;
  content: OrderContentDraft;
  province: string;
  authority: Actor;
  /** The person's data that must never be stored or shown in the clear. */
  secrets: string[];
  /** The service name after the provider's return. */
  renamedTo: string;
}

const individual = buildIndividualOrderContent();
const enterprise = buildEnterpriseOrderContent({ entity: { provinceCode: '44' } });

const cases: Case[] = [
  {
    name: 'an individual in Beijing',
    owner: actors.applicant,
    content: individual,
    province: '11',
    authority: actors.beijingAuthority,
    secrets: [individual.entity?.certificateNumber ?? '', individual.entity?.leader?.mobile ?? ''],
    renamedTo: '山间读书随笔',
  },
  {
    name: 'an enterprise in Guangdong',
    owner: actors.otherApplicant,
    content: enterprise,
    province: '44',
    authority: actors.guangdongAuthority,
    secrets: [
      enterprise.entity?.leader?.certificateNumber ?? '',
      enterprise.services?.[0]?.admin?.certificateNumber ?? '',
      enterprise.services?.[0]?.admin?.mobile ?? '',
    ],
    renamedTo: '示例科技官方网站',
  },
];

describeEachDatabase('first filing from draft to approval', (database) => {
  let kit: OrderKit;
  beforeAll(() => {
    kit = createOrderKit(database.db);
  });

  for (const testCase of cases) {
    describe(testCase.name, () => {
      const { owner, province, authority } = testCase;
      const reviewer = actors.providerReviewer;
      let orderId: number;
      let content: OrderContentDraft;
      const domain = testCase.content.services?.[0]?.domain ?? '';

      it('detects a first filing and saves the draft with field-level findings', async () => {
        const { instanceId, codes } = await provisionInstance(kit, owner, { codes: 1, province });
        content = withAccess(testCase.content, instanceId, codes);
        const created = await createOrder(kit.deps, {
          actor: owner,
          intent: 'file_service',
          certificateNumber: testCase.content.entity?.certificateNumber ?? '',
          province,
          domain,
          providerOrgId: PROVIDER,
        });
        orderId = created.order.id;
        expect(created.order).toMatchObject({
          type: 'first_filing',
          status: 'draft',
          provinceCode: province,
        });
        expect(created.order.reference).toMatch(/^OB-2026-\d{6}$/u);

        const broken = await saveDraft(kit.deps, {
          actor: owner,
          orderId,
          content: {
            ...content,
            entity: { ...content.entity, leader: { ...content.entity?.leader, mobile: '123' } },
          },
        });
        expect(broken.validation.fieldErrors.map((e) => e.path)).toContain('entity.leader.mobile');
        const saved = await saveDraft(kit.deps, { actor: owner, orderId, content });
        expect(saved.validation.fieldErrors).toEqual([]);
        expect(saved.order.allowedActions).toEqual(['edit', 'submit', 'withdraw']);
      });

      it('refuses another applicant as if the order did not exist', async () => {
        const stranger = owner === actors.applicant ? actors.otherApplicant : actors.applicant;
        await expectCode(getOrder(kit.deps, { actor: stranger, orderId }), 'not_found');
        await expectCode(submitOrder(kit.deps, { actor: stranger, orderId }), 'not_found');
        await expectCode(saveDraft(kit.deps, { actor: stranger, orderId, content }), 'not_found');
        // The provider does not see a draft either.
        await expectCode(getOrder(kit.deps, { actor: reviewer, orderId }), 'not_found');
      });

      it('submits, is returned with a reason on a field, and is resubmitted', async () => {
        const submitted = await submitOrder(kit.deps, { actor: owner, orderId });
        expect(submitted.order.status).toBe('submitted');
        expect(submitted.order.deadlines.providerReviewDue).toBeDefined();
        const queue = await listOrders(kit.deps, { actor: reviewer, view: 'queue' });
        expect(queue.orders.map((o) => o.id)).toContain(orderId);

        await startProviderReview(kit.deps, { actor: reviewer, orderId });
        const returned = await returnOrder(kit.deps, {
          actor: reviewer,
          orderId,
          reasons: [
            {
              fieldPath: 'services[0].name',
              reasonCode: 'site_name_unclear',
              text: { zh: '网站名称需体现网站内容', en: 'The name must say what the site is about.' },
            },
          ],
        });
        expect(returned.order.status).toBe('returned_by_provider');
        const seen = await getOrder(kit.deps, { actor: owner, orderId });
        expect(seen.returnReasons).toEqual([
          expect.objectContaining({ fieldPath: 'services[0].name', reasonCode: 'site_name_unclear' }),
        ]);
        const inbox = await listInbox(kit.deps, { actor: owner });
        expect(inbox.messages.some((m) => m.kind === 'order_returned' && m.orderId === orderId)).toBe(true);

        const [service] = content.services ?? [];
        content = { ...content, services: [{ ...service, name: testCase.renamedTo }] };
        const edited = await saveDraft(kit.deps, { actor: owner, orderId, content });
        expect(edited.order.version).toBe(2);
        const resubmitted = await submitOrder(kit.deps, { actor: owner, orderId });
        expect(resubmitted.order).toMatchObject({
          status: 'submitted',
          submittedVersion: 2,
          returnReasons: [],
        });

        const diff = await diffOrderVersions(kit.deps, { actor: reviewer, orderId });
        expect(diff).toMatchObject({ fromVersion: 1, toVersion: 2, isPersonalDataMasked: false });
        expect(diff.changes).toEqual([
          expect.objectContaining({
            path: 'services[0].name',
            kind: 'changed',
            after: content.services?.[0]?.name,
          }),
        ]);
      });

      it('passes provider review and identity verification, then the SMS check after one wrong code', async () => {
        await startProviderReview(kit.deps, { actor: reviewer, orderId });
        await approveAsProvider(kit.deps, { actor: reviewer, orderId });
        await recordIdentityVerification(kit.deps, { actor: reviewer, orderId, result: 'passed' });
        const sent = await sendToAuthority(kit.deps, { actor: reviewer, orderId });
        expect(sent.order.status).toBe('sms_verification');
        expect(sent.order.sms).toMatchObject({ attempts: 0, maxAttempts: 5, attemptsLeft: 5 });
        // The province's authority follows the SMS step (its SMS monitor), though nothing is for it to do yet.
        const monitored = await listOrders(kit.deps, { actor: authority, statuses: ['sms_verification'] });
        expect(monitored.orders.map((o) => o.id)).toContain(orderId);
        expect(
          (await listOrders(kit.deps, { actor: authority, view: 'queue' })).orders.map((o) => o.id),
        ).not.toContain(orderId);

        const code = await readSmsCode(kit, owner, orderId);
        const wrong = await submitSmsCode(kit.deps, { actor: owner, orderId, code: wrongCode(code) });
        expect(wrong).toMatchObject({ accepted: false, attemptsLeft: 4 });
        expect(wrong.order.status).toBe('sms_verification');
        const right = await submitSmsCode(kit.deps, { actor: owner, orderId, code });
        expect(right.accepted).toBe(true);
        expect(right.order.status).toBe('authority_review');
        expect(right.order.deadlines.authorityReviewDue).toBeDefined();

        // The people the real MIIT would text got the code by mail.
        const mail = await listMailOutbox(kit.deps, { actor: actors.platformAdmin, limit: 100 });
        const leaderEmail = content.entity?.leader?.email ?? '';
        expect(mail.some((m) => m.to === leaderEmail && m.text.includes(code))).toBe(true);
      });

      it('cannot be withdrawn during the authority review', async () => {
        await expectCode(withdrawOrder(kit.deps, { actor: owner, orderId }), 'conflict');
      });

      it('is approved by the authority with a new entity number and service number', async () => {
        await expectCode(approveAsAuthority(kit.deps, { actor: owner, orderId }), 'forbidden');
        const queue = await listOrders(kit.deps, { actor: authority, view: 'queue' });
        expect(queue.orders.map((o) => o.id)).toContain(orderId);

        const approved = await approveAsAuthority(kit.deps, { actor: authority, orderId });
        expect(approved.order.status).toBe('approved');
        const numbers = approved.numbers;
        if (!numbers) throw new Error('no numbers issued');
        const entity = parseFilingNumber(numbers.entityNumber);
        expect(entity.valid).toBe(true);
        expect(entity.value).toMatchObject({ year: 2026, province: { code: province } });
        expect(numbers.serviceNumbers).toEqual([`${numbers.entityNumber}-1`]);
        expect(parseFilingNumber(numbers.serviceNumbers[0] ?? '').value?.service?.index).toBe(1);
        expect(approved.order).toMatchObject({
          entityNumber: numbers.entityNumber,
          issuedServiceNumbers: numbers.serviceNumbers,
        });

        const instances = await listInstances(kit.deps, { actor: owner });
        expect(instances.flatMap((i) => i.codes).map((c) => c.status)).toContain('burnt');
        const inbox = await listInbox(kit.deps, { actor: owner });
        const approval = inbox.messages.find((m) => m.kind === 'order_approved' && m.orderId === orderId);
        expect(approval?.body.zh).toContain(numbers.entityNumber);
      });

      it('puts the record in the public registry without personal data', async () => {
        const registry = createRegistryRepository(database.db.kysely, database.db.dialect);
        const lookup = await lookupDomain({ registry }, { domain });
        if (!lookup.ok || !lookup.value.found) throw new Error(`${domain} is not in the registry`);
        const { record } = lookup.value;
        expect(record.entity.nature).toBe(testCase.content.entity?.nature);
        expect(record.service.serviceName).toBe(content.services?.[0]?.name);
        const text = JSON.stringify(record);
        for (const secret of [...testCase.secrets, testCase.content.entity?.leader?.email ?? '']) {
          expect(text).not.toContain(secret);
        }
      });

      it('keeps personal data encrypted at rest and masked for viewers who do not review it', async () => {
        const tables = [
          'orders',
          'order_drafts',
          'order_versions',
          'order_events',
          'inbox_messages',
          'mail_outbox',
        ];
        for (const table of tables) {
          const { rows } = await sql`select * from ${sql.table(table)}`.execute(database.db.kysely);
          const dump = JSON.stringify(rows);
          for (const secret of testCase.secrets) expect(dump, table).not.toContain(secret);
        }
        const asAdmin = await getOrder(kit.deps, { actor: actors.providerAdmin, orderId });
        expect(asAdmin.isPersonalDataMasked).toBe(true);
        expect(JSON.stringify(asAdmin.content)).not.toContain(testCase.secrets[0]);
        const asReviewer = await getOrder(kit.deps, { actor: reviewer, orderId });
        expect(asReviewer.isPersonalDataMasked).toBe(false);
        expect(asReviewer.contentSource).toBe('submitted');
        expect(JSON.stringify(asReviewer.content)).toContain(testCase.secrets[0]);
      });

      it('writes every step to a valid audit chain', async () => {
        const verification = await verifyAuditLog({ auditLog: createAuditLogRepository(database.db.kysely) });
        expect(verification.ok).toBe(true);
        const order = await getOrder(kit.deps, { actor: owner, orderId });
        expect(order.events.map((e) => e.type)).toEqual([
          'submitted',
          'provider_review_started',
          'returned_by_provider',
          'resubmitted',
          'provider_review_started',
          'approved_by_provider',
          'identity_verification_passed',
          'sent_to_authority',
          'sms_code_rejected',
          'sms_code_accepted',
          'approved_by_authority',
        ]);
      });
    });
  }
});
