import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import type { FieldCipherPort } from './order-deps.ts';

/**
 * What order lists search the entity's name by. An organisation's name is public (the registry shows
 * it), so it is kept in lower case for substring search; an individual's name is the person's, so only
 * its blind index is kept, and it is found by the whole name. An entity without a nature yet counts as
 * an individual, as masking does (mask-personal-data.ts).
 */
export interface EntityNameSearchKeys {
  entityNameSearch: string | null;
  entityNameIndex: string | null;
}

/** NFKC, one space between words, lower case: how both the stored name and the query are compared. */
export function normalizeSearchText(text: string): string {
  return normalizeText(text).toLowerCase();
}

export function computeEntityNameIndex(cipher: FieldCipherPort, name: string): string {
  return cipher.blindIndex(`entity-name:${normalizeSearchText(name)}`);
}

export function computeEntityNameSearchKeys(
  cipher: FieldCipherPort,
  content: OrderContentDraft,
): EntityNameSearchKeys {
  const name = normalizeSearchText(content.entity?.name ?? '');
  if (name === '') return { entityNameSearch: null, entityNameIndex: null };
  const nature = content.entity?.nature;
  return nature === undefined || nature === 'individual'
    ? { entityNameSearch: null, entityNameIndex: computeEntityNameIndex(cipher, name) }
    : { entityNameSearch: name, entityNameIndex: null };
}
