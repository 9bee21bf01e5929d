import type { Catalogue } from '../catalogue/catalogue.ts';
import type { ChecklistFlag, ChecklistItem } from '../catalogue/checklist.ts';
import { formatFieldPath } from '../workflow/field-path.ts';
import type { OrderTypeId } from '../workflow/order-type.ts';
import type { PersonOrigin } from './check-certificate.ts';
import {
  buildOrderChecklist,
  deriveChecklistFlags,
  GOVERNMENT_SUFFIXES,
  isLegalRepresentative,
  needsPreApproval,
} from './check-documents.ts';
import type { PersonFacts } from './check-person.ts';
import type { ServiceFacts } from './check-service.ts';
import type { ContentContext } from './content-context.ts';
import type { AttachmentDraft, OrderContentDraft } from './order-content.ts';
import { readOrderContentFacts } from './validate-order-content.ts';

/**
 * The order's documents checklist as a reviewer works through it: the catalogue's checklist for what
 * the content shows (the same flags and rules submission checks), each personal document split per
 * person it is about, each item matched with the stored files. Pure: the stored files are a parameter.
 */

/**
 * Kinds that are one person's own document: the applicant says whose (the attachment's `personRef`),
 * and each person the checklist concerns needs their own.
 */
export const PERSONAL_DOCUMENT_KINDS: ReadonlySet<string> = new Set([
  'id_card_scans',
  'passport_scan',
  'hk_macao_permit_scan',
  'taiwan_permit_scan',
  'residence_permit',
  'verification_photo',
]);

/** The identity document each origin's people show (documents.json rules filing-id-cards-* … filing-taiwan-permit). */
const IDENTITY_SCAN_BY_ORIGIN: Readonly<Record<PersonOrigin, string>> = {
  mainland: 'id_card_scans',
  foreign: 'passport_scan',
  hk_macao: 'hk_macao_permit_scan',
  taiwan: 'taiwan_permit_scan',
};

/** The origin a certificate type implies when its number did not tell (a draft, a typo). */
const ORIGIN_BY_FORMAT: Readonly<Record<string, PersonOrigin>> = {
  resident_id: 'mainland',
  passport: 'foreign',
  foreign_permanent_residence: 'foreign',
  hk_macao_permit: 'hk_macao',
  taiwan_permit: 'taiwan',
};

/** A stored file of the order, as the document store lists it. */
export interface StoredDocumentRef {
  id: string;
  kind: string;
}

export interface OrderChecklistEntry extends ChecklistItem {
  /** Unique within the checklist: the kind, and the person for a personal document. */
  key: string;
  /** For a personal document: the person it must show (`entity.leader`, `services[0].admin`). */
  personRef?: string;
  /** Other people the document is about (an authorisation letter names the people it authorises). */
  people: string[];
  /** Indexes of the services it is about (pre-approvals, government domains). */
  services: number[];
  /** The stored files that fulfil it, oldest first. */
  documentIds: string[];
  isPresent: boolean;
}

export interface OrderDocumentChecklist {
  flags: ChecklistFlag[];
  entries: OrderChecklistEntry[];
}

export interface OrderDocumentChecklistOptions {
  orderType: OrderTypeId;
  /** The caller's China date, `YYYY-MM-DD` (ages switch the under-18 rules). */
  today: string;
  catalogue?: Catalogue;
  /** The order's stored files (not deleted), oldest first. */
  documents: readonly StoredDocumentRef[];
  /** Checklist flags known outside the content, as validateOrderContent takes them. */
  flags?: readonly ChecklistFlag[];
}

function originOf(person: PersonFacts): PersonOrigin | undefined {
  return person.certificate?.origin ?? ORIGIN_BY_FORMAT[person.certificateType?.format ?? ''];
}

function refOf(person: PersonFacts): string {
  return formatFieldPath(person.path);
}

/** Each person once (the same certificate as leader and admin, or as the admin of two services). */
function distinctPeople(people: readonly (PersonFacts | undefined)[]): PersonFacts[] {
  const seen = new Set<string>();
  const result: PersonFacts[] = [];
  for (const person of people) {
    if (!person || seen.has(person.identity)) continue;
    seen.add(person.identity);
    result.push(person);
  }
  return result;
}

/** The people whose own copy of a personal document the checklist asks for. */
function listDocumentPeople(
  kind: string,
  leader: PersonFacts | undefined,
  services: readonly ServiceFacts[],
  people: readonly PersonFacts[],
): PersonFacts[] {
  switch (kind) {
    case 'verification_photo': {
      // The catalogue's description: a photo of the website admin (an individual is their own admin).
      const admins = distinctPeople(services.map((service) => service.admin));
      return admins.length > 0 ? admins : distinctPeople([leader]);
    }
    case 'residence_permit':
      // Every residence-permit rule is about the individual filer or the organisation's leader.
      return distinctPeople([leader]);
    default:
      return distinctPeople(people).filter((person) => {
        const origin = originOf(person);
        return origin !== undefined && IDENTITY_SCAN_BY_ORIGIN[origin] === kind;
      });
  }
}

/** Who and what a whole-order document is about, by the rules that ask for it. */
function describeSubjects(
  context: ContentContext,
  item: ChecklistItem,
  leader: PersonFacts | undefined,
  services: readonly ServiceFacts[],
): { people: string[]; services: number[] } {
  const people: string[] = [];
  const indexes: number[] = [];
  if (item.ruleIds.includes('filing-authorisation-leader') && leader) people.push(refOf(leader));
  if (item.ruleIds.includes('filing-authorisation-admin')) {
    for (const admin of distinctPeople(services.map((s) => s.admin))) {
      if (!isLegalRepresentative(admin, leader) && !people.includes(refOf(admin))) people.push(refOf(admin));
    }
  }
  for (const service of services) {
    const kind = item.document.id;
    const isAbout =
      (kind === 'pre_approval_permit' && needsPreApproval(context, service)) ||
      (kind === 'no_pre_approval_commitment' && service.service.noPreApprovalCommitment === true) ||
      (kind === 'gov_domain_application_form' &&
        service.publicSuffix !== undefined &&
        GOVERNMENT_SUFFIXES.has(service.publicSuffix));
    if (isAbout) indexes.push(service.index);
  }
  return { people, services: indexes };
}

/**
 * Matches entries with stored files. A file counts for a personal entry when an attachment names it
 * for that person; an attachment that names nobody counts for the kind's first person (the wizard's
 * default). An entry that is its kind's only one takes every stored file of the kind.
 */
function matchDocuments(
  entries: readonly Omit<OrderChecklistEntry, 'documentIds' | 'isPresent'>[],
  attachments: readonly AttachmentDraft[],
  documents: readonly StoredDocumentRef[],
): OrderChecklistEntry[] {
  const entriesPerKind = new Map<string, number>();
  for (const entry of entries) {
    entriesPerKind.set(entry.document.id, (entriesPerKind.get(entry.document.id) ?? 0) + 1);
  }
  const firstPersonOf = new Map<string, string>();
  for (const entry of entries) {
    if (entry.personRef !== undefined && !firstPersonOf.has(entry.document.id)) {
      firstPersonOf.set(entry.document.id, entry.personRef);
    }
  }
  return entries.map((entry) => {
    const kind = entry.document.id;
    const ofKind = documents.filter((document) => document.kind === kind);
    let matched: StoredDocumentRef[];
    if (entriesPerKind.get(kind) === 1) {
      matched = ofKind;
    } else {
      const named = new Set(
        attachments
          .filter(
            (attachment) =>
              attachment.kind === kind &&
              (attachment.personRef ?? firstPersonOf.get(kind)) === entry.personRef,
          )
          .map((attachment) => attachment.documentId),
      );
      matched = ofKind.filter((document) => named.has(document.id));
    }
    const documentIds = matched.map((document) => document.id);
    return { ...entry, documentIds, isPresent: documentIds.length > 0 };
  });
}

/**
 * The order's documents checklist: the catalogue's rules for the flags the content shows
 * (deriveChecklistFlags, as submission), personal documents per person, whole-order documents with
 * the people and services they are about, each with the stored files that fulfil it. Empty until
 * nature and province are known, and for cancellations.
 *
 * Throws a RangeError when `today` is not a real `YYYY-MM-DD` date: that is the caller's bug.
 */
export function buildOrderDocumentChecklist(
  content: OrderContentDraft,
  options: OrderDocumentChecklistOptions,
): OrderDocumentChecklist {
  const { context, entity, services, attachments, people } = readOrderContentFacts(content, {
    mode: 'save',
    orderType: options.orderType,
    today: options.today,
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
  });
  const flags = deriveChecklistFlags(context, entity, services, people, options.flags ?? []);
  const checklist = buildOrderChecklist(context, flags);
  const entries: Omit<OrderChecklistEntry, 'documentIds' | 'isPresent'>[] = [];
  for (const item of checklist) {
    const kind = item.document.id;
    const persons = PERSONAL_DOCUMENT_KINDS.has(kind)
      ? listDocumentPeople(kind, entity.leader, services, people)
      : [];
    if (persons.length === 0) {
      entries.push({ ...item, key: kind, ...describeSubjects(context, item, entity.leader, services) });
      continue;
    }
    for (const person of persons) {
      const personRef = refOf(person);
      entries.push({ ...item, key: `${kind}:${personRef}`, personRef, people: [personRef], services: [] });
    }
  }
  return { flags, entries: matchDocuments(entries, attachments, options.documents) };
}
