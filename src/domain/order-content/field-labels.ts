import type { Localized } from '../shared/localized.ts';

/** What the filing forms call each field (reference §4.3), for messages such as "Enter the mobile number". */
const FIELD_LABELS: Readonly<Record<string, Localized>> = {
  entity: { en: 'the entity', zh: '主办者信息' },
  provinceCode: { en: 'the province', zh: '省份' },
  cityCode: { en: 'the city', zh: '城市' },
  countyCode: { en: 'the county', zh: '区县' },
  nature: { en: 'the entity nature', zh: '主办单位性质' },
  certificateType: { en: 'the certificate type', zh: '证件类型' },
  certificateNumber: { en: 'the certificate number', zh: '证件号码' },
  certificateValidUntil: { en: 'the certificate validity', zh: '证件有效期' },
  name: { en: 'the name', zh: '名称' },
  certificateAddress: { en: 'the certificate address', zh: '证件住所' },
  mailingAddress: { en: 'the mailing address', zh: '通讯地址' },
  investorOrAuthority: { en: 'the investor or superior authority', zh: '投资人或主管单位' },
  leader: { en: 'the entity leader', zh: '主体负责人' },
  mobile: { en: 'the mobile number', zh: '手机号码' },
  emergencyPhone: { en: 'the emergency phone', zh: '应急联系电话' },
  officePhone: { en: 'the office phone', zh: '办公电话' },
  email: { en: 'the e-mail address', zh: '电子邮箱' },
  isLegalRepresentative: {
    en: 'whether the person is the legal representative',
    zh: '是否为法定代表人',
  },
  services: { en: 'at least one service', zh: '至少一个互联网信息服务' },
  type: { en: 'the service type', zh: '服务类型' },
  domain: { en: 'the domain', zh: '域名' },
  homeUrl: { en: 'the home-page URL', zh: '首页网址' },
  contentCategory: { en: 'the content category', zh: '服务内容' },
  admin: { en: 'the service admin', zh: '网站负责人' },
  platforms: { en: 'the platforms', zh: '运行平台' },
  packageName: { en: 'the package name', zh: '包名' },
  bundleId: { en: 'the bundle id', zh: 'Bundle ID' },
  signatureMd5: { en: 'the signing-certificate MD5', zh: '签名证书 MD5 值' },
  signatureSha1: { en: 'the signing-certificate SHA-1', zh: '签名证书 SHA-1 值' },
  publicKey: { en: 'the public key', zh: '公钥' },
  access: { en: 'the access information', zh: '接入信息' },
  ipAddresses: { en: 'at least one IP address', zh: '至少一个 IP 地址' },
  id: { en: 'the pre-approval type', zh: '前置审批类型' },
  approvalNumber: { en: 'the approval number', zh: '审批文号' },
};

export function getFieldLabel(key: string): Localized {
  return FIELD_LABELS[key] ?? { en: key, zh: key };
}
