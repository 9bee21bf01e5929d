import type { PreApproval } from '../../catalogue/schema.ts';
import type { NextStep, Reason } from '../assessment.ts';
import { describeActivities } from '../profile.ts';
import { listProvinceNames, nextStep, reason, toProvinceRefs } from '../reason.ts';
import type { RuleContext } from '../rule-context.ts';

/**
 * Sector approvals (前置审批) that must come before the filing (decree-292 Art. 5), triggered by the
 * planned activities. Where a source says a requirement was abolished except in some provinces
 * (`abolished_except`), it applies only there.
 */

export interface PreApprovalFinding {
  preApproval: PreApproval;
  applies: boolean;
  reasons: Reason[];
  nextSteps: NextStep[];
}

function obtainStep(pa: PreApproval): NextStep {
  return nextStep(
    `obtain_pre_approval.${pa.id}`,
    `Obtain the ${pa.permitEn} from the ${pa.issuerEn} before you file, and upload it with the filing.`,
    `备案前向${pa.issuerZh}申请${pa.permitZh}，并随备案材料上传。`,
    pa.sources,
  );
}

function assessOne(context: RuleContext, pa: PreApproval): PreApprovalFinding {
  const triggering = context.profile.activities.filter((a) => pa.activities.includes(a));
  const names = describeActivities(triggering);
  const sources = [...pa.sources, ...pa.status.sources];
  const params = { preApproval: pa.id, activities: triggering.join(',') };
  if (!context.profile.hostingInMainland) {
    return {
      preApproval: pa,
      applies: false,
      reasons: [
        reason(
          'pre_approval.no_filing',
          'info',
          `No filing is made, so the ${pa.permitEn} is not needed for one; the sector’s own rules may still apply to the content.`,
          `无需备案，因此不必为备案提供${pa.permitZh}；但行业主管部门的规定仍可能适用于网站内容。`,
          sources,
          params,
        ),
      ],
      nextSteps: [],
    };
  }
  const required = (ruleId: string, en: string, zh: string): PreApprovalFinding => ({
    preApproval: pa,
    applies: true,
    reasons: [reason(ruleId, 'condition', en, zh, sources, params)],
    nextSteps: [obtainStep(pa)],
  });
  const permit = { en: `${pa.permitEn} (${pa.issuerEn})`, zh: `${pa.permitZh}（${pa.issuerZh}）` };
  switch (pa.status.value) {
    case 'required':
      return required(
        'pre_approval.required',
        `${pa.nameEn} content (here: ${names.en}) needs the ${permit.en} before the filing.`,
        `${pa.nameZh}类内容（此处为：${names.zh}）须在备案前取得${permit.zh}。`,
      );
    case 'abolished': {
      return {
        preApproval: pa,
        applies: false,
        reasons: [
          reason(
            'pre_approval.abolished',
            'info',
            `The ${pa.permitEn} is no longer required for filing.`,
            `备案已不再要求${pa.permitZh}。`,
            sources,
            params,
          ),
        ],
        nextSteps: [],
      };
    }
    case 'abolished_except': {
      const kept = pa.keptInProvinces ?? [];
      const province = context.filingProvince;
      const keptNames = listProvinceNames(toProvinceRefs(context.catalogue, kept));
      if (!province) {
        return required(
          'pre_approval.province_dependent',
          `The ${permit.en} is still required for filing only in ${keptNames.en || 'no province'}.`,
          `仅${keptNames.zh || '无'}备案时仍要求${permit.zh}。`,
        );
      }
      if (kept.includes(province.code)) {
        return required(
          'pre_approval.kept_in_province',
          `${province.nameEn} still requires the ${permit.en} before the filing.`,
          `${province.nameZh}备案前仍要求取得${permit.zh}。`,
        );
      }
      return {
        preApproval: pa,
        applies: false,
        reasons: [
          reason(
            'pre_approval.abolished_in_province',
            'info',
            `The ${pa.permitEn} is no longer required for filing in ${province.nameEn} (kept only in ${keptNames.en || 'no province'}).`,
            `${province.nameZh}备案已不再要求${pa.permitZh}（仅${keptNames.zh || '无'}仍要求）。`,
            sources,
            { ...params, province: province.code },
          ),
        ],
        nextSteps: [],
      };
    }
  }
}

/** One finding per pre-approval that the planned activities trigger, in catalogue order. */
export function assessPreApprovals(context: RuleContext): PreApprovalFinding[] {
  return context.catalogue.preApprovals
    .filter((pa) => pa.activities.some((a) => (context.profile.activities as readonly string[]).includes(a)))
    .map((pa) => assessOne(context, pa));
}

/** The filing waits for the pre-approvals that apply (decree-292 Art. 5). */
export function explainPreApprovalsForFiling(findings: readonly PreApprovalFinding[]): Reason[] {
  const applying = findings.filter((f) => f.applies);
  if (applying.length === 0) return [];
  return [
    reason(
      'filing.pre_approvals_first',
      'condition',
      `The filing needs these sector approvals first: ${applying.map((f) => f.preApproval.permitEn).join('; ')}.`,
      `备案前须先取得以下前置审批：${applying.map((f) => f.preApproval.permitZh).join('；')}。`,
      ['decree-292', 'ref-4-pre-approvals'],
      { preApprovals: applying.map((f) => f.preApproval.id).join(',') },
    ),
  ];
}
