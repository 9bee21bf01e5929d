import { describe, expect, it } from 'vitest';
import type { RecordedNumbers } from './order-command.ts';
import { type RecordedNumbersOrder, validateRecordedNumbers } from './recorded-numbers.ts';

const firstFiling: RecordedNumbersOrder = { type: 'first_filing', provinceCode: '11' };
const addService: RecordedNumbersOrder = {
  type: 'add_service',
  provinceCode: '11',
  entityNumber: '京ICP备2020000123号',
};

describe('validateRecordedNumbers', () => {
  it.each<[RecordedNumbersOrder, RecordedNumbers, { entityNumber: string; serviceNumbers: string[] }]>([
    [
      firstFiling,
      {
        entityNumber: '京ICP备2026001234号',
        serviceNumbers: ['京ICP备2026001234号-1', '京ICP备2026001234号-2A'],
      },
      {
        entityNumber: '京ICP备2026001234号',
        serviceNumbers: ['京ICP备2026001234号-1', '京ICP备2026001234号-2A'],
      },
    ],
    [
      // Full-width digits, spaces and a missing 号 are read as the canonical number.
      firstFiling,
      { entityNumber: '京ICP备２０２６001234', serviceNumbers: ['京ICP备2026001234号 - 1'] },
      { entityNumber: '京ICP备2026001234号', serviceNumbers: ['京ICP备2026001234号-1'] },
    ],
    [
      addService,
      { serviceNumbers: ['京ICP备2020000123号-3'] },
      { entityNumber: '京ICP备2020000123号', serviceNumbers: ['京ICP备2020000123号-3'] },
    ],
    [
      { type: 'add_service', provinceCode: '51' },
      { serviceNumbers: ['川ICP备2015000321号-4'] },
      { entityNumber: '川ICP备2015000321号', serviceNumbers: ['川ICP备2015000321号-4'] },
    ],
  ])('%j + %j', (order, recorded, expected) => {
    expect(validateRecordedNumbers(order, recorded)).toEqual({ ok: true, value: expected });
  });

  it.each<[RecordedNumbersOrder, RecordedNumbers, string]>([
    [firstFiling, { serviceNumbers: ['京ICP备2026001234号-1'] }, 'recorded_entity_number_required'],
    [
      firstFiling,
      { entityNumber: '京ICP备2026001234号', serviceNumbers: [] },
      'recorded_service_numbers_required',
    ],
    [
      firstFiling,
      { entityNumber: 'not a number', serviceNumbers: ['京ICP备2026001234号-1'] },
      'invalid_recorded_number',
    ],
    [
      firstFiling,
      { entityNumber: '沪ICP备2026001234号', serviceNumbers: ['沪ICP备2026001234号-1'] },
      'recorded_number_wrong_province',
    ],
    [
      firstFiling,
      { entityNumber: '京ICP备2026001234号-1', serviceNumbers: ['京ICP备2026001234号-1'] },
      'recorded_entity_number_has_suffix',
    ],
    [
      { type: 'first_filing', provinceCode: '51' },
      { entityNumber: '川ICP备2026001234号', serviceNumbers: ['川ICP备2026001234号-1'] },
      'recorded_number_legacy_abbreviation',
    ],
    [
      firstFiling,
      { entityNumber: '京ICP备2026001234号', serviceNumbers: ['京ICP备2026001234号'] },
      'recorded_service_suffix_missing',
    ],
    [
      firstFiling,
      { entityNumber: '京ICP备2026001234号', serviceNumbers: ['京ICP备2026009999号-1'] },
      'recorded_entity_number_mismatch',
    ],
    [
      firstFiling,
      {
        entityNumber: '京ICP备2026001234号',
        serviceNumbers: ['京ICP备2026001234号-1', '京ICP备2026001234号 -1'],
      },
      'recorded_service_number_duplicate',
    ],
    [addService, { serviceNumbers: ['京ICP备2021000001号-2'] }, 'recorded_entity_number_mismatch'],
    [
      addService,
      { entityNumber: '京ICP备2021000001号', serviceNumbers: ['京ICP备2021000001号-2'] },
      'recorded_entity_number_mismatch',
    ],
    [
      { type: 'add_service', provinceCode: '11' },
      { serviceNumbers: ['京ICP备2020000123号-3', '京ICP备2020000124号-1'] },
      'recorded_entity_number_mismatch',
    ],
  ])('%j + %j → %s', (order, recorded, code) => {
    const result = validateRecordedNumbers(order, recorded);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.zh).toMatch(/\p{Script=Han}/u);
    expect(result.error.params?.field ?? result.error.params?.count).toBeDefined();
  });
});
