import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { Localized } from '../shared/localized.ts';
import type { LicenceKind, LicenceScope } from './licence-kind.ts';

/**
 * The materials of an ICP or EDI licence application, as data (reference §9 "Materials", typical list;
 * each communications administration varies it). Each material names the catalogue document kind it is
 * uploaded as, where one exists, so uploads and the eligibility checklist (catalogue checklist rules
 * `licence-*`) speak of the same documents.
 */

export interface LicenceMaterialInput {
  kind: LicenceKind;
  scope: LicenceScope;
  /**
   * Any foreign (incl. Hong Kong, Macao, Taiwan) shareholding anywhere up the chain (fite-2022); callers
   * with an eligibility profile use `findForeignOwnershipPercent(profile) > 0`.
   */
  isForeignInvested: boolean;
  /** Pre-approval ids of the catalogue (pre-approvals.json): one material each. */
  preApprovals: readonly string[];
}

export interface LicenceMaterial {
  /** Stable id; a pre-approval's material is `pre_approval:<id>`. */
  id: string;
  name: Localized;
  detail: Localized;
  required: boolean;
  sources: string[];
  /** The catalogue document kind (documents.json) this material is uploaded as, when there is one. */
  documentKind?: string;
}

interface MaterialTemplate {
  id: string;
  documentKind?: string;
  name: Localized;
  sources: string[];
  /** Undefined: the material is not part of this application. */
  detail(input: LicenceMaterialInput): Localized | undefined;
}

const same = (detail: Localized) => (): Localized => detail;

const TEMPLATES: readonly MaterialTemplate[] = [
  {
    id: 'application_form',
    name: { en: 'Online application form', zh: '在线申请表' },
    sources: ['ref-9-licence'],
    detail: ({ scope }) =>
      scope === 'cross_regional'
        ? {
            en: 'Filled in on MIIT’s telecom business market management system (dxzhgl.miit.gov.cn); MIIT decides a cross-regional licence.',
            zh: '在工业和信息化部电信业务市场综合管理信息系统（dxzhgl.miit.gov.cn）在线填写；跨地区许可由工业和信息化部审批。',
          }
        : {
            en: 'Filled in on MIIT’s telecom business market management system (dxzhgl.miit.gov.cn) for the communications administration of the company’s province.',
            zh: '在工业和信息化部电信业务市场综合管理信息系统（dxzhgl.miit.gov.cn）在线填写，由公司所在省通信管理局审批。',
          },
  },
  {
    id: 'business_licence',
    documentKind: 'business_licence_scan',
    name: { en: 'Business licence', zh: '营业执照' },
    sources: ['ref-9-licence', 'order-42'],
    detail: same({
      en: 'Colour scan of the business licence: the applicant must be a company lawfully established in China.',
      zh: '营业执照彩色扫描件：申请人须为依法在中国境内设立的公司。',
    }),
  },
  {
    id: 'articles_of_association',
    documentKind: 'articles_of_association',
    name: { en: 'Articles of association', zh: '公司章程' },
    sources: ['ref-9-licence'],
    detail: same({
      en: 'The current articles of association, matching the registered shareholders and capital.',
      zh: '现行公司章程，须与登记的股东和注册资本一致。',
    }),
  },
  {
    id: 'shareholder_chain',
    documentKind: 'shareholder_structure',
    name: { en: 'Full shareholder chain', zh: '股权结构（逐层穿透）' },
    sources: ['ref-9-licence', 'fite-2022'],
    detail: ({ isForeignInvested }) =>
      isForeignInvested
        ? {
            en: 'Foreign-invested applicant: every layer of ownership up to the ultimate natural persons or state owners, with each foreign (incl. Hong Kong, Macao, Taiwan) holder and its share; the authority checks the foreign-ownership cap on this chain.',
            zh: '外商投资企业：须逐层穿透至最终自然人或国有主体，列明每一境外（含港澳台）股东及持股比例；审批机关据此核查外资股比限制。',
          }
        : {
            en: 'Shareholders and holdings traced layer by layer up to natural persons or state owners.',
            zh: '股东及持股情况，逐层穿透至自然人或国有主体。',
          },
  },
  {
    id: 'legal_representative_id',
    name: { en: 'Legal representative’s identity document', zh: '法定代表人身份证件' },
    sources: ['ref-9-licence'],
    detail: same({
      en: 'ID card of the legal representative (passport for a foreign national).',
      zh: '法定代表人身份证（外籍人士提供护照）。',
    }),
  },
  {
    id: 'key_staff',
    documentKind: 'key_staff_social_insurance',
    name: { en: 'Key staff with social-insurance proof', zh: '主要经营管理人员和技术人员及社保证明' },
    sources: ['ref-9-licence'],
    detail: same({
      en: 'List of key managers and technical staff, with proof that the company pays their social insurance.',
      zh: '主要经营管理人员和技术人员名单，以及公司为其缴纳社会保险的证明。',
    }),
  },
  {
    id: 'filing_and_domain',
    documentKind: 'domain_certificate',
    name: { en: 'ICP filing number and domain certificate', zh: 'ICP备案号及域名证书' },
    sources: ['ref-9-licence', 'ref-5-domains'],
    detail: same({
      en: 'The site’s valid ICP filing number and the domain certificate naming the company as registrant.',
      zh: '网站有效的ICP备案号，以及注册人为本公司的域名证书。',
    }),
  },
  {
    id: 'idc_contract',
    documentKind: 'idc_contract',
    name: { en: 'Hosting (IDC) contract with the IDC’s licence', zh: '服务器托管（IDC）合同及IDC经营许可证' },
    sources: ['ref-9-licence'],
    detail: same({
      en: 'Server hosting or cloud contract in force, and the IDC provider’s own telecom licence.',
      zh: '有效期内的服务器托管或云服务合同，以及IDC服务商的电信业务经营许可证。',
    }),
  },
  {
    id: 'business_plan',
    documentKind: 'business_plan',
    name: { en: 'Business development plan', zh: '业务发展计划' },
    sources: ['ref-9-licence', 'order-42'],
    detail: same({
      en: 'How the company will run the licensed service and serve users over the long term.',
      zh: '公司经营拟申请业务及长期为用户提供服务的计划。',
    }),
  },
  {
    id: 'technical_scheme',
    documentKind: 'technical_scheme',
    name: { en: 'Technical scheme', zh: '技术方案' },
    sources: ['ref-9-licence', 'order-42'],
    detail: same({
      en: 'Architecture, servers and network of the service.',
      zh: '业务的系统架构、服务器及网络情况。',
    }),
  },
  {
    id: 'information_security',
    documentKind: 'information_security_systems',
    name: { en: 'Network and information security measures', zh: '网络与信息安全保障措施' },
    sources: ['ref-9-licence', 'order-42'],
    detail: same({
      en: 'Site security, confidentiality and user-information protection systems, with the people responsible.',
      zh: '网站安全、保密及用户个人信息保护制度，以及相关责任人。',
    }),
  },
  {
    id: 'platform_rules',
    name: { en: 'Platform service agreement and transaction rules', zh: '平台服务协议和交易规则' },
    sources: ['ref-9-edi'],
    detail: ({ kind }) =>
      kind === 'edi'
        ? {
            en: 'EDI only: the platform’s service agreement, transaction rules and dispute handling, as published to merchants and users.',
            zh: '仅EDI：平台向商家和用户公示的服务协议、交易规则及纠纷处理规则。',
          }
        : undefined,
  },
  {
    id: 'commitment_letter',
    documentKind: 'licence_commitment_letter',
    name: { en: 'Commitment to operate lawfully', zh: '依法经营电信业务承诺书' },
    sources: ['ref-9-licence'],
    detail: same({
      en: 'Signed by the legal representative and sealed. False materials mean refusal, a warning and a one-year ban on reapplying.',
      zh: '法定代表人签字并加盖公章。提供虚假材料的，不予受理或不予许可，给予警告，一年内不得再次申请。',
    }),
  },
  {
    id: 'foreign_investment_opinion',
    documentKind: 'fite_approval_opinion',
    name: {
      en: 'MIIT review opinion on foreign investment in telecom',
      zh: '外商投资经营电信业务审定意见书',
    },
    sources: ['ref-9-licence', 'fite-2022'],
    detail: ({ isForeignInvested }) =>
      isForeignInvested
        ? {
            en: 'Foreign-invested applicants go through MIIT’s review of the foreign investment first (simplified since 2022-05-01).',
            zh: '外商投资企业须先经工业和信息化部外商投资经营电信业务审定（2022年5月1日起流程简化）。',
          }
        : undefined,
  },
];

/** Where the pre-approval materials go in the list: after the security measures, as in §9. */
const PRE_APPROVALS_AFTER = 'information_security';

function describePreApproval(catalogue: Catalogue, id: string): Omit<LicenceMaterial, 'required'> {
  const entry = catalogue.preApprovals.find((p) => p.id === id);
  // An id the catalogue does not know still needs its document; the caller validated it or will.
  if (!entry) {
    return {
      id: `pre_approval:${id}`,
      documentKind: 'pre_approval_permit',
      name: { en: `Pre-approval (${id})`, zh: `前置审批（${id}）` },
      detail: {
        en: 'Approval document from the sector regulator, with its number.',
        zh: '行业主管部门出具的前置审批文件及审批编号。',
      },
      sources: ['ref-9-licence', 'ref-4-pre-approvals'],
    };
  }
  return {
    id: `pre_approval:${id}`,
    documentKind: 'pre_approval_permit',
    name: { en: `Pre-approval: ${entry.nameEn}`, zh: `前置审批：${entry.nameZh}` },
    detail: {
      en: `${entry.permitEn}, issued by ${entry.issuerEn}.`,
      zh: `${entry.permitZh}，由${entry.issuerZh}核发。`,
    },
    sources: ['ref-9-licence', ...entry.sources.filter((s) => s !== 'ref-9-licence')],
  };
}

/**
 * The checklist of one application, in the order of reference §9. Every material listed is required:
 * what an application does not need (platform rules for ICP, the foreign-investment opinion for a
 * Chinese-owned company) is left out rather than listed as optional. Pre-approval ids are taken once each,
 * in the order given.
 */
export function listLicenceMaterials(
  input: LicenceMaterialInput,
  catalogue: Catalogue = defaultCatalogue,
): LicenceMaterial[] {
  const materials: LicenceMaterial[] = [];
  for (const template of TEMPLATES) {
    const detail = template.detail(input);
    if (detail) {
      const material: LicenceMaterial = {
        id: template.id,
        name: template.name,
        detail,
        required: true,
        sources: [...template.sources],
      };
      if (template.documentKind !== undefined) material.documentKind = template.documentKind;
      materials.push(material);
    }
    if (template.id === PRE_APPROVALS_AFTER) {
      for (const id of new Set(input.preApprovals)) {
        materials.push({ ...describePreApproval(catalogue, id), required: true });
      }
    }
  }
  return materials;
}
