import type { Messages } from '../../i18n/messages.ts';

export const en = {
  title: 'China ICP filing and licences, step by step',
  lead: 'Every website hosted in mainland China needs an ICP filing (备案) before it goes live; selling, advertising or taking payments also needs an ICP commercial licence (ICP证). OpenBeian explains which one you need, prepares the application with you and follows it through your hosting provider and the provincial authority.',
  cta: {
    wizard: 'Which licence do I need?',
    signUp: 'Create a free account',
    registry: 'Look up a filing',
  },
  paths: {
    heading: 'Two paths',
    intro: 'Which one applies depends on what the site does, not on its size.',
    filing: {
      title: 'ICP filing (备案)',
      tag: 'Non-commercial sites',
      what: 'For sites that only provide information: company pages, blogs, portfolios, documentation.',
      who: 'Chinese individuals and companies, foreign-invested companies in China; foreign individuals in some provinces only.',
      how: 'Submitted free of charge through the hosting provider (接入商) that runs your mainland server; the provincial communications administration (管局) decides.',
      time: 'Usually 1–4 weeks; the authority has at most 20 working days once the materials are complete.',
      result: 'A filing number such as 京ICP备2024012345号-1, shown in the footer of the site.',
    },
    licence: {
      title: 'ICP commercial licence (ICP证)',
      tag: 'Selling, ads, payments',
      what: 'For commercial internet information services: online sales, paid advertising, online payments, paid content. E-commerce platforms need an EDI licence instead.',
      who: 'Companies lawfully established in mainland China; foreign ownership up to 50 % (100 % for EDI and in the 2024 pilot zones for some services).',
      how: 'Applied for with the provincial communications administration (or MIIT for several provinces), after the ICP filing; registered capital of RMB 1 million is usually expected.',
      time: 'A decision within 60 days of acceptance; agencies quote two to three months.',
      result: 'A licence number such as 京B2-20212732 or 京ICP证030173号, shown next to the filing number.',
    },
    labels: {
      what: 'What for',
      who: 'Who can apply',
      how: 'Where',
      time: 'How long',
      result: 'Result',
    },
  },
  process: {
    heading: 'How a filing goes, step by step',
    intro: 'The same stages at every provider; OpenBeian shows where your application stands at each one.',
    steps: {
      hosting: {
        title: 'Host and domain',
        body: 'Rent a server in mainland China (usually at least 3 months) and register the domain in the applicant’s own name at an approved registrar.',
      },
      serviceNumber: {
        title: 'Filing service number',
        body: 'The hosting provider gives a filing service code for the server; each code covers a limited number of sites.',
      },
      data: {
        title: 'Data and documents',
        body: 'Fill in the entity (主体) and the website, upload the business licence or ID, and sign the commitment letters your province asks for.',
      },
      providerReview: {
        title: 'Provider first review',
        body: 'The provider checks the application within 1–2 working days, may phone you, and returns it for changes if something is wrong.',
      },
      identity: {
        title: 'Identity and face check',
        body: 'The website’s responsible person does a face/liveness check in the provider’s app. The mailed backdrop (幕布) for photos abroad is the older practice.',
      },
      sms: {
        title: 'SMS check',
        body: 'MIIT sends a code from 12381 to the responsible people; it must be entered within 24 hours.',
      },
      authority: {
        title: 'Authority review',
        body: 'The provincial communications administration (管局) reviews: typically a few days, at most 20 working days.',
      },
      number: {
        title: 'Number in the footer',
        body: 'Show the filing number at the bottom of the home page, linked to beian.miit.gov.cn, and add the public-security filing within 30 days.',
      },
    },
  },
  tools: {
    heading: 'Free tools, no sign-in needed',
    wizard: {
      title: 'Which licence do I need?',
      body: 'Answer a few questions: licence type, whether you can apply, documents and a dated timeline, with every rule’s source.',
    },
    registry: {
      title: 'Registry lookup',
      body: 'Search filings by domain, number or name, as on the official MIIT lookup.',
    },
    footer: {
      title: 'Footer checker',
      body: 'Paste your page’s HTML to check the filing number and its link, and get a correct footer snippet.',
    },
    number: {
      title: 'Number decoder',
      body: 'What an ICP, B2 or public-security number says: province, year, serial and service.',
    },
    open: 'Open',
  },
  signUp: {
    heading: 'Ready to file?',
    body: 'Create an account to prepare the application, upload documents, follow the reviews and answer returns in one place. Agencies can file for their clients.',
    action: 'Create a free account',
    signIn: 'I already have an account',
  },
  note: 'Where the widely read S.J. Grand article and the stricter rules of providers and regulators differ, OpenBeian shows both, with sources.',
};

export const zh: Messages<typeof en> = {
  title: '中国 ICP 备案与经营许可证，一步一步办理',
  lead: '在中国大陆托管的网站上线前都必须办理 ICP 备案；如果网站涉及销售、广告或在线支付，还需要 ICP 经营许可证（ICP证）。OpenBeian 帮您判断需要哪种许可，和您一起准备材料，并跟进接入商初审和管局审核的全过程。',
  cta: {
    wizard: '我需要哪种许可？',
    signUp: '免费注册',
    registry: '查询备案信息',
  },
  paths: {
    heading: '两种办理路径',
    intro: '需要哪一种取决于网站做什么，而不是网站规模。',
    filing: {
      title: 'ICP 备案',
      tag: '非经营性网站',
      what: '仅提供信息的网站：企业官网、个人博客、作品集、文档站等。',
      who: '中国公民和企业、在华外商投资企业；外籍个人仅部分省份受理。',
      how: '通过托管大陆服务器的接入商免费提交，由省通信管理局（管局）审核。',
      time: '通常 1–4 周；材料齐全后管局最长 20 个工作日。',
      result: '取得备案号，如 京ICP备2024012345号-1，展示在网站页脚。',
    },
    licence: {
      title: 'ICP 经营许可证（ICP证）',
      tag: '销售、广告、支付',
      what: '经营性互联网信息服务：网上销售、付费广告、在线支付、付费内容等。电子商务平台需办理 EDI 许可证。',
      who: '依法在中国大陆设立的公司；外资比例不超过 50%（EDI 及 2024 年试点地区部分业务可至 100%）。',
      how: '完成 ICP 备案后向省通信管理局申请（跨地区经营向工信部申请）；一般要求注册资本 100 万元。',
      time: '受理后 60 日内作出决定；代办机构通常称需两到三个月。',
      result: '取得许可证编号，如 京B2-20212732 或 京ICP证030173号，与备案号一并展示。',
    },
    labels: {
      what: '适用情形',
      who: '申请主体',
      how: '办理机关',
      time: '办理时长',
      result: '办理结果',
    },
  },
  process: {
    heading: '备案流程',
    intro: '各接入商的流程环节基本相同；OpenBeian 会显示您的申请在每个环节的进度。',
    steps: {
      hosting: {
        title: '服务器和域名',
        body: '购买中国大陆服务器（通常至少 3 个月），并在工信部批准的注册商处以申请主体本人名义实名注册域名。',
      },
      serviceNumber: {
        title: '备案服务码',
        body: '接入商为服务器提供备案服务码；每个服务码可备案的网站数量有限。',
      },
      data: {
        title: '填写信息、上传材料',
        body: '填写主体信息和网站信息，上传营业执照或身份证，并签署所在省份要求的承诺书。',
      },
      providerReview: {
        title: '接入商初审',
        body: '接入商在 1–2 个工作日内审核，可能电话核实；信息有误会退回修改。',
      },
      identity: {
        title: '人脸核验',
        body: '网站负责人在接入商 App 中完成人脸/活体核验。境外邮寄幕布拍照是早期做法。',
      },
      sms: {
        title: '短信核验',
        body: '工信部通过 12381 向负责人发送验证码，须在 24 小时内完成核验。',
      },
      authority: {
        title: '管局审核',
        body: '省通信管理局审核：一般几个工作日，最长 20 个工作日。',
      },
      number: {
        title: '页脚展示备案号',
        body: '在首页底部展示备案号并链接至 beian.miit.gov.cn，上线 30 日内办理公安联网备案。',
      },
    },
  },
  tools: {
    heading: '免费工具，无需登录',
    wizard: {
      title: '我需要哪种许可？',
      body: '回答几个问题，即可了解许可类型、能否办理、所需材料和带日期的时间表，每条规则都注明出处。',
    },
    registry: {
      title: '备案查询',
      body: '按域名、备案号或名称查询，与工信部官方查询一致。',
    },
    footer: {
      title: '页脚检查',
      body: '粘贴网页 HTML，检查备案号及其链接是否规范，并生成正确的页脚代码。',
    },
    number: {
      title: '编号解析',
      body: '解读 ICP 备案号、B2 许可证号或公安备案号：省份、年份、序号和服务类型。',
    },
    open: '打开',
  },
  signUp: {
    heading: '准备好备案了吗？',
    body: '注册账户后即可在线准备申请、上传材料、查看审核进度并处理退回。代理机构可以为客户代办。',
    action: '免费注册',
    signIn: '已有账户，去登录',
  },
  note: '当广为流传的 S.J. Grand 文章与接入商、监管部门更严格的规定不一致时，OpenBeian 会同时列出两种说法及其出处。',
};
