import { isIsoDate } from '../calendar/china-date.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { ChecklistFlag, ChecklistItem } from '../catalogue/checklist.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { OrderTypeId } from '../workflow/order-type.ts';
import { checkContacts } from './check-contacts.ts';
import {
  buildOrderChecklist,
  checkAttachments,
  checkRequiredDocuments,
  checkResidenceProof,
  deriveChecklistFlags,
} from './check-documents.ts';
import { checkEntity, type EntityFacts } from './check-entity.ts';
import type { PersonFacts } from './check-person.ts';
import {
  checkCertificateValidity,
  checkDuplicateDomains,
  checkIndividualResidency,
  checkLegalRepresentative,
  checkLocalMobile,
  checkMinimumAge,
  checkSitesPerOrder,
} from './check-province-rules.ts';
import { checkService, type ServiceFacts } from './check-service.ts';
import {
  type ContentContext,
  isRecord,
  readList,
  reportRequired,
  type ValidationMode,
} from './content-context.ts';
import { type FieldIssue, FieldIssueCollector } from './field-issue.ts';
import type { AttachmentDraft, OrderContentDraft } from './order-content.ts';

export type { ValidationMode } from './content-context.ts';
export type { FieldIssue } from './field-issue.ts';

export interface ValidateOrderContentOptions {
  /** `save`: formats of the fields present. `submit`: also required fields, national and province rules, documents. */
  mode: ValidationMode;
  orderType: OrderTypeId;
  /** The caller's China date, `YYYY-MM-DD` (ages, certificate validity). */
  today: string;
  catalogue?: Catalogue;
  /**
   * Document kinds uploaded for the order, as the document store knows them. When absent, the kinds
   * the content's `attachments` name are used.
   */
  uploadedDocumentKinds?: readonly string[];
  /** Checklist flags known outside the content: `domain_held_by_manager`, `entity_name_changed` … */
  flags?: readonly ChecklistFlag[];
}

export interface OrderContentValidation {
  /** True when there are no field errors; warnings ask the applicant to confirm but do not block. */
  valid: boolean;
  fieldErrors: FieldIssue[];
  warnings: FieldIssue[];
  /** The documents the order needs (empty until nature and province are known, and for cancellations). */
  checklist: ChecklistItem[];
}

const FILING_ORDER_TYPES: ReadonlySet<OrderTypeId> = new Set([
  'first_filing',
  'add_service',
  'add_access',
  'change',
]);
const SERVICE_ORDER_TYPES: ReadonlySet<OrderTypeId> = new Set([
  ...FILING_ORDER_TYPES,
  'cancel_service',
  'cancel_access',
]);

/** The leader and each service admin once (an admin who is the leader by `adminSameAsLeader` is the leader). */
function listPeople(leader: PersonFacts | undefined, services: readonly ServiceFacts[]): PersonFacts[] {
  const people: PersonFacts[] = leader ? [leader] : [];
  for (const facts of services) if (facts.admin && !people.includes(facts.admin)) people.push(facts.admin);
  return people;
}

/** What the checks read from the content: the resolved context and the facts of entity, services and people. */
export interface OrderContentFacts {
  context: ContentContext;
  entity: EntityFacts;
  services: ServiceFacts[];
  attachments: readonly AttachmentDraft[];
  people: PersonFacts[];
}

/**
 * Reads the content's entity, services, people and attachments, checking the formats of the fields
 * present (and in submit mode the fields each part requires) into `context.issues`. The first half
 * of validateOrderContent, shared with buildOrderDocumentChecklist.
 *
 * Throws a RangeError when `today` is not a real `YYYY-MM-DD` date: that is the caller's bug.
 */
export function readOrderContentFacts(
  content: OrderContentDraft,
  options: Pick<ValidateOrderContentOptions, 'mode' | 'orderType' | 'today' | 'catalogue'>,
): OrderContentFacts {
  if (typeof options.today !== 'string' || !isIsoDate(options.today)) {
    throw new RangeError(
      `validateOrderContent needs today as YYYY-MM-DD, got ${JSON.stringify(options.today)}`,
    );
  }
  const context: ContentContext = {
    mode: options.mode,
    isSubmit: options.mode === 'submit',
    orderType: options.orderType,
    isFilingOrder: FILING_ORDER_TYPES.has(options.orderType),
    today: options.today,
    catalogue: options.catalogue ?? defaultCatalogue,
    issues: new FieldIssueCollector(),
  };
  const draft: OrderContentDraft = isRecord(content) ? content : {};

  const entity = checkEntity(context, isRecord(draft.entity) ? draft.entity : undefined);
  const serviceDrafts = readList(draft.services);
  if (context.isSubmit && serviceDrafts.length === 0 && SERVICE_ORDER_TYPES.has(context.orderType)) {
    reportRequired(context, ['services']);
  }
  const services = serviceDrafts.map((service, index) =>
    checkService(context, isRecord(service) ? service : {}, index, entity.leader),
  );
  const attachments = readList(draft.attachments);
  checkAttachments(context, attachments, services);
  return { context, entity, services, attachments, people: listPeople(entity.leader, services) };
}

/**
 * Validates the content of an order (reference §4). In `save` mode only the fields present are
 * checked, each for its own format, so a half-filled draft can be saved and the form can mark typos
 * early. In `submit` mode the content must also be complete for its order type and pass the national
 * and province rules and the documents checklist. Every issue carries the field path the form shows it
 * on and the catalogue source of its rule. Pure: the date comes from the caller.
 *
 * Throws a RangeError when `today` is not a real `YYYY-MM-DD` date: that is the caller's bug.
 */
export function validateOrderContent(
  content: OrderContentDraft,
  options: ValidateOrderContentOptions,
): OrderContentValidation {
  const { context, entity, services, attachments, people } = readOrderContentFacts(content, options);

  if (context.isSubmit) {
    checkDuplicateDomains(context, services);
    checkContacts(context, people);
    if (context.isFilingOrder) {
      checkCertificateValidity(context, people);
      checkIndividualResidency(context, entity.certificate);
      checkMinimumAge(context, people);
      checkLocalMobile(context, people);
      checkLegalRepresentative(context, entity.leader);
      checkSitesPerOrder(context, services);
    }
  }

  const flags = deriveChecklistFlags(context, entity, services, people, options.flags ?? []);
  const checklist = buildOrderChecklist(context, flags);
  if (context.isSubmit && context.isFilingOrder) {
    const uploaded = new Set(
      options.uploadedDocumentKinds ?? attachments.map((attachment) => attachment.kind),
    );
    checkRequiredDocuments(context, checklist, uploaded);
    checkResidenceProof(context, flags, checklist, uploaded);
  }

  const { errors, warnings } = context.issues;
  return { valid: errors.length === 0, fieldErrors: errors, warnings, checklist };
}
