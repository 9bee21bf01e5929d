import type { Messages } from '../../i18n/messages.ts';

export const en = {
  nav: {
    queue: 'Review queue',
    sms: 'SMS step',
  },
  queue: {
    title: 'Authority review queue',
    description: 'Filings of your province waiting for the authority’s decision, nearest deadline first.',
    descriptionFor:
      'Filings of {{province}} waiting for the authority’s decision (20 working days), nearest deadline first.',
    inReview: 'In authority review',
    emptyReview: 'No filing is waiting for your decision.',
    atSms: 'Still at the SMS step',
    atSmsHelp:
      'Sent by the provider; they reach your queue once the applicant enters the SMS code. Listed for information.',
    openSmsMonitor: 'Open the SMS monitor',
    emptySms: 'No filing of your province is at the SMS step that your account can see.',
  },
  review: {
    backToQueue: 'Back to the authority queue',
  },
  actions: {
    approve: 'Approve filing',
    approveTitle: 'Approve the filing and issue its numbers?',
    approveConfirm: 'Approve and issue numbers',
    approveDone: 'The filing was approved and its numbers issued.',
    reject: 'Reject filing',
    rejectTitle: 'Reject the filing',
    rejectIntro:
      'The applicant sees each reason on its field, can correct the data and submit again, or withdraw.',
    rejectSubmit: 'Reject filing',
    rejectDone: 'The filing was rejected; the applicant has been told why.',
  },
  numbers: {
    intro: 'Approving issues these numbers:',
    loading: 'Working out the numbers…',
    entity: 'Entity number',
    serviceNumber: 'Service number',
    service: 'Service {{n}}',
    entityOnFile: 'Entity number (on file)',
    noneForType: 'This order type issues no new numbers; the registry is updated.',
    provisionalSerial:
      'Provisional: the serial is allocated when you approve. If another filing of the province is approved first, it takes this serial and this filing gets the next one. The year is that of the approval, China time ({{year}} now).',
    provisionalSuffix:
      'Provisional: each new service takes the next suffix of the entity’s sequence when you approve.',
    justIssued: 'Numbers issued',
    issuedTitle: 'Numbers on record',
    registryNote: 'The public registry shows them now; the applicant and the provider have been notified.',
  },
  sms: {
    title: 'SMS verification monitor',
    description:
      'Filings waiting for the applicant’s SMS code: the code is valid for 24 hours and allows 5 tries; after that the order goes back to the applicant.',
    empty:
      'No filing at the SMS step is visible to your account. Orders reach the authority’s view once they enter authority review.',
    tries: '{{used}} of {{max}} tries used',
    rules: 'Times are China time. The list refreshes every minute.',
    columns: {
      reference: 'Reference',
      domain: 'Domain',
      expires: 'Code expires',
      left: 'Time left',
      tries: 'Tries',
    },
  },
};

export const zh: Messages<typeof en> = {
  nav: {
    queue: '审核队列',
    sms: '短信核验',
  },
  queue: {
    title: '管局审核队列',
    description: '本省待管局审核的备案，按截止时间由近到远排列。',
    descriptionFor: '{{province}}待管局审核的备案（20 个工作日内），按截止时间由近到远排列。',
    inReview: '管局审核中',
    emptyReview: '暂无待您审核的备案。',
    atSms: '短信核验中',
    atSmsHelp: '接入商已提交，申请人输入短信验证码后进入您的审核队列。此处仅供了解。',
    openSmsMonitor: '查看短信核验情况',
    emptySms: '您的账户看不到本省处于短信核验阶段的备案。',
  },
  review: {
    backToQueue: '返回管局审核队列',
  },
  actions: {
    approve: '审核通过',
    approveTitle: '确认审核通过并下发备案号？',
    approveConfirm: '通过并下发备案号',
    approveDone: '备案已审核通过，备案号已下发。',
    reject: '驳回备案',
    rejectTitle: '驳回备案',
    rejectIntro: '申请人会在对应字段旁看到每条驳回原因，可修改后重新提交，或撤回备案。',
    rejectSubmit: '确认驳回',
    rejectDone: '备案已驳回，已告知申请人原因。',
  },
  numbers: {
    intro: '审核通过后将下发以下备案号：',
    loading: '正在计算备案号…',
    entity: '主体备案号',
    serviceNumber: '网站备案号',
    service: '服务 {{n}}',
    entityOnFile: '主体备案号（已有）',
    noneForType: '此类订单不下发新的备案号，仅更新备案信息。',
    provisionalSerial:
      '以上为预计备案号：序号在您审核通过时才分配。如本省其他备案先审核通过，将占用此序号，本备案顺延取下一个。年份为审核通过时的北京时间年份（当前为 {{year}} 年）。',
    provisionalSuffix: '以上为预计备案号：每个新增服务在您审核通过时取该主体序列的下一个后缀。',
    justIssued: '已下发备案号',
    issuedTitle: '备案号',
    registryNote: '公开备案查询中已可查到；已通知申请人和接入商。',
  },
  sms: {
    title: '短信核验监控',
    description:
      '等待申请人输入短信验证码的备案：验证码 24 小时内有效，可尝试 5 次；超时或次数用尽后订单退回申请人。',
    empty: '您的账户看不到处于短信核验阶段的备案。订单进入管局审核后才会出现在管局视图中。',
    tries: '已尝试 {{used}} / {{max}} 次',
    rules: '时间均为北京时间。列表每分钟自动刷新。',
    columns: {
      reference: '订单编号',
      domain: '域名',
      expires: '验证码失效时间',
      left: '剩余时间',
      tries: '尝试次数',
    },
  },
};
