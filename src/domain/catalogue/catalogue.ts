import {
  type CatalogueData,
  type ChecklistRule,
  catalogueSchema,
  type EntityNature,
  type Province,
  type ProvinceRules,
  type Source,
} from './schema.ts';

/** Validated catalogue data plus lookup indexes. Build one with `buildCatalogue`. */
export interface Catalogue extends CatalogueData {
  readonly index: {
    provinceByKey: ReadonlyMap<string, Province>;
    rulesByProvince: ReadonlyMap<string, ProvinceRules>;
    sourceById: ReadonlyMap<string, Source>;
    natureById: ReadonlyMap<string, EntityNature>;
    cityByCode: ReadonlyMap<string, { code: string; nameZh: string; nameEn: string }>;
    countyByCode: ReadonlyMap<string, { code: string; nameZh: string; nameEn: string }>;
    fileableTlds: ReadonlySet<string>;
  };
}

export class CatalogueError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid catalogue data:\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogueError';
  }
}

/** Every string field named `sources` (or inside `alternatives`) anywhere in the data. */
function collectSourceRefs(value: unknown, path: string, out: { path: string; id: string }[]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) collectSourceRefs(item, `${path}[${i}]`, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'sources' && Array.isArray(child) && child.every((c) => typeof c === 'string')) {
      for (const id of child) out.push({ path: `${path}.sources`, id });
    } else {
      collectSourceRefs(child, `${path}.${key}`, out);
    }
  }
}

function crossCheck(data: CatalogueData): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(data.sources.map((s) => s.id));
  const refs: { path: string; id: string }[] = [];
  const { sources: _sources, ...rest } = data;
  collectSourceRefs(rest, '$', refs);
  for (const ref of refs)
    if (!sourceIds.has(ref.id)) problems.push(`${ref.path}: unknown source "${ref.id}"`);

  const provinceCodes = new Set(data.provinces.map((p) => p.code));
  const ruleCodes = new Set(data.provinceRules.map((r) => r.province));
  for (const code of provinceCodes)
    if (!ruleCodes.has(code)) problems.push(`provinceRules: no rules for province ${code}`);
  for (const code of ruleCodes)
    if (!provinceCodes.has(code)) problems.push(`provinceRules: unknown province ${code}`);

  const documentIds = new Set(data.documentKinds.map((d) => d.id));
  const natureIds = new Set(data.entityNatures.map((n) => n.id));
  const certIds = new Set(data.certificateTypes.map((c) => c.id));
  const orderTypeIds = new Set(data.orderTypes.map((o) => o.id));
  for (const rules of data.provinceRules) {
    for (const doc of rules.extraDocuments) {
      if (!documentIds.has(doc)) problems.push(`provinceRules[${rules.province}]: unknown document "${doc}"`);
    }
  }
  const checkRule = (rule: ChecklistRule) => {
    if (!documentIds.has(rule.document))
      problems.push(`checklist ${rule.id}: unknown document "${rule.document}"`);
    for (const n of rule.natures ?? [])
      if (!natureIds.has(n)) problems.push(`checklist ${rule.id}: unknown nature "${n}"`);
    for (const p of rule.provinces ?? []) {
      if (!provinceCodes.has(p)) problems.push(`checklist ${rule.id}: unknown province "${p}"`);
    }
    for (const o of rule.orderTypes ?? []) {
      if (!orderTypeIds.has(o as never)) problems.push(`checklist ${rule.id}: unknown order type "${o}"`);
    }
  };
  for (const rule of data.checklist) checkRule(rule);
  for (const nature of data.entityNatures) {
    for (const c of nature.certificateTypes) {
      if (!certIds.has(c)) problems.push(`entityNatures[${nature.id}]: unknown certificate type "${c}"`);
    }
  }
  for (const [code] of Object.entries(data.lexicon.provinceIndividualBanned)) {
    if (!provinceCodes.has(code)) problems.push(`lexicon.provinceIndividualBanned: unknown province ${code}`);
  }
  const seen = new Map<string, string>();
  for (const p of data.provinces) {
    for (const key of [p.icpAbbreviation, ...p.legacyAbbreviations]) {
      const other = seen.get(key);
      if (other) problems.push(`provinces: abbreviation ${key} used by ${other} and ${p.code}`);
      seen.set(key, p.code);
    }
  }
  return problems;
}

/** Validates raw catalogue data (schema and cross-references) and builds its indexes. */
export function buildCatalogue(raw: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CatalogueError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const data = parsed.data;
  const problems = crossCheck(data);
  if (problems.length > 0) throw new CatalogueError(problems);

  const provinceByKey = new Map<string, Province>();
  for (const p of data.provinces) {
    for (const key of [
      p.code,
      p.divisionCode,
      p.slug,
      p.nameEn.toLowerCase(),
      p.nameZh,
      p.nameZh.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/u, ''),
      p.icpAbbreviation,
      ...p.legacyAbbreviations,
    ]) {
      provinceByKey.set(key, p);
    }
  }
  return {
    ...data,
    index: {
      provinceByKey,
      rulesByProvince: new Map(data.provinceRules.map((r) => [r.province, r])),
      sourceById: new Map(data.sources.map((s) => [s.id, s])),
      natureById: new Map(data.entityNatures.map((n) => [n.id, n])),
      cityByCode: new Map(data.regions.cities.map((c) => [c.code, c])),
      countyByCode: new Map(data.regions.counties.map((c) => [c.code, c])),
      fileableTlds: new Set(data.tlds.fileable),
    },
  };
}

/**
 * A province by GB/T 2260 code ("11", "110000"), slug ("inner-mongolia"), English or Chinese name
 * ("Beijing", "北京", "北京市") or ICP abbreviation, current or legacy ("京", "川").
 */
export function findProvince(catalogue: Catalogue, key: string): Province | undefined {
  const k = key.normalize('NFKC').trim();
  return catalogue.index.provinceByKey.get(k) ?? catalogue.index.provinceByKey.get(k.toLowerCase());
}

export function getProvince(catalogue: Catalogue, key: string): Province {
  const province = findProvince(catalogue, key);
  if (!province) throw new Error(`Unknown province: ${key}`);
  return province;
}

export function getProvinceRules(catalogue: Catalogue, provinceCode: string): ProvinceRules {
  const rules = catalogue.index.rulesByProvince.get(provinceCode);
  if (!rules) throw new Error(`No rules for province ${provinceCode}`);
  return rules;
}

export interface RegionLookup {
  province?: Province;
  /** Hong Kong, Macao or Taiwan (residence-permit region codes 81/82/83). */
  outsideFiling?: { code: string; nameEn: string; nameZh: string };
  city?: { code: string; nameZh: string; nameEn: string };
  county?: { code: string; nameZh: string; nameEn: string };
}

/** Resolves a six-digit GB/T 2260 code to province, city and county, as far as the table knows it. */
export function lookupRegion(catalogue: Catalogue, code: string): RegionLookup {
  const result: RegionLookup = {};
  const province = catalogue.index.provinceByKey.get(code.slice(0, 2));
  if (province && /^\d{2}$/.test(code.slice(0, 2))) result.province = province;
  const outside = catalogue.regionsOutsideFiling.find((r) => r.code === code.slice(0, 2));
  if (outside) result.outsideFiling = outside;
  const city = catalogue.index.cityByCode.get(code.slice(0, 4));
  if (city) result.city = city;
  const county = catalogue.index.countyByCode.get(code);
  if (county) result.county = county;
  return result;
}
