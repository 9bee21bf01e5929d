import { findProvince } from '../domain/catalogue/catalogue.ts';
import { defaultCatalogue } from '../domain/catalogue/default-catalogue.ts';
import type { EntityNature, Province } from '../domain/catalogue/schema.ts';
import { CliInputError } from './output.ts';

export function requireProvince(value: string, name: string): Province {
  const province = findProvince(defaultCatalogue, value);
  if (!province) {
    throw new CliInputError(
      `${name}: unknown province "${value}" (use a GB/T 2260 code, an English or Chinese name, or an ICP abbreviation; see \`openbeian provinces\`)`,
      'unknown_province',
    );
  }
  return province;
}

export function requireNature(value: string, name: string): EntityNature {
  const key = value.normalize('NFKC').trim().toLowerCase();
  const nature = defaultCatalogue.entityNatures.find(
    (n) => n.id === key || n.nameZh === key || n.nameEn.toLowerCase() === key,
  );
  if (!nature) {
    const known = defaultCatalogue.entityNatures.map((n) => n.id).join(', ');
    throw new CliInputError(`${name}: unknown entity nature "${value}" (one of: ${known})`, 'unknown_nature');
  }
  return nature;
}
