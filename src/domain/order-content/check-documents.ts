import { buildChecklist, type ChecklistFlag, type ChecklistItem } from '../catalogue/checklist.ts';
import { issue } from '../shared/issue.ts';
import type { CertificateFacts } from './check-certificate.ts';
import type { EntityFacts } from './check-entity.ts';
import type { PersonFacts } from './check-person.ts';
import { findRequiredPreApprovals } from './check-pre-approvals.ts';
import type { ServiceFacts } from './check-service.ts';
import { type ContentContext, readList, readText } from './content-context.ts';
import type { AttachmentDraft } from './order-content.ts';

const PERSON_REF = /^(?:entity\.leader|services\[(\d+)\]\.admin)$/u;
/** Suffixes reserved for party and government sites (reference §4.4 government sites). */
export const GOVERNMENT_SUFFIXES: ReadonlySet<string> = new Set(['gov.cn', '政务', '政务.cn']);
/** Shanghai's site-plan threshold counts the entity's sites; the order's own count is a lower bound. */
const SITE_PLAN_THRESHOLD = 30;

/** Attachments name a known document kind and, when about a person, one the order has. */
export function checkAttachments(
  context: ContentContext,
  attachments: readonly AttachmentDraft[],
  services: readonly ServiceFacts[],
): void {
  const kinds = new Set(context.catalogue.documentKinds.map((kind) => kind.id));
  for (const [index, attachment] of attachments.entries()) {
    const path = ['attachments', index];
    if (!kinds.has(attachment.kind)) {
      context.issues.error(
        [...path, 'kind'],
        issue(
          'unknown_document_kind',
          `Unknown document kind "${String(attachment.kind).slice(0, 64)}".`,
          `未知的材料类型“${String(attachment.kind).slice(0, 64)}”。`,
          { source: 'ref-3-verification', params: { kind: String(attachment.kind).slice(0, 64) } },
        ),
      );
    }
    const ref = readText(attachment.personRef);
    if (ref === undefined) continue;
    const match = PERSON_REF.exec(ref);
    const serviceIndex = match?.[1] === undefined ? undefined : Number(match[1]);
    const hasPerson =
      match !== null &&
      (serviceIndex === undefined ||
        (serviceIndex < services.length && services[serviceIndex]?.admin !== undefined));
    if (!hasPerson) {
      context.issues.error(
        [...path, 'personRef'],
        issue(
          'invalid_person_ref',
          'Refer to a person of the order: entity.leader or services[i].admin.',
          '请引用订单中的人员：entity.leader 或 services[i].admin。',
          { source: 'ref-4-fields', params: { personRef: ref.slice(0, 80) } },
        ),
      );
    }
  }
}

/** The person is the legal representative, or the leader who is. */
export function isLegalRepresentative(person: PersonFacts, leader: PersonFacts | undefined): boolean {
  if (person.person.isLegalRepresentative === true) return true;
  return (
    leader !== undefined &&
    person.identity === leader.identity &&
    leader.person.isLegalRepresentative === true
  );
}

/** The service names sector approvals, or its content category needs one. */
export function needsPreApproval(context: ContentContext, service: ServiceFacts): boolean {
  return (
    readList(service.service.preApprovals).length > 0 ||
    findRequiredPreApprovals(context, service.service).length > 0
  );
}

function hasOrigin(certificates: readonly (CertificateFacts | undefined)[], origin: string): boolean {
  return certificates.some((certificate) => certificate?.origin === origin);
}

/**
 * The checklist situation flags (documents.json `flags`) that the content shows, plus those the caller
 * knows from elsewhere (the registry, the version diff, the whole entity's sites).
 */
export function deriveChecklistFlags(
  context: ContentContext,
  entity: EntityFacts,
  services: readonly ServiceFacts[],
  people: readonly PersonFacts[],
  extra: readonly ChecklistFlag[],
): ChecklistFlag[] {
  const flags = new Set<ChecklistFlag>(extra);
  const { nature, province } = context;
  const leader = entity.leader;
  const isIndividual = nature?.id === 'individual';
  const isOrganisation = nature?.isOrganisation === true;
  const certificates = [entity.certificate, ...people.map((person) => person.certificate)];

  if (isOrganisation && leader?.person.isLegalRepresentative === false) flags.add('leader_not_legal_rep');
  if (
    isOrganisation &&
    services.some((s) => s.admin !== undefined && !isLegalRepresentative(s.admin, leader))
  ) {
    flags.add('admin_not_legal_rep');
  }
  const leaderCertificate = leader?.certificate;
  if (
    isOrganisation &&
    province &&
    leaderCertificate?.origin === 'mainland' &&
    leaderCertificate.provinceCode !== undefined &&
    leaderCertificate.provinceCode !== province.code
  ) {
    flags.add('leader_non_local');
  }
  if (hasOrigin(certificates, 'foreign')) flags.add('foreign_person');
  if (hasOrigin(certificates, 'hk_macao')) flags.add('hk_macao_resident');
  if (hasOrigin(certificates, 'taiwan')) flags.add('taiwan_resident');
  const own = entity.certificate;
  if (
    isIndividual &&
    province &&
    own?.origin === 'mainland' &&
    own.provinceCode !== undefined &&
    own.provinceCode !== province.code
  ) {
    flags.add('non_local_individual');
  }
  const filerAge = isIndividual ? (own?.age ?? leader?.certificate?.age) : undefined;
  const legalRepAge =
    isOrganisation && leader?.person.isLegalRepresentative ? leader.certificate?.age : undefined;
  if ((filerAge !== undefined && filerAge < 18) || (legalRepAge !== undefined && legalRepAge < 18)) {
    flags.add('under_18');
  }
  if (context.orderType !== 'first_filing') flags.add('entity_exists');
  if (context.entityCertificateType?.id === 'rep_office_registration') flags.add('rep_office');
  if (services.some((s) => s.publicSuffix !== undefined && GOVERNMENT_SUFFIXES.has(s.publicSuffix))) {
    flags.add('government_domain');
  }
  // Individuals cannot hold sector approvals; that is an error of its own, not a missing document.
  if (isOrganisation && services.some((s) => needsPreApproval(context, s))) {
    flags.add('needs_pre_approval');
  }
  if (services.some((s) => s.service.noPreApprovalCommitment === true)) flags.add('no_pre_approval');
  if (services.filter((s) => s.service.type === 'website').length >= SITE_PLAN_THRESHOLD) {
    flags.add('sites_30_or_more');
  }
  return [...flags];
}

/** The ICP-filing checklist of the order, once the nature and the province are known. */
export function buildOrderChecklist(
  context: ContentContext,
  flags: readonly ChecklistFlag[],
): ChecklistItem[] {
  const { nature, province } = context;
  if (!nature || !province) return [];
  return buildChecklist(context.catalogue, {
    nature: nature.id,
    province: province.code,
    orderType: context.orderType,
    instrument: 'icp_filing',
    flags,
  });
}

/** Every required document of the checklist has been uploaded (reported on `attachments`). */
export function checkRequiredDocuments(
  context: ContentContext,
  checklist: readonly ChecklistItem[],
  uploaded: ReadonlySet<string>,
): void {
  for (const item of checklist) {
    if (!item.required || uploaded.has(item.document.id)) continue;
    context.issues.error(
      ['attachments'],
      issue(
        'document_missing',
        `Upload the ${item.document.nameEn.toLowerCase()}.`,
        `请上传${item.document.nameZh}。`,
        { source: item.sources[0] ?? 'ref-3-verification', params: { kind: item.document.id } },
      ),
    );
  }
}

/**
 * A non-local individual in a province that accepts residence permits needs proof of residence. Where
 * the province takes one of several documents (Guangdong: a residence permit, or a lease or proof of
 * work), the checklist lists each as optional; at least one of them must be there.
 */
export function checkResidenceProof(
  context: ContentContext,
  flags: readonly ChecklistFlag[],
  checklist: readonly ChecklistItem[],
  uploaded: ReadonlySet<string>,
): void {
  const { rules } = context;
  if (rules?.individualResidency.value !== 'residence_permit' || !flags.includes('non_local_individual')) {
    return;
  }
  const without = new Set(
    buildOrderChecklist(
      context,
      flags.filter((flag) => flag !== 'non_local_individual'),
    ).map((item) => item.document.id),
  );
  const proofs = checklist.filter((item) => !without.has(item.document.id));
  // A required proof is reported as a missing document already.
  if (proofs.some((item) => item.required)) return;
  const kinds = proofs.length > 0 ? proofs.map((item) => item.document.id) : ['residence_permit'];
  if (kinds.some((kind) => uploaded.has(kind))) return;
  context.issues.error(
    ['attachments'],
    issue(
      'residence_proof_required',
      `${context.province?.nameEn ?? 'This province'} accepts an ID card from another province only with proof of local residence: upload one of ${kinds.join(', ')}.`,
      `${context.province?.nameZh ?? '本省'}受理外省身份证备案须提供本地居住证明，请上传以下材料之一：${kinds.join('、')}。`,
      { source: rules.individualResidency.sources[0] ?? 'ref-8-who', params: { kinds: kinds.join(',') } },
    ),
  );
}
