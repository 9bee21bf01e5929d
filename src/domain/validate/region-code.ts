import { type Catalogue, lookupRegion } from '../catalogue/catalogue.ts';
import { type Issue, issue } from '../shared/issue.ts';

export interface RegionName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A six-digit GB/T 2260 code resolved against the catalogue's region table. */
export interface RegionParts {
  code: string;
  /** The level the code names, or `unknown` when the table does not know it at that level. */
  level: 'national' | 'province' | 'city' | 'county' | 'unknown';
  province?: RegionName;
  /** Hong Kong, Macao or Taiwan (codes 810000/820000/830000 on residence permits). */
  outsideFiling?: RegionName;
  city?: RegionName;
  county?: RegionName;
}

/**
 * Organisations registered by a central authority carry 100000 in USCC characters 3-8 (GB 32100
 * takes the registering authority's area code; the national level has no GB/T 2260 entry).
 */
const NATIONAL_CODE = '100000';

/** Resolves a six-digit code to the level it names: xx0000 province, xxxx00 city, else county. */
export function resolveRegionCode(catalogue: Catalogue, code: string): RegionParts {
  if (code === NATIONAL_CODE) return { code, level: 'national' };
  const found = lookupRegion(catalogue, code);
  const parts: RegionParts = { code, level: 'unknown' };
  if (found.province) {
    parts.province = {
      code: found.province.code,
      nameZh: found.province.nameZh,
      nameEn: found.province.nameEn,
    };
  }
  if (found.outsideFiling) {
    const { code: outsideCode, nameZh, nameEn } = found.outsideFiling;
    parts.outsideFiling = { code: outsideCode, nameZh, nameEn };
    // Residence permits only use the provincial-level code; the table has no cities below it.
    if (code.endsWith('0000')) parts.level = 'province';
    return parts;
  }
  if (found.city) parts.city = { ...found.city };
  if (found.county) parts.county = { ...found.county };
  if (code.endsWith('0000')) {
    if (parts.province) parts.level = 'province';
  } else if (code.endsWith('00')) {
    if (parts.city) parts.level = 'city';
  } else if (parts.county) {
    parts.level = 'county';
  }
  return parts;
}

/**
 * Unknown codes are warnings, not errors: the shipped table is one edition of GB/T 2260 and
 * identity numbers keep the code of the county as it was when they were issued.
 */
export function checkRegionCode(region: RegionParts): Issue | undefined {
  if (region.level !== 'unknown') return undefined;
  const known = region.county ?? region.city ?? region.province ?? region.outsideFiling;
  return issue(
    'unknown_region_code',
    known
      ? `Region code ${region.code} is not in the current division table (resolved only to ${known.nameEn}); it may be a historic code.`
      : `Region code ${region.code} is not in the current division table; it may be a historic code.`,
    known
      ? `行政区划代码 ${region.code} 不在现行区划表中（仅能识别到${known.nameZh}），可能是已撤销的旧代码。`
      : `行政区划代码 ${region.code} 不在现行区划表中，可能是已撤销的旧代码。`,
    { source: 'gbt-2260', params: { regionCode: region.code } },
  );
}
