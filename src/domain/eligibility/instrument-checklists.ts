import { buildChecklist, type ChecklistFlag, type ChecklistItem } from '../catalogue/checklist.ts';
import type { ChecklistSection } from './assessment.ts';
import type { ApplicantKind } from './profile.ts';
import type { RuleContext } from './rule-context.ts';

/** Entity nature (entity-natures.json) each applicant kind files as; a foreign company has none. */
const NATURE_BY_KIND: Readonly<Record<ApplicantKind, string | undefined>> = {
  chinese_individual: 'individual',
  foreign_individual: 'individual',
  hmt_resident: 'individual',
  chinese_company: 'enterprise',
  wfoe: 'enterprise',
  joint_venture: 'enterprise',
  foreign_company: undefined,
  representative_office: 'enterprise',
  government: 'government',
  public_institution: 'public_institution',
  social_organisation: 'social_organisation',
};

const ADULT_AGE = 18;

export interface ChecklistFacts {
  isGovernmentDomain: boolean;
  hasPreApprovals: boolean;
}

function collectFlags(context: RuleContext, facts: ChecklistFacts): ChecklistFlag[] {
  const { profile } = context;
  const flags: ChecklistFlag[] = [];
  if (profile.applicantKind === 'foreign_individual') flags.push('foreign_person');
  if (
    profile.applicantKind === 'chinese_individual' &&
    context.filingProvince &&
    context.certificateProvince &&
    context.filingProvince.code !== context.certificateProvince.code
  ) {
    flags.push('non_local_individual');
  }
  if (context.isIndividual && profile.age !== undefined && profile.age < ADULT_AGE) flags.push('under_18');
  if (profile.applicantKind === 'representative_office') flags.push('rep_office');
  if (facts.isGovernmentDomain) flags.push('government_domain');
  if (facts.hasPreApprovals) flags.push('needs_pre_approval');
  if (context.foreignPercent !== undefined && context.foreignPercent > 0) flags.push('foreign_investment');
  return flags;
}

/**
 * The profile does not tell Hong Kong and Macao residents from Taiwan residents, whose permits differ:
 * list both checklists, and mark what only one group needs as "only for …" instead of required.
 */
function buildHmtChecklist(
  context: RuleContext,
  base: Parameters<typeof buildChecklist>[1],
): ChecklistItem[] {
  const hkMacao = buildChecklist(context.catalogue, { ...base, flags: [...base.flags, 'hk_macao_resident'] });
  const taiwan = buildChecklist(context.catalogue, { ...base, flags: [...base.flags, 'taiwan_resident'] });
  const taiwanIds = new Set(taiwan.map((i) => i.document.id));
  const hkMacaoIds = new Set(hkMacao.map((i) => i.document.id));
  const only = (item: ChecklistItem, en: string, zh: string): ChecklistItem => ({
    ...item,
    required: false,
    notes: [...item.notes, { en, zh }],
  });
  const order = new Map(context.catalogue.documentKinds.map((kind, i) => [kind.id, i]));
  return [
    ...hkMacao.map((item) =>
      taiwanIds.has(item.document.id)
        ? item
        : only(item, 'Hong Kong and Macao residents only.', '仅限港澳居民。'),
    ),
    ...taiwan
      .filter((item) => !hkMacaoIds.has(item.document.id))
      .map((item) => only(item, 'Taiwan residents only.', '仅限台湾居民。')),
  ].sort((a, b) => (order.get(a.document.id) ?? 0) - (order.get(b.document.id) ?? 0));
}

/** The document checklist of every instrument the site needs, from the catalogue's checklist rules. */
export function buildInstrumentChecklists(context: RuleContext, facts: ChecklistFacts): ChecklistSection[] {
  const nature = NATURE_BY_KIND[context.profile.applicantKind];
  if (!nature || !context.catalogue.index.natureById.has(nature)) return [];
  const flags = collectFlags(context, facts);
  // Without a filing province only the national rules match (no rule names the empty province).
  const province = context.filingProvince?.code ?? '';
  const instruments: ChecklistSection['instrument'][] = [];
  if (context.needs.filing) instruments.push('icp_filing');
  if (context.needs.icpLicence) instruments.push('icp_licence');
  if (context.needs.ediLicence) instruments.push('edi_licence');
  return instruments.map((instrument) => {
    const base = { nature, province, instrument, flags };
    return {
      instrument,
      items:
        context.profile.applicantKind === 'hmt_resident'
          ? buildHmtChecklist(context, base)
          : buildChecklist(context.catalogue, base),
    };
  });
}
