import { describe, expect, it } from 'vitest';
import {
  countPages,
  extractPageTexts,
  extractText,
  readToUnicodeMap,
} from '../../../test/documents/pdf-reading.ts';
import { sampleVerificationForm } from '../../../test/documents/sample-verification-form.ts';
import { inspectUpload } from '../documents/inspect-upload.ts';
import { formatChinaTime, renderVerificationForm, type VerificationFormData } from './verification-form.ts';

const generatedAt = new Date('2026-03-05T06:30:00Z');

describe('renderVerificationForm', () => {
  it('renders a small A4 PDF with the CJK font embedded as a subset', async () => {
    const pdf = await renderVerificationForm(sampleVerificationForm, { generatedAt });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(countPages(pdf)).toBe(2);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(text).toContain('/FontFile2');
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
    // The whole TTF is 10 MB; a subset of the glyphs the form uses is tens of kilobytes.
    expect(pdf.length).toBeLessThan(200 * 1024);
  });

  it('contains the Chinese and English labels, the data and the generated-at line', async () => {
    const pdf = await renderVerificationForm(sampleVerificationForm, { generatedAt });
    const glyphs = new Set(readToUnicodeMap(pdf).values());
    for (const character of '网站备案信息真实性核验单主办者负责人核验签字盖章')
      expect(glyphs).toContain(character);

    const text = extractText(pdf);
    for (const expected of [
      '网站备案信息真实性核验单',
      'Website Filing Information Authenticity Verification Form',
      '一、主办者信息',
      'Filing owner (entity)',
      '北京示例科技有限公司',
      '91110108MA01ABCD2X',
      '北京市 市辖区 海淀区',
      '北京市海淀区中关村大街 1 号 8 层 801 室（邮编 100080）',
      'zhangsan@example.com',
      '二、互联网信息服务（2/2）',
      'example-health.cn',
      '（京）-非经营性-2026-0001',
      '203.0.113.20  203.0.113.21',
      '华东 1（杭州）cn-hangzhou',
      '三、接入服务单位核验',
      '网站名称符合命名规范',
      '核验人签字',
      "Checker's signature",
      '四、主办者确认',
      '主办单位盖章',
      '备案订单号 Order OB-2026-000123   生成时间 Generated 2026-03-05 14:30 (UTC+8)',
      '第 2 / 2 页  Page 2 of 2',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is deterministic for the same input and time', async () => {
    const first = await renderVerificationForm(sampleVerificationForm, { generatedAt });
    const second = await renderVerificationForm(sampleVerificationForm, { generatedAt });
    expect(first.equals(second)).toBe(true);
  });

  it('renders an empty form to fill in by hand', async () => {
    const pdf = await renderVerificationForm({ entity: {}, services: [] }, { generatedAt });
    expect(countPages(pdf)).toBeGreaterThanOrEqual(1);
    const text = extractText(pdf);
    expect(text).toContain('主办单位名称');
    expect(text).toContain('二、互联网信息服务');
    expect(text).not.toContain('备案订单号 Order');
  });

  it('breaks many services over pages without cutting one in half', async () => {
    const service = sampleVerificationForm.services[1];
    if (!service) throw new Error('sample has two services');
    const data: VerificationFormData = {
      ...sampleVerificationForm,
      services: Array.from({ length: 6 }, (_, index) => ({ ...service, name: `服务 ${index + 1}` })),
    };
    const pdf = await renderVerificationForm(data, { generatedAt });
    const pages = countPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const pageTexts = extractPageTexts(pdf);
    expect(pageTexts).toHaveLength(pages);
    expect(pageTexts.join('\n')).toContain('二、互联网信息服务（6/6）');
    expect(pageTexts.at(-1)).toContain(`第 ${pages} / ${pages} 页`);
    // Every service that starts on a page ends on it: its heading and its last row are together.
    for (const pageText of pageTexts) {
      expect(pageText.match(/二、互联网信息服务/g)?.length ?? 0).toBe(
        pageText.match(/^IP addresses$/gm)?.length ?? 0,
      );
    }
    expect(pdf.length).toBeLessThan(300 * 1024);
  });

  it('passes the upload checks when the signed form comes back as a PDF', async () => {
    const pdf = await renderVerificationForm(sampleVerificationForm, { generatedAt });
    const result = await inspectUpload(pdf, { maxBytes: 1024 * 1024, allowedKinds: ['pdf'] });
    expect(result.ok && result.value.kind).toBe('pdf');
  });
});

describe('formatChinaTime', () => {
  it('shows the time in China whatever the server zone', () => {
    expect(formatChinaTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05 (UTC+8)');
  });
});
