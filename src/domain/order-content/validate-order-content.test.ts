import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { OrderTypeId } from '../workflow/order-type.ts';
import {
  buildEnterpriseOrderContent,
  buildEnterpriseUscc,
  buildIndividualOrderContent,
  buildResidentId,
} from './fixtures.ts';
import type { AttachmentDraft, OrderContentDraft, PersonDraft, ServiceDraft } from './order-content.ts';
import {
  type OrderContentValidation,
  type ValidateOrderContentOptions,
  validateOrderContent,
} from './validate-order-content.ts';

const TODAY = '2026-03-02';

function submit(
  content: OrderContentDraft,
  options: Partial<ValidateOrderContentOptions> = {},
): OrderContentValidation {
  return validateOrderContent(content, {
    mode: 'submit',
    orderType: 'first_filing',
    today: TODAY,
    ...options,
  });
}

function save(content: OrderContentDraft, options: Partial<ValidateOrderContentOptions> = {}) {
  return validateOrderContent(content, { mode: 'save', orderType: 'first_filing', today: TODAY, ...options });
}

const found = (issues: { code: string; path: string }[]) => issues.map(({ code, path }) => ({ code, path }));

function getService(content: OrderContentDraft, index: number): ServiceDraft {
  const service = content.services?.[index];
  if (!service) throw new Error(`No service ${index}`);
  return service;
}

function getLeader(content: OrderContentDraft): PersonDraft {
  const leader = content.entity?.leader;
  if (!leader) throw new Error('No leader');
  return leader;
}

/** The fixture's attachments plus more (for documents a rule's situation adds to the checklist). */
function withAttachments(content: OrderContentDraft, ...kinds: string[]): AttachmentDraft[] {
  return [...(content.attachments ?? []), ...kinds.map((kind) => ({ kind, documentId: `extra-${kind}` }))];
}

/** Every issue cites a source the catalogue knows. */
function expectSourced(result: OrderContentValidation): void {
  for (const found of [...result.fieldErrors, ...result.warnings]) {
    expect(found.source, `${found.code} at ${found.path}`).toBeDefined();
    expect(defaultCatalogue.index.sourceById.has(found.source ?? ''), `${found.source}`).toBe(true);
    expect(found.message.en).not.toBe('');
    expect(found.message.zh).not.toBe('');
  }
}

const ind = buildIndividualOrderContent;
const ent = buildEnterpriseOrderContent;
/** Index of an attachment appended to the enterprise fixture's. */
const NEXT_ATTACHMENT = ent().attachments?.length ?? 0;

const appService: ServiceDraft = {
  type: 'app',
  name: '示例科技',
  contentCategory: 'organisation_portal',
  noPreApprovalCommitment: true,
  adminSameAsLeader: true,
  platforms: ['android', 'ios'],
  packageName: 'cn.exampletech.app',
  bundleId: 'cn.exampletech.app',
  signatureMd5: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  signatureSha1: '0123456789abcdef0123456789abcdef01234567',
  publicKey: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAexamplekey',
  access: { ipAddresses: ['2400:3200::1'] },
};

describe('fixtures', () => {
  it.each([
    ['individual', 'Beijing', ind, '11'],
    ['individual', 'Guangdong', ind, '44'],
    ['enterprise', 'Beijing', ent, '11'],
    ['enterprise', 'Guangdong', ent, '44'],
  ] as const)(
    'a complete %s filing in %s passes submit with no warnings',
    (_kind, _province, build, code) => {
      const result = submit(build({ entity: { provinceCode: code } }));
      expect(found(result.fieldErrors)).toEqual([]);
      expect(found(result.warnings)).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.checklist.filter((item) => item.required).map((item) => item.document.id)).toContain(
        'verification_form',
      );
    },
  );

  it('generates valid numbers for the chosen province', () => {
    const content = ent({ entity: { provinceCode: '44' } });
    expect(content.entity?.certificateNumber?.slice(0, 8)).toBe('91440305');
    expect(getLeader(content).certificateNumber?.slice(0, 6)).toBe('440305');
  });

  it('merges overrides deeply and removes keys set to undefined', () => {
    const content = ent({ entity: { leader: { officePhone: undefined } }, services: [{ name: '示例官网' }] });
    expect(getLeader(content)).not.toHaveProperty('officePhone');
    expect(getLeader(content).mobile).toBe('13800138000');
    expect(getService(content, 0).name).toBe('示例官网');
    expect(getService(content, 0).domain).toBe('example-tech.cn');
  });

  it('accepts an app next to the website', () => {
    const content = ent();
    content.services?.push(appService);
    expect(found(submit(content).fieldErrors)).toEqual([]);
  });
});

interface RuleCase {
  name: string;
  content: () => OrderContentDraft;
  options?: Partial<ValidateOrderContentOptions>;
  /** The one error (or none) and the warnings expected. */
  error?: { code: string; path: string; params?: Record<string, unknown> };
  warnings?: { code: string; path: string }[];
  /** Format rules also fire when saving; submit rules only on submission. */
  phase: 'format' | 'submit';
}

function edit(content: OrderContentDraft, change: (content: OrderContentDraft) => void): OrderContentDraft {
  change(content);
  return content;
}

const ruleCases: RuleCase[] = [
  // Formats of the fields present
  {
    name: 'resident ID check digit',
    content: () =>
      edit(ent(), (c) => {
        const admin = getService(c, 0).admin ?? {};
        const number = admin.certificateNumber ?? '';
        admin.certificateNumber = `${number.slice(0, 17)}${number.endsWith('0') ? '1' : '0'}`;
      }),
    error: { code: 'check_digit_mismatch', path: 'services[0].admin.certificateNumber' },
    phase: 'format',
  },
  {
    name: 'USCC check character',
    content: () =>
      edit(ent(), (c) => {
        const uscc = c.entity?.certificateNumber ?? '';
        if (c.entity) c.entity.certificateNumber = `${uscc.slice(0, 17)}${uscc.endsWith('1') ? '2' : '1'}`;
      }),
    error: { code: 'check_digit_mismatch', path: 'entity.certificateNumber' },
    phase: 'format',
  },
  {
    name: 'passport format',
    content: () =>
      edit(ent({ services: [{ admin: { certificateType: 'passport', certificateNumber: 'X1' } }] }), (c) => {
        c.attachments = withAttachments(c, 'passport_scan');
      }),
    error: { code: 'invalid_format', path: 'services[0].admin.certificateNumber' },
    phase: 'format',
  },
  {
    name: 'ID number of a residence permit under the resident ID type',
    content: () =>
      edit(
        ent({
          services: [{ admin: { certificateNumber: buildResidentId('810000', '1988-06-12', '246') } }],
        }),
        (c) => {
          c.attachments = withAttachments(c, 'hk_macao_permit_scan');
        },
      ),
    error: { code: 'certificate_type_mismatch', path: 'services[0].admin.certificateNumber' },
    phase: 'format',
  },
  {
    name: 'unknown personal certificate type',
    content: () => ent({ services: [{ admin: { certificateType: 'driving_licence' } }] }),
    error: { code: 'unknown_certificate_type', path: 'services[0].admin.certificateType' },
    phase: 'format',
  },
  {
    name: 'organisation certificate for a person',
    content: () => ent({ services: [{ admin: { certificateType: 'business_licence' } }] }),
    error: { code: 'certificate_type_not_for_person', path: 'services[0].admin.certificateType' },
    phase: 'format',
  },
  {
    name: 'mobile number',
    content: () => ent({ entity: { leader: { mobile: '1380013800' } } }),
    error: { code: 'invalid_mobile', path: 'entity.leader.mobile' },
    phase: 'format',
  },
  {
    name: 'office phone without area code',
    content: () => ent({ entity: { leader: { officePhone: '62345678' } } }),
    error: { code: 'missing_area_code', path: 'entity.leader.officePhone' },
    phase: 'format',
  },
  {
    name: 'emergency phone neither mobile nor landline',
    content: () => ent({ entity: { leader: { emergencyPhone: 'call me' } } }),
    error: { code: 'invalid_phone', path: 'entity.leader.emergencyPhone' },
    phase: 'format',
  },
  {
    name: 'e-mail address',
    content: () => ent({ services: [{ admin: { email: 'chenjing.example-tech.cn' } }] }),
    error: { code: 'invalid_email', path: 'services[0].admin.email' },
    phase: 'format',
  },
  {
    name: 'certificate validity date',
    content: () => ent({ services: [{ admin: { certificateValidUntil: '2030/13/01' } }] }),
    error: { code: 'invalid_date', path: 'services[0].admin.certificateValidUntil' },
    phase: 'format',
  },
  {
    name: 'unknown province',
    content: () =>
      edit(ind(), (c) => {
        if (c.entity) c.entity.provinceCode = '99';
      }),
    error: { code: 'unknown_province', path: 'entity.provinceCode' },
    phase: 'format',
  },
  {
    name: 'city outside the province',
    content: () => ind({ entity: { cityCode: '4403' } }),
    error: { code: 'region_not_in_province', path: 'entity.cityCode' },
    phase: 'format',
  },
  {
    name: 'county outside the city',
    content: () => ind({ entity: { countyCode: '120101' } }),
    error: { code: 'region_not_in_city', path: 'entity.countyCode' },
    phase: 'format',
  },
  {
    name: 'unknown entity nature',
    content: () =>
      edit(ent(), (c) => {
        if (c.entity) c.entity.nature = 'company';
      }),
    error: { code: 'unknown_entity_nature', path: 'entity.nature' },
    phase: 'format',
  },
  {
    name: 'domain suffix not fileable',
    content: () => ent({ services: [{ domain: 'example-tech.io', homeUrl: 'https://example-tech.io/' }] }),
    error: { code: 'tld_not_fileable', path: 'services[0].domain' },
    phase: 'format',
  },
  {
    name: 'one domain per website',
    content: () => ent({ services: [{ domain: 'example-tech.cn, example-tech.com.cn' }] }),
    error: { code: 'one_domain_per_website', path: 'services[0].domain' },
    phase: 'format',
  },
  {
    name: 'personal site name with a banned word',
    content: () => ind({ services: [{ name: '王小明的个人网站' }] }),
    error: { code: 'individual_banned_word', path: 'services[0].name' },
    phase: 'format',
  },
  {
    name: 'home-page URL',
    content: () => ent({ services: [{ homeUrl: 'www example-tech cn' }] }),
    error: { code: 'invalid_url', path: 'services[0].homeUrl' },
    phase: 'format',
  },
  {
    name: 'IP address',
    content: () => ent({ services: [{ access: { ipAddresses: ['300.1.1.1'] } }] }),
    error: { code: 'invalid_ip_address', path: 'services[0].access.ipAddresses[0]' },
    phase: 'format',
  },
  {
    name: 'private IP address',
    content: () => ent({ services: [{ access: { ipAddresses: ['192.168.1.10'] } }] }),
    error: { code: 'ip_address_not_public', path: 'services[0].access.ipAddresses[0]' },
    phase: 'format',
  },
  {
    name: 'language tag',
    content: () => ent({ services: [{ languages: ['chinese!'] }] }),
    error: { code: 'invalid_language_tag', path: 'services[0].languages[0]' },
    phase: 'format',
  },
  {
    name: 'app package name',
    content: () => edit(ent(), (c) => c.services?.push({ ...appService, packageName: '1app' })),
    error: { code: 'invalid_package_name', path: 'services[1].packageName' },
    phase: 'format',
  },
  {
    name: 'app MD5 fingerprint',
    content: () => edit(ent(), (c) => c.services?.push({ ...appService, signatureMd5: 'abc' })),
    error: { code: 'invalid_signature_md5', path: 'services[1].signatureMd5' },
    phase: 'format',
  },
  {
    name: 'unknown pre-approval type',
    content: () =>
      edit(
        ent({
          services: [
            { preApprovals: [{ id: 'weapons', approvalNumber: 'A-1' }], noPreApprovalCommitment: undefined },
          ],
        }),
        (c) => {
          c.attachments = withAttachments(c, 'pre_approval_permit');
        },
      ),
    error: { code: 'unknown_pre_approval', path: 'services[0].preApprovals[0].id' },
    phase: 'format',
  },
  {
    name: 'unknown document kind',
    content: () =>
      edit(ent(), (c) => {
        c.attachments = withAttachments(c, 'selfie');
      }),
    error: { code: 'unknown_document_kind', path: `attachments[${NEXT_ATTACHMENT}].kind` },
    phase: 'format',
  },
  {
    name: 'person reference',
    content: () =>
      edit(ent(), (c) => {
        c.attachments = [
          ...(c.attachments ?? []),
          { kind: 'id_card_scans', documentId: 'x', personRef: 'services[3].admin' },
        ];
      }),
    error: { code: 'invalid_person_ref', path: `attachments[${NEXT_ATTACHMENT}].personRef` },
    phase: 'format',
  },

  // Completeness
  {
    name: 'a missing field',
    content: () => ent({ entity: { leader: { email: undefined } } }),
    error: { code: 'required', path: 'entity.leader.email', params: { field: 'email' } },
    phase: 'submit',
  },
  {
    name: "an organisation leader's legal-representative answer",
    content: () => ent({ entity: { leader: { isLegalRepresentative: undefined } } }),
    error: { code: 'required', path: 'entity.leader.isLegalRepresentative' },
    phase: 'submit',
  },
  {
    name: 'no service',
    content: () => ind({ services: [] }),
    error: { code: 'required', path: 'services' },
    phase: 'submit',
  },
  {
    name: "a website's domain",
    content: () => ind({ services: [{ domain: undefined }] }),
    error: { code: 'required', path: 'services[0].domain' },
    phase: 'submit',
  },
  {
    name: 'the service admin',
    content: () => ind({ services: [{ adminSameAsLeader: undefined }] }),
    error: { code: 'required', path: 'services[0].admin' },
    phase: 'submit',
  },
  {
    name: 'both an admin and "same as leader"',
    content: () => ent({ services: [{ adminSameAsLeader: true }] }),
    error: { code: 'admin_conflicts_with_same_as_leader', path: 'services[0].adminSameAsLeader' },
    phase: 'submit',
  },
  {
    name: 'the access IPs',
    content: () => ent({ services: [{ access: undefined }] }),
    error: { code: 'required', path: 'services[0].access.ipAddresses' },
    phase: 'submit',
  },
  {
    name: "an iOS app's bundle id",
    content: () => edit(ent(), (c) => c.services?.push({ ...appService, bundleId: undefined })),
    error: { code: 'required', path: 'services[1].bundleId' },
    phase: 'submit',
  },

  // Nature, certificate and province consistency
  {
    name: 'certificate type not used by the nature',
    content: () => ent({ entity: { certificateType: 'uscc_certificate' } }),
    error: { code: 'certificate_type_not_for_nature', path: 'entity.certificateType' },
    phase: 'submit',
  },
  {
    name: 'organisation registered in another province',
    content: () => ent({ entity: { certificateNumber: buildEnterpriseUscc('440305') } }),
    error: { code: 'certificate_province_mismatch', path: 'entity.certificateNumber' },
    phase: 'submit',
  },
  {
    name: "individual leader is not the entity's person",
    content: () => ind({ entity: { leader: { name: '王大明' } } }),
    error: { code: 'individual_leader_mismatch', path: 'entity.leader.name' },
    phase: 'submit',
  },
  {
    name: 'non-local ID card where only local ones are accepted (Henan)',
    content: () => {
      const id = buildResidentId('110105', '1990-03-07', '123');
      return ind({
        entity: { provinceCode: '41', certificateNumber: id, leader: { certificateNumber: id } },
      });
    },
    error: { code: 'individual_not_local', path: 'entity.certificateNumber' },
    phase: 'submit',
  },
  {
    name: 'non-local ID card without proof of residence (Guangdong)',
    content: () => {
      const id = buildResidentId('110105', '1990-03-07', '123');
      return ind({
        entity: { provinceCode: '44', certificateNumber: id, leader: { certificateNumber: id } },
      });
    },
    error: {
      code: 'residence_proof_required',
      path: 'attachments',
      params: { kinds: 'residence_permit,lease_or_work_proof' },
    },
    phase: 'submit',
  },
  {
    name: 'non-local ID card without residence permit (Shanghai)',
    content: () => {
      const id = buildResidentId('110105', '1990-03-07', '123');
      return ind({
        entity: { provinceCode: '31', certificateNumber: id, leader: { certificateNumber: id } },
      });
    },
    error: { code: 'document_missing', path: 'attachments', params: { kind: 'residence_permit' } },
    phase: 'submit',
  },
  {
    name: 'foreign individual where foreigners are refused (Hebei)',
    content: () =>
      edit(
        ind({
          entity: {
            provinceCode: '13',
            certificateType: 'passport',
            certificateNumber: 'E12345678',
            leader: { certificateType: 'passport', certificateNumber: 'E12345678' },
          },
        }),
        (c) => {
          c.attachments = [
            ...(c.attachments ?? []).filter((a) => a.kind !== 'id_card_scans'),
            { kind: 'passport_scan', documentId: 'p' },
          ];
        },
      ),
    error: { code: 'foreign_individual_not_accepted', path: 'entity.certificateNumber' },
    phase: 'submit',
  },
  {
    name: 'under the minimum age (Beijing)',
    content: () => {
      const id = buildResidentId('110105', '2010-01-01', '123');
      return ind({ entity: { certificateNumber: id, leader: { certificateNumber: id } } });
    },
    error: {
      code: 'under_minimum_age',
      path: 'entity.leader.certificateNumber',
      params: { age: 16, minimumAge: 18 },
    },
    phase: 'submit',
  },
  {
    name: 'expired certificate',
    content: () => ent({ services: [{ admin: { certificateValidUntil: '2026-01-01' } }] }),
    error: { code: 'certificate_expired', path: 'services[0].admin.certificateValidUntil' },
    phase: 'submit',
  },
  {
    name: 'certificate valid for 3 months or less',
    content: () => ent({ services: [{ admin: { certificateValidUntil: '2026-06-02' } }] }),
    error: {
      code: 'certificate_validity_too_short',
      path: 'services[0].admin.certificateValidUntil',
      params: { minimumValidUntil: '2026-06-02' },
    },
    phase: 'submit',
  },
  {
    name: 'organisation leader not the legal representative (Beijing)',
    content: () => ent({ entity: { leader: { isLegalRepresentative: false } } }),
    error: { code: 'leader_must_be_legal_representative', path: 'entity.leader.isLegalRepresentative' },
    phase: 'submit',
  },
  {
    name: 'authorised leader without the letter (Shanxi)',
    content: () =>
      edit(
        ent({
          entity: { provinceCode: '14', leader: { isLegalRepresentative: false } },
          services: [{ admin: undefined, adminSameAsLeader: true }],
        }),
        (c) => {
          c.attachments = (c.attachments ?? []).filter(
            (a) => a.kind !== 'authorisation_letter' && a.personRef !== 'services[0].admin',
          );
        },
      ),
    error: { code: 'document_missing', path: 'attachments', params: { kind: 'authorisation_letter' } },
    phase: 'submit',
  },

  // Contacts (reference §4.4)
  {
    name: "admin gives the leader's mobile",
    content: () => ent({ services: [{ admin: { mobile: '13800138000' } }] }),
    error: { code: 'mobile_shared_with_other_person', path: 'services[0].admin.mobile' },
    phase: 'submit',
  },
  {
    name: "admin gives the leader's e-mail",
    content: () => ent({ services: [{ admin: { email: 'LiJianGuo@example-tech.cn' } }] }),
    error: { code: 'email_shared_with_other_person', path: 'services[0].admin.email' },
    phase: 'submit',
  },
  {
    name: 'emergency phone is the own mobile',
    content: () => ent({ entity: { leader: { emergencyPhone: '+86 138 0013 8000' } } }),
    error: { code: 'emergency_phone_same_as_mobile', path: 'entity.leader.emergencyPhone' },
    phase: 'submit',
  },
  {
    name: "emergency phone is the leader's mobile",
    content: () => ent({ services: [{ admin: { emergencyPhone: '13800138000' } }] }),
    error: { code: 'emergency_phone_is_contact_mobile', path: 'services[0].admin.emergencyPhone' },
    phase: 'submit',
  },
  {
    name: 'the same person with two mobiles',
    content: () =>
      edit(ent(), (c) => {
        getService(c, 0).admin = { ...getLeader(c), mobile: '13900139000' };
      }),
    error: { code: 'person_contact_inconsistent', path: 'services[0].admin.mobile' },
    phase: 'submit',
  },

  // Services
  {
    name: 'personal filing with an organisation category',
    content: () => ind({ services: [{ contentCategory: 'organisation_portal' }] }),
    error: { code: 'individual_content_category_not_allowed', path: 'services[0].contentCategory' },
    phase: 'submit',
  },
  {
    name: 'personal filing with commercial activities',
    content: () => ind({ services: [{ activities: ['online_sales'] }] }),
    error: { code: 'individual_activity_not_allowed', path: 'services[0].activities' },
    phase: 'submit',
  },
  {
    name: 'personal filing with a pre-approval',
    content: () =>
      ind({
        services: [
          { preApprovals: [{ id: 'news', approvalNumber: 'A-1' }], noPreApprovalCommitment: undefined },
        ],
      }),
    error: { code: 'individual_pre_approval_not_allowed', path: 'services[0].preApprovals' },
    phase: 'submit',
  },
  {
    name: 'news without its pre-approval',
    content: () =>
      edit(ent({ services: [{ contentCategory: 'news' }] }), (c) => {
        c.attachments = withAttachments(c, 'pre_approval_permit');
      }),
    error: {
      code: 'pre_approval_missing',
      path: 'services[0].preApprovals',
      params: { preApproval: 'news' },
    },
    phase: 'submit',
  },
  {
    name: 'education in a province that kept its pre-approval (Zhejiang)',
    content: () =>
      edit(ent({ entity: { provinceCode: '33' }, services: [{ contentCategory: 'education' }] }), (c) => {
        c.attachments = withAttachments(c, 'pre_approval_permit');
      }),
    error: {
      code: 'pre_approval_missing',
      path: 'services[0].preApprovals',
      params: { preApproval: 'education' },
    },
    phase: 'submit',
  },
  {
    name: 'pre-approvals and the no-pre-approval commitment',
    content: () =>
      edit(
        ent({
          services: [
            { contentCategory: 'news', preApprovals: [{ id: 'news', approvalNumber: '11020230001' }] },
          ],
        }),
        (c) => {
          c.attachments = withAttachments(c, 'pre_approval_permit');
        },
      ),
    error: { code: 'pre_approval_conflicts_with_commitment', path: 'services[0].noPreApprovalCommitment' },
    phase: 'submit',
  },
  {
    name: 'no answer on pre-approvals',
    content: () => ent({ services: [{ noPreApprovalCommitment: undefined }] }),
    error: { code: 'pre_approval_answer_required', path: 'services[0].noPreApprovalCommitment' },
    phase: 'submit',
  },
  {
    name: 'home page on another domain',
    content: () => ent({ services: [{ homeUrl: 'https://other-site.cn/' }] }),
    error: { code: 'home_url_outside_domain', path: 'services[0].homeUrl' },
    phase: 'submit',
  },
  {
    name: 'the same domain twice',
    content: () =>
      edit(ent(), (c) =>
        c.services?.push({ ...getService(c, 0), name: '示例科技商城', domain: 'www.example-tech.cn' }),
      ),
    error: { code: 'duplicate_domain', path: 'services[1].domain' },
    phase: 'submit',
  },
  {
    name: 'more websites than the province takes per order (Henan)',
    content: () =>
      edit(ent({ entity: { provinceCode: '41' } }), (c) =>
        c.services?.push({
          ...getService(c, 0),
          name: '示例科技商城',
          domain: 'example-tech.com.cn',
          homeUrl: 'https://example-tech.com.cn/',
        }),
      ),
    error: { code: 'too_many_sites_per_order', path: 'services', params: { max: 1, count: 2 } },
    phase: 'submit',
  },

  // Documents
  {
    name: 'a required document not uploaded',
    content: () =>
      edit(ent(), (c) => {
        c.attachments = (c.attachments ?? []).filter((a) => a.kind !== 'business_licence_scan');
      }),
    error: { code: 'document_missing', path: 'attachments', params: { kind: 'business_licence_scan' } },
    phase: 'submit',
  },
  {
    name: 'uploaded kinds from the document store, not the content',
    content: () => ent(),
    options: {
      uploadedDocumentKinds: [
        'business_licence_scan',
        'id_card_scans',
        'verification_form',
        'commitment_letter',
        'authorisation_letter',
      ],
    },
    error: { code: 'document_missing', path: 'attachments', params: { kind: 'verification_photo' } },
    phase: 'submit',
  },
  {
    name: 'a flag known outside the content',
    content: () => ent(),
    options: { flags: ['domain_held_by_manager'] },
    error: { code: 'document_missing', path: 'attachments', params: { kind: 'domain_registrant_proof' } },
    phase: 'submit',
  },
];

describe('validateOrderContent rules', () => {
  it.each(ruleCases)('$name', ({ content, options, error, warnings }) => {
    const result = submit(content(), options);
    expect(found(result.fieldErrors)).toEqual(error ? [{ code: error.code, path: error.path }] : []);
    if (error?.params) expect(result.fieldErrors[0]?.params).toMatchObject(error.params);
    expect(found(result.warnings)).toEqual(warnings ?? []);
    expect(result.valid).toBe(error === undefined);
    expectSourced(result);
  });

  it.each(ruleCases.filter((c) => c.phase === 'format'))('save mode reports $name', ({ content, error }) => {
    expect(found(save(content()).fieldErrors)).toEqual(error ? [{ code: error.code, path: error.path }] : []);
  });

  it.each(ruleCases.filter((c) => c.phase === 'submit'))('save mode does not report $name', ({ content }) => {
    expect(found(save(content()).fieldErrors)).toEqual([]);
  });
});

describe('warnings', () => {
  it.each<[string, () => OrderContentDraft, { code: string; path: string }[]]>([
    [
      'USCC class of an enterprise chosen as a government agency',
      () =>
        edit(ent({ entity: { nature: 'government', certificateType: 'uscc_certificate' } }), (c) => {
          c.attachments = withAttachments(c, 'organisation_certificate_scan');
        }),
      [{ code: 'certificate_nature_mismatch', path: 'entity.certificateNumber' }],
    ],
    [
      'ID card from another province where the sources say nothing (Beijing)',
      () => {
        const id = buildResidentId('440305', '1990-03-07', '123');
        return ind({ entity: { certificateNumber: id, leader: { certificateNumber: id } } });
      },
      [{ code: 'individual_residency_unconfirmed', path: 'entity.certificateNumber' }],
    ],
    [
      'a foreign individual where the sources say nothing (Beijing)',
      () =>
        edit(
          ind({
            entity: {
              certificateType: 'passport',
              certificateNumber: 'E12345678',
              leader: { certificateType: 'passport', certificateNumber: 'E12345678' },
            },
          }),
          (c) => {
            c.attachments = withAttachments(c, 'passport_scan');
          },
        ),
      [{ code: 'foreign_individual_unconfirmed', path: 'entity.certificateNumber' }],
    ],
    [
      'a 16-year-old where proof of employment is accepted (Guangdong)',
      () => {
        const id = buildResidentId('440305', '2010-01-01', '123');
        return edit(
          ind({ entity: { provinceCode: '44', certificateNumber: id, leader: { certificateNumber: id } } }),
          (c) => {
            c.attachments = withAttachments(c, 'employment_proof');
          },
        );
      },
      [{ code: 'minimum_age_with_proof', path: 'entity.leader.certificateNumber' }],
    ],
    [
      'local mobiles required (Tianjin), one warning per person',
      () => ent({ entity: { provinceCode: '12' } }),
      [
        { code: 'local_mobile_required', path: 'entity.leader.mobile' },
        { code: 'local_mobile_required', path: 'services[0].admin.mobile' },
      ],
    ],
  ])('%s', (_name, content, warnings) => {
    const result = submit(content());
    expect(found(result.fieldErrors)).toEqual([]);
    expect(found(result.warnings)).toEqual(warnings);
    expect(result.valid).toBe(true);
    expectSourced(result);
  });

  it('cites every source of the local-mobile rule', () => {
    const [warning] = submit(ind({ entity: { provinceCode: '12' } })).warnings;
    expect(warning?.params?.sources).toBe('ref-7-jd,ref-7-huawei,ref-4-people');
  });
});

describe('rules that pass', () => {
  it.each<[string, () => OrderContentDraft]>([
    [
      'non-local ID card with a lease contract (Guangdong)',
      () => {
        const id = buildResidentId('110105', '1990-03-07', '123');
        return edit(
          ind({ entity: { provinceCode: '44', certificateNumber: id, leader: { certificateNumber: id } } }),
          (c) => {
            c.attachments = withAttachments(c, 'lease_or_work_proof');
          },
        );
      },
    ],
    [
      'certificate valid just over 3 months',
      () => ent({ services: [{ admin: { certificateValidUntil: '2026-06-03' } }] }),
    ],
    ['emergency landline', () => ent({ entity: { leader: { emergencyPhone: '010-87654321' } } })],
    [
      'news with its pre-approval',
      () =>
        edit(
          ent({
            services: [
              {
                contentCategory: 'news',
                preApprovals: [{ id: 'news', approvalNumber: '11020230001' }],
                noPreApprovalCommitment: undefined,
              },
            ],
          }),
          (c) => {
            c.attachments = withAttachments(c, 'pre_approval_permit');
          },
        ),
    ],
    [
      'education where the pre-approval was abolished (Beijing)',
      () => ent({ services: [{ contentCategory: 'education' }] }),
    ],
    [
      'authorised leader with the letter (Shanxi)',
      () =>
        ent({
          entity: { provinceCode: '14', leader: { isLegalRepresentative: false } },
          services: [{ admin: undefined, adminSameAsLeader: true }],
        }),
    ],
    [
      'admin who is the leader, entered twice with the same contacts',
      () =>
        edit(ent(), (c) => {
          getService(c, 0).admin = { ...getLeader(c) };
        }),
    ],
  ])('%s', (_name, content) => {
    const result = submit(content());
    expect(found(result.fieldErrors)).toEqual([]);
    expect(found(result.warnings)).toEqual([]);
  });
});

describe('order types', () => {
  const identity = (content: OrderContentDraft): OrderContentDraft => {
    const { provinceCode, nature, certificateType, certificateNumber, name, leader } = content.entity ?? {};
    return { entity: { provinceCode, nature, certificateType, certificateNumber, name, leader } };
  };

  it.each<[OrderTypeId, () => OrderContentDraft]>([
    ['cancel_entity', () => identity(ent())],
    [
      'cancel_service',
      () => ({
        ...identity(ind()),
        services: [{ type: 'website', domain: 'wang-notes.cn', adminSameAsLeader: true }],
      }),
    ],
    [
      'cancel_access',
      () => ({ ...identity(ind()), services: [{ type: 'website', domain: 'wang-notes.cn' }] }),
    ],
  ])('%s needs only what identifies the records, and no documents', (orderType, content) => {
    const result = submit(content(), { orderType });
    expect(found(result.fieldErrors)).toEqual([]);
    expect(result.checklist).toEqual([]);
  });

  it('cancelling the entity needs the leader, who receives the SMS', () => {
    const content = identity(ent());
    if (content.entity) content.entity.leader = undefined;
    expect(found(submit(content, { orderType: 'cancel_entity' }).fieldErrors)).toEqual([
      { code: 'required', path: 'entity.leader' },
    ]);
  });

  it('cancelling a service needs its admin', () => {
    const content = { ...identity(ind()), services: [{ type: 'website' as const, domain: 'wang-notes.cn' }] };
    expect(found(submit(content, { orderType: 'cancel_service' }).fieldErrors)).toEqual([
      { code: 'required', path: 'services[0].admin' },
    ]);
  });

  it('an added service of a filed entity in Hunan asks for the site plan', () => {
    const result = submit(ind({ entity: { provinceCode: '43' } }), { orderType: 'add_service' });
    expect(found(result.fieldErrors)).toEqual([{ code: 'document_missing', path: 'attachments' }]);
    expect(result.fieldErrors[0]?.params).toEqual({ kind: 'site_plan' });
  });
});

describe('save mode', () => {
  const halfFilled: OrderContentDraft = {
    entity: {
      provinceCode: '11',
      nature: 'enterprise',
      certificateType: 'business_licence',
      certificateNumber: '91110105MA01EXAM00',
      name: '',
      leader: { name: '李建国', mobile: '1380013800', email: '' },
    },
    services: [{ type: 'website', domain: 'example-tech.io' }, {}],
  };

  it('reports only the format errors of the fields present', () => {
    const result = save(halfFilled);
    expect(found(result.fieldErrors)).toEqual([
      { code: 'check_digit_mismatch', path: 'entity.certificateNumber' },
      { code: 'invalid_mobile', path: 'entity.leader.mobile' },
      { code: 'tld_not_fileable', path: 'services[0].domain' },
    ]);
    expect(result.valid).toBe(false);
    expect(result.checklist.map((item) => item.document.id)).toContain('business_licence_scan');
  });

  it('accepts an empty draft', () => {
    expect(save({})).toEqual({ valid: true, fieldErrors: [], warnings: [], checklist: [] });
  });

  it('passes the complete fixtures', () => {
    expect(save(ent()).valid).toBe(true);
    expect(save(ind()).valid).toBe(true);
  });

  it('the same draft on submission also lists what is missing', () => {
    const codes = submit(halfFilled).fieldErrors.map((e) => `${e.code}@${e.path}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'check_digit_mismatch@entity.certificateNumber',
        'required@entity.name',
        'required@entity.leader.certificateNumber',
        'required@entity.leader.email',
        'required@services[1].type',
        'document_missing@attachments',
      ]),
    );
  });
});

describe('options', () => {
  it('refuses a malformed today (a caller bug)', () => {
    expect(() => submit(ent(), { today: '2026-02-30' })).toThrow(RangeError);
  });
});
