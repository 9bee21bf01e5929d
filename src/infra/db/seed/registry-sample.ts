import { domainToASCII } from 'node:url';
import type { RegistryEntryInput, RegistryServiceInput } from '../../../app/registry/registry-store.ts';
import type { Catalogue } from '../../../domain/catalogue/catalogue.ts';
import { defaultCatalogue } from '../../../domain/catalogue/default-catalogue.ts';
import type { Province } from '../../../domain/catalogue/schema.ts';
import { formatFilingNumber, type ServiceType } from '../../../domain/numbers/filing-number.ts';
import { createRandom, type Random } from './random.ts';
import {
  APP_SUFFIXES,
  COMPANY_FORMS,
  COMPANY_TLDS,
  GIVEN_NAME_CHARACTERS,
  GOVERNMENT_BODIES,
  INDUSTRIES,
  MINI_PROGRAM_SUFFIXES,
  PERSONAL_SITE_FIRST,
  PERSONAL_SITE_SECOND,
  PERSONAL_TLDS,
  PRIVATE_NON_ENTERPRISES,
  PUBLIC_INSTITUTIONS,
  QUICK_APP_SUFFIXES,
  SOCIAL_ORGANISATIONS,
  SURNAMES,
  TRADE_NAMES,
  WEBSITE_SUFFIXES,
  type Word,
} from './sample-vocabulary.ts';

export interface RegistrySampleOptions {
  /** Services to generate (CSV rows); the last entity is cut to fit. */
  services: number;
  seed?: number;
  /** Latest approval year; numbers and dates never go past its 31 December. */
  lastYear?: number;
  catalogue?: Catalogue;
}

/**
 * Relative registry size per province (entities), roughly after the provincial counts of
 * perf-reliability §1.6 and population: Guangdong, Jiangsu, Zhejiang, Beijing, Shanghai and
 * Shandong lead; every province appears.
 */
const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  '44': 150,
  '32': 85,
  '33': 80,
  '11': 70,
  '31': 60,
  '37': 60,
  '35': 40,
  '41': 40,
  '51': 40,
  '42': 35,
  '43': 30,
  '34': 30,
  '13': 30,
  '21': 20,
  '61': 20,
  '36': 20,
  '50': 20,
  '45': 20,
  '12': 15,
  '53': 15,
  '14': 12,
  '23': 10,
  '22': 10,
  '52': 10,
  '46': 10,
  '15': 8,
  '65': 6,
  '62': 6,
  '64': 3,
  '63': 2,
  '54': 1,
};

/** Entity natures by share (≈74% organisations that are companies, ≈22% individuals; §3.3). */
const NATURE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['enterprise', 72],
  ['individual', 22],
  ['public_institution', 2.5],
  ['government', 1.5],
  ['social_organisation', 1.2],
  ['private_non_enterprise', 0.8],
];

/** Service types once app filing began (Jiangsu 2025: 64% websites, 31% mini-programs, 4% apps). */
const SERVICE_TYPE_WEIGHTS: readonly (readonly [ServiceType, number])[] = [
  ['website', 64],
  ['mini_program', 31],
  ['app', 4.5],
  ['quick_app', 0.5],
];

/** MIIT began filing apps, mini-programs and quick apps with its 2023 notice (§1.6). */
const APP_FILING_START = '2023-09-01';
/** Numbers issued from 2019-04-22 carry a four-digit year (reference §6.1). */
const TEN_DIGIT_START = '2019-04-22';
const FIRST_YEAR = 2005;

const ORGANISATION_CONTENT_TYPES = ['单位门户网站', '综合门户', '网络购物', '其他'];
const PERSONAL_CONTENT_TYPES = ['博客/个人空间', '其他'];

interface City {
  zh: string;
  py: string;
}

interface ProvinceSampler {
  province: Province;
  cities: City[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function randomDateIn(random: Random, year: number): string {
  const month = random.int(1, 12);
  return `${year}-${pad(month)}-${pad(random.int(1, daysInMonth(year, month)))}`;
}

/** A date in [from, `lastYear`-12-31]: a random year, then a random day, clamped to the range. */
function randomDateFrom(random: Random, from: string, lastYear: number): string {
  const fromYear = Number(from.slice(0, 4));
  const date = randomDateIn(random, random.int(fromYear, lastYear));
  return date < from ? from : date;
}

function buildProvinceSamplers(catalogue: Catalogue): Map<string, ProvinceSampler> {
  const samplers = new Map<string, ProvinceSampler>();
  for (const province of catalogue.provinces) {
    const cities = catalogue.regions.cities
      .filter((c) => c.code.startsWith(province.code) && c.nameZh.endsWith('市'))
      .map((c) => ({
        zh: c.nameZh.slice(0, -1),
        py: (c.nameEn.split(/\s+/)[0] ?? '').toLowerCase().replace(/[^a-z]/g, ''),
      }))
      .filter((c) => c.py !== '');
    samplers.set(province.code, {
      province,
      cities:
        cities.length > 0
          ? cities
          : [{ zh: province.nameZh.slice(0, 2), py: province.slug.replace(/-/g, '') }],
    });
  }
  return samplers;
}

/**
 * Deterministic sample registry: entities in all 31 provinces with plausible (fictional) Chinese
 * names — companies, individuals, public institutions, government bodies, associations — their
 * websites, apps, mini-programs and quick apps, domains on fileable suffixes, and numbers that the
 * number codec accepts: 8 digits before 2019-04-22, 10 after, serials increasing per province and
 * year, one suffix sequence per entity. The same seed always yields the same records.
 */
export function* generateRegistrySample(options: RegistrySampleOptions): Generator<RegistryEntryInput> {
  const random = createRandom(options.seed ?? 1);
  const catalogue = options.catalogue ?? defaultCatalogue;
  const lastYear = options.lastYear ?? 2025;
  const samplers = buildProvinceSamplers(catalogue);
  const provinceChoices = catalogue.provinces.map((p) => [p.code, PROVINCE_WEIGHTS[p.code] ?? 1] as const);
  const lastSerial = new Map<string, number>();
  const years: [number, number][] = [];
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    // More filings in later years, as app and mini-program filing and provincial growth add up.
    years.push([year, year - FIRST_YEAR + 4]);
  }

  /** A domain not issued before: the label as chosen, or with the lowest free number appended. */
  const usedDomains = new Set<string>();
  const nextNumber = new Map<string, number>();
  const uniqueDomain = (label: string, tld: string): string => {
    const key = `${label}.${tld}`;
    let n = nextNumber.get(key) ?? 1;
    let ascii = domainToASCII(key) || key;
    while (usedDomains.has(ascii)) {
      n += 1;
      const numbered = `${label}${n}.${tld}`;
      ascii = domainToASCII(numbered) || numbered;
    }
    nextNumber.set(key, n);
    usedDomains.add(ascii);
    return ascii;
  };

  const appsFiled = `${lastYear}-12-31` >= APP_FILING_START;
  let remaining = options.services;
  while (remaining > 0) {
    const sampler = samplers.get(random.weighted(provinceChoices));
    if (!sampler) throw new Error('Province sampler missing');
    const { province } = sampler;
    const city = random.pick(sampler.cities);
    const nature = random.weighted(NATURE_WEIGHTS);
    const year = random.weighted(years);
    const approvedOn = randomDateIn(random, year);
    const isTenDigit = approvedOn >= TEN_DIGIT_START;
    const yearDigits: 2 | 4 = isTenDigit ? 4 : 2;
    // 8- and 10-digit numbers of one year are different number spaces; keep their serials apart.
    const serialKey = `${province.code}:${year}:${yearDigits}`;
    const serial = (lastSerial.get(serialKey) ?? random.int(0, 300)) + random.int(1, 3);
    lastSerial.set(serialKey, serial);
    const numberParts = { abbreviation: province.icpAbbreviation, year, yearDigits, serial };
    const entityNumber = formatFilingNumber(numberParts);

    const named = nameEntity(random, nature, city, province);
    const serviceCount = Math.min(remaining, serviceCountFor(random, nature));
    const services: RegistryServiceInput[] = [];
    for (let index = 1; index <= serviceCount; index++) {
      // An entity's first filing before app filing began was a website.
      const type: ServiceType =
        appsFiled && !(index === 1 && approvedOn < APP_FILING_START)
          ? random.weighted(SERVICE_TYPE_WEIGHTS)
          : 'website';
      const earliest =
        type === 'website' ? approvedOn : approvedOn > APP_FILING_START ? approvedOn : APP_FILING_START;
      const serviceApprovedOn =
        index === 1 && type === 'website' ? approvedOn : randomDateFrom(random, earliest, lastYear);
      const domains =
        type === 'website'
          ? Array.from({ length: approvedOn < TEN_DIGIT_START && random.chance(0.12) ? 2 : 1 }, () =>
              uniqueDomain(named.domainLabel(), named.tld()),
            )
          : [];
      services.push({
        serviceNumber: formatFilingNumber({ ...numberParts, service: { index, type } }),
        serviceType: type,
        serviceName: named.serviceName(type),
        contentType:
          type === 'website'
            ? random.pick(nature === 'individual' ? PERSONAL_CONTENT_TYPES : ORGANISATION_CONTENT_TYPES)
            : null,
        domains,
        approvedOn: serviceApprovedOn,
        isAccessLimited: random.chance(0.02),
      });
    }
    remaining -= services.length;
    yield {
      entity: { entityNumber, unitName: named.unitName, nature, provinceCode: province.code, approvedOn },
      services,
    };
  }
}

function serviceCountFor(random: Random, nature: string): number {
  if (nature === 'individual')
    return random.weighted([
      [1, 80],
      [2, 17],
      [3, 3],
    ]);
  return random.weighted([
    [1, 55],
    [2, 25],
    [3, 11],
    [4, 5],
    [5, 2],
    [8, 1.5],
    [12, 0.5],
  ]);
}

interface NamedEntity {
  unitName: string;
  domainLabel(): string;
  tld(): string;
  serviceName(type: ServiceType): string;
}

function pickSuffix(random: Random, type: ServiceType): string {
  switch (type) {
    case 'website':
      return random.pick(WEBSITE_SUFFIXES);
    case 'app':
      return random.pick(APP_SUFFIXES);
    case 'mini_program':
      return random.pick(MINI_PROGRAM_SUFFIXES);
    case 'quick_app':
      return random.pick(QUICK_APP_SUFFIXES);
  }
}

function initials(py: string): string {
  return py.slice(0, 2);
}

function nameEntity(random: Random, nature: string, city: City, province: Province): NamedEntity {
  switch (nature) {
    case 'individual': {
      const surname = random.pick(SURNAMES);
      const given = Array.from({ length: random.chance(0.35) ? 1 : 2 }, () =>
        random.pick(GIVEN_NAME_CHARACTERS),
      );
      const fullPy = surname.py + given.map((g) => g.py).join('');
      const first = random.pick(PERSONAL_SITE_FIRST);
      const second = random.pick(PERSONAL_SITE_SECOND);
      return {
        unitName: surname.zh + given.map((g) => g.zh).join(''),
        domainLabel: () =>
          random.pick([
            fullPy,
            first.py + second.py,
            `${first.py}${random.int(1, 99)}`,
            fullPy + random.int(80, 99),
          ]),
        tld: () => random.weighted(PERSONAL_TLDS),
        serviceName: () => `${random.pick(PERSONAL_SITE_FIRST).zh}${random.pick(PERSONAL_SITE_SECOND).zh}`,
      };
    }
    case 'government': {
      const body = random.pick(GOVERNMENT_BODIES);
      const unitName = `${city.zh}市${body.zh}`;
      return {
        unitName,
        domainLabel: () => (body.py === 'www' ? city.py : `${body.py}.${city.py}`),
        tld: () => 'gov.cn',
        serviceName: () => `${unitName}${random.pick(['门户网站', '网站', '政务服务'])}`,
      };
    }
    case 'public_institution':
    case 'social_organisation':
    case 'private_non_enterprise': {
      const list: Word[] =
        nature === 'public_institution'
          ? PUBLIC_INSTITUTIONS
          : nature === 'social_organisation'
            ? SOCIAL_ORGANISATIONS
            : PRIVATE_NON_ENTERPRISES;
      const body = random.pick(list);
      const isProvincial = nature === 'social_organisation' && random.chance(0.3);
      const place = isProvincial ? province.nameZh : `${city.zh}市`;
      const placePy = isProvincial ? province.slug.replace(/-/g, '') : city.py;
      const unitName = `${place}${body.zh}`;
      const isSchool = ['yizhong', 'erzhong', 'shiyanxiaoxue', 'vtc'].includes(body.py);
      return {
        unitName,
        domainLabel: () => `${placePy}${body.py}`,
        tld: () => (isSchool ? 'edu.cn' : random.pick(['cn', 'org.cn', 'com', 'net'])),
        serviceName: (type) =>
          `${unitName}${type === 'website' ? random.pick(['官网', '网站', '']) : pickSuffix(random, type)}`,
      };
    }
    default: {
      const trade = random.pick(TRADE_NAMES);
      const industry = random.pick(INDUSTRIES);
      const form = random.weighted(COMPANY_FORMS);
      const prefix = random.chance(0.7) ? `${city.zh}${random.chance(0.3) ? '市' : ''}` : '';
      const isBranch = random.chance(0.04);
      const unitName = isBranch
        ? `${trade.zh}${industry.zh}${form}${city.zh}分公司`
        : `${prefix}${trade.zh}${industry.zh}${form}`;
      return {
        unitName,
        domainLabel: () =>
          random.weighted([
            [trade.py + industry.py, 4],
            [trade.py, 3],
            [initials(city.py) + trade.py, 2],
            [`${trade.py}-${industry.en}`, 1],
            [trade.zh, 0.3],
          ]),
        tld: () => random.weighted(COMPANY_TLDS),
        serviceName: (type) => {
          const name = `${trade.zh}${random.chance(0.3) ? industry.zh : ''}${pickSuffix(random, type)}`;
          // Website names have at least three characters (reference §4.4).
          return [...name].length >= 3 ? name : `${name}${industry.zh}`;
        },
      };
    }
  }
}
