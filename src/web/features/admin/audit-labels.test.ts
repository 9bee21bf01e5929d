import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  describeAuditAction,
  describeAuditSubjectType,
} from './audit-labels.ts';
import { en, zh } from './locales.ts';

/** A t() over one language's messages that fails on a missing key, like the shared key test. */
const translate = (messages: typeof en) => (key: string) => {
  const text = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
  if (typeof text !== 'string') throw new Error(`missing ${key}`);
  return text;
};

describe('audit labels', () => {
  it.each([
    ['en', en],
    ['zh', zh],
  ] as const)('name every known action and kind of record in %s, never by its code', (_, messages) => {
    for (const action of AUDIT_ACTIONS) {
      const label = describeAuditAction(action, translate(messages));
      expect(label).not.toBe(action);
      expect(label).not.toMatch(/[._]/u);
    }
    for (const type of AUDIT_SUBJECT_TYPES) {
      expect(describeAuditSubjectType(type, translate(messages))).not.toBe(type);
    }
    expect(describeAuditAction('catalogue.edited', translate(messages))).toBe(
      messages.audit.actions.catalogue.edited,
    );
  });

  it('show an unknown code as it is', () => {
    expect(describeAuditAction('brand.new', translate(en))).toBe('brand.new');
    expect(describeAuditSubjectType('brand_new', translate(zh))).toBe('brand_new');
  });
});
