import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  formatRegistryRows,
  parseRegistryRow,
  REGISTRY_CSV_COLUMNS,
  type RegistryCsvRow,
  readRegistryHeader,
  readRegistryRecord,
} from './registry-csv.ts';

function row(overrides: Partial<RegistryCsvRow> = {}): RegistryCsvRow {
  return {
    entity_number: '京ICP备2021034286号',
    unit_name: '北京星辰网络科技有限公司',
    nature: 'enterprise',
    entity_approved_on: '2021-06-01',
    service_number: '京ICP备2021034286号-1',
    service_type: 'website',
    service_name: '星辰官网',
    content_type: '',
    domains: 'xingchen.com',
    service_approved_on: '2021-06-01',
    limit_access: '0',
    ...overrides,
  };
}

const codes = (result: ReturnType<typeof parseRegistryRow>) =>
  result.ok ? [] : result.error.map((i) => i.code);

describe('parseRegistryRow', () => {
  it('canonicalises numbers, names, natures, types, dates, domains and flags', () => {
    const parsed = parseRegistryRow(
      row({
        entity_number: '京ICP备 2021034286',
        unit_name: ' 北京星辰　网络科技有限公司 ',
        nature: '企业',
        entity_approved_on: '2021年6月1日',
        service_number: '京ＩＣＰ备2021034286号－1',
        service_type: '网站',
        domains: 'https://WWW.XingChen.com/; 星辰.中国，xingchen.com',
        service_approved_on: '2021/6/1',
        limit_access: '是',
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        entity: {
          entityNumber: '京ICP备2021034286号',
          unitName: '北京星辰 网络科技有限公司',
          nature: 'enterprise',
          provinceCode: '11',
          approvedOn: '2021-06-01',
        },
        services: [
          {
            serviceNumber: '京ICP备2021034286号-1',
            serviceType: 'website',
            serviceName: '星辰官网',
            contentType: null,
            domains: ['xingchen.com', domainToASCII('星辰.中国')],
            approvedOn: '2021-06-01',
            isAccessLimited: true,
          },
        ],
      },
    });
  });

  it('derives the service type from the suffix and checks a declared one against it', () => {
    const app = parseRegistryRow(
      row({ service_number: '京ICP备2021034286号-2A', service_type: '', domains: '' }),
    );
    expect(app.ok && app.value.services[0]?.serviceType).toBe('app');
    expect(
      codes(
        parseRegistryRow(row({ service_number: '京ICP备2021034286号-3X', service_type: 'App', domains: '' })),
      ),
    ).toEqual(['service_type_mismatch']);
  });

  it('accepts an entity-only row and refuses service fields without a service number', () => {
    const entityOnly = parseRegistryRow(
      row({
        service_number: '',
        service_type: '',
        service_name: '',
        domains: '',
        service_approved_on: '',
        limit_access: '',
      }),
    );
    expect(entityOnly.ok && entityOnly.value.services).toEqual([]);
    expect(codes(parseRegistryRow(row({ service_number: '' })))).toEqual(['missing_service_number']);
  });

  it('reports every problem of a row', () => {
    expect(
      codes(
        parseRegistryRow(
          row({
            entity_number: '京ICP备2021034286号-1',
            unit_name: '',
            nature: 'martian',
            entity_approved_on: '2021-02-30',
            service_number: '沪ICP备2021034286号-1',
            service_name: '名'.repeat(201),
            domains: 'bad_domain!',
            service_approved_on: 'soon',
            limit_access: 'perhaps',
          }),
        ),
      ),
    ).toEqual([
      'invalid_entity_number',
      'required',
      'unknown_nature',
      'invalid_date',
      'too_long',
      'invalid_domain',
      'invalid_date',
      'invalid_flag',
    ]);
    expect(codes(parseRegistryRow(row({ service_number: '沪ICP备2021034286号-1' })))).toEqual([
      'service_number_mismatch',
    ]);
    expect(codes(parseRegistryRow(row({ domains: '' })))).toEqual(['missing_domain']);
    expect(codes(parseRegistryRow(row({ unit_name: '北京\uFFFD\uFFFD公司' })))).toEqual(['not_utf8']);
    expect(codes(parseRegistryRow(row({ service_name: '星辰\u0000官网' })))).toEqual(['control_characters']);
  });

  it('keeps a domain whose suffix has left the fileable list, as the registry mirrors approvals', () => {
    const parsed = parseRegistryRow(row({ domains: 'legacy-site.org' }));
    expect(parsed.ok && parsed.value.services[0]?.domains).toEqual(['legacy-site.org']);
  });
});

describe('registry CSV header and rows', () => {
  it('maps columns in any order, optional columns left out', () => {
    const header = readRegistryHeader([
      'Unit_Name',
      ' entity_number ',
      'nature',
      'entity_approved_on',
      'service_number',
      'service_name',
      'domains',
      'service_approved_on',
    ]);
    if (!header.ok) throw new Error(header.error.code);
    const fields = readRegistryRecord(header.value, [
      '王伟',
      '京ICP备16059763号',
      '个人',
      '2016-03-02',
      '',
      '',
      '',
      '',
    ]);
    expect(fields).toMatchObject({ unit_name: '王伟', entity_number: '京ICP备16059763号', limit_access: '' });
    expect(readRegistryHeader([...REGISTRY_CSV_COLUMNS, 'entity_number'])).toMatchObject({
      ok: false,
      error: { code: 'duplicate_column' },
    });
  });

  it('formats one row per service, or one entity-only row', () => {
    const entity = {
      entityNumber: '京ICP备16059763号',
      unitName: '王伟',
      nature: 'individual',
      provinceCode: '11',
      approvedOn: '2016-03-02',
    };
    expect(formatRegistryRows({ entity, services: [] })).toEqual([
      ['京ICP备16059763号', '王伟', 'individual', '2016-03-02', '', '', '', '', '', '', ''],
    ]);
    expect(
      formatRegistryRows({
        entity,
        services: [
          {
            serviceNumber: '京ICP备16059763号-1',
            serviceType: 'website',
            serviceName: '拾光笔记',
            contentType: null,
            domains: [
              { ascii: 'wangwei.cn', unicode: 'wangwei.cn' },
              { ascii: 'xn--2ctr2y.xn--fiqs8s', unicode: '星辰.中国' },
            ],
            approvedOn: '2016-03-02',
            isAccessLimited: true,
          },
        ],
      }),
    ).toEqual([
      [
        '京ICP备16059763号',
        '王伟',
        'individual',
        '2016-03-02',
        '京ICP备16059763号-1',
        'website',
        '拾光笔记',
        '',
        'wangwei.cn;星辰.中国',
        '2016-03-02',
        '1',
      ],
    ]);
  });
});
