import { describe, expect, it } from 'vitest';
import { ACTIVITIES } from '../eligibility/profile.ts';
import {
  buildCatalogue,
  CatalogueError,
  findProvince,
  getProvince,
  getProvinceRules,
  lookupRegion,
} from './catalogue.ts';
import { defaultCatalogue } from './default-catalogue.ts';
import type { CatalogueData } from './schema.ts';

/** A deep copy of the shipped data, without indexes, to break in tests. */
function rawData(): CatalogueData {
  const { index: _index, ...data } = defaultCatalogue;
  return structuredClone(data);
}

function buildError(data: unknown): CatalogueError {
  try {
    buildCatalogue(data);
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('buildCatalogue accepted invalid data');
}

const rules = (key: string) => getProvinceRules(defaultCatalogue, getProvince(defaultCatalogue, key).code);

/** The planned-activity ids of the eligibility engine's profile. */
const activities = new Set<string>(ACTIVITIES);

describe('default catalogue', () => {
  it('loads with 31 provinces, each with rules', () => {
    expect(defaultCatalogue.provinces).toHaveLength(31);
    expect(defaultCatalogue.provinceRules).toHaveLength(31);
    for (const province of defaultCatalogue.provinces) {
      expect(getProvinceRules(defaultCatalogue, province.code).province).toBe(province.code);
    }
  });

  it('rebuilds from its own data', () => {
    expect(buildCatalogue(rawData()).provinceRules).toHaveLength(31);
  });

  it.each([
    ['11', '11'],
    ['110000', '11'],
    ['京', '11'],
    ['川', '51'],
    ['蜀', '51'],
    ['甘', '62'],
    ['Beijing', '11'],
    ['beijing', '11'],
    ['北京', '11'],
    ['北京市', '11'],
    ['inner-mongolia', '15'],
    ['广西', '45'],
    [' 京 ', '11'],
  ])('findProvince(%j) → %s', (key, code) => {
    expect(findProvince(defaultCatalogue, key)?.code).toBe(code);
  });

  it.each(['', '99', 'Atlantis', '台湾'])('findProvince(%j) → undefined', (key) => {
    expect(findProvince(defaultCatalogue, key)).toBeUndefined();
  });

  it('getProvince throws for an unknown key (programming error, not user input)', () => {
    expect(() => getProvince(defaultCatalogue, 'Atlantis')).toThrow(/Atlantis/);
  });

  it('lookupRegion resolves a county code', () => {
    const region = lookupRegion(defaultCatalogue, '110108');
    expect(region.province?.nameEn).toBe('Beijing');
    expect(region.county?.nameZh).toBe('海淀区');
    expect(region.county?.nameEn).toMatch(/Haidian/);
  });

  it('lookupRegion marks Hong Kong as outside filing', () => {
    const region = lookupRegion(defaultCatalogue, '810000');
    expect(region.province).toBeUndefined();
    expect(region.outsideFiling?.nameEn).toBe('Hong Kong');
  });
});

describe('buildCatalogue rejects bad data with readable problems', () => {
  it('an unknown source id, naming the path', () => {
    const data = rawData();
    const first = data.provinceRules[0];
    if (!first) throw new Error('no rules');
    first.minimumAge.sources = ['no-such-source'];
    const error = buildError(data);
    expect(error.problems).toContain(
      '$.provinceRules[0].minimumAge.sources: unknown source "no-such-source"',
    );
    expect(error.message).toMatch(/Invalid catalogue data/);
  });

  it('an unknown source id inside alternatives', () => {
    const data = rawData();
    const henan = data.provinceRules.find((r) => r.province === '41');
    const alternative = henan?.maxSitesPerOrder.alternatives?.[0];
    if (!alternative) throw new Error('Henan has no alternative');
    alternative.sources = ['ghost'];
    expect(buildError(data).message).toMatch(
      /maxSitesPerOrder\.alternatives\[0\]\.sources: unknown source "ghost"/,
    );
  });

  it("a missing province's rules", () => {
    const data = rawData();
    data.provinceRules = data.provinceRules.filter((r) => r.province !== '65');
    expect(buildError(data).problems).toContain('provinceRules: no rules for province 65');
  });

  it('an unknown document id in province extras and in the checklist', () => {
    const data = rawData();
    const jiangsu = data.provinceRules.find((r) => r.province === '32');
    const rule = data.checklist[0];
    if (!jiangsu || !rule) throw new Error('fixture missing');
    jiangsu.extraDocuments.push('no_such_document');
    rule.document = 'another_missing_document';
    const { problems } = buildError(data);
    expect(problems).toContain('provinceRules[32]: unknown document "no_such_document"');
    expect(problems).toContain(`checklist ${rule.id}: unknown document "another_missing_document"`);
  });

  it('an unknown certificate type of a nature', () => {
    const data = rawData();
    data.entityNatures[0]?.certificateTypes.push('papyrus');
    expect(buildError(data).problems).toContain(
      'entityNatures[enterprise]: unknown certificate type "papyrus"',
    );
  });

  it('a schema violation, naming the path', () => {
    const data = rawData();
    const first = data.provinceRules[0];
    if (!first) throw new Error('no rules');
    (first.individualResidency as { value: string }).value = 'anywhere';
    expect(buildError(data).message).toMatch(/provinceRules\.0\.individualResidency\.value/);
  });
});

describe('province rules', () => {
  it.each([
    ['Shanxi', 'local_id_only'],
    ['Heilongjiang', 'local_id_only'],
    ['Jiangxi', 'local_id_only'],
    ['Henan', 'local_id_only'],
    ['Chongqing', 'local_id_only'],
    ['Yunnan', 'local_id_only'],
    ['Tibet', 'local_id_only'],
    ['Gansu', 'local_id_only'],
    ['Qinghai', 'local_id_only'],
    ['Ningxia', 'local_id_only'],
    ['Xinjiang', 'local_id_only'],
    ['Guangxi', 'local_id_only'],
    ['Jilin', 'residence_permit'],
    ['Shanghai', 'residence_permit'],
    ['Jiangsu', 'residence_permit'],
    ['Zhejiang', 'residence_permit'],
    ['Fujian', 'residence_permit'],
    ['Shandong', 'residence_permit'],
    ['Hubei', 'residence_permit'],
    ['Guangdong', 'residence_permit'],
    ['Sichuan', 'residence_permit'],
    ['Guizhou', 'residence_permit'],
    ['Inner Mongolia', 'residence_permit'],
    ['Tianjin', 'any_province'],
    ['Shaanxi', 'any_province'],
    ['Beijing', 'unspecified'],
    ['Hunan', 'unspecified'],
  ])('%s individual residency: %s', (province, residency) => {
    expect(rules(province).individualResidency.value).toBe(residency);
  });

  it('Inner Mongolia keeps the conflicting Huawei rule as an alternative', () => {
    const residency = rules('inner-mongolia').individualResidency;
    expect(residency.sources).toContain('ref-7-jd');
    expect(residency.alternatives).toEqual([expect.objectContaining({ value: 'local_id_only' })]);
    expect(residency.alternatives?.[0]?.sources).toContain('ref-7-huawei');
  });

  it.each([
    ['Hebei', 'no'],
    ['Jiangxi', 'no'],
    ['Sichuan', 'yes'],
    ['Beijing', 'unspecified'],
  ])('%s accepts non-Chinese individuals: %s', (province, answer) => {
    expect(rules(province).acceptsNonChineseIndividuals.value).toBe(answer);
  });

  it('Sichuan accepts Hong Kong, Macao and Taiwan residents', () => {
    expect(rules('Sichuan').acceptsHkMoTwResidents.value).toBe('yes');
  });

  it.each([
    ['Guangdong', 18, 16],
    ['Jiangsu', 18, 16],
    ['Tianjin', 18, 16],
    ['Beijing', 18, undefined],
  ])('%s minimum age %i (with proof from %s)', (province, age, withProofFrom) => {
    expect(rules(province).minimumAge.value).toEqual(withProofFrom ? { age, withProofFrom } : { age });
  });

  it.each(['Fujian', 'Guizhou', 'Qinghai'])(
    '%s keeps Alibaba’s minimum age of 14 as an alternative',
    (province) => {
      const minimumAge = rules(province).minimumAge;
      expect(minimumAge.value.age).toBe(18);
      expect(minimumAge.alternatives?.[0]).toMatchObject({ value: { age: 14 }, sources: ['ref-7-alibaba'] });
    },
  );

  it('requires local mobiles in exactly the ten provinces of the reference', () => {
    const local = defaultCatalogue.provinceRules
      .filter((r) => r.localMobileRequired.value)
      .map((r) => r.province);
    expect(local.sort()).toEqual(['12', '21', '22', '23', '32', '43', '45', '61', '62', '65']);
  });

  it('lets an authorised leader stand in only where sources say so', () => {
    const authorised = defaultCatalogue.provinceRules
      .filter((r) => r.organisationLeader.value === 'legal_rep_or_authorised')
      .map((r) => r.province);
    expect(authorised.sort()).toEqual(['14', '22', '32', '34', '46', '51', '62']);
    expect(rules('Guangdong').organisationLeader.value).toBe('legal_rep_only');
  });

  it.each([
    ['Shanxi', 3],
    ['Henan', 1],
    ['Hubei', 1],
    ['Hunan', 1],
    ['Beijing', null],
  ])('%s max sites per order: %s', (province, max) => {
    expect(rules(province).maxSitesPerOrder.value).toBe(max);
  });

  it('Henan keeps Huawei’s limit of 5 as an alternative', () => {
    expect(rules('Henan').maxSitesPerOrder.alternatives?.[0]?.value).toBe(5);
  });

  it('Guangdong alone displays the entity number', () => {
    const entity = defaultCatalogue.provinceRules.filter((r) => r.numberDisplay.value === 'entity');
    expect(entity.map((r) => r.province)).toEqual(['44']);
  });

  it('lets a shell entity add services in the eleven provinces of the reference', () => {
    const shell = defaultCatalogue.provinceRules
      .filter((r) => r.shellEntityCanAddServices.value)
      .map((r) => r.province);
    expect(shell.sort()).toEqual(['11', '12', '14', '21', '31', '32', '33', '45', '51', '52', '53']);
  });

  it('review days: provider 1–2, authority at most 20 (Shanghai typically faster, as an estimate)', () => {
    for (const r of defaultCatalogue.provinceRules) {
      expect(r.providerReviewDays.value).toEqual({ typical: 1, max: 2 });
      expect(r.authorityReviewDays.value.max).toBe(20);
      expect(r.authorityReviewDays.sources).toEqual(
        expect.arrayContaining(['order-33', 'openbeian-estimate']),
      );
    }
    expect(rules('Shanghai').authorityReviewDays.value.typical).toBe(5);
    expect(rules('Shanghai').authorityReviewDays.sources).toEqual(
      expect.arrayContaining(['sjgrand-11', 'ref-3-verification']),
    );
    expect(rules('Beijing').authorityReviewDays.value.typical).toBe(10);
  });

  it.each([
    ['Jiangsu', ['responsibility_notice', 'commitment_letter']],
    ['Xinjiang', ['party_building_certificate']],
    ['Hunan', []],
  ])('%s extra documents', (province, documents) => {
    expect(rules(province).extraDocuments).toEqual(documents);
  });

  it('every province with special items in reference §7 has them, in both languages', () => {
    for (const r of defaultCatalogue.provinceRules) {
      expect(r.specialItems.length, r.province).toBeGreaterThan(0);
      for (const item of r.specialItems) expect(item.text.zh).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('other catalogue data', () => {
  it('has the seven canonical order types; only cancel access skips SMS verification', () => {
    expect(defaultCatalogue.orderTypes.map((o) => o.id)).toEqual([
      'first_filing',
      'add_service',
      'add_access',
      'change',
      'cancel_service',
      'cancel_entity',
      'cancel_access',
    ]);
    expect(defaultCatalogue.orderTypes.filter((o) => !o.smsVerification).map((o) => o.id)).toEqual([
      'cancel_access',
    ]);
  });

  it('maps every USCC class to at most one nature', () => {
    const seen = new Map<string, string>();
    for (const nature of defaultCatalogue.entityNatures) {
      for (const cls of nature.usccClasses) {
        expect(seen.get(cls), cls).toBeUndefined();
        seen.set(cls, nature.id);
      }
    }
    expect(seen.get('91')).toBe('enterprise');
    expect(seen.get('92')).toBe('enterprise');
    expect(seen.get('12')).toBe('public_institution');
    expect(seen.get('A')).toBe('military');
  });

  it('gives individuals only personal certificates and organisations only organisation ones', () => {
    const holder = new Map(defaultCatalogue.certificateTypes.map((c) => [c.id, c.holder]));
    for (const nature of defaultCatalogue.entityNatures) {
      const expected = nature.isOrganisation ? 'organisation' : 'person';
      for (const cert of nature.certificateTypes)
        expect(holder.get(cert), `${nature.id}/${cert}`).toBe(expected);
    }
  });

  it('uses only known planned activities and provinces in pre-approvals', () => {
    const provinceCodes = new Set(defaultCatalogue.provinces.map((p) => p.code));
    for (const pre of defaultCatalogue.preApprovals) {
      for (const activity of pre.activities) expect(activities.has(activity), activity).toBe(true);
      for (const code of pre.keptInProvinces ?? []) expect(provinceCodes.has(code), code).toBe(true);
      expect(pre.status.value === 'abolished_except').toBe((pre.keptInProvinces ?? []).length > 0);
    }
  });

  it.each([
    ['education', 'abolished_except', ['33', '63', '54']],
    ['health_care', 'abolished_except', ['13', '54']],
    ['bbs', 'abolished', undefined],
    ['news', 'required', undefined],
  ])('pre-approval %s is %s', (id, status, kept) => {
    const pre = defaultCatalogue.preApprovals.find((p) => p.id === id);
    expect(pre?.status.value).toBe(status);
    expect(pre?.keptInProvinces).toEqual(kept);
  });

  it('cites the official texts for the domain rules, and every law by its Chinese title too', () => {
    const byId = new Map(defaultCatalogue.sources.map((source) => [source.id, source]));
    expect(byId.get('miit-domain-notice-2018')).toMatchObject({
      url: expect.stringMatching(/^https:\/\/www\.miit\.gov\.cn\//),
      titleZh: expect.stringContaining('工信部信管〔2017〕264号'),
    });
    // 域名.信息, MIIT's domain-industry publication of the approved top-level domains.
    expect(byId.get('ref-5-tlds')?.url).toBe('http://xn--eqrt2g.xn--vuq861b/');
    for (const source of defaultCatalogue.sources) {
      expect(source.url ?? '', source.id).not.toMatch(/github\.com\/errata-ai/);
      if (source.kind === 'law') expect(source.titleZh, source.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('keeps ids unique within each list', () => {
    const lists: [string, { id: string }[]][] = [
      ['sources', defaultCatalogue.sources],
      ['entityNatures', defaultCatalogue.entityNatures],
      ['certificateTypes', defaultCatalogue.certificateTypes],
      ['preApprovals', defaultCatalogue.preApprovals],
      ['documentKinds', defaultCatalogue.documentKinds],
      ['checklist', defaultCatalogue.checklist],
    ];
    for (const [name, list] of lists) {
      expect(new Set(list.map((x) => x.id)).size, name).toBe(list.length);
    }
  });
});
