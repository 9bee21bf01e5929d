import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import {
  findLicenceAuthority,
  getLicenceScope,
  isLicenceKind,
  isLicenceScope,
  LICENCE_KIND_INFO,
  LICENCE_KINDS,
  LICENCE_PLATFORM,
  LICENCE_SCOPE_NAMES,
  LICENCE_SCOPES,
} from './licence-kind.ts';

describe('licence kinds and scopes', () => {
  it.each([
    ['icp', 'B25', '经营性ICP许可证'],
    ['edi', 'B21', '在线数据处理与交易处理'],
  ] as const)('%s is category %s (%s)', (kind, category, zh) => {
    const info = LICENCE_KIND_INFO[kind];
    expect(info.serviceCategory).toBe(category);
    expect(info.name.zh).toContain(zh);
    expect(info.name.en).toContain(category);
    expect(info.description.en).not.toBe('');
    expect(info.description.zh).not.toBe('');
  });

  it('cites only sources the catalogue knows', () => {
    for (const kind of LICENCE_KINDS) {
      for (const source of LICENCE_KIND_INFO[kind].sources) {
        expect(defaultCatalogue.index.sourceById.has(source)).toBe(true);
      }
    }
  });

  it.each([
    ['icp', true, false],
    ['edi', true, false],
    ['provincial', false, true],
    ['cross_regional', false, true],
    ['B25', false, false],
    [undefined, false, false],
    [1, false, false],
  ])('%j: kind %s, scope %s', (value, kind, scope) => {
    expect(isLicenceKind(value)).toBe(kind);
    expect(isLicenceScope(value)).toBe(scope);
  });

  it('names every scope in both languages', () => {
    for (const scope of LICENCE_SCOPES) {
      expect(LICENCE_SCOPE_NAMES[scope].en).not.toBe('');
      expect(LICENCE_SCOPE_NAMES[scope].zh).not.toBe('');
    }
  });

  it.each([
    [{ crossRegional: false }, 'provincial'],
    [{ crossRegional: true }, 'cross_regional'],
  ] as const)('profile %j → %s', (profile, scope) => {
    expect(getLicenceScope(profile)).toBe(scope);
  });
});

describe('findLicenceAuthority', () => {
  it.each([
    [{ scope: 'provincial', provinceCode: '11' }, '11', '北京市通信管理局', 'bjca.miit.gov.cn'],
    [{ scope: 'provincial', provinceCode: '粤' }, '44', '广东省通信管理局', 'gdca.miit.gov.cn'],
    [{ scope: 'provincial', provinceCode: 'sichuan' }, '51', '四川省通信管理局', 'scca.miit.gov.cn'],
    [{ scope: 'cross_regional', provinceCode: '44' }, 'miit', '工业和信息化部', LICENCE_PLATFORM],
  ] as const)('%j → %s', (input, id, zh, website) => {
    const result = findLicenceAuthority(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toMatchObject({ id, website, applicationPlatform: 'dxzhgl.miit.gov.cn' });
      expect(result.value.name.zh).toBe(zh);
      expect(result.value.name.en).not.toBe('');
    }
  });

  it.each(['atlantis', '81', ''])('an unknown province %j is an issue', (provinceCode) => {
    for (const scope of LICENCE_SCOPES) {
      const result = findLicenceAuthority({ scope, provinceCode });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unknown_province');
    }
  });
});
