import { type Catalogue, findProvince } from '../catalogue/catalogue.ts';
import type { Province } from '../catalogue/schema.ts';
import { type Issue, issue } from '../shared/issue.ts';

/** The province a number belongs to, as shown to users. */
export interface ProvinceRef {
  code: string;
  nameEn: string;
  nameZh: string;
}

export interface ResolvedAbbreviation {
  province: Province;
  /** True for abbreviations seen only in older filing numbers (川 for Sichuan, 甘 for Gansu). */
  isLegacy: boolean;
}

export function toProvinceRef(province: Province): ProvinceRef {
  return { code: province.code, nameEn: province.nameEn, nameZh: province.nameZh };
}

/**
 * The province of a one-character abbreviation, current or legacy. Only abbreviations match: names
 * and codes that `findProvince` also accepts are not abbreviations and must not slip through.
 */
export function resolveAbbreviation(
  catalogue: Catalogue,
  abbreviation: string,
): ResolvedAbbreviation | undefined {
  const province = findProvince(catalogue, abbreviation);
  if (!province) return undefined;
  if (province.icpAbbreviation === abbreviation) return { province, isLegacy: false };
  if (province.legacyAbbreviations.includes(abbreviation)) return { province, isLegacy: true };
  return undefined;
}

/** Every abbreviation the catalogue knows, current first, for error messages. */
export function listAbbreviations(catalogue: Catalogue): string {
  const current = catalogue.provinces.map((p) => p.icpAbbreviation).join('');
  const legacy = catalogue.provinces.flatMap((p) => p.legacyAbbreviations).join('');
  return legacy ? `${current} (${legacy})` : current;
}

export function unknownAbbreviationIssue(catalogue: Catalogue, abbreviation: string): Issue {
  const known = listAbbreviations(catalogue);
  return abbreviation === ''
    ? issue(
        'unknown_abbreviation',
        `The number does not start with a province abbreviation (one of ${known}).`,
        `编号缺少省份简称（应为 ${known} 之一）。`,
        { source: 'ref-6-4', params: { abbreviation } },
      )
    : issue(
        'unknown_abbreviation',
        `"${abbreviation}" is not a province abbreviation (expected one of ${known}).`,
        `“${abbreviation}”不是省份简称（应为 ${known} 之一）。`,
        { source: 'ref-6-4', params: { abbreviation } },
      );
}
