import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonitoredSite } from './api.ts';
import {
  DEFAULT_INTERVAL_HOURS,
  emptySiteDraft,
  INTERVAL_CHOICES,
  intervalOptions,
  type SiteDraft,
  toSiteDraft,
  toSiteSettings,
} from './site-draft.ts';

const saved: MonitoredSite = {
  id: 7,
  ownerUserId: 'u1',
  label: '示例官网',
  url: 'https://www.example.cn/',
  filedDomain: 'example.cn',
  expectedNumber: '京ICP备2024012345号-1',
  isPsbRequired: true,
  psbNumber: '京公网安备11010802020134号',
  licenceNumber: '京B2-20212732',
  goLiveOn: '2026-06-01',
  domainExpiresOn: '2027-01-31',
  instanceId: 'i-2ze0abcd1234',
  instanceExpiresOn: '2026-12-31',
  intervalHours: 72,
  isPaused: true,
  nextCheckAt: '2026-06-02T00:00:00.000Z',
  createdAt: '2026-06-01T00:00:00.000Z',
  updatedAt: '2026-06-01T00:00:00.000Z',
};

describe('toSiteSettings', () => {
  it.each<[string, SiteDraft, ReturnType<typeof toSiteSettings>]>([
    [
      'only the address: the defaults, nothing else',
      { ...emptySiteDraft, url: ' example.cn ' },
      { url: 'example.cn', isPsbRequired: false, intervalHours: DEFAULT_INTERVAL_HOURS, isPaused: false },
    ],
    [
      'blank texts are left out (a PUT then clears them)',
      { ...emptySiteDraft, url: 'example.cn', label: '  ', goLiveOn: '', instanceId: '\t' },
      { url: 'example.cn', isPsbRequired: false, intervalHours: DEFAULT_INTERVAL_HOURS, isPaused: false },
    ],
    [
      'every field, trimmed',
      {
        label: ' Shop ',
        url: 'https://shop.example.cn/',
        filedDomain: ' example.cn',
        expectedNumber: '京ICP备2024012345号-2 ',
        isPsbRequired: true,
        psbNumber: ' 京公网安备11010802020134号',
        licenceNumber: '京B2-20212732',
        goLiveOn: '2026-06-01',
        domainExpiresOn: '2027-01-31',
        instanceId: 'i-1',
        instanceExpiresOn: '2026-12-31',
        intervalHours: 6,
        isPaused: true,
      },
      {
        label: 'Shop',
        url: 'https://shop.example.cn/',
        filedDomain: 'example.cn',
        expectedNumber: '京ICP备2024012345号-2',
        isPsbRequired: true,
        psbNumber: '京公网安备11010802020134号',
        licenceNumber: '京B2-20212732',
        goLiveOn: '2026-06-01',
        domainExpiresOn: '2027-01-31',
        instanceId: 'i-1',
        instanceExpiresOn: '2026-12-31',
        intervalHours: 6,
        isPaused: true,
      },
    ],
  ])('%s', (_, draft, expected) => {
    expect(toSiteSettings(draft)).toEqual(expected);
  });
});

describe('toSiteDraft', () => {
  it('fills the form with the saved settings, absent ones empty', () => {
    const { label: _label, psbNumber: _psb, ...withoutSome } = saved;
    expect(toSiteDraft(withoutSome)).toMatchObject({
      label: '',
      psbNumber: '',
      url: saved.url,
      intervalHours: 72,
    });
  });

  it('saving an untouched form sends the settings the site has', () => {
    const {
      id: _id,
      ownerUserId: _owner,
      nextCheckAt: _next,
      createdAt: _c,
      updatedAt: _u,
      ...settings
    } = saved;
    expect(toSiteSettings(toSiteDraft(saved))).toEqual(settings);
  });

  it('round-trips any settings without surrounding blanks', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value.trim() === value);
    fc.assert(
      fc.property(
        fc.record(
          {
            label: text,
            filedDomain: text,
            expectedNumber: text,
            psbNumber: text,
            licenceNumber: text,
            goLiveOn: text,
            domainExpiresOn: text,
            instanceId: text,
            instanceExpiresOn: text,
          },
          { requiredKeys: [] },
        ),
        text,
        fc.boolean(),
        fc.integer({ min: 1, max: 168 }),
        fc.boolean(),
        (optional, url, isPsbRequired, intervalHours, isPaused) => {
          const settings = { ...optional, url, isPsbRequired, intervalHours, isPaused };
          expect(toSiteSettings(toSiteDraft({ ...saved, ...blankOptional, ...settings }))).toEqual(settings);
        },
      ),
    );
  });
});

/** `saved` with its optional settings removed, for the property above to add its own. */
const blankOptional = {
  label: undefined,
  filedDomain: undefined,
  expectedNumber: undefined,
  psbNumber: undefined,
  licenceNumber: undefined,
  goLiveOn: undefined,
  domainExpiresOn: undefined,
  instanceId: undefined,
  instanceExpiresOn: undefined,
};

describe('intervalOptions', () => {
  it.each([
    [24, [...INTERVAL_CHOICES]],
    [168, [...INTERVAL_CHOICES]],
    [3, [3, 6, 12, 24, 72, 168]],
    [48, [6, 12, 24, 48, 72, 168]],
  ])('for a site checked every %i h', (current, expected) => {
    expect(intervalOptions(current)).toEqual(expected);
  });
});
