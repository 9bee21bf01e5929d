import { getStartOfChinaDay, toChinaDate, toDayNumber, toIsoDate } from '../../domain/calendar/china-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import {
  buildEnterpriseOrderContent,
  buildEnterpriseUscc,
  buildIndividualOrderContent,
  buildResidentId,
} from '../../domain/order-content/fixtures.ts';
import type { AttachmentDraft, OrderContentDraft } from '../../domain/order-content/order-content.ts';
import { validateOrderContent } from '../../domain/order-content/validate-order-content.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import type { OrderStatus } from '../../domain/workflow/order-status.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';
import type { AccountsDeps } from '../accounts/account-stores.ts';
import { resolveActor } from '../accounts/resolve-actor.ts';
import type { DocumentDeps } from '../documents/document-deps.ts';
import { uploadDocument } from '../documents/upload-document.ts';
import { listInbox } from '../notifications/list-inbox.ts';
import { approveAsAuthority } from '../orders/approve-as-authority.ts';
import { approveAsProvider } from '../orders/approve-as-provider.ts';
import { createOrder } from '../orders/create-order.ts';
import { maskCertificateNumber, maskName } from '../orders/mask-personal-data.ts';
import { computeCertificateIndex } from '../orders/order-content-crypto.ts';
import type { OrderDeps } from '../orders/order-deps.ts';
import { recordIdentityVerification } from '../orders/record-identity-verification.ts';
import { rejectAsAuthority } from '../orders/reject-as-authority.ts';
import { returnOrder } from '../orders/return-order.ts';
import { saveDraft } from '../orders/save-draft.ts';
import { sendToAuthority } from '../orders/send-to-authority.ts';
import { startProviderReview } from '../orders/start-provider-review.ts';
import { submitOrder } from '../orders/submit-order.ts';
import { submitSmsCode } from '../orders/submit-sms-code.ts';
import { withdrawOrder } from '../orders/withdraw-order.ts';
import type { Clock } from '../ports.ts';
import { createInstance } from '../providers/create-instance.ts';
import { addMonths } from '../providers/instance-eligibility.ts';
import { issueServiceCode } from '../providers/issue-service-code.ts';
import type { InstanceRecord } from '../providers/provider-store.ts';
import type { DemoSeedDeps, DemoSeedStep } from './demo-seed-step.ts';
import type { RenderSampleDocument } from './sample-documents.ts';
import { getDemoAccountEmail } from './seed-accounts.ts';

/**
 * The demo's instances, orders and service codes (issue 3: "a provider with instances and codes …
 * orders in every state"). Every order goes through the real use cases — validation, versions,
 * deadlines, encryption, notifications and the audit log are what a person clicking through would
 * leave — on a clock set to office hours of past working days, so queues show plausible ages and
 * deadlines. Before an order is first submitted, its filer uploads a made-up sample of every document
 * its checklist requires, through the documents use case a user's upload takes, so submission checks
 * real uploads as for everyone. The SMS check of the order left waiting for it was sent 90 minutes
 * before the seed, so its 24 hours run from the first start.
 */

/** A moment of the demo's past: office hours `day` working days before today, or minutes ago. */
type DemoMoment = { day: number; time: string } | { minutesAgo: number };

type DemoAction =
  | { kind: 'save' }
  | { kind: 'submit' }
  | { kind: 'start_review' }
  | { kind: 'return'; reasons: ReturnReason[] }
  /** The applicant renames the first service after a return and saves. */
  | { kind: 'rename_service'; name: string }
  | { kind: 'approve_as_provider' }
  | { kind: 'pass_identity_check' }
  | { kind: 'send_to_authority' }
  | { kind: 'enter_wrong_sms_code' }
  | { kind: 'enter_sms_code' }
  | { kind: 'approve_as_authority' }
  | { kind: 'reject_as_authority'; reasons: ReturnReason[] }
  | { kind: 'withdraw' };

interface DemoStep {
  at: DemoMoment;
  action: DemoAction;
}

interface DemoPerson {
  name: string;
  birthDate: string;
  /** The three digits after the birth date in the resident ID (odd for men, even for women). */
  sequence: string;
  mobile: string;
  /** The local part of the person's mail address under DEMO_MAIL_DOMAIN. */
  mailbox: string;
}

interface DemoSite {
  name: string;
  /** The registrable domain's label under .cn; a number is appended if the demo registry holds it. */
  domainLabel: string;
}

type DemoEntity =
  | { nature: 'individual'; province: string; person: DemoPerson; site: DemoSite }
  | {
      nature: 'enterprise';
      province: string;
      company: { name: string; organisationCode: string };
      leader: DemoPerson;
      admin: DemoPerson;
      site: DemoSite;
    };

interface DemoScenario {
  /** The state the scenario leaves its order in (checked after the last step). */
  status: OrderStatus;
  /** The applicant's own order, or one the agency files for the applicant as its client. */
  filedBy: 'applicant' | 'agent';
  /** The applicant's instance carrying the service. */
  instance: string;
  entity: DemoEntity;
  /** A draft not finished yet: submitting it reports the missing fields on their fields. */
  isIncomplete?: boolean;
  createdAt: DemoMoment;
  steps: DemoStep[];
}

interface DemoInstance {
  name: string;
  region: string;
  province: string;
  publicIp: string;
  /** A yearly subscription (eligible) or a month of pay-as-you-go (too short to carry a filing). */
  term: 'yearly' | 'monthly';
  /** Unused service codes the instance keeps after the orders took theirs. */
  spareCodes: number;
  /** Issue an authorisation code made out to the demo agent, as a holder lends an instance. */
  hasAgentAuthorisationCode?: boolean;
}

/** Mail to the people in the demo's orders (SMS codes, by mail) goes nowhere: .test is reserved. */
const DEMO_MAIL_DOMAIN = 'people.demo.openbeian.test';

export const DEMO_INSTANCES: readonly DemoInstance[] = [
  {
    name: 'bj-web-1',
    region: 'cn-beijing',
    province: '11',
    publicIp: '101.200.35.18',
    term: 'yearly',
    spareCodes: 0,
  },
  {
    name: 'bj-web-2',
    region: 'cn-beijing',
    province: '11',
    publicIp: '101.200.35.19',
    term: 'yearly',
    spareCodes: 1,
    hasAgentAuthorisationCode: true,
  },
  {
    name: 'sz-web-1',
    region: 'cn-shenzhen',
    province: '44',
    publicIp: '120.78.126.40',
    term: 'yearly',
    spareCodes: 0,
  },
  {
    name: 'sz-web-2',
    region: 'cn-shenzhen',
    province: '44',
    publicIp: '120.78.126.41',
    term: 'yearly',
    spareCodes: 2,
  },
  {
    name: 'sh-trial-1',
    region: 'cn-shanghai',
    province: '31',
    publicIp: '47.100.52.7',
    term: 'monthly',
    spareCodes: 0,
  },
];

const at = (day: number, time: string): DemoMoment => ({ day, time });

/** Saved and submitted on the morning of `day`. */
function filed(day: number): DemoStep[] {
  return [
    { at: at(day, '09:40'), action: { kind: 'save' } },
    { at: at(day, '10:05'), action: { kind: 'submit' } },
  ];
}

/** The provider's review on `day`, passed. */
function reviewed(day: number): DemoStep[] {
  return [
    { at: at(day, '09:20'), action: { kind: 'start_review' } },
    { at: at(day, '10:30'), action: { kind: 'approve_as_provider' } },
  ];
}

/** Identity verification passed, sent to the authority, and the SMS code entered, on `day`. */
function verifiedAndSent(day: number): DemoStep[] {
  return [
    { at: at(day, '14:00'), action: { kind: 'pass_identity_check' } },
    { at: at(day, '14:30'), action: { kind: 'send_to_authority' } },
    { at: at(day, '15:10'), action: { kind: 'enter_sms_code' } },
  ];
}

const SITE_NAME_REASON: ReturnReason = {
  fieldPath: 'services[0].name',
  reasonCode: 'site_name_mismatch',
  text: {
    zh: '网站名称应体现网站实际内容，请修改。',
    en: 'The site name must say what the site is about; please rename it.',
  },
};

const person = (
  name: string,
  birthDate: string,
  sequence: string,
  mobile: string,
  mailbox: string,
): DemoPerson => ({ name, birthDate, sequence, mobile, mailbox });

/**
 * In the order they run: chronological by creation, so entity serials follow approval dates. Every
 * scenario files a different entity (one order in progress per entity).
 */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    status: 'approved',
    filedBy: 'applicant',
    instance: 'bj-web-1',
    entity: {
      nature: 'individual',
      province: '11',
      person: person('王小明', '1990-03-07', '123', '13800138000', 'wangxiaoming'),
      site: { name: '山间读书笔记', domainLabel: 'wang-notes' },
    },
    createdAt: at(30, '09:30'),
    steps: [
      ...filed(30),
      ...reviewed(29),
      ...verifiedAndSent(29),
      { at: at(16, '10:00'), action: { kind: 'approve_as_authority' } },
    ],
  },
  {
    status: 'approved',
    filedBy: 'applicant',
    instance: 'bj-web-1',
    entity: {
      nature: 'enterprise',
      province: '11',
      company: { name: '北京示例科技有限公司', organisationCode: 'MA01EXAM' },
      leader: person('李建国', '1975-11-20', '137', '13801010001', 'lijianguo'),
      admin: person('陈静', '1988-06-12', '246', '13901010002', 'chenjing'),
      site: { name: '示例科技官网', domainLabel: 'example-tech' },
    },
    createdAt: at(25, '09:30'),
    steps: [
      ...filed(25),
      { at: at(24, '09:20'), action: { kind: 'start_review' } },
      { at: at(24, '09:50'), action: { kind: 'return', reasons: [SITE_NAME_REASON] } },
      { at: at(23, '14:00'), action: { kind: 'rename_service', name: '示例科技官方网站' } },
      { at: at(23, '14:10'), action: { kind: 'submit' } },
      ...reviewed(22),
      { at: at(22, '14:00'), action: { kind: 'pass_identity_check' } },
      { at: at(22, '14:30'), action: { kind: 'send_to_authority' } },
      { at: at(22, '15:05'), action: { kind: 'enter_wrong_sms_code' } },
      { at: at(22, '15:07'), action: { kind: 'enter_sms_code' } },
      { at: at(12, '11:00'), action: { kind: 'approve_as_authority' } },
    ],
  },
  {
    status: 'approved',
    filedBy: 'agent',
    instance: 'bj-web-1',
    entity: {
      nature: 'enterprise',
      province: '11',
      company: { name: '北京青禾文化传媒有限公司', organisationCode: 'MA02BJ7C' },
      leader: person('周国平', '1968-02-14', '151', '13801010003', 'zhouguoping'),
      admin: person('何雨', '1993-07-30', '284', '13901010004', 'heyu'),
      site: { name: '青禾文化传媒官网', domainLabel: 'qinghe-media' },
    },
    createdAt: at(20, '10:00'),
    steps: [
      ...filed(20),
      ...reviewed(19),
      ...verifiedAndSent(19),
      { at: at(8, '15:30'), action: { kind: 'approve_as_authority' } },
    ],
  },
  {
    status: 'rejected_by_authority',
    filedBy: 'applicant',
    instance: 'bj-web-1',
    entity: {
      nature: 'individual',
      province: '11',
      person: person('刘芳', '1992-08-15', '264', '13901010005', 'liufang'),
      site: { name: '晨光烘焙手记', domainLabel: 'liufang-bake' },
    },
    createdAt: at(14, '09:30'),
    steps: [
      ...filed(14),
      ...reviewed(13),
      ...verifiedAndSent(13),
      {
        at: at(4, '16:00'),
        action: {
          kind: 'reject_as_authority',
          reasons: [
            {
              fieldPath: 'services[0].contentCategory',
              reasonCode: 'personal_site_commercial_content',
              text: {
                zh: '个人网站不得从事经营性活动，网站首页含在线订购内容，请删除后重新提交。',
                en: 'A personal site may not trade: the home page takes orders. Remove them and resubmit.',
              },
            },
          ],
        },
      },
    ],
  },
  {
    status: 'authority_review',
    filedBy: 'applicant',
    instance: 'bj-web-1',
    entity: {
      nature: 'enterprise',
      province: '11',
      company: { name: '北京云帆数据服务有限公司', organisationCode: 'MA03BJ9H' },
      leader: person('马建华', '1972-05-09', '173', '13801010006', 'majianhua'),
      admin: person('宋佳', '1990-10-21', '222', '13901010007', 'songjia'),
      site: { name: '云帆数据服务官网', domainLabel: 'yunfan-data' },
    },
    createdAt: at(10, '09:30'),
    steps: [...filed(10), ...reviewed(9), ...verifiedAndSent(9)],
  },
  {
    status: 'withdrawn',
    filedBy: 'applicant',
    instance: 'sz-web-1',
    entity: {
      nature: 'individual',
      province: '44',
      person: person('林志强', '1983-12-01', '371', '13902020001', 'linzhiqiang'),
      site: { name: '志强钓鱼日志', domainLabel: 'linzq-fishing' },
    },
    createdAt: at(9, '20:10'),
    steps: [
      { at: at(9, '20:30'), action: { kind: 'save' } },
      { at: at(9, '20:40'), action: { kind: 'submit' } },
      { at: at(8, '08:15'), action: { kind: 'withdraw' } },
    ],
  },
  {
    status: 'returned_by_provider',
    filedBy: 'applicant',
    instance: 'sz-web-1',
    entity: {
      nature: 'enterprise',
      province: '44',
      company: { name: '深圳启明软件有限公司', organisationCode: 'MA05GD6P' },
      leader: person('郭启明', '1970-09-17', '155', '13802020002', 'guoqiming'),
      admin: person('罗婷', '1995-01-26', '268', '13902020003', 'luoting'),
      site: { name: '启明官网', domainLabel: 'qiming-soft' },
    },
    createdAt: at(6, '09:30'),
    steps: [
      ...filed(6),
      { at: at(5, '09:20'), action: { kind: 'start_review' } },
      {
        at: at(5, '10:00'),
        action: {
          kind: 'return',
          reasons: [
            SITE_NAME_REASON,
            {
              reasonCode: 'licence_scan_unreadable',
              text: {
                zh: '营业执照扫描件不清晰，请上传彩色原件扫描件。',
                en: 'The business licence scan is unreadable; upload a colour scan of the original.',
              },
            },
          ],
        },
      },
    ],
  },
  {
    status: 'ready_for_authority',
    filedBy: 'applicant',
    instance: 'sz-web-1',
    entity: {
      nature: 'individual',
      province: '44',
      person: person('陈晓东', '1989-04-18', '153', '13902020004', 'chenxiaodong'),
      site: { name: '晓东技术札记', domainLabel: 'chenxd-notes' },
    },
    createdAt: at(4, '09:30'),
    steps: [...filed(4), ...reviewed(2), { at: at(1, '14:00'), action: { kind: 'pass_identity_check' } }],
  },
  {
    status: 'sms_verification',
    filedBy: 'applicant',
    instance: 'bj-web-2',
    entity: {
      nature: 'individual',
      province: '11',
      person: person('赵磊', '1985-01-22', '315', '13901010008', 'zhaolei'),
      site: { name: '赵磊骑行路书', domainLabel: 'zhaolei-ride' },
    },
    createdAt: at(3, '09:30'),
    steps: [
      ...filed(3),
      ...reviewed(2),
      { at: at(1, '15:00'), action: { kind: 'pass_identity_check' } },
      { at: { minutesAgo: 90 }, action: { kind: 'send_to_authority' } },
    ],
  },
  {
    status: 'identity_verification',
    filedBy: 'applicant',
    instance: 'sz-web-1',
    entity: {
      nature: 'enterprise',
      province: '44',
      company: { name: '深圳蓝海贸易有限公司', organisationCode: 'MA04GD2N' },
      leader: person('黄海涛', '1969-03-03', '139', '13802020005', 'huanghaitao'),
      admin: person('吴倩', '1991-12-12', '206', '13902020006', 'wuqian'),
      site: { name: '蓝海贸易官网', domainLabel: 'lanhai-trade' },
    },
    createdAt: at(3, '11:00'),
    steps: [
      { at: at(3, '11:20'), action: { kind: 'save' } },
      { at: at(3, '11:40'), action: { kind: 'submit' } },
      ...reviewed(1),
    ],
  },
  {
    status: 'provider_review',
    filedBy: 'applicant',
    instance: 'bj-web-2',
    entity: {
      nature: 'individual',
      province: '11',
      person: person('孙悦', '1996-11-03', '428', '13901010009', 'sunyue'),
      site: { name: '悦读书影', domainLabel: 'sunyue-reads' },
    },
    createdAt: at(2, '13:30'),
    steps: [
      { at: at(2, '13:50'), action: { kind: 'save' } },
      { at: at(2, '14:05'), action: { kind: 'submit' } },
      { at: at(1, '09:20'), action: { kind: 'start_review' } },
    ],
  },
  {
    status: 'submitted',
    filedBy: 'applicant',
    instance: 'sz-web-1',
    entity: {
      nature: 'individual',
      province: '44',
      person: person('黄嘉怡', '1998-09-09', '246', '13902020007', 'huangjiayi'),
      site: { name: '嘉怡旅行相册', domainLabel: 'huangjy-travel' },
    },
    createdAt: at(1, '16:00'),
    steps: [
      { at: at(1, '16:20'), action: { kind: 'save' } },
      { at: at(1, '16:30'), action: { kind: 'submit' } },
    ],
  },
  {
    status: 'draft',
    filedBy: 'applicant',
    instance: 'sz-web-2',
    entity: {
      nature: 'enterprise',
      province: '44',
      company: { name: '深圳星河网络科技有限公司', organisationCode: 'MA06GD8R' },
      leader: person('许志远', '1974-06-25', '117', '13802020008', 'xuzhiyuan'),
      admin: person('冯雪', '1994-02-08', '282', '13902020009', 'fengxue'),
      site: { name: '星河网络科技官网', domainLabel: 'xinghe-net' },
    },
    isIncomplete: true,
    createdAt: at(1, '17:00'),
    steps: [{ at: at(1, '17:20'), action: { kind: 'save' } }],
  },
];

/** A clock that the seed moves forward through each scenario; never backwards. */
class ScenarioClock implements Clock {
  #now: Date;

  constructor(start: Date) {
    this.#now = start;
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** Moves to `instant`, or a minute on when `instant` is not later (steps keep their order). */
  moveTo(instant: Date): void {
    this.#now = instant.getTime() > this.#now.getTime() ? instant : new Date(this.#now.getTime() + 60_000);
  }
}

interface DemoTimeline {
  /** The China date the seed runs on. */
  today: string;
  resolve(moment: DemoMoment): Date;
}

function createTimeline(seededAt: Date, calendar: WorkingDayCalendar): DemoTimeline {
  const today = toChinaDate(seededAt);
  return {
    today,
    resolve(moment) {
      if ('minutesAgo' in moment) return new Date(seededAt.getTime() - moment.minutesAgo * 60_000);
      // Only past working days: addWorkingDays(today, -n) with n ≥ 1 lies before today.
      const day = calendar.addWorkingDays(today, -Math.max(1, moment.day));
      const [hours = 0, minutes = 0] = moment.time.split(':').map(Number);
      return new Date(getStartOfChinaDay(day).getTime() + (hours * 60 + minutes) * 60_000);
    },
  };
}

interface DemoCast {
  applicant: Actor;
  agent: Actor;
  agencyId: string;
  /** provider@: the provider's administrator and reviewer. */
  provider: Actor;
  providerOrgId: string;
  authority: Actor;
}

export async function getDemoActor(accounts: AccountsDeps, role: Parameters<typeof getDemoAccountEmail>[0]) {
  const email = getDemoAccountEmail(role);
  const user = await accounts.stores.users.findByEmail(email);
  if (!user) throw new Error(`The demo account ${email} is missing: the accounts step seeds it first`);
  return resolveActor(accounts, user.id);
}

async function getDemoCast(accounts: AccountsDeps): Promise<DemoCast> {
  const applicant = await getDemoActor(accounts, 'applicant');
  const agent = await getDemoActor(accounts, 'agent');
  const provider = await getDemoActor(accounts, 'provider_reviewer');
  const authority = await getDemoActor(accounts, 'authority_reviewer');
  const [agencyId] = agent.organisationIds;
  if (agencyId === undefined || provider.providerOrgId === undefined) {
    throw new Error('The demo agent or provider account has no organisation');
  }
  return { applicant, agent, agencyId, provider, providerOrgId: provider.providerOrgId, authority };
}

function describeSubscription(instance: DemoInstance, today: string): { start: string; end: string } {
  if (instance.term === 'monthly') {
    const start = toIsoDate(toDayNumber(today) - 10);
    return { start, end: toIsoDate(toDayNumber(addMonths(start, 1)) - 1) };
  }
  const start = addMonths(today, -6);
  return { start, end: toIsoDate(toDayNumber(addMonths(start, 12)) - 1) };
}

/** The applicant's demo instances by name, registered by the provider's administrator when missing. */
async function ensureInstances(
  deps: OrderDeps,
  clock: ScenarioClock,
  timeline: DemoTimeline,
  cast: DemoCast,
): Promise<Map<string, InstanceRecord>> {
  const held = await deps.persistence.read.providers.listInstances([{ ownerUserId: cast.applicant.userId }]);
  const byName = new Map(held.map((instance) => [instance.name, instance]));
  for (const instance of DEMO_INSTANCES) {
    if (byName.has(instance.name)) continue;
    const { start, end } = describeSubscription(instance, timeline.today);
    clock.moveTo(timeline.resolve(at(instance.term === 'monthly' ? 7 : 45, '11:00')));
    const created = await createInstance(deps, {
      actor: cast.provider,
      ownerUserId: cast.applicant.userId,
      name: instance.name,
      region: instance.region,
      province: instance.province,
      publicIp: instance.publicIp,
      subscriptionStart: start,
      subscriptionEnd: end,
    });
    const record = await deps.persistence.read.providers.findInstance(created.id);
    if (!record) throw new Error(`Instance ${created.id} vanished`);
    byName.set(instance.name, record);
  }
  return byName;
}

/** An unused service code of the instance (one a withdrawal released, say), or a new one. */
async function takeServiceCode(deps: OrderDeps, holder: Actor, instance: InstanceRecord): Promise<string> {
  const codes = await deps.persistence.read.providers.listServiceCodes([instance.id]);
  const available = codes.find((code) => code.kind === 'service' && code.status === 'available');
  if (available) return available.code;
  return (await issueServiceCode(deps, { actor: holder, instanceId: instance.id })).code.code;
}

/** The registrable domain under .cn, with the lowest number appended that the registry does not hold. */
async function pickFreeDomain(deps: OrderDeps, label: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const domain = `${label}${n === 1 ? '' : n}.cn`;
    if (!(await deps.persistence.read.registry.findByDomain(domain))) return domain;
  }
}

function buildPersonFields(person: DemoPerson, county: string) {
  return {
    name: person.name,
    certificateNumber: buildResidentId(county, person.birthDate, person.sequence),
    mobile: person.mobile,
    email: `${person.mailbox}@${DEMO_MAIL_DOMAIN}`,
  };
}

/** The certificate number the scenario files under (one order in progress per entity). */
function buildCertificateNumber(entity: DemoEntity): string {
  const county = getFixtureCounty(entity.province);
  return entity.nature === 'individual'
    ? buildResidentId(county, entity.person.birthDate, entity.person.sequence)
    : buildEnterpriseUscc(county, entity.company.organisationCode);
}

/** The county the fixtures place entities of the province in. */
export function getFixtureCounty(province: string): string {
  const county = buildIndividualOrderContent({ entity: { provinceCode: province } }).entity?.countyCode;
  if (county === undefined) throw new Error(`No fixture county for province ${province}`);
  return county;
}

function buildContent(
  scenario: DemoScenario,
  domain: string,
  access: { instance: InstanceRecord; serviceCode: string },
): OrderContentDraft {
  const { entity } = scenario;
  const county = getFixtureCounty(entity.province);
  const certificateNumber = buildCertificateNumber(entity);
  const content =
    entity.nature === 'individual'
      ? buildIndividualOrderContent({
          entity: {
            provinceCode: entity.province,
            name: entity.person.name,
            certificateNumber,
            investorOrAuthority: entity.person.name,
            leader: buildPersonFields(entity.person, county),
          },
          services: [{ name: entity.site.name, domain, homeUrl: `https://${domain}/` }],
        })
      : buildEnterpriseOrderContent({
          entity: {
            provinceCode: entity.province,
            name: entity.company.name,
            certificateNumber,
            investorOrAuthority: entity.leader.name,
            leader: buildPersonFields(entity.leader, county),
            ...(scenario.isIncomplete ? { mailingAddress: undefined } : {}),
          },
          services: [
            {
              name: entity.site.name,
              domain,
              homeUrl: `https://www.${domain}/`,
              admin: {
                ...buildPersonFields(entity.admin, county),
                ...(scenario.isIncomplete ? { emergencyPhone: undefined } : {}),
              },
            },
          ],
        });
  return {
    ...content,
    // The fixtures name made-up document ids; the seed uploads real files before it submits.
    attachments: [],
    services: (content.services ?? []).map((service) => ({
      ...service,
      access: {
        instanceId: String(access.instance.id),
        serviceCode: access.serviceCode,
        ipAddresses: [access.instance.publicIp],
        region: access.instance.region,
      },
    })),
  };
}

/** A person of the scenario's entity, and how the order content refers to them. */
interface DemoSubject {
  person: DemoPerson;
  personRef: 'entity.leader' | 'services[0].admin';
}

/**
 * Whom a document of `kind` is about: an ID card for each person of the order (the wizard's
 * per-person kinds), the verification photo of the site's admin, anything else signed by the
 * entity's leader.
 */
function listSubjects(entity: DemoEntity, kind: string): DemoSubject[] {
  const leader: DemoSubject = {
    person: entity.nature === 'individual' ? entity.person : entity.leader,
    personRef: 'entity.leader',
  };
  const admin: DemoSubject =
    entity.nature === 'individual' ? leader : { person: entity.admin, personRef: 'services[0].admin' };
  if (kind === 'id_card_scans') return entity.nature === 'individual' ? [leader] : [leader, admin];
  return [kind === 'verification_photo' ? admin : leader];
}

interface SampleUpload {
  scenario: DemoScenario;
  filer: Actor;
  order: { id: number; reference: string; type: OrderTypeId };
  content: OrderContentDraft;
}

/**
 * Uploads a sample file of every document the order's checklist requires and the order lacks, as
 * its filer would in the wizard, names them in the content's attachments and saves the draft. The
 * checklist is the one submission checks (validateOrderContent's, with the flags the content shows).
 */
async function uploadSampleDocuments(
  context: ScenarioContext,
  upload: SampleUpload,
): Promise<OrderContentDraft> {
  const { documents, clock } = context;
  const { scenario, order, filer } = upload;
  const { entity } = scenario;
  const today = toChinaDate(clock.now());
  const uploaded = new Set(await documents.persistence.read.documents.listUploadedKinds(order.id));
  const { checklist } = validateOrderContent(upload.content, {
    mode: 'submit',
    orderType: order.type,
    today,
    catalogue: documents.orders.catalogue,
  });
  const missing = checklist.filter((item) => item.required && !uploaded.has(item.document.id));
  if (missing.length === 0) return upload.content;

  const county = getFixtureCounty(entity.province);
  const entityCertificate = maskCertificateNumber(buildCertificateNumber(entity));
  const planned = missing.flatMap(({ document: kind }) =>
    listSubjects(entity, kind.id).map(({ person, personRef }) => ({
      kind: kind.id,
      ...(kind.id === 'id_card_scans' ? { personRef } : {}),
      request: {
        kind: kind.id,
        title: { en: kind.nameEn, zh: kind.nameZh },
        personName: maskName(person.name),
        personCertificate: maskCertificateNumber(buildResidentId(county, person.birthDate, person.sequence)),
        entityName: entity.nature === 'individual' ? maskName(entity.person.name) : entity.company.name,
        entityCertificate,
        siteName: entity.site.name,
        domain: upload.content.services?.[0]?.domain ?? '',
        orderReference: order.reference,
        date: today,
      },
    })),
  );
  // Drawn side by side (images rasterise off the main thread), uploaded one after the other.
  const samples = await Promise.all(planned.map((item) => context.renderSampleDocument(item.request)));
  const attachments: AttachmentDraft[] = [...(upload.content.attachments ?? [])];
  for (const [index, item] of planned.entries()) {
    const sample = samples[index];
    if (!sample) continue;
    const stored = await uploadDocument(documents, {
      actor: filer,
      order: { id: order.id },
      kind: item.kind,
      content: sample.content,
      originalName: sample.fileName,
    });
    attachments.push({
      kind: item.kind,
      documentId: stored.id,
      ...(item.personRef === undefined ? {} : { personRef: item.personRef }),
    });
  }
  const content = { ...upload.content, attachments };
  await saveDraft(context.deps, { actor: filer, orderId: order.id, content });
  return content;
}

/** The SMS code of the order as the filer's inbox shows it (the sandbox authority's "text"). */
async function readSmsCode(deps: OrderDeps, filer: Actor, orderId: number, reference: string) {
  const inbox = await listInbox(deps, { actor: filer, limit: 100 });
  const message = inbox.messages.find((m) => m.kind === 'sms_code' && m.orderId === orderId);
  // The reference (OB-2026-000123) ends in six digits too; the code is the other six-digit run.
  const code = /(?<!\d)\d{6}(?!\d)/u.exec(message?.body.en.replace(reference, '') ?? '')?.[0];
  if (code === undefined) throw new Error(`No SMS code for the demo order ${reference}`);
  return code;
}

interface ScenarioContext {
  deps: OrderDeps;
  /** The documents use cases on the same order deps (and clock). */
  documents: DocumentDeps;
  renderSampleDocument: RenderSampleDocument;
  clock: ScenarioClock;
  timeline: DemoTimeline;
  cast: DemoCast;
  instances: Map<string, InstanceRecord>;
}

async function runScenario(context: ScenarioContext, scenario: DemoScenario): Promise<void> {
  const { deps, clock, timeline, cast } = context;
  const instance = context.instances.get(scenario.instance);
  if (!instance) throw new Error(`No demo instance ${scenario.instance}`);
  const filer = scenario.filedBy === 'agent' ? cast.agent : cast.applicant;
  const reviewer = cast.provider;

  clock.moveTo(timeline.resolve(scenario.createdAt));
  const serviceCode = await takeServiceCode(deps, cast.applicant, instance);
  const domain = await pickFreeDomain(deps, scenario.entity.site.domainLabel);
  let content = buildContent(scenario, domain, { instance, serviceCode });
  const created = await createOrder(deps, {
    actor: filer,
    intent: 'file_service',
    certificateNumber: buildCertificateNumber(scenario.entity),
    province: scenario.entity.province,
    domain,
    providerOrgId: cast.providerOrgId,
    ...(scenario.filedBy === 'agent'
      ? { agentOrgId: cast.agencyId, clientUserId: cast.applicant.userId }
      : {}),
  });
  const orderId = created.order.id;
  const { reference } = created.order;
  let status: OrderStatus = created.order.status;

  for (const step of scenario.steps) {
    clock.moveTo(timeline.resolve(step.at));
    const { action } = step;
    const input = { orderId };
    switch (action.kind) {
      case 'save':
        status = (await saveDraft(deps, { actor: filer, orderId, content })).order.status;
        break;
      case 'rename_service':
        content = {
          ...content,
          services: (content.services ?? []).map((service, index) =>
            index === 0 ? { ...service, name: action.name } : service,
          ),
        };
        status = (await saveDraft(deps, { actor: filer, orderId, content })).order.status;
        break;
      case 'submit':
        content = await uploadSampleDocuments(context, {
          scenario,
          filer,
          order: { id: orderId, reference, type: created.order.type },
          content,
        });
        status = (await submitOrder(deps, { actor: filer, ...input })).order.status;
        break;
      case 'start_review':
        status = (await startProviderReview(deps, { actor: reviewer, ...input })).order.status;
        break;
      case 'return':
        status = (await returnOrder(deps, { actor: reviewer, ...input, reasons: action.reasons })).order
          .status;
        break;
      case 'approve_as_provider':
        status = (await approveAsProvider(deps, { actor: reviewer, ...input })).order.status;
        break;
      case 'pass_identity_check':
        status = (await recordIdentityVerification(deps, { actor: reviewer, ...input, result: 'passed' }))
          .order.status;
        break;
      case 'send_to_authority':
        status = (await sendToAuthority(deps, { actor: reviewer, ...input })).order.status;
        break;
      case 'enter_wrong_sms_code': {
        const code = await readSmsCode(deps, filer, orderId, reference);
        const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
        status = (await submitSmsCode(deps, { actor: filer, ...input, code: wrong })).order.status;
        break;
      }
      case 'enter_sms_code': {
        const code = await readSmsCode(deps, filer, orderId, reference);
        status = (await submitSmsCode(deps, { actor: filer, ...input, code })).order.status;
        break;
      }
      case 'approve_as_authority':
        status = (await approveAsAuthority(deps, { actor: cast.authority, ...input })).order.status;
        break;
      case 'reject_as_authority':
        status = (await rejectAsAuthority(deps, { actor: cast.authority, ...input, reasons: action.reasons }))
          .order.status;
        break;
      case 'withdraw':
        status = (await withdrawOrder(deps, { actor: filer, ...input })).order.status;
        break;
    }
  }
  if (status !== scenario.status) {
    throw new Error(`The demo order ${reference} ended in ${status} instead of ${scenario.status}`);
  }
}

/** Unused codes the instances keep, and the authorisation code lent to the agent. */
async function issueSpareCodes(context: ScenarioContext): Promise<void> {
  const { deps, clock, timeline, cast } = context;
  clock.moveTo(timeline.resolve(at(1, '18:00')));
  for (const spec of DEMO_INSTANCES) {
    const instance = context.instances.get(spec.name);
    if (!instance) continue;
    const codes = await deps.persistence.read.providers.listServiceCodes([instance.id]);
    const available = codes.filter((code) => code.kind === 'service' && code.status === 'available');
    for (let i = available.length; i < spec.spareCodes; i += 1) {
      await issueServiceCode(deps, { actor: cast.applicant, instanceId: instance.id });
    }
    if (spec.hasAgentAuthorisationCode && !codes.some((code) => code.kind === 'authorization')) {
      await issueServiceCode(deps, {
        actor: cast.applicant,
        instanceId: instance.id,
        kind: 'authorization',
        granteeUserId: cast.agent.userId,
      });
    }
  }
}

/** Every order of the database (a demo database holds a dozen), or the first `limit`. */
async function listDemoOrders(deps: OrderDeps, limit = 1_000) {
  return deps.persistence.read.orders.listOrders({
    slices: [{ scope: { kind: 'all' } }],
    sort: 'updated',
    limit,
    offset: 0,
  });
}

/**
 * Instances and orders of the demo. The use cases commit one by one, so the step cannot commit as
 * one: a seed resuming after an interruption keeps the instances it finds and skips every scenario
 * whose entity already has an order (an order cut off mid-way stays where it stopped).
 */
export const seedOrdersStep: DemoSeedStep = {
  name: 'orders',

  async hasData({ orders }) {
    const { providers } = orders.persistence.read;
    if ((await providers.listInstances('all')).length > 0) return true;
    return (await listDemoOrders(orders, 1)).length > 0;
  },

  async run(deps: DemoSeedDeps, complete) {
    const seededAt = deps.clock.now();
    const clock = new ScenarioClock(new Date(seededAt.getTime() - 90 * 86_400_000));
    const orders: OrderDeps = { ...deps.orders, clock };
    const documents: DocumentDeps = { ...deps.documents, orders };
    const timeline = createTimeline(seededAt, await orders.calendar.getCalendar());
    const cast = await getDemoCast(deps.accounts);
    const instances = await ensureInstances(orders, clock, timeline, cast);
    const context: ScenarioContext = {
      deps: orders,
      documents,
      renderSampleDocument: deps.renderSampleDocument,
      clock,
      timeline,
      cast,
      instances,
    };

    const filed = new Set((await listDemoOrders(orders)).map((order) => order.entityCertificateIndex));
    for (const scenario of DEMO_SCENARIOS) {
      const index = computeCertificateIndex(orders.fieldCipher, buildCertificateNumber(scenario.entity));
      if (!filed.has(index)) await runScenario(context, scenario);
    }
    await issueSpareCodes(context);

    const seeded = await listDemoOrders(orders);
    let documentCount = 0;
    for (const order of seeded) {
      documentCount += (await documents.persistence.read.documents.listOrderDocuments(order.id)).length;
    }
    const codes = await orders.persistence.read.providers.listServiceCodes(
      [...instances.values()].map((instance) => instance.id),
    );
    await deps.transact((stores) =>
      complete(stores, {
        instances: instances.size,
        serviceCodes: codes.length,
        orders: seeded.length,
        statuses: new Set(seeded.map((order) => order.status)).size,
        approved: seeded.filter((order) => order.status === 'approved').length,
        documents: documentCount,
      }),
    );
  },
};
