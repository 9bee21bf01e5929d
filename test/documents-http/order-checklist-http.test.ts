import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/app/accounts/create-organisation.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { systemClock } from '../../src/app/ports.ts';
import { buildIndividualOrderContent } from '../../src/domain/order-content/fixtures.ts';
import { makePngWithGps } from '../documents/fixtures.ts';
import type { ErrorBody } from '../server/test-app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildDocumentsTestApp,
  createDraftOrder,
  createSignedInUser,
  type DocumentsTestApp,
  type TestUser,
  upload,
} from './documents-test-kit.ts';

interface ChecklistBody {
  orderReference: string;
  contentSource: 'draft' | 'submitted';
  version: number;
  flags: string[];
  items: {
    key: string;
    document: { id: string; nameEn: string };
    required: boolean;
    personRef?: string;
    documentIds: string[];
    isPresent: boolean;
    sources: string[];
    ruleIds: string[];
  }[];
  missingRequired: number;
}

/** A Beijing individual who holds a passport (Beijing's sources say nothing against it: a warning only). */
const foreignContent = buildIndividualOrderContent({
  entity: {
    certificateType: 'passport',
    certificateNumber: 'E12345678',
    leader: { certificateType: 'passport', certificateNumber: 'E12345678' },
  },
});

describeEachDatabase('the order documents checklist over HTTP', (database) => {
  let test: DocumentsTestApp;
  let owner: TestUser;
  let otherApplicant: TestUser;
  let reviewer: TestUser;
  let providerAdmin: TestUser;
  let otherProviderReviewer: TestUser;
  let png: Buffer;

  beforeAll(async () => {
    test = await buildDocumentsTestApp(database.db, database.options.dataDir);
    const otherProvider = await createOrganisation(
      { transaction: test.accounts.transaction, clock: systemClock },
      {
        actorLabel: 'test',
        organisation: {
          kind: 'access_provider',
          nameEn: 'Other Cloud',
          nameZh: '其他云',
          provinceCode: null,
        },
      },
    );
    owner = await createSignedInUser(test, 'applicant');
    otherApplicant = await createSignedInUser(test, 'applicant');
    reviewer = await createSignedInUser(test, 'provider_reviewer', test.provider.id);
    providerAdmin = await createSignedInUser(test, 'provider_admin', test.provider.id);
    otherProviderReviewer = await createSignedInUser(test, 'provider_reviewer', otherProvider.id);
    png = await makePngWithGps();
  }, 120_000);
  afterAll(() => test?.app.close());

  const getChecklist = (reference: string, cookie?: string) =>
    test.app.inject({
      method: 'GET',
      url: `/api/orders/${reference}/checklist`,
      headers: cookie ? { cookie } : {},
    });

  async function readChecklist(reference: string, cookie: string): Promise<ChecklistBody> {
    const response = await getChecklist(reference, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ChecklistBody;
  }

  async function uploadKind(reference: string, kind: string): Promise<string> {
    const response = await upload(test, reference, {
      cookie: owner.cookie,
      kind,
      file: { content: png, name: `${kind}.png`, type: 'image/png' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return String((response.json() as { id: string }).id);
  }

  describe('a foreign individual’s draft, for its owner', () => {
    let order: { id: number; reference: string };

    beforeAll(async () => {
      order = await createDraftOrder(test, owner.actor, foreignContent);
    });

    it('asks for the passport of the filer and not for an ID card, with the rule’s sources', async () => {
      const checklist = await readChecklist(order.reference, owner.cookie);
      expect(checklist).toMatchObject({ orderReference: order.reference, contentSource: 'draft' });
      expect(checklist.flags).toContain('foreign_person');
      const kinds = checklist.items.map((item) => item.document.id);
      expect(kinds).not.toContain('id_card_scans');
      const passport = checklist.items.find((item) => item.document.id === 'passport_scan');
      expect(passport).toMatchObject({
        key: 'passport_scan:entity.leader',
        personRef: 'entity.leader',
        required: true,
        isPresent: false,
        documentIds: [],
        ruleIds: ['filing-passport'],
      });
      expect(passport?.sources.length).toBeGreaterThan(0);
      expect(checklist.missingRequired).toBe(checklist.items.filter((item) => item.required).length);
    });

    it('marks an item present once a document of its kind is uploaded', async () => {
      const id = await uploadKind(order.reference, 'passport_scan');
      const checklist = await readChecklist(order.reference, owner.cookie);
      const passport = checklist.items.find((item) => item.document.id === 'passport_scan');
      expect(passport).toMatchObject({ isPresent: true, documentIds: [id] });
      const others = checklist.items.filter((item) => item.document.id !== 'passport_scan');
      expect(others.every((item) => !item.isPresent)).toBe(true);
    });

    it('is hidden from everyone else while the order is a draft', async () => {
      for (const user of [otherApplicant, reviewer, otherProviderReviewer]) {
        const response = await getChecklist(order.reference, user.cookie);
        expect(response.statusCode, response.body).toBe(404);
        expect((response.json() as ErrorBody).error.code).toBe('not_found');
      }
      expect((await getChecklist(order.reference)).statusCode).toBe(401);
    });
  });

  describe('a submitted order, for its reviewers', () => {
    let order: { id: number; reference: string };

    beforeAll(async () => {
      order = await createDraftOrder(test, owner.actor, buildIndividualOrderContent());
      const draft = await readChecklist(order.reference, owner.cookie);
      expect(draft.flags).not.toContain('foreign_person');
      for (const item of draft.items) if (item.required) await uploadKind(order.reference, item.document.id);
      const submitted = await submitOrder(test.orders, { actor: owner.actor, orderId: order.id });
      expect(submitted.order.status).toBe('submitted');
    });

    it('shows the provider’s reviewer the submitted version with every required document present', async () => {
      const checklist = await readChecklist(order.reference, reviewer.cookie);
      expect(checklist.contentSource).toBe('submitted');
      expect(checklist.missingRequired).toBe(0);
      const idCard = checklist.items.find((item) => item.document.id === 'id_card_scans');
      expect(idCard).toMatchObject({ personRef: 'entity.leader', isPresent: true });
      expect(checklist.items.some((item) => item.document.id === 'passport_scan')).toBe(false);
    });

    it('refuses another provider (404) and the provider’s administrator (403)', async () => {
      const other = await getChecklist(order.reference, otherProviderReviewer.cookie);
      expect(other.statusCode, other.body).toBe(404);
      expect((other.json() as ErrorBody).error.code).toBe('not_found');
      const admin = await getChecklist(order.reference, providerAdmin.cookie);
      expect(admin.statusCode, admin.body).toBe(403);
      expect((admin.json() as ErrorBody).error.code).toBe('forbidden');
    });

    it('answers 404 for an order reference that does not exist and 400 for a malformed one', async () => {
      expect((await getChecklist('OB-2020-999999', reviewer.cookie)).statusCode).toBe(404);
      expect((await getChecklist('nonsense', reviewer.cookie)).statusCode).toBe(400);
    });
  });
});
