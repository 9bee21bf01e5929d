import type { VerificationFormData } from '../../src/infra/pdf/verification-form.ts';

/** A complete first filing with two services, as the tests and the sample render use it. */
export const sampleVerificationForm: VerificationFormData = {
  orderNumber: 'OB-2026-000123',
  orderType: '首次备案 First filing',
  providerName: '示例云计算有限公司 Example Cloud Co., Ltd.',
  entity: {
    name: '北京示例科技有限公司',
    nature: '企业 Enterprise',
    certificateType: '营业执照（企业）Business licence',
    certificateNumber: '91110108MA01ABCD2X',
    province: '北京市',
    city: '市辖区',
    county: '海淀区',
    certificateAddress: '北京市海淀区中关村大街 1 号 8 层 801 室',
    mailingAddress: '北京市海淀区中关村大街 1 号 8 层 801 室（邮编 100080）',
    leader: {
      name: '张三',
      certificateType: '居民身份证 Resident identity card',
      certificateNumber: '110108199001011234',
      mobilePhone: '13800138000',
      officePhone: '010-62345678',
      emergencyPhone: '13900139000',
      email: 'zhangsan@example.com',
    },
  },
  services: [
    {
      name: '示例科技官网',
      serviceType: '网站 Website',
      domains: ['example.com'],
      homeUrl: 'https://www.example.com/',
      contentCategory: '综合门户 General portal',
      preApprovals: [],
      admin: {
        name: '李四',
        certificateType: '居民身份证 Resident identity card',
        certificateNumber: '110108199202022345',
        mobilePhone: '13700137000',
        emergencyPhone: '13600136000',
        email: 'lisi@example.com',
      },
      access: {
        provider: '示例云计算有限公司',
        region: '华北 2（北京）cn-beijing',
        ipAddresses: ['203.0.113.10'],
      },
    },
    {
      name: '示例健康咨询',
      serviceType: '网站 Website',
      domains: ['example-health.cn'],
      homeUrl: 'https://example-health.cn/',
      contentCategory: '医疗保健 Healthcare',
      preApprovals: [
        { type: '药品和医疗器械 Medicines and medical devices', number: '（京）-非经营性-2026-0001' },
      ],
      admin: {
        name: '王五',
        certificateType: '居民身份证 Resident identity card',
        certificateNumber: '110108198503033456',
        mobilePhone: '13500135000',
        email: 'wangwu@example.com',
      },
      access: {
        provider: '示例云计算有限公司',
        region: '华东 1（杭州）cn-hangzhou',
        ipAddresses: ['203.0.113.20', '203.0.113.21'],
      },
    },
  ],
};
