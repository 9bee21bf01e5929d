import type { Localized } from '../../domain/shared/localized.ts';
import type { Result } from '../../domain/shared/result.ts';
import type { OrderDeps } from '../orders/order-deps.ts';
import type { DocumentPersistence } from './document-store.ts';

/**
 * What the document use cases need. The ports mirror what src/infra provides (the encrypted file
 * store, upload inspection, the verification-form renderer), declared here so the app imports nothing
 * from infra; server.ts passes the infra functions themselves.
 */

/** The formats the platform accepts for every document kind (issue 3: JPEG, PNG and PDF only). */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'pdf'] as const;
export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number];

/** 10 MB: a phone photo of an ID card or a scanned multi-page form fits with room to spare. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** src/infra/storage/encrypted-file-store.ts EncryptedFileStore. */
export interface DocumentFileStore {
  put(
    content: Buffer,
    context: { aad: string },
  ): Promise<{ storageKey: string; size: number; sha256: string }>;
  /** Throws when the file is missing, altered or read with another AAD. */
  get(storageKey: string, context: { aad: string }): Promise<Buffer>;
  /** False when there was no such file (removal is idempotent). */
  remove(storageKey: string): Promise<boolean>;
}

/** Why an uploaded file was refused (src/infra/documents/inspect-upload.ts UploadRejectionCode). */
export type FileRejectionCode =
  | 'file_empty'
  | 'file_too_large'
  | 'unsupported_file_type'
  | 'corrupt_image'
  | 'pdf_encrypted'
  | 'pdf_active_content'
  | 'pdf_unreadable';

export interface FileRejection {
  code: FileRejectionCode;
  message: Localized;
  /** Sizes, detected types …: never the file's content. */
  params: Record<string, string | number>;
}

export interface InspectedFile {
  mime: string;
  size: number;
  sha256: string;
  /** What to store: images re-encoded without metadata (EXIF, GPS …), PDFs as uploaded. */
  content: Buffer;
}

/** src/infra/documents/inspect-upload.ts inspectUpload: sniffs the content, never trusts the name. */
export type InspectFile = (
  content: Buffer,
  options: { maxBytes: number; allowedKinds: readonly AcceptedFormat[] },
) => Promise<Result<InspectedFile, FileRejection>>;

/** One person on the form: the entity leader (主体负责人) or a service admin (网站负责人). */
export interface VerificationFormPerson {
  name?: string;
  /** E.g. "居民身份证 Resident identity card". */
  certificateType?: string;
  certificateNumber?: string;
  mobilePhone?: string;
  officePhone?: string;
  emergencyPhone?: string;
  email?: string;
}

/** A pre-approval (前置审批) the service holds, e.g. "药品和医疗器械 Medicines" + its document number. */
export interface VerificationFormPreApproval {
  type?: string;
  number?: string;
}

/** Where the service is hosted: the access provider, its region and the service's IP addresses. */
export interface VerificationFormAccess {
  provider?: string;
  /** E.g. "华北 2（北京）cn-beijing". */
  region?: string;
  ipAddresses?: string[];
}

/** One internet information service (互联网信息服务): a website, app, mini-program or quick app. */
export interface VerificationFormService {
  name?: string;
  /** E.g. "网站 Website". */
  serviceType?: string;
  domains?: string[];
  homeUrl?: string;
  /** E.g. "博客/个人空间 Blog". */
  contentCategory?: string;
  preApprovals?: VerificationFormPreApproval[];
  admin?: VerificationFormPerson;
  access?: VerificationFormAccess;
}

/** The filing owner (主办者). */
export interface VerificationFormEntity {
  name?: string;
  /** E.g. "企业 Enterprise". */
  nature?: string;
  /** E.g. "营业执照（个体工商户）Business licence". */
  certificateType?: string;
  certificateNumber?: string;
  province?: string;
  city?: string;
  county?: string;
  /** The address printed on the certificate (证件住所). */
  certificateAddress?: string;
  /** Where post reaches the owner (通讯地址). */
  mailingAddress?: string;
  leader?: VerificationFormPerson;
}

/** What the verification form (src/infra/pdf/verification-form.ts) prints. */
export interface VerificationFormContent {
  /** The platform's order number, printed on every page so scans can be matched to the order. */
  orderNumber?: string;
  /** E.g. "首次备案 First filing". */
  orderType?: string;
  /** The access provider doing the check. */
  providerName?: string;
  entity: VerificationFormEntity;
  services: VerificationFormService[];
}

/** src/infra/pdf/verification-form.ts renderVerificationForm: the PDF bytes. */
export type RenderVerificationForm = (
  data: VerificationFormContent,
  options: { generatedAt: Date },
) => Promise<Buffer>;

/** Organisation names (the accounts slice's OrganisationStore fits): the provider printed on the form. */
export interface OrganisationNames {
  findById(id: string): Promise<{ nameEn: string; nameZh: string } | undefined>;
}

export interface DocumentDeps {
  /** The orders slice: its catalogue, clock, randomness, field cipher and order content. */
  orders: OrderDeps;
  persistence: DocumentPersistence;
  files: DocumentFileStore;
  inspectFile: InspectFile;
  renderVerificationForm: RenderVerificationForm;
  /** Without it the form leaves the provider's name to be written by hand. */
  organisations?: OrganisationNames;
  /** The largest file accepted, in bytes; DEFAULT_MAX_UPLOAD_BYTES when absent. */
  maxUploadBytes?: number;
}

export function getMaxUploadBytes(deps: Pick<DocumentDeps, 'maxUploadBytes'>): number {
  return deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
}
