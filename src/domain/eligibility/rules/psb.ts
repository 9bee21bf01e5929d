import type { Eligibility } from '../assessment.ts';
import { nextStep, outcomeOfPrerequisite, reason } from '../reason.ts';
import type { RuleFindings } from './applicant.ts';

/** The public-security (PSB) website filing follows the ICP filing: within 30 days of launch (psb-filing). */
export function assessPsbFiling(filing: Eligibility): RuleFindings {
  return {
    reasons: [
      reason(
        'psb.within_30_days',
        'info',
        'Within 30 days of the site going live, register it with the public security bureau (beian.mps.gov.cn) and show the PSB number in the footer too.',
        '网站开通后30日内到公安机关（beian.mps.gov.cn）办理联网备案，并在页脚展示公安备案号。',
        ['psb-filing', 'ref-6-psb'],
      ),
      reason(
        'psb.requires_filing',
        outcomeOfPrerequisite(filing),
        'The PSB filing asks for the ICP filing number, so it follows the ICP filing.',
        '公安联网备案需要填写ICP备案号，因此在ICP备案之后办理。',
        ['psb-filing'],
        { filing },
      ),
    ],
    nextSteps: [
      nextStep(
        'register_psb_filing',
        'After launch, register the site on beian.mps.gov.cn within 30 days.',
        '网站开通后30日内在beian.mps.gov.cn办理公安联网备案。',
        ['psb-filing'],
      ),
    ],
  };
}
