import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en as eligibilityEn, zh as eligibilityZh } from '../eligibility/locales.ts';
import { en as wizardEn, zh as wizardZh } from '../order-wizard/locales.ts';
import { type DiffValueContext, formatDiffValue, parseDiffPath } from './diff-values.ts';
import { en as orderEn, zh as orderZh } from './locales.ts';

const i18n = i18next.createInstance();

const NAMES: Record<string, { en: string; zh: string }> = {
  enterprise: { en: 'Enterprise', zh: '企业' },
  id_card: { en: 'Resident identity card', zh: '居民身份证' },
  '11': { en: 'Beijing', zh: '北京市' },
  blog: { en: 'Blog', zh: '博客' },
  news: { en: 'Internet news', zh: '互联网新闻信息服务' },
  id_card_scans: { en: 'ID card scans', zh: '身份证扫描件' },
};

function contextFor(language: 'en' | 'zh-CN'): DiffValueContext {
  const t = i18n.getFixedT(language, 'order');
  const name = (id?: string) => {
    const found = id === undefined ? undefined : NAMES[id];
    return found && (language === 'zh-CN' ? found.zh : found.en);
  };
  return {
    t: (key, options) => String(t(key as never, options as never)),
    names: {
      nature: name,
      certificateType: name,
      province: name,
      contentCategory: name,
      preApproval: name,
      documentKind: name,
    },
    findDocument: (id) =>
      id === 'doc-1' ? { kind: 'id_card_scans', originalName: 'leader-id.pdf' } : undefined,
    listSeparator: language === 'zh-CN' ? '、' : ', ',
  };
}

describe('parseDiffPath', () => {
  it('splits names and indexes', () => {
    expect(parseDiffPath('services[0].languages[1]')).toEqual(['services', 0, 'languages', 1]);
    expect(parseDiffPath('entity.leader.name')).toEqual(['entity', 'leader', 'name']);
    expect(parseDiffPath('')).toEqual([]);
  });
});

describe('formatDiffValue', () => {
  beforeAll(async () => {
    await i18n.init({
      lng: 'en',
      resources: {
        en: { order: orderEn, 'order-wizard': wizardEn, eligibility: eligibilityEn },
        'zh-CN': { order: orderZh, 'order-wizard': wizardZh, eligibility: eligibilityZh },
      },
    });
  });

  it.each<[string, unknown, string, string]>([
    ['entity.nature', 'enterprise', 'Enterprise', '企业'],
    ['entity.leader.certificateType', 'id_card', 'Resident identity card', '居民身份证'],
    ['entity.provinceCode', '11', 'Beijing', '北京市'],
    ['services[0].contentCategory', 'blog', 'Blog', '博客'],
    ['entity.leader.certificateValidUntil', 'long_term', 'Long-term', '长期'],
    ['entity.leader.certificateValidUntil', '2030-01-01', '2030-01-01', '2030-01-01'],
    ['services[0].languages', ['zh-CN', 'en'], 'Simplified Chinese, English', '简体中文、英文'],
    ['services[0].languages[1]', 'en', 'English', '英文'],
    ['services[0].type', 'mini_program', 'Mini program', '小程序'],
    ['services[0].adminSameAsLeader', true, 'Yes', '是'],
    ['entity.nature', 'unknown_nature', 'unknown_nature', 'unknown_nature'],
    ['entity.remarks', '', '(empty)', '（空）'],
    ['entity.remarks', undefined, '(empty)', '（空）'],
    ['attachments[0].documentId', 'doc-1', 'ID card scans · leader-id.pdf', '身份证扫描件 · leader-id.pdf'],
    [
      'attachments[1]',
      { kind: 'id_card_scans', documentId: 'doc-1' },
      'ID card scans · leader-id.pdf',
      '身份证扫描件 · leader-id.pdf',
    ],
    [
      'attachments[2]',
      { kind: 'id_card_scans', documentId: 'gone' },
      'ID card scans · gone',
      '身份证扫描件 · gone',
    ],
    [
      'services[1]',
      { type: 'website', name: '示例博客', domain: 'example.cn', languages: ['zh-CN'] },
      'Website · 示例博客 · example.cn',
      '网站 · 示例博客 · example.cn',
    ],
    [
      'services[0].admin',
      { name: '王小明', certificateType: 'id_card', mobile: '13800138000' },
      '王小明 · Resident identity card',
      '王小明 · 居民身份证',
    ],
    [
      'services[0].preApprovals[0]',
      { id: 'news', approvalNumber: '京新闻 2026-1' },
      'Internet news · 京新闻 2026-1',
      '互联网新闻信息服务 · 京新闻 2026-1',
    ],
    [
      'services[0].access',
      { instanceId: '7', serviceCode: 'ABC', ipAddresses: ['1.2.3.4', '5.6.7.8'] },
      '1.2.3.4, 5.6.7.8',
      '1.2.3.4、5.6.7.8',
    ],
  ])('%s = %j reads in both languages', (path, value, en, zh) => {
    expect(formatDiffValue(path, value, contextFor('en'))).toBe(en);
    expect(formatDiffValue(path, value, contextFor('zh-CN'))).toBe(zh);
  });

  it('never shows JSON for an object it has no summary for', () => {
    const shown = formatDiffValue('entity', { name: '示例科技', nature: 'enterprise' }, contextFor('en'));
    expect(shown).toBe('示例科技 · Enterprise');
    const other = formatDiffValue(
      'services[0].extra',
      { remarks: 'note', provinceCode: '11' },
      contextFor('en'),
    );
    expect(other).toBe('Remarks: note; Province: Beijing');
    expect(other).not.toContain('{');
  });
});
