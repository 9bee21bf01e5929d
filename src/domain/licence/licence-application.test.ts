import { describe, expect, it } from 'vitest';
import { createDraftLicenceApplication } from './licence-application.ts';

describe('createDraftLicenceApplication', () => {
  it('starts in draft at version 1 with no deadline, reason or licence', () => {
    expect(
      createDraftLicenceApplication({
        id: 'app-7',
        kind: 'edi',
        scope: 'cross_regional',
        provinceCode: '31',
        authorityMode: 'recorded',
      }),
    ).toEqual({
      id: 'app-7',
      kind: 'edi',
      scope: 'cross_regional',
      provinceCode: '31',
      authorityMode: 'recorded',
      status: 'draft',
      version: 1,
      deadlines: {},
      reasons: [],
    });
  });
});
