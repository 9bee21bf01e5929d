import { issue } from '../shared/issue.ts';
import { normalizeCompact, normalizeText } from '../shared/normalize.ts';
import { validateDomain } from '../validate/domain.ts';
import { validateSiteName } from '../validate/site-name.ts';
import { bindsServiceCodes } from '../workflow/order-type.ts';
import { checkPerson, type PersonFacts } from './check-person.ts';
import { checkPreApprovalItems, checkServiceContent } from './check-pre-approvals.ts';
import { findContentCategory } from './content-categories.ts';
import {
  type ContentContext,
  FORM_SOURCE,
  readList,
  readText,
  reportRequired,
  requireTexts,
} from './content-context.ts';
import type { Path } from './field-issue.ts';
import { parseIpAddress } from './ip-address.ts';
import type { AppPlatform, ServiceDraft } from './order-content.ts';

export interface ServiceFacts {
  index: number;
  path: Path;
  service: ServiceDraft;
  /** The registrable domain in ASCII, when the domain parsed. */
  domain?: string;
  /** The public suffix in Unicode (`gov.cn`, `政务`). */
  publicSuffix?: string;
  /** The admin's facts; the leader's when `adminSameAsLeader`. */
  admin?: PersonFacts;
}

const APP_SOURCE = 'miit-app-notice-2023';
/** Separators people put between several domains: one website files one domain (ref-5-domains). */
const DOMAIN_LIST_SEPARATOR = /[\s,;，；、|]/u;
const PACKAGE_NAME = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+$/u;
const BUNDLE_ID = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/u;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/u;

/** What each app platform's filing asks for (reference §4.3 app-specific fields). */
const APP_FIELDS_BY_PLATFORM: Readonly<Record<AppPlatform, readonly string[]>> = {
  android: ['packageName', 'signatureMd5', 'publicKey'],
  ios: ['bundleId', 'signatureSha1', 'publicKey'],
  harmonyos: ['packageName', 'publicKey'],
};

function checkDomain(context: ContentContext, path: Path, input: string, facts: ServiceFacts): void {
  const domainPath = [...path, 'domain'];
  if (DOMAIN_LIST_SEPARATOR.test(normalizeText(input))) {
    context.issues.error(
      domainPath,
      issue(
        'one_domain_per_website',
        'Enter one domain: since 22 April 2019 a website is filed with a single domain; file each other domain as its own website.',
        '请只填写一个域名：自2019年4月22日起每个网站只能备案一个域名，其他域名请作为单独的网站备案。',
        { source: 'ref-5-domains' },
      ),
    );
    return;
  }
  const checked = validateDomain(input, { catalogue: context.catalogue });
  context.issues.addValidation(domainPath, checked, 'ref-5-domains');
  if (checked.value) {
    facts.domain = checked.value.registrableDomain.ascii;
    facts.publicSuffix = checked.value.publicSuffix.unicode;
  }
}

function checkHomeUrl(context: ContentContext, path: Path, input: string, domain: string | undefined): void {
  const urlPath = [...path, 'homeUrl'];
  let url: URL | undefined;
  try {
    url = new URL(normalizeText(input));
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    context.issues.error(
      urlPath,
      issue(
        'invalid_url',
        'Enter the home page as a full address, e.g. https://www.example.cn/.',
        '请填写完整的首页网址，例如 https://www.example.cn/。',
        { source: FORM_SOURCE },
      ),
    );
    return;
  }
  if (!context.isSubmit || domain === undefined) return;
  const host = url.hostname.replace(/\.$/u, '');
  if (host !== domain && !host.endsWith(`.${domain}`)) {
    context.issues.error(
      urlPath,
      issue(
        'home_url_outside_domain',
        `The home page must be on the filed domain ${domain}.`,
        `首页网址须位于备案域名 ${domain} 下。`,
        { source: 'ref-5-domains', params: { domain, host } },
      ),
    );
  }
}

function hexIssue(code: string, what: string, digits: number): ReturnType<typeof issue> {
  return issue(
    code,
    `The ${what} fingerprint has ${digits} hexadecimal digits (colons allowed), e.g. as printed by keytool.`,
    `${what} 指纹应为 ${digits} 位十六进制数字（可含冒号），例如 keytool 输出的格式。`,
    { source: APP_SOURCE },
  );
}

function checkAppFormats(context: ContentContext, path: Path, service: ServiceDraft): void {
  const { issues } = context;
  const packageName = readText(service.packageName);
  if (packageName !== undefined && !PACKAGE_NAME.test(packageName.trim())) {
    issues.error(
      [...path, 'packageName'],
      issue(
        'invalid_package_name',
        'A package name is dot-separated segments of letters, digits and underscores, each starting with a letter, e.g. cn.example.app.',
        '包名由点号分隔的若干段组成，每段以字母开头，只含字母、数字和下划线，例如 cn.example.app。',
        { source: APP_SOURCE },
      ),
    );
  }
  const bundleId = readText(service.bundleId);
  if (bundleId !== undefined && !BUNDLE_ID.test(bundleId.trim())) {
    issues.error(
      [...path, 'bundleId'],
      issue(
        'invalid_bundle_id',
        'A bundle id is reverse-DNS text of letters, digits and hyphens, e.g. cn.example.app.',
        'Bundle ID 应为反向域名格式，只含字母、数字和连字符，例如 cn.example.app。',
        { source: APP_SOURCE },
      ),
    );
  }
  const md5 = readText(service.signatureMd5);
  if (md5 !== undefined && !/^[0-9a-f]{32}$/iu.test(normalizeCompact(md5).replace(/[:-]/gu, ''))) {
    issues.error([...path, 'signatureMd5'], hexIssue('invalid_signature_md5', 'MD5', 32));
  }
  const sha1 = readText(service.signatureSha1);
  if (sha1 !== undefined && !/^[0-9a-f]{40}$/iu.test(normalizeCompact(sha1).replace(/[:-]/gu, ''))) {
    issues.error([...path, 'signatureSha1'], hexIssue('invalid_signature_sha1', 'SHA-1', 40));
  }
}

function checkAccessFormats(context: ContentContext, path: Path, service: ServiceDraft): void {
  for (const [index, input] of readList(service.access?.ipAddresses).entries()) {
    if (readText(input) === undefined) continue;
    const ipPath = [...path, 'access', 'ipAddresses', index];
    const parsed = parseIpAddress(input);
    if (!parsed) {
      context.issues.error(
        ipPath,
        issue(
          'invalid_ip_address',
          `"${input.slice(0, 60)}" is not an IPv4 or IPv6 address.`,
          `“${input.slice(0, 60)}”不是有效的 IPv4 或 IPv6 地址。`,
          { source: FORM_SOURCE },
        ),
      );
    } else if (!parsed.isPublic) {
      context.issues.error(
        ipPath,
        issue(
          'ip_address_not_public',
          `${parsed.canonical} is a private or reserved address; enter the instance's public IP.`,
          `${parsed.canonical} 是内网或保留地址，请填写实例的公网 IP。`,
          { source: 'ref-3-instances', params: { ipAddress: parsed.canonical } },
        ),
      );
    }
  }
}

function checkFormats(context: ContentContext, path: Path, service: ServiceDraft, facts: ServiceFacts): void {
  const domain = readText(service.domain);
  if (domain !== undefined) checkDomain(context, path, domain, facts);
  const name = readText(service.name);
  if (name !== undefined && service.type === 'website') {
    context.issues.addValidation(
      [...path, 'name'],
      validateSiteName(name, {
        catalogue: context.catalogue,
        nature: context.nature?.id,
        province: context.province?.code,
        domain,
      }),
      'ref-4-site-names',
    );
  }
  const homeUrl = readText(service.homeUrl);
  if (homeUrl !== undefined) checkHomeUrl(context, path, homeUrl, facts.domain);
  if (service.contentCategory !== undefined && !findContentCategory(service.contentCategory)) {
    context.issues.error(
      [...path, 'contentCategory'],
      issue(
        'unknown_content_category',
        `Unknown content category "${String(service.contentCategory)}".`,
        `未知的服务内容“${String(service.contentCategory)}”。`,
        { source: FORM_SOURCE },
      ),
    );
  }
  checkPreApprovalItems(context, path, service);
  for (const [index, tag] of readList(service.languages).entries()) {
    if (readText(tag) === undefined || LANGUAGE_TAG.test(tag.trim())) continue;
    context.issues.error(
      [...path, 'languages', index],
      issue(
        'invalid_language_tag',
        `"${tag.slice(0, 40)}" is not a language tag such as zh-CN or en.`,
        `“${tag.slice(0, 40)}”不是 zh-CN、en 这样的语言代码。`,
        { source: FORM_SOURCE },
      ),
    );
  }
  checkAppFormats(context, path, service);
  checkAccessFormats(context, path, service);
}

function checkAppRequired(context: ContentContext, path: Path, service: ServiceDraft): void {
  const platforms = readList(service.platforms);
  if (platforms.length === 0) {
    reportRequired(context, [...path, 'platforms']);
    return;
  }
  const fields = new Set(platforms.flatMap((platform) => APP_FIELDS_BY_PLATFORM[platform] ?? []));
  requireTexts(context, path, service as Record<string, unknown>, [...fields]);
}

function checkAdminRequired(context: ContentContext, path: Path, service: ServiceDraft): void {
  if (service.adminSameAsLeader === true && service.admin !== undefined) {
    context.issues.error(
      [...path, 'adminSameAsLeader'],
      issue(
        'admin_conflicts_with_same_as_leader',
        'Either enter a service admin or mark the entity leader as the admin, not both.',
        '请填写网站负责人，或勾选“同主体负责人”，二者只能选其一。',
        { source: FORM_SOURCE },
      ),
    );
  } else if (service.adminSameAsLeader !== true && service.admin === undefined) {
    reportRequired(context, [...path, 'admin']);
  }
}

/** Required fields and service-level rules in submit mode. */
function checkSubmitted(context: ContentContext, path: Path, service: ServiceDraft): void {
  const record = service as Record<string, unknown>;
  requireTexts(context, path, record, ['type']);
  const isWebsite = service.type === 'website';
  requireTexts(context, path, record, isWebsite ? ['domain'] : ['name']);
  if (!context.isFilingOrder) {
    if (context.orderType === 'cancel_service') checkAdminRequired(context, path, service);
    return;
  }
  if (isWebsite) requireTexts(context, path, record, ['name']);
  requireTexts(context, path, record, ['contentCategory']);
  checkAdminRequired(context, path, service);
  if (service.type === 'app') checkAppRequired(context, path, service);
  // Mini-programs and quick apps run on their platform's servers; that platform gives them access.
  const hasOwnServers = isWebsite || service.type === 'app';
  if (hasOwnServers && bindsServiceCodes(context.orderType)) {
    const addresses = readList(service.access?.ipAddresses).filter((ip) => readText(ip) !== undefined);
    if (addresses.length === 0) reportRequired(context, [...path, 'access', 'ipAddresses']);
  }
  checkServiceContent(context, path, service);
}

/** Checks one service: formats of the fields present, and in submit mode what the order type requires. */
export function checkService(
  context: ContentContext,
  service: ServiceDraft,
  index: number,
  leader: PersonFacts | undefined,
): ServiceFacts {
  const path: Path = ['services', index];
  const facts: ServiceFacts = { index, path, service };
  checkFormats(context, path, service, facts);
  if (service.admin !== undefined) {
    facts.admin = checkPerson(context, [...path, 'admin'], service.admin, 'admin');
  } else if (service.adminSameAsLeader === true) {
    facts.admin = leader;
  }
  if (context.isSubmit) checkSubmitted(context, path, service);
  return facts;
}
