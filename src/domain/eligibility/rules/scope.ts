import type { Reason } from '../assessment.ts';
import { type Activity, type ApplicantProfile, describeActivities } from '../profile.ts';
import { reason } from '../reason.ts';
import type { RuleContext } from '../rule-context.ts';

/** The article's commercial activities: online sales, advertising and online payments (sjgrand-3). */
export const LICENCE_ACTIVITIES: readonly Activity[] = ['online_sales', 'advertising', 'online_payments'];

/** Operating an e-commerce platform needs the EDI licence instead of (or besides) the ICP licence (ref-9-edi). */
export const EDI_ACTIVITIES: readonly Activity[] = ['ecommerce_platform'];

/** Commercial or platform activities: personal sites may not carry them (ref-4-site-names). */
export function findCommercialActivities(profile: ApplicantProfile): Activity[] {
  return profile.activities.filter((a) => LICENCE_ACTIVITIES.includes(a) || EDI_ACTIVITIES.includes(a));
}

export function determineNeeds(profile: ApplicantProfile): RuleContext['needs'] {
  const hosted = profile.hostingInMainland;
  return {
    filing: hosted,
    icpLicence: hosted && profile.activities.some((a) => LICENCE_ACTIVITIES.includes(a)),
    ediLicence: hosted && profile.activities.some((a) => EDI_ACTIVITIES.includes(a)),
  };
}

export interface ScopeReasons {
  filing: Reason[];
  icpLicence: Reason[];
  ediLicence: Reason[];
}

/** Why each instrument does or does not apply to the planned activities (hosting is explained apart). */
export function explainScope(context: RuleContext): ScopeReasons {
  const { profile, needs } = context;
  if (!profile.hostingInMainland) return { filing: [], icpLicence: [], ediLicence: [] };
  const licenceActivities = profile.activities.filter((a) => LICENCE_ACTIVITIES.includes(a));
  const names = describeActivities(licenceActivities);
  const filing = [
    reason(
      'scope.filing.mainland_site',
      'info',
      'Every site hosted in mainland China needs an ICP filing (备案); for a site that only provides information it is all you need.',
      '在中国大陆托管的网站都需要ICP备案；仅提供信息的网站办理备案即可。',
      ['decree-292', 'order-33', 'sjgrand-3'],
    ),
  ];
  const icpLicence = needs.icpLicence
    ? [
        reason(
          'scope.icp_licence.commercial_activities',
          'info',
          `Online sales, advertising or online payments (here: ${names.en}) are commercial internet information services: they need the ICP commercial licence on top of the filing.`,
          `网上销售、广告或在线支付（此处为：${names.zh}）属于经营性互联网信息服务：备案之外还需要ICP经营许可证。`,
          ['sjgrand-3', 'decree-292', 'ref-9-licence'],
          { activities: licenceActivities.join(',') },
        ),
      ]
    : [
        reason(
          'scope.icp_licence.not_needed',
          'info',
          'No online sales, advertising or online payments are planned, so no commercial licence is needed.',
          '未计划网上销售、广告或在线支付，无需ICP经营许可证。',
          ['sjgrand-3', 'decree-292'],
        ),
      ];
  const ediLicence = needs.ediLicence
    ? [
        reason(
          'scope.edi_licence.ecommerce_platform',
          'info',
          'Operating an e-commerce platform (marketplace, ticketing, auctions, payment processing) needs the EDI licence for online data processing and transaction processing.',
          '经营电子商务平台（商城、票务、拍卖、支付处理）需要在线数据处理与交易处理业务（EDI）许可证。',
          ['ref-9-edi'],
        ),
      ]
    : [
        reason(
          'scope.edi_licence.not_needed',
          'info',
          'No e-commerce platform is planned, so no EDI licence is needed.',
          '未计划经营电子商务平台，无需EDI许可证。',
          ['ref-9-edi'],
        ),
      ];
  return { filing, icpLicence, ediLicence };
}
