import type { Role } from '../../domain/policy/order-access.ts';
import type { Localized } from '../../domain/shared/localized.ts';

/**
 * The sign-ins of the demo (issue 3, "Running it"): one account per role, all with one published
 * password. They exist only on a database the demo seed created, which the startup banner says.
 */
export const DEMO_PASSWORD = 'openbeian-demo';

export interface DemoAccount {
  email: string;
  roles: readonly Role[];
  /** Who the account plays, for the banner and `openbeian db seed`. */
  description: Localized;
  /** The organisation the roles are held in (none for an applicant filing for themselves). */
  organisation?: { kind: 'access_provider' | 'authority' | 'agency' | 'platform'; provinceCode?: string };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'applicant@demo.openbeian.test',
    roles: ['applicant'],
    description: { en: 'applicant with orders in every state', zh: '申请人（各状态的订单）' },
  },
  {
    email: 'agent@demo.openbeian.test',
    roles: ['agent'],
    description: { en: 'agent of the demo agency', zh: '代理机构经办人' },
    organisation: { kind: 'agency' },
  },
  {
    email: 'provider@demo.openbeian.test',
    roles: ['provider_admin', 'provider_reviewer'],
    description: { en: 'access provider admin and reviewer', zh: '接入商管理员兼审核员' },
    organisation: { kind: 'access_provider' },
  },
  {
    email: 'authority@demo.openbeian.test',
    roles: ['authority_reviewer'],
    description: { en: 'reviewer at the Beijing sandbox authority', zh: '北京沙箱管局审核员' },
    organisation: { kind: 'authority', provinceCode: '11' },
  },
  {
    email: 'admin@demo.openbeian.test',
    roles: ['platform_admin'],
    description: { en: 'platform administrator', zh: '平台管理员' },
    organisation: { kind: 'platform' },
  },
];
