import { describe, expect, it } from 'vitest';
import { PSB_FILING_DAYS } from '../../../domain/compliance/filing-obligations.ts';
import { SITE_VERDICTS } from '../../../domain/compliance/site-monitoring.ts';
import { FOOTER_RULE_IDS } from '../../../domain/footer/analyse-footer.ts';
import * as footerTexts from '../footer-check/locales.ts';
import { en, zh } from './locales.ts';
import { INTERVAL_CHOICES } from './site-draft.ts';

/**
 * The keys this feature builds at run time (`verdicts.${verdict}`, `form.${field}Hint` …) exist; the
 * shared translation test only sees literal keys. English is enough: both languages have the same keys.
 */
describe('the monitor’s texts built from values', () => {
  it('name every verdict, with what it means', () => {
    for (const verdict of [...SITE_VERDICTS, 'unchecked' as const]) {
      expect(en.verdicts[verdict]).toBeTruthy();
      expect(en.verdictHints[verdict]).toBeTruthy();
    }
  });

  it('name every interval the form offers', () => {
    for (const hours of INTERVAL_CHOICES) expect(en.form.intervals[`h${hours}`]).toBeTruthy();
  });

  it('label and explain every text field of the form', () => {
    const fields = [
      'label',
      'url',
      'filedDomain',
      'expectedNumber',
      'psbNumber',
      'licenceNumber',
      'goLiveOn',
      'domainExpiresOn',
      'instanceId',
      'instanceExpiresOn',
    ] as const;
    for (const field of fields) {
      expect(en.form[field]).toBeTruthy();
      expect(en.form[`${field}Hint`]).toBeTruthy();
    }
  });

  it('find the footer checker’s name for every rule a check may report', () => {
    for (const rule of FOOTER_RULE_IDS) expect(footerTexts.en.rules[rule]).toBeTruthy();
  });

  it('say the 30 days of the PSB filing as the rule has them', () => {
    expect(en.duties.psb.explain).toContain(`${PSB_FILING_DAYS} days`);
    expect(zh.duties.psb.explain).toContain(`${PSB_FILING_DAYS} 日`);
  });
});
