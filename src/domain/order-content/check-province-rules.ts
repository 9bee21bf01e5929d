import { isIsoDate } from '../calendar/china-date.ts';
import { issue } from '../shared/issue.ts';
import type { CertificateFacts } from './check-certificate.ts';
import type { PersonFacts } from './check-person.ts';
import type { ServiceFacts } from './check-service.ts';
import type { ContentContext } from './content-context.ts';
import { LONG_TERM_VALIDITY } from './order-content.ts';

/** Provinces usually require personal certificates to stay valid for more than 3 months (reference §4.2). */
const MIN_VALIDITY_MONTHS = 3;

/** `date` plus whole months; a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const monthIndex = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (((monthIndex % 12) + 12) % 12) + 1;
  let day = Number(date.slice(8, 10));
  const format = (d: number) =>
    `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  while (day > 28 && !isIsoDate(format(day))) day -= 1;
  return format(day);
}

/** Every person's certificate must be valid for more than 3 months from today (reference §4.2). */
export function checkCertificateValidity(context: ContentContext, people: readonly PersonFacts[]): void {
  const limit = addMonths(context.today, MIN_VALIDITY_MONTHS);
  for (const person of people) {
    const validUntil = person.validUntil;
    if (validUntil === undefined || validUntil === LONG_TERM_VALIDITY) continue;
    const path = [...person.path, 'certificateValidUntil'];
    if (validUntil < context.today) {
      context.issues.error(
        path,
        issue(
          'certificate_expired',
          `The certificate expired on ${validUntil}; renew it before filing.`,
          `该证件已于 ${validUntil} 过期，请换证后再备案。`,
          { source: 'ref-4-certificates', params: { validUntil } },
        ),
      );
    } else if (validUntil <= limit) {
      context.issues.error(
        path,
        issue(
          'certificate_validity_too_short',
          `The certificate must be valid for more than ${MIN_VALIDITY_MONTHS} months (after ${limit}); it expires on ${validUntil}.`,
          `证件有效期须超过 ${MIN_VALIDITY_MONTHS} 个月（晚于 ${limit}），该证件将于 ${validUntil} 到期。`,
          { source: 'ref-4-certificates', params: { validUntil, minimumValidUntil: limit } },
        ),
      );
    }
  }
}

function firstSource(sources: readonly string[], fallback: string): string {
  return sources[0] ?? fallback;
}

/**
 * Where an individual may file (reference §7, §8): with a local ID card anywhere; with another
 * province's card only where the province accepts any province or a local residence permit (the
 * permit is checked with the documents); foreigners and Hong Kong, Macao and Taiwan residents only
 * where the province accepts them. Where the sources say nothing, a warning asks to confirm.
 */
export function checkIndividualResidency(
  context: ContentContext,
  certificate: CertificateFacts | undefined,
): void {
  const { province, rules } = context;
  if (context.nature?.id !== 'individual' || !province || !rules || !certificate?.origin) return;
  const path = ['entity', 'certificateNumber'];
  const params = { provinceCode: province.code };
  const localOnly = rules.individualResidency.value === 'local_id_only';
  if (certificate.origin === 'mainland') {
    if (certificate.provinceCode === undefined || certificate.provinceCode === province.code) return;
    const source = firstSource(rules.individualResidency.sources, 'ref-8-who');
    const issued = context.catalogue.index.provinceByKey.get(certificate.provinceCode);
    const issuedIn = {
      en: issued?.nameEn ?? certificate.provinceCode,
      zh: issued?.nameZh ?? certificate.provinceCode,
    };
    if (localOnly) {
      context.issues.error(
        path,
        issue(
          'individual_not_local',
          `${province.nameEn} accepts personal filings only with an ID card issued there; this card was issued in ${issuedIn.en}.`,
          `${province.nameZh}只受理本省身份证的个人备案；该身份证签发于${issuedIn.zh}。`,
          { source, params: { ...params, certificateProvince: certificate.provinceCode } },
        ),
      );
    } else if (rules.individualResidency.value === 'unspecified') {
      context.issues.warning(
        path,
        issue(
          'individual_residency_unconfirmed',
          `Our sources do not say whether ${province.nameEn} accepts an ID card issued in ${issuedIn.en}; confirm with the provider before submitting.`,
          `资料未说明${province.nameZh}是否受理${issuedIn.zh}签发的身份证，提交前请向接入商确认。`,
          { source, params: { ...params, certificateProvince: certificate.provinceCode } },
        ),
      );
    }
    return;
  }
  const isForeign = certificate.origin === 'foreign';
  const acceptance = isForeign ? rules.acceptsNonChineseIndividuals : rules.acceptsHkMoTwResidents;
  const who = isForeign
    ? { en: 'foreign nationals', zh: '外籍人员', code: 'foreign_individual' }
    : { en: 'Hong Kong, Macao and Taiwan residents', zh: '港澳台居民', code: 'hk_mo_tw_individual' };
  if (acceptance.value === 'no' || localOnly) {
    const source = firstSource(
      localOnly ? rules.individualResidency.sources : acceptance.sources,
      'ref-8-who',
    );
    context.issues.error(
      path,
      issue(
        `${who.code}_not_accepted`,
        `${province.nameEn} does not accept personal filings by ${who.en}.`,
        `${province.nameZh}不受理${who.zh}的个人备案。`,
        { source, params },
      ),
    );
  } else if (acceptance.value === 'unspecified') {
    context.issues.warning(
      path,
      issue(
        `${who.code}_unconfirmed`,
        `Our sources do not say whether ${province.nameEn} accepts personal filings by ${who.en}; confirm with the provider before submitting.`,
        `资料未说明${province.nameZh}是否受理${who.zh}的个人备案，提交前请向接入商确认。`,
        { source: firstSource(acceptance.sources, 'ref-8-who'), params },
      ),
    );
  }
}

/** The province's minimum age, read from the birth date the certificate encodes (reference §4.4). */
export function checkMinimumAge(context: ContentContext, people: readonly PersonFacts[]): void {
  const rule = context.rules?.minimumAge;
  if (!rule) return;
  const { age: minimum, withProofFrom } = rule.value;
  const source = firstSource(rule.sources, 'ref-4-people');
  for (const person of people) {
    const age = person.certificate?.age;
    if (age === undefined || age >= minimum) continue;
    const path = [...person.path, 'certificateNumber'];
    if (withProofFrom !== undefined && age >= withProofFrom) {
      context.issues.warning(
        path,
        issue(
          'minimum_age_with_proof',
          `At ${age} this person may file in ${context.province?.nameEn ?? 'this province'} only with proof of employment or income (minimum ${minimum}, or ${withProofFrom} with proof).`,
          `此人${age}岁，须提供就业或收入证明方可在${context.province?.nameZh ?? '本省'}备案（须年满${minimum}周岁，或年满${withProofFrom}周岁并提供证明）。`,
          { source, params: { age, minimumAge: minimum, withProofFrom } },
        ),
      );
    } else {
      context.issues.error(
        path,
        issue(
          'under_minimum_age',
          `At ${age} this person is under the minimum age of ${minimum} in ${context.province?.nameEn ?? 'this province'}.`,
          `此人${age}岁，未达到${context.province?.nameZh ?? '本省'}${minimum}周岁的年龄要求。`,
          { source, params: { age, minimumAge: minimum } },
        ),
      );
    }
  }
}

/**
 * Some provinces require local mobile numbers (reference §7). A number's home province cannot be told
 * offline, so each mobile gets a warning asking the applicant to confirm it is local.
 */
export function checkLocalMobile(context: ContentContext, people: readonly PersonFacts[]): void {
  const { province, rules } = context;
  if (!province || !rules?.localMobileRequired.value) return;
  for (const person of people) {
    if (person.mobile === undefined) continue;
    context.issues.warning(
      [...person.path, 'mobile'],
      issue(
        'local_mobile_required',
        `${province.nameEn} requires mobile numbers registered in ${province.nameEn}; confirm that ${person.mobile} is one.`,
        `${province.nameZh}要求使用本省手机号码，请确认 ${person.mobile} 为本省号码。`,
        {
          source: firstSource(rules.localMobileRequired.sources, 'ref-4-people'),
          params: { provinceCode: province.code, sources: rules.localMobileRequired.sources.join(',') },
        },
      ),
    );
  }
}

/**
 * An organisation's entity leader must be its legal representative, unless the province accepts an
 * authorised leader (then the checklist asks for the letter of authorisation; reference §4.4, §7).
 */
export function checkLegalRepresentative(context: ContentContext, leader: PersonFacts | undefined): void {
  const { province, rules } = context;
  if (!context.nature?.isOrganisation || !province || !rules || !leader) return;
  if (leader.person.isLegalRepresentative !== false || rules.organisationLeader.value !== 'legal_rep_only')
    return;
  context.issues.error(
    [...leader.path, 'isLegalRepresentative'],
    issue(
      'leader_must_be_legal_representative',
      `In ${province.nameEn} the entity leader of an organisation must be its legal representative.`,
      `${province.nameZh}要求单位的主体负责人为法定代表人。`,
      {
        source: firstSource(rules.organisationLeader.sources, 'ref-4-people'),
        params: { provinceCode: province.code },
      },
    ),
  );
}

/** Several provinces cap the websites one order may carry (reference §3.3, §7). */
export function checkSitesPerOrder(context: ContentContext, services: readonly ServiceFacts[]): void {
  const { province, rules } = context;
  const max = rules?.maxSitesPerOrder.value;
  if (!province || !rules || max === null || max === undefined) return;
  if (context.orderType !== 'first_filing' && context.orderType !== 'add_service') return;
  const sites = services.filter((facts) => facts.service.type === 'website').length;
  if (sites <= max) return;
  context.issues.error(
    ['services'],
    issue(
      'too_many_sites_per_order',
      `${province.nameEn} accepts at most ${max} website${max === 1 ? '' : 's'} per order; this order has ${sites}. File the others in later orders.`,
      `${province.nameZh}每个订单最多 ${max} 个网站，本订单有 ${sites} 个，其余请分批提交。`,
      {
        source: firstSource(rules.maxSitesPerOrder.sources, 'ref-3-process'),
        params: { max, count: sites, provinceCode: province.code },
      },
    ),
  );
}

/** One domain, one website: the same registrable domain may not appear twice (ref-5-domains). */
export function checkDuplicateDomains(context: ContentContext, services: readonly ServiceFacts[]): void {
  const seen = new Set<string>();
  for (const facts of services) {
    if (facts.domain === undefined) continue;
    if (seen.has(facts.domain)) {
      context.issues.error(
        [...facts.path, 'domain'],
        issue(
          'duplicate_domain',
          `${facts.domain} is already used by another service of this order.`,
          `${facts.domain} 已被本订单中的其他服务使用。`,
          { source: 'ref-5-domains', params: { domain: facts.domain } },
        ),
      );
    }
    seen.add(facts.domain);
  }
}
