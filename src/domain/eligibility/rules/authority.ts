import type { Catalogue } from '../../catalogue/catalogue.ts';
import type { Province } from '../../catalogue/schema.ts';
import type { AuthorityAssessment, AuthorityBasis, NextStep, Reason } from '../assessment.ts';
import { type ApplicantProfile, isIndividualKind } from '../profile.ts';
import { nextStep, reason } from '../reason.ts';

/**
 * Which provincial communications administration reviews the filing (order-33: the CA where the entity
 * is domiciled). Organisations: the province of their certificate — the article agrees (sjgrand-8).
 * Individuals: the ID-card province, or the residence-permit province where that province lets
 * non-locals file with a permit (reference §7, §8) — the article's "any location" is a conflict.
 */

export interface AuthorityResolution {
  assessment: AuthorityAssessment;
  filingProvince?: Province;
}

interface Known {
  certificate?: Province;
  permit?: Province;
}

const GIVE_PROVINCE_STEPS = {
  certificate: nextStep(
    'give_certificate_province',
    'Tell us the province on your business licence or registration certificate to see that province’s rules.',
    '请提供营业执照或登记证书所在省份，以查看该省规则。',
    ['order-33', 'ref-8-who'],
  ),
  id: nextStep(
    'give_id_province',
    'Tell us the province that issued your ID card (or your residence permit) to see which authority reviews your filing.',
    '请提供身份证签发省份（或居住证所在省份），以确定审核备案的管局。',
    ['ref-8-who'],
  ),
  residence: nextStep(
    'give_residence_province',
    'Tell us the province where you hold (or would hold) a residence permit to see whether that province accepts you.',
    '请提供您持有（或将办理）居住证的省份，以确认该省是否受理。',
    ['ref-8-who'],
  ),
} as const;

/** A fresh copy each time, so one answer's steps never alias another's. */
const giveProvince = (what: keyof typeof GIVE_PROVINCE_STEPS): NextStep => {
  const step = GIVE_PROVINCE_STEPS[what];
  return { id: step.id, message: { ...step.message }, sources: [...step.sources] };
};

function resolved(
  province: Province | undefined,
  basis: AuthorityBasis,
  reasons: Reason[],
  nextSteps: NextStep[] = [],
): AuthorityResolution {
  const assessment: AuthorityAssessment = { basis, reasons, nextSteps };
  if (province) {
    assessment.province = {
      code: province.code,
      nameEn: province.nameEn,
      nameZh: province.nameZh,
      authority: { ...province.authority },
    };
    return { assessment, filingProvince: province };
  }
  return { assessment };
}

function resolveOrganisation(profile: ApplicantProfile, known: Known): AuthorityResolution {
  if (profile.applicantKind === 'foreign_company') {
    return resolved(undefined, 'unknown', [
      reason(
        'authority.foreign_company.no_certificate',
        'info',
        'Without a mainland entity there is no filing province: the province follows the business licence of the entity you set up.',
        '没有境内主体就没有备案省份：备案省份取决于将来设立主体的营业执照所在地。',
        ['ref-8-who'],
      ),
    ]);
  }
  const province = known.certificate;
  if (!province) {
    return resolved(
      undefined,
      'unknown',
      [
        reason(
          'authority.province_unknown',
          'condition',
          'The filing province is the province on your certificate, which we do not know yet.',
          '备案省份为证件所在省份，目前尚不清楚。',
          ['order-33', 'ref-8-who'],
        ),
      ],
      [giveProvince('certificate')],
    );
  }
  return resolved(province, 'business_licence', [
    reason(
      'authority.organisation.certificate_province',
      'pass',
      `Organisations file with the communications administration of the province on their certificate: ${province.nameEn}. The article says the same.`,
      `单位向证件所在省份的通信管理局备案：${province.nameZh}。与文章说法一致。`,
      ['sjgrand-8', 'order-33', 'ref-8-who'],
      { province: province.code },
    ),
  ]);
}

function articleAnyLocation(): Reason {
  return reason(
    'authority.individual.article_any_location',
    'info',
    'The article says individuals can register anywhere in China; provider sources say individuals file in their ID-card province or, where the province allows it, with a local residence permit (see the conflicts).',
    '文章称个人可在中国任何地方备案；接入商资料显示个人须在身份证所在省份备案，或在允许的省份凭当地居住证备案（见冲突说明）。',
    ['sjgrand-8', 'ref-8-who', 'ref-7-jd', 'ref-7-huawei'],
  );
}

function resolveChineseIndividual(catalogue: Catalogue, known: Known): AuthorityResolution {
  const { certificate: id, permit } = known;
  const any = articleAnyLocation();
  if (permit && permit.code !== id?.code) {
    const rule = catalogue.index.rulesByProvince.get(permit.code)?.individualResidency;
    const residency = rule?.value ?? 'unspecified';
    const ruleSources = rule?.sources ?? ['ref-8-who'];
    if (residency === 'residence_permit' || residency === 'any_province') {
      const reasons = [
        reason(
          'authority.individual.residence_permit',
          'pass',
          `${permit.nameEn} lets individuals from other provinces file there${residency === 'residence_permit' ? ' with a local residence permit' : ''}: your filing goes to ${permit.nameEn}.`,
          `${permit.nameZh}允许外省个人${residency === 'residence_permit' ? '凭当地居住证' : ''}备案：向${permit.nameZh}管局备案。`,
          ruleSources,
          { province: permit.code, residency },
        ),
      ];
      if (id) {
        reasons.push(
          reason(
            'authority.individual.id_province_alternative',
            'info',
            `You could also file in ${id.nameEn}, the province of your ID card.`,
            `也可以在身份证所在省份${id.nameZh}备案。`,
            ['ref-8-who'],
            { province: id.code },
          ),
        );
      }
      return resolved(permit, 'residence_permit', [...reasons, any]);
    }
    if (residency === 'local_id_only') {
      const refused = reason(
        'authority.individual.residence_permit_refused',
        id ? 'fail' : 'condition',
        `${permit.nameEn} accepts only ID cards issued in ${permit.nameEn}: you cannot file there with a residence permit.`,
        `${permit.nameZh}只接受本省签发的身份证：不能凭居住证在该省备案。`,
        ruleSources,
        { province: permit.code },
      );
      if (!id) return resolved(permit, 'unknown', [refused, any], [giveProvince('id')]);
      return resolved(
        id,
        'id_card',
        [
          refused,
          reason(
            'authority.individual.id_card',
            'pass',
            `Individuals can always file in the province of their ID card: ${id.nameEn}.`,
            `个人可在身份证签发省份备案：${id.nameZh}。`,
            ['ref-8-who', 'order-33'],
            { province: id.code },
          ),
          any,
        ],
        [
          nextStep(
            'file_in_id_province',
            `File in ${id.nameEn}, the province of your ID card (you will need to meet its rules, e.g. on mobile numbers).`,
            `请在身份证签发省份${id.nameZh}备案（须符合该省规则，例如手机号要求）。`,
            ['ref-8-who'],
          ),
        ],
      );
    }
    const unconfirmed = reason(
      'authority.individual.residence_permit_unconfirmed',
      id ? 'info' : 'condition',
      `Our sources do not say whether ${permit.nameEn} accepts individuals with ID cards from other provinces${id ? `; filing in ${id.nameEn}, the province of your ID card, is certain` : ''}.`,
      `资料未说明${permit.nameZh}是否接受外省身份证的个人备案${id ? `；在身份证签发省份${id.nameZh}备案则没有问题` : ''}。`,
      ruleSources,
      { province: permit.code },
    );
    if (!id) return resolved(permit, 'residence_permit', [unconfirmed, any], [giveProvince('id')]);
    return resolved(id, 'id_card', [unconfirmed, any]);
  }
  if (id) {
    return resolved(id, 'id_card', [
      reason(
        'authority.individual.id_card',
        'pass',
        `Individuals file in the province of their ID card: ${id.nameEn}.`,
        `个人在身份证签发省份备案：${id.nameZh}。`,
        ['ref-8-who', 'order-33'],
        { province: id.code },
      ),
      any,
    ]);
  }
  return resolved(
    undefined,
    'unknown',
    [
      reason(
        'authority.province_unknown',
        'condition',
        'Individuals file in the province of their ID card (or, where allowed, of their residence permit), which we do not know yet.',
        '个人在身份证签发省份（或允许时在居住证所在省份）备案，目前尚不清楚。',
        ['ref-8-who'],
      ),
      any,
    ],
    [giveProvince('id')],
  );
}

/** Passport and HK/Macao/Taiwan holders have no ID-card province: they file where they live. */
function resolveNonMainlandIndividual(known: Known): AuthorityResolution {
  const any = articleAnyLocation();
  if (known.permit) {
    return resolved(known.permit, 'residence_permit', [
      reason(
        'authority.individual.residence_permit',
        'pass',
        `Your filing goes to ${known.permit.nameEn}, the province of your residence permit.`,
        `向居住证所在省份${known.permit.nameZh}的管局备案。`,
        ['ref-8-who'],
        { province: known.permit.code },
      ),
      any,
    ]);
  }
  if (known.certificate) {
    return resolved(known.certificate, 'unknown', [
      reason(
        'authority.individual.declared_province',
        'info',
        `A passport or travel permit names no province; we use the province you gave: ${known.certificate.nameEn}. Provinces that require residence ask for a local residence permit.`,
        `护照或通行证不体现省份；按您提供的省份处理：${known.certificate.nameZh}。要求居住地的省份需提供当地居住证。`,
        ['ref-8-who'],
        { province: known.certificate.code },
      ),
      any,
    ]);
  }
  return resolved(
    undefined,
    'unknown',
    [
      reason(
        'authority.province_unknown',
        'condition',
        'Without a mainland ID card the filing province is where you hold a residence permit; whether a province accepts you depends on its rules (see the conflicts).',
        '没有大陆身份证时，备案省份为居住证所在省份；各省是否受理取决于当地规则（见冲突说明）。',
        ['ref-8-who'],
      ),
      any,
    ],
    [giveProvince('residence')],
  );
}

export function resolveAuthority(
  profile: ApplicantProfile,
  catalogue: Catalogue,
  known: Known,
): AuthorityResolution {
  if (!isIndividualKind(profile.applicantKind)) return resolveOrganisation(profile, known);
  if (profile.applicantKind === 'chinese_individual') return resolveChineseIndividual(catalogue, known);
  return resolveNonMainlandIndividual(known);
}
