import type { Localized } from '../shared/localized.ts';
import type { Eligibility, EligibilitySummary, InstrumentAssessment, LicenceType } from './assessment.ts';
import type { RuleContext } from './rule-context.ts';

/** The headline answer: which instruments the site needs, in order, and whether the applicant can get them. */

const SEVERITY: Record<Eligibility, number> = {
  not_applicable: 0,
  eligible: 1,
  conditional: 2,
  not_eligible: 3,
};

function findLicenceType(needs: RuleContext['needs']): LicenceType {
  if (!needs.filing) return 'none_hosted_outside_mainland';
  if (needs.icpLicence && needs.ediLicence) return 'icp_filing_then_icp_licence_and_edi_licence';
  if (needs.icpLicence) return 'icp_filing_then_icp_licence';
  if (needs.ediLicence) return 'icp_filing_then_edi_licence';
  return 'icp_filing';
}

const HEADLINES: Record<LicenceType, Localized> = {
  none_hosted_outside_mainland: {
    en: 'No ICP filing or licence is needed: the site is hosted outside mainland China. The trade-off is no mainland CDN and slower loading for visitors in China.',
    zh: '无需ICP备案或许可证：网站托管在中国大陆以外。代价是无法使用大陆CDN，中国访客访问较慢。',
  },
  icp_filing: {
    en: 'You need an ICP filing (备案): the site only provides information. Then register with the public security bureau within 30 days of launch.',
    zh: '需要办理ICP备案：网站仅提供信息。上线后30日内还须办理公安联网备案。',
  },
  icp_filing_then_icp_licence: {
    en: 'You need an ICP filing (备案) first, then the ICP commercial licence (ICP经营许可证) for online sales, advertising or payments; plus the PSB filing within 30 days of launch.',
    zh: '须先办理ICP备案，再为网上销售、广告或支付申请ICP经营许可证；上线后30日内还须办理公安联网备案。',
  },
  icp_filing_then_edi_licence: {
    en: 'You need an ICP filing (备案) first, then the EDI licence for the e-commerce platform; plus the PSB filing within 30 days of launch.',
    zh: '须先办理ICP备案，再为电子商务平台申请EDI许可证；上线后30日内还须办理公安联网备案。',
  },
  icp_filing_then_icp_licence_and_edi_licence: {
    en: 'You need an ICP filing (备案) first, then both the ICP commercial licence and the EDI licence; plus the PSB filing within 30 days of launch.',
    zh: '须先办理ICP备案，再申请ICP经营许可证和EDI许可证；上线后30日内还须办理公安联网备案。',
  },
};

function describeStatus(overall: Eligibility, instruments: readonly InstrumentAssessment[]): Localized {
  const named = (eligibility: Eligibility) => {
    const matching = instruments.filter((i) => i.applies && i.eligibility === eligibility);
    return { en: matching.map((i) => i.name.en).join(', '), zh: matching.map((i) => i.name.zh).join('、') };
  };
  switch (overall) {
    case 'not_applicable':
      return { en: '', zh: '' };
    case 'eligible':
      return { en: ' You are eligible for all of them.', zh: '您符合全部办理条件。' };
    case 'conditional': {
      const conditional = named('conditional');
      return {
        en: ` You are eligible only under conditions for: ${conditional.en}.`,
        zh: `以下事项须满足条件方可办理：${conditional.zh}。`,
      };
    }
    case 'not_eligible': {
      const blocked = named('not_eligible');
      return {
        en: ` As things stand you are not eligible for: ${blocked.en} — see the next steps.`,
        zh: `按目前情况您无法办理：${blocked.zh}——请查看后续步骤。`,
      };
    }
  }
}

export function summarise(
  context: RuleContext,
  instruments: readonly InstrumentAssessment[],
): EligibilitySummary {
  const licenceType = findLicenceType(context.needs);
  const overall = instruments
    .filter((i) => i.applies)
    .reduce<Eligibility>(
      (worst, i) => (SEVERITY[i.eligibility] > SEVERITY[worst] ? i.eligibility : worst),
      'not_applicable',
    );
  const headline = HEADLINES[licenceType];
  const status = describeStatus(overall, instruments);
  return {
    licenceType,
    overall,
    message: { en: `${headline.en}${status.en}`, zh: `${headline.zh}${status.zh}` },
  };
}
