import { createHash } from 'node:crypto';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** One stored event of the hash chain. */
export interface AuditEvent {
  sequence: number;
  /** ISO 8601 UTC with milliseconds. */
  occurredAt: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Canonical JSON text, hashed byte for byte. */
  payload: string;
  prevHash: string;
  hash: string;
}

/**
 * Canonical JSON (the RFC 8785 scheme for the values we store): object keys sorted by UTF-16 code
 * units, no white space, numbers and strings as JSON.stringify writes them. Equal values always give
 * equal text, so a hash over it does not depend on key order.
 * @throws TypeError for values JSON cannot represent (NaN, Infinity, undefined in arrays, …).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot serialise ${value} as JSON`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  throw new TypeError(`Cannot serialise a ${typeof value} as JSON`);
}

/** SHA-256 (hex) over the canonical JSON of every field but the hash itself, prev_hash included. */
export function computeAuditHash(event: Omit<AuditEvent, 'hash'>): string {
  const canonical = canonicalJson({
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    actor: event.actor,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload: event.payload,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Shapes of personal data that must never enter the log (PIPL art. 51, ASVS 16.2.5). */
const PERSONAL_DATA_PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'resident identity number', pattern: /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/ },
  { kind: 'mobile number', pattern: /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/ },
  { kind: 'e-mail address', pattern: /[^\s@]+@[^\s@]+\.[^\s@]+/ },
];

/** The path and kind of the first string that looks like personal data, if any. */
export function findPersonalData(value: JsonValue, path = '$'): { path: string; kind: string } | undefined {
  if (typeof value === 'string' || typeof value === 'number') {
    // Numbers too: a mobile number stored as a JSON number is still a mobile number.
    const text = String(value);
    const hit = PERSONAL_DATA_PATTERNS.find(({ pattern }) => pattern.test(text));
    return hit ? { path, kind: hit.kind } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findPersonalData(item, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findPersonalData(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
