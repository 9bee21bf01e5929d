import type { Activity } from '../eligibility/profile.ts';
import type { ContentCategoryId } from './content-categories.ts';

/**
 * What the applicant fills in for an order (reference §4.3): the entity, its services with their
 * admins and access, and references to uploaded documents. Every field is optional here because a
 * draft may be saved half-filled; `validateOrderContent` in submit mode says what is missing.
 * src/contracts/order-content.ts holds the zod schemas of exactly this shape (a type test keeps the two
 * in step), so the domain stays free of project imports.
 */

export const SERVICE_TYPES = ['website', 'app', 'mini_program', 'quick_app'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Operating platforms of an app, not app stores (reference §4.3). */
export const APP_PLATFORMS = ['android', 'ios', 'harmonyos'] as const;
export type AppPlatform = (typeof APP_PLATFORMS)[number];

/** `certificateValidUntil` of a certificate valid without end (长期), e.g. ID cards issued after 45. */
export const LONG_TERM_VALIDITY = 'long_term';

/** The entity leader (主体负责人) or a service admin (网站负责人). */
export interface PersonDraft {
  name?: string;
  /** Certificate type id (certificate-types.json) whose holder is a person. */
  certificateType?: string;
  certificateNumber?: string;
  /** `YYYY-MM-DD`, or `long_term`. */
  certificateValidUntil?: string;
  mobile?: string;
  /** A mobile or a landline; must not be the person's own mobile nor another contact's (reference §4.4). */
  emergencyPhone?: string;
  /** A landline with area code. */
  officePhone?: string;
  email?: string;
  /** Whether the person is the organisation's legal representative (法定代表人). */
  isLegalRepresentative?: boolean;
}

export interface EntityDraft {
  /** Two-digit GB/T 2260 province code; the province whose authority reviews the filing. */
  provinceCode?: string;
  /** Four-digit city code (GB/T 2260, first four digits). */
  cityCode?: string;
  /** Six-digit county code. */
  countyCode?: string;
  /** Entity nature id (entity-natures.json). */
  nature?: string;
  /** Certificate type id (certificate-types.json). */
  certificateType?: string;
  certificateNumber?: string;
  /** Exactly as on the certificate (for individuals, the person's name). */
  name?: string;
  certificateAddress?: string;
  mailingAddress?: string;
  /** 投资人或主管单位: the legal representative's or the parent organisation's name. */
  investorOrAuthority?: string;
  leader?: PersonDraft;
  remarks?: string;
}

export interface PreApprovalRefDraft {
  /** Pre-approval id (pre-approvals.json). */
  id?: string;
  approvalNumber?: string;
  /** The uploaded permit (document store id). */
  documentId?: string;
}

/** This provider's access for the service (reference §4.3 access info). */
export interface AccessDraft {
  instanceId?: string;
  serviceCode?: string;
  ipAddresses?: string[];
  region?: string;
}

export interface ServiceDraft {
  type?: ServiceType;
  name?: string;
  /** Websites: the one domain of the site (one per website since 2019-04-22, ref-5-domains). */
  domain?: string;
  homeUrl?: string;
  contentCategory?: ContentCategoryId;
  /** Planned activities beyond what the category implies (same vocabulary as the eligibility profile). */
  activities?: Activity[];
  preApprovals?: PreApprovalRefDraft[];
  /** The applicant states that the service needs no pre-approval. */
  noPreApprovalCommitment?: boolean;
  admin?: PersonDraft;
  /** The entity leader is also this service's admin; `admin` is then left out. */
  adminSameAsLeader?: boolean;
  /** BCP 47 tags, e.g. `zh-CN`. */
  languages?: string[];
  remarks?: string;
  /** Apps only. */
  platforms?: AppPlatform[];
  /** Android and HarmonyOS package name. */
  packageName?: string;
  /** iOS bundle id. */
  bundleId?: string;
  /** Android signing-certificate MD5 fingerprint (hex). */
  signatureMd5?: string;
  /** iOS signing-certificate SHA-1 fingerprint (hex). */
  signatureSha1?: string;
  publicKey?: string;
  access?: AccessDraft;
}

/** A reference to an uploaded document of a catalogue kind, optionally about one person. */
export interface AttachmentDraft {
  /** Document kind id (documents.json). */
  kind: string;
  documentId: string;
  /** `entity.leader` or `services[i].admin`. */
  personRef?: string;
}

export interface OrderContentDraft {
  entity?: EntityDraft;
  services?: ServiceDraft[];
  attachments?: AttachmentDraft[];
}
