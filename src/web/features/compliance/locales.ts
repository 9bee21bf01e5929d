import type { Messages } from '../../i18n/messages.ts';

export const en = {
  shell: {
    title: 'Shell entities',
    description:
      'Entities filed through OpenBeian with no website or app left, or none that any access provider still serves (空壳主体). The authority may cancel their filing; the owner should add access for a service or cancel the entity.',
    province: 'Province',
    allProvinces: 'All provinces',
    empty: 'No shell entity among the entities scanned.',
    columns: { entity: 'Entity', reason: 'Why', services: 'Services' },
    noService: 'No service left',
    noAccess: 'No service has access',
    hasAccess: 'has access',
    withoutAccess: 'no access',
    noServices: 'none',
    loadMore: 'Scan more entities',
    scanned: 'Entities are scanned in number order, 500 at a time.',
    source: 'Source: {{source}}',
  },
};

export const zh: Messages<typeof en> = {
  shell: {
    title: '空壳主体',
    description:
      '通过 OpenBeian 备案、但名下已无网站或应用，或其网站均已无任何接入商提供接入的主体（空壳主体）。管局可能注销其备案；主体应为网站新增接入或注销主体。',
    province: '省份',
    allProvinces: '全部省份',
    empty: '已扫描的主体中没有空壳主体。',
    columns: { entity: '主体', reason: '原因', services: '网站/应用' },
    noService: '名下已无网站或应用',
    noAccess: '所有网站均无接入',
    hasAccess: '有接入',
    withoutAccess: '无接入',
    noServices: '无',
    loadMore: '继续扫描',
    scanned: '按备案号顺序扫描，每次 500 个主体。',
    source: '依据：{{source}}',
  },
};
