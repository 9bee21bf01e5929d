import type { Reason } from '../assessment.ts';
import type { ApplicantProfile } from '../profile.ts';
import { reason } from '../reason.ts';

/**
 * Only sites on servers in mainland China are filed (ref-5-domains); the article ties the licence to
 * mainland hosting as well (sjgrand-1) and names what hosting elsewhere costs (sjgrand-2).
 */
export function assessHosting(profile: ApplicantProfile): Reason[] {
  if (profile.hostingInMainland) {
    return [
      reason(
        'hosting.mainland',
        'pass',
        'The site is hosted in mainland China, so its domain must be filed before the site goes live.',
        '网站托管在中国大陆，上线前必须为域名办理备案。',
        ['sjgrand-1', 'ref-5-domains', 'decree-292'],
      ),
    ];
  }
  return [
    reason(
      'hosting.outside_mainland',
      'info',
      'The site is hosted outside mainland China: no ICP filing or licence is needed, because only domains that resolve to mainland servers are filed.',
      '网站托管在中国大陆以外：无需ICP备案或许可证，只有解析到大陆服务器的域名才需要备案。',
      ['sjgrand-1', 'ref-5-domains'],
    ),
    reason(
      'hosting.outside_mainland.trade_off',
      'info',
      'Trade-off: without mainland hosting the site cannot use mainland CDNs and may load slowly for visitors in China.',
      '代价：不在大陆托管就无法使用大陆CDN，中国访客打开网站可能较慢。',
      ['sjgrand-2'],
    ),
    reason(
      'hosting.outside_mainland.cdn',
      'info',
      'If you later serve the domain from mainland servers or a CDN with mainland nodes, it must be filed first.',
      '如果以后用大陆服务器或含大陆节点的CDN提供服务，必须先办理备案。',
      ['ref-5-domains'],
    ),
  ];
}
