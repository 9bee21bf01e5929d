import { validateDomain } from '../../validate/domain.ts';
import { nextStep, reason } from '../reason.ts';
import type { RuleContext } from '../rule-context.ts';
import type { RuleFindings } from './applicant.ts';

/** Suffixes reserved for party and government bodies (reference §4.4). */
const GOVERNMENT_SUFFIXES: ReadonlySet<string> = new Set(['gov.cn', '政务', '政务.cn']);

export interface DomainFindings extends RuleFindings {
  isGovernmentDomain: boolean;
}

/**
 * The domain checks a filing runs (reference §5): the suffix must be approved for filing, the domain
 * registered at an MIIT-approved (mainland) registrar and held by the applicant.
 */
export function assessDomain(context: RuleContext): DomainFindings {
  const { profile } = context;
  const findings: DomainFindings = {
    reasons: [
      reason(
        'filing.domain.registrant',
        'info',
        'The domain must be real-name registered to the applicant (the person, or the organisation itself) and have at least three months left before it expires.',
        '域名须实名登记在申请人（个人本人或单位本身）名下，且有效期剩余不少于三个月。',
        ['miit-domain-notice-2018', 'ref-5-domains'],
      ),
    ],
    nextSteps: [],
    isGovernmentDomain: false,
  };
  if (profile.domain !== undefined) {
    const result = validateDomain(profile.domain, { catalogue: context.catalogue });
    if (result.value) {
      findings.isGovernmentDomain =
        GOVERNMENT_SUFFIXES.has(result.value.publicSuffix.ascii) ||
        GOVERNMENT_SUFFIXES.has(result.value.publicSuffix.unicode);
    }
    for (const error of result.errors) {
      if (error.code === 'tld_not_fileable') {
        findings.reasons.push(
          reason(
            'filing.domain.tld_not_fileable',
            'fail',
            error.message.en,
            error.message.zh,
            [error.source ?? 'ref-5-tlds', 'ref-5-domains'],
            { ...error.params, code: error.code },
          ),
        );
        findings.nextSteps.push(
          nextStep(
            'use_fileable_tld',
            'Register the site under a suffix approved for filing (for example .cn, .com or .net) and file that domain.',
            '改用可备案的域名后缀（例如 .cn、.com 或 .net）注册域名并以该域名备案。',
            ['ref-5-tlds', 'ref-5-domains'],
          ),
        );
      } else {
        findings.reasons.push(
          reason(
            'filing.domain.invalid',
            'fail',
            error.message.en,
            error.message.zh,
            [error.source ?? 'ref-5-domains'],
            { ...error.params, code: error.code },
          ),
        );
        findings.nextSteps.push(
          nextStep(
            'fix_domain',
            'Enter the domain name of the site as registered (for example example.cn).',
            '请填写网站已注册的域名（例如 example.cn）。',
            ['ref-5-domains'],
          ),
        );
      }
    }
    for (const warning of result.warnings) {
      findings.reasons.push(
        reason(
          'filing.domain.warning',
          'info',
          warning.message.en,
          warning.message.zh,
          [warning.source ?? 'ref-5-domains'],
          { ...warning.params, code: warning.code },
        ),
      );
    }
    if (result.valid && result.value) {
      findings.reasons.push(
        reason(
          'filing.domain.fileable',
          'pass',
          `${result.value.registrableDomain.unicode} uses a suffix approved for filing; that registrable domain is what gets filed.`,
          `${result.value.registrableDomain.unicode} 的后缀可备案；备案的是该可注册域名。`,
          ['ref-5-tlds', 'ref-5-domains'],
          { domain: result.value.registrableDomain.unicode },
        ),
      );
    }
  }
  if (profile.domainAtMainlandRegistrar === false) {
    findings.reasons.push(
      reason(
        'filing.domain.foreign_registrar',
        'condition',
        'The domain is held at a registrar not approved by MIIT: it must be transferred to an approved mainland registrar before filing.',
        '域名所在注册商未获工信部批准：备案前须转入获批准的境内注册商。',
        ['ref-5-domains'],
      ),
    );
    findings.nextSteps.push(
      nextStep(
        'transfer_domain_to_mainland_registrar',
        'Transfer the domain to an MIIT-approved registrar (listed on domain.miit.gov.cn), complete real-name verification and allow 3–5 working days for the data to reach the authority.',
        '将域名转入工信部批准的注册商（见domain.miit.gov.cn），完成实名认证，并预留3–5个工作日同步至管局。',
        ['ref-5-domains'],
      ),
    );
  } else if (profile.domainAtMainlandRegistrar === true) {
    findings.reasons.push(
      reason(
        'filing.domain.mainland_registrar',
        'pass',
        'The domain is held at an MIIT-approved registrar.',
        '域名所在注册商已获工信部批准。',
        ['ref-5-domains'],
      ),
    );
  }
  return findings;
}
