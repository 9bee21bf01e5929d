import { z } from 'zod';
import { documentKindSchema } from '../domain/catalogue/schema.ts';
import { ACTIVITIES } from '../domain/eligibility/profile.ts';
import { CONTENT_CATEGORY_IDS } from '../domain/order-content/content-categories.ts';
import { APP_PLATFORMS, LONG_TERM_VALIDITY, SERVICE_TYPES } from '../domain/order-content/order-content.ts';
import { LIMITS } from './limits.ts';

/**
 * Wire schemas of an order's content — what the applicant fills in (reference §4.3) — shared by the
 * server, the web forms and the CLI. Two forms of one shape: a draft, where every field may be missing
 * (a draft is saved half-filled), and a complete filing. The schemas check structure and bounds only:
 * formats and rules (ID check digits, site names, province rules, documents) are the domain's
 * `validateOrderContent`, which answers with field-level errors instead of a bare 400. The draft type
 * equals the domain's `OrderContentDraft` (src/domain/order-content/order-content.ts); a type test
 * keeps them in step. Unknown keys are rejected, so a misspelt field is not silently dropped.
 */

const DESCRIPTIONS = {
  personName: 'Full name exactly as on the certificate.',
  personCertificateType:
    'Certificate type id of a personal certificate (GET /api/catalogue: certificateTypes with holder "person"), e.g. resident_id, passport.',
  personCertificateNumber: 'Number of the personal certificate, e.g. an 18-character resident ID number.',
  certificateValidUntil: `Last day the certificate is valid, YYYY-MM-DD, or "${LONG_TERM_VALIDITY}" for a certificate valid without end (长期). Must be more than 3 months away when submitting.`,
  mobile: 'Mainland China mobile number (11 digits, optional +86); it receives the MIIT SMS check.',
  emergencyPhone:
    "Emergency contact: a mainland mobile or a landline with area code; not the person's own mobile nor another contact's.",
  officePhone: 'Office landline with area code, e.g. 010-12345678.',
  email: 'E-mail address of the person.',
  isLegalRepresentative:
    "Whether the person is the organisation's legal representative (法定代表人). Required for an organisation's entity leader.",
  provinceCode:
    'Two-digit GB/T 2260 code of the filing province (11 Beijing, 44 Guangdong …); organisations file in the province of their certificate.',
  cityCode: 'Four-digit GB/T 2260 city code inside the province, e.g. 1101.',
  countyCode: 'Six-digit GB/T 2260 county code inside the city, e.g. 110105.',
  nature: 'Entity nature id (GET /api/catalogue: entityNatures), e.g. enterprise, individual, government.',
  entityCertificateType:
    "Certificate type id accepted for the nature (the nature's certificateTypes), e.g. business_licence, resident_id.",
  entityCertificateNumber:
    'Certificate number: the unified social credit code for most organisations, the ID number for individuals.',
  entityName: 'Name exactly as on the certificate (for individuals, the person’s name).',
  certificateAddress: 'Address as printed on the certificate (证件住所).',
  mailingAddress: 'Mailing address down to the house number (通讯地址).',
  investorOrAuthority:
    'Investor or superior authority (投资人或主管单位): the legal representative’s or the parent organisation’s name; for individuals the person’s name.',
  leader: 'The entity leader (主体负责人); for an organisation usually its legal representative.',
  entityRemarks: 'Remarks for the reviewers, e.g. "已是最详细地址" or an authorisation note.',
  serviceType: 'Kind of internet information service: website, app, mini_program or quick_app.',
  serviceName:
    'Name of the service: for websites at least 3 Chinese-character equivalents, no special symbols, not the domain.',
  domain:
    'The one domain of a website (one domain per website since 2019-04-22), e.g. example.cn; only the registrable domain is filed.',
  homeUrl: 'Full address of the home page on the filed domain, e.g. https://www.example.cn/.',
  contentCategory:
    'Service content category (网站服务内容); individuals may choose only blog_personal_space or other.',
  activities:
    'Planned activities beyond what the category implies (same vocabulary as the eligibility profile); they decide the pre-approvals needed.',
  preApprovals: 'Sector pre-approvals (前置审批) the content needs, each with its approval number.',
  preApprovalId: 'Pre-approval id (GET /api/catalogue: preApprovals), e.g. news, audio_video.',
  approvalNumber: 'Number of the approval document, as printed on it.',
  preApprovalDocumentId: 'Id of the uploaded approval document.',
  noPreApprovalCommitment: 'The applicant commits that the service needs no pre-approval.',
  admin: 'The service admin (网站负责人); leave out when adminSameAsLeader is true.',
  adminSameAsLeader: 'The entity leader is also the admin of this service.',
  languages: 'Languages of the service as BCP 47 tags, e.g. zh-CN, en.',
  serviceRemarks: 'Remarks for the reviewers about this service.',
  platforms: 'Apps: the operating platforms (android, ios, harmonyos), not app stores.',
  packageName: 'Apps on Android or HarmonyOS: the package name, e.g. cn.example.app.',
  bundleId: 'Apps on iOS: the bundle id, e.g. cn.example.app.',
  signatureMd5:
    'Apps on Android: MD5 fingerprint of the signing certificate (32 hex digits, colons allowed).',
  signatureSha1: 'Apps on iOS: SHA-1 fingerprint of the signing certificate (40 hex digits, colons allowed).',
  publicKey: 'Apps: the public key of the signing certificate.',
  access:
    "This provider's access for the service: instance, service code and the public IPs it is served from.",
  instanceId: 'Id of the provider instance (server) that hosts the service.',
  serviceCode: 'Filing service code of the instance (单次有效的备案服务码).',
  ipAddresses: 'Public IPv4 or IPv6 addresses the service is served from.',
  region: 'Region of the instance, e.g. cn-north.',
  attachments: 'Uploaded documents of the order, by checklist document kind.',
  attachmentKind: 'Document kind id (GET /api/catalogue: documentKinds), e.g. id_card_scans.',
  documentId: 'Id of the uploaded document.',
  personRef: 'The person the document is about: entity.leader or services[i].admin.',
  services: 'The internet information services (websites, apps …) the order files.',
  entity: 'The entity (主办者) that files.',
} as const;

type DescriptionKey = keyof typeof DESCRIPTIONS;

/** A string of at most `max` characters; blank is allowed (forms send '' for an empty input). */
function text(max: number, key: DescriptionKey) {
  return z.string().max(max).describe(DESCRIPTIONS[key]);
}

/** A non-empty string of at most `max` characters. */
function filled(max: number, key: DescriptionKey) {
  return z.string().min(1).max(max).describe(DESCRIPTIONS[key]);
}

// Person ----------------------------------------------------------------------------------------------

export const personDraftSchema = z
  .strictObject({
    name: text(LIMITS.personName, 'personName').optional(),
    certificateType: text(LIMITS.id, 'personCertificateType').optional(),
    certificateNumber: text(LIMITS.certificateNumber, 'personCertificateNumber').optional(),
    certificateValidUntil: text(LIMITS.date, 'certificateValidUntil').optional(),
    mobile: text(LIMITS.phone, 'mobile').optional(),
    emergencyPhone: text(LIMITS.phone, 'emergencyPhone').optional(),
    officePhone: text(LIMITS.phone, 'officePhone').optional(),
    email: text(LIMITS.email, 'email').optional(),
    isLegalRepresentative: z.boolean().describe(DESCRIPTIONS.isLegalRepresentative).optional(),
  })
  .meta({
    id: 'OrderPersonDraft',
    description: 'A person of an order (entity leader or service admin), possibly incomplete.',
  });

export const personSchema = z
  .strictObject({
    name: filled(LIMITS.personName, 'personName'),
    certificateType: filled(LIMITS.id, 'personCertificateType'),
    certificateNumber: filled(LIMITS.certificateNumber, 'personCertificateNumber'),
    certificateValidUntil: filled(LIMITS.date, 'certificateValidUntil'),
    mobile: filled(LIMITS.phone, 'mobile'),
    emergencyPhone: filled(LIMITS.phone, 'emergencyPhone'),
    officePhone: text(LIMITS.phone, 'officePhone').optional(),
    email: filled(LIMITS.email, 'email'),
    isLegalRepresentative: z.boolean().describe(DESCRIPTIONS.isLegalRepresentative).optional(),
  })
  .meta({ id: 'OrderPerson', description: 'A person of an order (entity leader or service admin).' });

// Entity ----------------------------------------------------------------------------------------------

export const entityDraftSchema = z
  .strictObject({
    provinceCode: text(LIMITS.id, 'provinceCode').optional(),
    cityCode: text(LIMITS.id, 'cityCode').optional(),
    countyCode: text(LIMITS.id, 'countyCode').optional(),
    nature: text(LIMITS.id, 'nature').optional(),
    certificateType: text(LIMITS.id, 'entityCertificateType').optional(),
    certificateNumber: text(LIMITS.certificateNumber, 'entityCertificateNumber').optional(),
    name: text(LIMITS.entityName, 'entityName').optional(),
    certificateAddress: text(LIMITS.address, 'certificateAddress').optional(),
    mailingAddress: text(LIMITS.address, 'mailingAddress').optional(),
    investorOrAuthority: text(LIMITS.entityName, 'investorOrAuthority').optional(),
    leader: personDraftSchema.describe(DESCRIPTIONS.leader).optional(),
    remarks: text(LIMITS.remarks, 'entityRemarks').optional(),
  })
  .meta({ id: 'OrderEntityDraft', description: DESCRIPTIONS.entity });

export const entitySchema = z
  .strictObject({
    provinceCode: filled(LIMITS.id, 'provinceCode'),
    cityCode: text(LIMITS.id, 'cityCode').optional(),
    countyCode: text(LIMITS.id, 'countyCode').optional(),
    nature: filled(LIMITS.id, 'nature'),
    certificateType: filled(LIMITS.id, 'entityCertificateType'),
    certificateNumber: filled(LIMITS.certificateNumber, 'entityCertificateNumber'),
    name: filled(LIMITS.entityName, 'entityName'),
    certificateAddress: filled(LIMITS.address, 'certificateAddress'),
    mailingAddress: filled(LIMITS.address, 'mailingAddress'),
    investorOrAuthority: filled(LIMITS.entityName, 'investorOrAuthority'),
    leader: personSchema.describe(DESCRIPTIONS.leader),
    remarks: text(LIMITS.remarks, 'entityRemarks').optional(),
  })
  .meta({ id: 'OrderEntity', description: DESCRIPTIONS.entity });

// Service ---------------------------------------------------------------------------------------------

export const preApprovalRefDraftSchema = z.strictObject({
  id: text(LIMITS.id, 'preApprovalId').optional(),
  approvalNumber: text(LIMITS.approvalNumber, 'approvalNumber').optional(),
  documentId: text(LIMITS.id, 'preApprovalDocumentId').optional(),
});

export const preApprovalRefSchema = z.strictObject({
  id: filled(LIMITS.id, 'preApprovalId'),
  approvalNumber: filled(LIMITS.approvalNumber, 'approvalNumber'),
  documentId: text(LIMITS.id, 'preApprovalDocumentId').optional(),
});

const ipAddressesSchema = z.array(text(LIMITS.ipAddress, 'ipAddresses')).max(LIMITS.ipAddressesPerAccess);

export const accessDraftSchema = z.strictObject({
  instanceId: text(LIMITS.instanceId, 'instanceId').optional(),
  serviceCode: text(LIMITS.serviceCode, 'serviceCode').optional(),
  ipAddresses: ipAddressesSchema.describe(DESCRIPTIONS.ipAddresses).optional(),
  region: text(LIMITS.region, 'region').optional(),
});

export const accessSchema = z.strictObject({
  instanceId: text(LIMITS.instanceId, 'instanceId').optional(),
  serviceCode: text(LIMITS.serviceCode, 'serviceCode').optional(),
  ipAddresses: ipAddressesSchema.min(1).describe(DESCRIPTIONS.ipAddresses),
  region: text(LIMITS.region, 'region').optional(),
});

const serviceTypeSchema = z.enum(SERVICE_TYPES).describe(DESCRIPTIONS.serviceType);
const contentCategorySchema = z.enum(CONTENT_CATEGORY_IDS).describe(DESCRIPTIONS.contentCategory);

/** Fields a draft and a complete service share with the same optionality. */
const serviceOptionalFields = {
  domain: text(LIMITS.domain, 'domain').optional(),
  homeUrl: text(LIMITS.url, 'homeUrl').optional(),
  activities: z
    .array(z.enum(ACTIVITIES))
    .max(LIMITS.activitiesPerService)
    .describe(DESCRIPTIONS.activities)
    .optional(),
  noPreApprovalCommitment: z.boolean().describe(DESCRIPTIONS.noPreApprovalCommitment).optional(),
  adminSameAsLeader: z.boolean().describe(DESCRIPTIONS.adminSameAsLeader).optional(),
  languages: z
    .array(text(LIMITS.languageTag, 'languages'))
    .max(LIMITS.languagesPerService)
    .describe(DESCRIPTIONS.languages)
    .optional(),
  remarks: text(LIMITS.remarks, 'serviceRemarks').optional(),
  platforms: z
    .array(z.enum(APP_PLATFORMS))
    .max(LIMITS.platformsPerApp)
    .describe(DESCRIPTIONS.platforms)
    .optional(),
  packageName: text(LIMITS.appIdentifier, 'packageName').optional(),
  bundleId: text(LIMITS.appIdentifier, 'bundleId').optional(),
  signatureMd5: text(LIMITS.signature, 'signatureMd5').optional(),
  signatureSha1: text(LIMITS.signature, 'signatureSha1').optional(),
  publicKey: text(LIMITS.publicKey, 'publicKey').optional(),
};

export const serviceDraftSchema = z
  .strictObject({
    type: serviceTypeSchema.optional(),
    name: text(LIMITS.siteName, 'serviceName').optional(),
    contentCategory: contentCategorySchema.optional(),
    preApprovals: z
      .array(preApprovalRefDraftSchema)
      .max(LIMITS.preApprovalsPerService)
      .describe(DESCRIPTIONS.preApprovals)
      .optional(),
    admin: personDraftSchema.describe(DESCRIPTIONS.admin).optional(),
    access: accessDraftSchema.describe(DESCRIPTIONS.access).optional(),
    ...serviceOptionalFields,
  })
  .meta({
    id: 'OrderServiceDraft',
    description: 'An internet information service of an order, possibly incomplete.',
  });

export const serviceSchema = z
  .strictObject({
    type: serviceTypeSchema,
    name: filled(LIMITS.siteName, 'serviceName'),
    contentCategory: contentCategorySchema,
    preApprovals: z
      .array(preApprovalRefSchema)
      .max(LIMITS.preApprovalsPerService)
      .describe(DESCRIPTIONS.preApprovals)
      .optional(),
    admin: personSchema.describe(DESCRIPTIONS.admin).optional(),
    access: accessSchema.describe(DESCRIPTIONS.access).optional(),
    ...serviceOptionalFields,
  })
  .meta({ id: 'OrderService', description: 'An internet information service of an order.' });

// Order content ---------------------------------------------------------------------------------------

export const attachmentSchema = z
  .strictObject({
    kind: filled(LIMITS.id, 'attachmentKind'),
    documentId: filled(LIMITS.id, 'documentId'),
    personRef: text(LIMITS.fieldPath, 'personRef').optional(),
  })
  .meta({ id: 'OrderAttachment', description: 'A reference to an uploaded document of the order.' });

const attachmentsSchema = z
  .array(attachmentSchema)
  .max(LIMITS.attachmentsPerOrder)
  .describe(DESCRIPTIONS.attachments);

export const orderContentDraftSchema = z
  .strictObject({
    entity: entityDraftSchema.optional(),
    services: z
      .array(serviceDraftSchema)
      .max(LIMITS.servicesPerOrder)
      .describe(DESCRIPTIONS.services)
      .optional(),
    attachments: attachmentsSchema.optional(),
  })
  .meta({
    id: 'OrderContentDraft',
    description:
      'The content of an order as saved: any field may be missing. Saving checks the formats of the fields present; submitting checks completeness and the filing rules.',
  });

/**
 * A complete filing (first filing, add service, add access, change). Cancellations carry less and are
 * submitted as drafts; `validateOrderContent` in submit mode is the authority on completeness.
 */
export const orderContentSchema = z
  .strictObject({
    entity: entitySchema,
    services: z.array(serviceSchema).min(1).max(LIMITS.servicesPerOrder).describe(DESCRIPTIONS.services),
    attachments: attachmentsSchema,
  })
  .meta({ id: 'OrderContent', description: 'The complete content of a filing order.' });

export type PersonDraft = z.output<typeof personDraftSchema>;
export type Person = z.output<typeof personSchema>;
export type EntityDraft = z.output<typeof entityDraftSchema>;
export type Entity = z.output<typeof entitySchema>;
export type PreApprovalRefDraft = z.output<typeof preApprovalRefDraftSchema>;
export type PreApprovalRef = z.output<typeof preApprovalRefSchema>;
export type AccessDraft = z.output<typeof accessDraftSchema>;
export type Access = z.output<typeof accessSchema>;
export type ServiceDraft = z.output<typeof serviceDraftSchema>;
export type Service = z.output<typeof serviceSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type OrderContentDraft = z.output<typeof orderContentDraftSchema>;
export type OrderContent = z.output<typeof orderContentSchema>;

// Validation result -----------------------------------------------------------------------------------

const localizedSchema = z.object({ en: z.string(), zh: z.string() });

export const fieldIssueSchema = z
  .object({
    path: z
      .string()
      .describe(
        'The field, in the syntax of return reasons and version diffs: entity.leader.mobile, services[0].domain; attachments for missing documents.',
      ),
    code: z.string().describe('Stable machine code; clients localise by it.'),
    message: localizedSchema.describe('The message in English and Simplified Chinese.'),
    source: z
      .string()
      .optional()
      .describe('Id of the catalogue source stating the rule (GET /api/catalogue/sources).'),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Values the message refers to, e.g. the missing document kind.'),
  })
  .meta({ id: 'FieldIssue', description: 'One finding about one field of the order content.' });

export const checklistItemSchema = z
  .object({
    document: documentKindSchema.describe('The document kind (documents.json).'),
    required: z.boolean().describe('True when at least one matching rule requires the document.'),
    notes: z.array(localizedSchema).describe('Notes of the matching checklist rules.'),
    sources: z.array(z.string()).describe('Source ids of the matching rules.'),
    ruleIds: z.array(z.string()).describe('Ids of the matching checklist rules.'),
  })
  // Its own id: the eligibility answer's ChecklistItem (src/server/schemas/eligibility.ts) describes the
  // same list with the catalogue's DocumentKind, and ids must be unique in the OpenAPI document.
  .meta({ id: 'OrderChecklistItem', description: 'A document the order needs, with why.' });

export const orderContentValidationSchema = z
  .object({
    valid: z.boolean().describe('True when there are no field errors; warnings do not block.'),
    fieldErrors: z.array(fieldIssueSchema).describe('What must be fixed, each on its field.'),
    warnings: z
      .array(fieldIssueSchema)
      .describe('Things to confirm, e.g. a local mobile number where required.'),
    checklist: z
      .array(checklistItemSchema)
      .describe('Documents the order needs; empty until the nature and province are known.'),
  })
  .meta({ id: 'OrderContentValidation', description: 'The result of validating an order’s content.' });

export type FieldIssue = z.output<typeof fieldIssueSchema>;
export type OrderContentValidation = z.output<typeof orderContentValidationSchema>;
