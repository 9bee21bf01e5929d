import { describe, expect, it } from 'vitest';
import {
  buildEnterpriseOrderContent,
  buildIndividualOrderContent,
} from '../../domain/order-content/fixtures.ts';
import {
  maskAddress,
  maskCertificateNumber,
  maskEmail,
  maskName,
  maskOrderContent,
  maskPhone,
} from './mask-personal-data.ts';

describe('masks', () => {
  it('keep enough to recognise a value and never enough to use it', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('010-62345678')).toBe('010*****5678');
    expect(maskCertificateNumber('110105199003071239')).toBe('110***********1239');
    expect(maskEmail('wangxiaoming@example.cn')).toBe('w***@example.cn');
    expect(maskEmail('nobody')).toBe('n*****');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('王')).toBe('*');
    expect(maskAddress('北京示例路1号院2号楼301室')).toBe('北京示例路1*********');
    expect(maskPhone('123')).toBe('***');
  });
});

describe('maskOrderContent', () => {
  it('masks every person of an enterprise filing but leaves the organisation public', () => {
    const content = buildEnterpriseOrderContent();
    const masked = maskOrderContent(content);
    expect(masked.entity?.name).toBe(content.entity?.name);
    expect(masked.entity?.certificateNumber).toBe(content.entity?.certificateNumber);
    const text = JSON.stringify(masked);
    for (const person of [content.entity?.leader, content.services?.[0]?.admin]) {
      for (const value of [
        person?.certificateNumber,
        person?.mobile,
        person?.email,
        person?.emergencyPhone,
      ]) {
        expect(text).not.toContain(value);
      }
    }
    expect(masked.services?.[0]?.admin?.name).toBe('陈*');
    // The input is left as it was.
    expect(content.entity?.leader?.mobile).toBe('13800138000');
  });

  it('masks an individual’s name, certificate and addresses as well', () => {
    const content = buildIndividualOrderContent();
    const masked = maskOrderContent(content);
    expect(masked.entity).toMatchObject({ name: '王**', investorOrAuthority: '王**' });
    expect(masked.entity?.certificateNumber).not.toBe(content.entity?.certificateNumber);
    expect(masked.entity?.mailingAddress).not.toBe(content.entity?.mailingAddress);
  });
});
