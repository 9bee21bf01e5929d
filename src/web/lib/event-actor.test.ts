import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en, zh } from '../i18n/locales/common.ts';
import { type EventActor, formatEventActor } from './event-actor.ts';

const i18n = i18next.createInstance();

const cloud = { en: 'Example Cloud', zh: '示例云' };

describe('formatEventActor', () => {
  beforeAll(async () => {
    await i18n.init({ resources: { en: { common: en }, 'zh-CN': { common: zh } }, lng: 'en' });
  });

  it.each<[string, EventActor, string, string]>([
    ['the system', { kind: 'system' }, 'System', '系统'],
    [
      'an applicant',
      { kind: 'user', name: 'Wang Fang', role: 'applicant' },
      'Wang Fang · Applicant',
      'Wang Fang · 申请人',
    ],
    [
      'a provider reviewer',
      { kind: 'user', name: 'Li Na', role: 'provider_reviewer', organisation: cloud },
      'Li Na · Provider reviewer (Example Cloud)',
      'Li Na · 接入商审核员（示例云）',
    ],
    [
      'an agent',
      {
        kind: 'user',
        name: 'Zhang Wei',
        role: 'agent',
        organisation: { en: 'Quick Agency', zh: '快捷代理' },
        onBehalfOf: '示例科技有限公司',
      },
      'Zhang Wei · Agent for 示例科技有限公司 (Quick Agency)',
      'Zhang Wei · 示例科技有限公司的代理人（快捷代理）',
    ],
    [
      'an account without a name',
      {
        kind: 'user',
        role: 'authority_reviewer',
        organisation: { en: 'Beijing CA', zh: '北京市通信管理局' },
        provinceCode: '11',
      },
      'A user · Authority reviewer (Beijing CA)',
      '某用户 · 管局审核员（北京市通信管理局）',
    ],
  ])('names %s in both languages', (_, actor, en, zh) => {
    expect(formatEventActor(actor, i18n.getFixedT('en', 'common'), 'en')).toBe(en);
    expect(formatEventActor(actor, i18n.getFixedT('zh-CN', 'common'), 'zh-CN')).toBe(zh);
  });
});
