import type { PreApproval } from '../catalogue/schema.ts';
import type { Activity } from '../eligibility/profile.ts';
import { EDI_ACTIVITIES, LICENCE_ACTIVITIES } from '../eligibility/rules/scope.ts';
import { issue } from '../shared/issue.ts';
import { findContentCategory } from './content-categories.ts';
import { type ContentContext, readList, readText, requireTexts } from './content-context.ts';
import type { Path } from './field-issue.ts';
import type { ServiceDraft } from './order-content.ts';

/** The activities a service declares: those of its content category and any listed on their own. */
export function listServiceActivities(service: ServiceDraft): Activity[] {
  const category = service.contentCategory ? findContentCategory(service.contentCategory) : undefined;
  return [...new Set<Activity>([...(category?.activities ?? []), ...readList(service.activities)])];
}

/**
 * Whether a pre-approval is still required in the province: some sources say a requirement was
 * abolished for filing, or abolished except in a few provinces (pre-approvals.json `status`).
 */
function appliesInProvince(context: ContentContext, preApproval: PreApproval): boolean {
  switch (preApproval.status.value) {
    case 'required':
      return true;
    case 'abolished':
      return false;
    case 'abolished_except':
      return (
        context.province !== undefined && (preApproval.keptInProvinces ?? []).includes(context.province.code)
      );
  }
}

/** The pre-approvals (前置审批) the service's content needs before filing (decree-292 Art. 5). */
export function findRequiredPreApprovals(context: ContentContext, service: ServiceDraft): PreApproval[] {
  const activities = listServiceActivities(service);
  return context.catalogue.preApprovals.filter(
    (preApproval) =>
      preApproval.activities.some((activity) => activities.includes(activity as Activity)) &&
      appliesInProvince(context, preApproval),
  );
}

/** Each declared pre-approval names a known type (always) and carries its approval number (submit). */
export function checkPreApprovalItems(context: ContentContext, path: Path, service: ServiceDraft): void {
  for (const [index, item] of readList(service.preApprovals).entries()) {
    const itemPath = [...path, 'preApprovals', index];
    const id = readText(item.id);
    if (id !== undefined && !context.catalogue.preApprovals.some((pa) => pa.id === id)) {
      context.issues.error(
        [...itemPath, 'id'],
        issue('unknown_pre_approval', `Unknown pre-approval type "${id}".`, `未知的前置审批类型“${id}”。`, {
          source: 'ref-4-pre-approvals',
          params: { preApproval: id },
        }),
      );
    }
    requireTexts(context, itemPath, item as Record<string, unknown>, ['id', 'approvalNumber']);
  }
}

function checkIndividualContent(context: ContentContext, path: Path, service: ServiceDraft): void {
  const category = service.contentCategory ? findContentCategory(service.contentCategory) : undefined;
  if (category && !category.individualAllowed) {
    context.issues.error(
      [...path, 'contentCategory'],
      issue(
        'individual_content_category_not_allowed',
        `A personal filing may choose only "Blog / personal space" or "Other" as content category, not "${category.nameEn}".`,
        `个人备案的服务内容只能选择“博客/个人空间”或“其他”，不能选择“${category.nameZh}”。`,
        { source: 'ref-4-fields', params: { contentCategory: category.id } },
      ),
    );
  }
  const required = new Set(findRequiredPreApprovals(context, service).flatMap((pa) => pa.activities));
  const refused = readList(service.activities).filter(
    (activity) =>
      LICENCE_ACTIVITIES.includes(activity) || EDI_ACTIVITIES.includes(activity) || required.has(activity),
  );
  if (refused.length > 0) {
    context.issues.error(
      [...path, 'activities'],
      issue(
        'individual_activity_not_allowed',
        `A personal site may carry only non-commercial content that needs no sector approval; remove ${refused.join(', ')} or file as an organisation.`,
        `个人网站只能承载无需行业审批的非经营性内容；请删除 ${refused.join('、')}，或以单位名义备案。`,
        { source: 'ref-4-site-names', params: { activities: refused.join(',') } },
      ),
    );
  }
  if (readList(service.preApprovals).length > 0) {
    context.issues.error(
      [...path, 'preApprovals'],
      issue(
        'individual_pre_approval_not_allowed',
        'Sector approvals are issued to organisations; a personal filing cannot carry content that needs one.',
        '前置审批文件只颁发给单位；个人备案不能承载需要前置审批的内容。',
        { source: 'ref-4-site-names' },
      ),
    );
  }
}

/**
 * Submit-mode rules of a service's content: what an individual may publish (reference §4.3, §4.4), the
 * pre-approvals the content needs, and the applicant's explicit answer on pre-approvals: either the
 * approvals or a commitment that none is needed (reference §4.4, ref-4-pre-approvals).
 */
export function checkServiceContent(context: ContentContext, path: Path, service: ServiceDraft): void {
  const declared = readList(service.preApprovals);
  const commitment = service.noPreApprovalCommitment === true;
  if (context.nature?.id === 'individual') {
    checkIndividualContent(context, path, service);
  } else if (context.nature) {
    const declaredIds = new Set(declared.map((item) => item.id));
    for (const preApproval of findRequiredPreApprovals(context, service)) {
      if (declaredIds.has(preApproval.id)) continue;
      context.issues.error(
        [...path, 'preApprovals'],
        issue(
          'pre_approval_missing',
          `This content needs the ${preApproval.permitEn} (${preApproval.issuerEn}) before filing; add it with its approval number.`,
          `该内容须在备案前取得${preApproval.permitZh}（${preApproval.issuerZh}），请填写审批文号并上传。`,
          {
            source: preApproval.sources[0] ?? 'ref-4-pre-approvals',
            params: { preApproval: preApproval.id },
          },
        ),
      );
    }
  }
  if (commitment && declared.length > 0) {
    context.issues.error(
      [...path, 'noPreApprovalCommitment'],
      issue(
        'pre_approval_conflicts_with_commitment',
        'You listed pre-approvals and also committed that none is needed; keep one of the two.',
        '已填写前置审批信息，同时又承诺不涉及前置审批，请只保留其一。',
        { source: 'ref-4-pre-approvals' },
      ),
    );
  }
  if (!commitment && declared.length === 0 && findRequiredPreApprovals(context, service).length === 0) {
    context.issues.error(
      [...path, 'noPreApprovalCommitment'],
      issue(
        'pre_approval_answer_required',
        'State whether the service needs a pre-approval: add the approvals, or commit that none is needed.',
        '请说明是否涉及前置审批：填写前置审批信息，或承诺不涉及前置审批。',
        { source: 'ref-4-pre-approvals' },
      ),
    );
  }
}
