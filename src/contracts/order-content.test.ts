import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ACTIVITIES } from '../domain/eligibility/profile.ts';
import { CONTENT_CATEGORY_IDS } from '../domain/order-content/content-categories.ts';
import {
  buildEnterpriseOrderContent,
  buildIndividualOrderContent,
} from '../domain/order-content/fixtures.ts';
import type * as domain from '../domain/order-content/order-content.ts';
import { APP_PLATFORMS, SERVICE_TYPES } from '../domain/order-content/order-content.ts';
import { validateOrderContent } from '../domain/order-content/validate-order-content.ts';
import { ORDER_TYPE_IDS } from '../domain/workflow/order-type.ts';
import { LIMITS } from './limits.ts';
import {
  type OrderContent,
  type OrderContentDraft,
  orderContentDraftSchema,
  orderContentSchema,
  orderContentValidationSchema,
  personSchema,
} from './order-content.ts';

describe('order content schemas', () => {
  it('describe exactly the domain’s draft shape', () => {
    expectTypeOf<OrderContentDraft>().toEqualTypeOf<domain.OrderContentDraft>();
    expectTypeOf<OrderContent>().toExtend<domain.OrderContentDraft>();
  });

  it.each([
    ['individual', buildIndividualOrderContent],
    ['enterprise', buildEnterpriseOrderContent],
  ] as const)('accept the %s fixture as a draft and as complete content', (_name, build) => {
    for (const provinceCode of ['11', '44']) {
      const content = build({ entity: { provinceCode } });
      expect(orderContentDraftSchema.safeParse(content).error).toBeUndefined();
      expect(orderContentSchema.safeParse(content).error).toBeUndefined();
    }
  });

  it('accept an empty draft and blank fields in a draft', () => {
    expect(orderContentDraftSchema.safeParse({}).success).toBe(true);
    expect(
      orderContentDraftSchema.safeParse({ entity: { name: '', leader: {} }, services: [{}] }).success,
    ).toBe(true);
  });

  it('refuse unknown keys, over-long values and too many services', () => {
    const paths = (input: unknown) =>
      orderContentDraftSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths({ entity: { leaderName: 'x' } })).toEqual(['entity']);
    expect(paths({ entity: { name: 'x'.repeat(LIMITS.entityName + 1) } })).toEqual(['entity.name']);
    expect(paths({ services: [{ type: 'blog' }] })).toEqual(['services.0.type']);
    expect(paths({ services: Array.from({ length: LIMITS.servicesPerOrder + 1 }, () => ({})) })).toEqual([
      'services',
    ]);
  });

  it('require the filing form’s fields in complete content', () => {
    const content = buildEnterpriseOrderContent({ entity: { leader: { mobile: undefined } }, services: [] });
    const paths = orderContentSchema.safeParse(content).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['entity.leader.mobile', 'services']);
    expect(personSchema.safeParse({}).success).toBe(false);
  });

  it('describe every field (for the OpenAPI document and the forms)', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      const properties = record.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (typeof child.description !== 'string' && typeof child.$ref !== 'string') {
          undescribed.push(`${path}.${key}`);
        }
        walk(child, `${path}.${key}`);
      }
      walk(record.items, `${path}[]`);
      for (const [name, def] of Object.entries((record.$defs as Record<string, unknown>) ?? {}))
        walk(def, name);
    };
    for (const schema of [orderContentDraftSchema, orderContentSchema]) {
      walk(z.toJSONSchema(schema, { io: 'input' }), '$');
    }
    expect(undescribed).toEqual([]);
  });
});

/** Draft-shaped values: mostly realistic, sometimes odd strings, any field may be missing. */
function draftArbitrary() {
  const text = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '',
      '11',
      '44',
      '1101',
      '110105',
      'enterprise',
      'individual',
      'resident_id',
      'passport',
      'business_licence',
      'hmt_residence_permit',
      '110105199003071234',
      '91110105MA01EXAM0X',
      'E12345678',
      'long_term',
      '2026-06-01',
      '13800138000',
      '010-12345678',
      'a@example.cn',
      'example.cn',
      'https://example.cn/',
      'news',
      'id_card_scans',
      'entity.leader',
      'services[0].admin',
      '106.14.10.20',
      '::1',
    ),
  );
  const person = fc.record(
    {
      name: text,
      certificateType: text,
      certificateNumber: text,
      certificateValidUntil: text,
      mobile: text,
      emergencyPhone: text,
      officePhone: text,
      email: text,
      isLegalRepresentative: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const service = fc.record(
    {
      type: fc.constantFrom(...SERVICE_TYPES),
      name: text,
      domain: text,
      homeUrl: text,
      contentCategory: fc.constantFrom(...CONTENT_CATEGORY_IDS),
      activities: fc.array(fc.constantFrom(...ACTIVITIES), { maxLength: 3 }),
      preApprovals: fc.array(
        fc.record({ id: text, approvalNumber: text, documentId: text }, { requiredKeys: [] }),
        { maxLength: 2 },
      ),
      noPreApprovalCommitment: fc.boolean(),
      admin: person,
      adminSameAsLeader: fc.boolean(),
      languages: fc.array(text, { maxLength: 2 }),
      remarks: text,
      platforms: fc.array(fc.constantFrom(...APP_PLATFORMS), { maxLength: 3 }),
      packageName: text,
      bundleId: text,
      signatureMd5: text,
      signatureSha1: text,
      publicKey: text,
      access: fc.record(
        { instanceId: text, serviceCode: text, ipAddresses: fc.array(text, { maxLength: 3 }), region: text },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );
  const entity = fc.record(
    {
      provinceCode: text,
      cityCode: text,
      countyCode: text,
      nature: text,
      certificateType: text,
      certificateNumber: text,
      name: text,
      certificateAddress: text,
      mailingAddress: text,
      investorOrAuthority: text,
      leader: person,
      remarks: text,
    },
    { requiredKeys: [] },
  );
  const attachment = fc.record(
    { kind: text.filter((s) => s !== ''), documentId: fc.constant('doc-1'), personRef: text },
    { requiredKeys: ['kind', 'documentId'] },
  );
  return fc.record(
    {
      entity,
      services: fc.array(service, { maxLength: 3 }),
      attachments: fc.array(attachment, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  );
}

describe('validateOrderContent on arbitrary drafts', () => {
  it('never throws on a draft the schema accepts, and reports only well-formed issues', () => {
    fc.assert(
      fc.property(
        draftArbitrary(),
        fc.constantFrom('save', 'submit'),
        fc.constantFrom(...ORDER_TYPE_IDS),
        (candidate, mode, orderType) => {
          const parsed = orderContentDraftSchema.safeParse(candidate);
          fc.pre(parsed.success);
          if (!parsed.success) return;
          const result = validateOrderContent(parsed.data, { mode, orderType, today: '2026-03-02' });
          expect(orderContentValidationSchema.safeParse(result).success).toBe(true);
          expect(result.valid).toBe(result.fieldErrors.length === 0);
          for (const found of [...result.fieldErrors, ...result.warnings]) {
            expect(found.path).toMatch(/^[A-Za-z]/);
            expect(found.source).toBeDefined();
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
