import { describe, expect, it } from 'vitest';
import { applicantProfileSchema, findForeignOwnershipPercent } from './profile.ts';

const base = { applicantKind: 'chinese_company', inChina: true, hostingInMainland: true } as const;

const errorPaths = (input: unknown) => {
  const parsed = applicantProfileSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('applicantProfileSchema', () => {
  it('fills defaults', () => {
    const profile = applicantProfileSchema.parse(base);
    expect(profile.activities).toEqual(['information_only']);
    expect(profile.crossRegional).toBe(false);
  });

  it.each([
    [{ ...base, applicantKind: 'joint_venture' }, 'chineseOwnershipPercent'],
    [{ ...base, applicantKind: 'joint_venture', chineseOwnershipPercent: 100 }, 'chineseOwnershipPercent'],
    [{ ...base, applicantKind: 'wfoe', chineseOwnershipPercent: 20 }, 'chineseOwnershipPercent'],
    [{ ...base, chineseOwnershipPercent: 80 }, 'chineseOwnershipPercent'],
    [
      { ...base, applicantKind: 'chinese_individual', chineseOwnershipPercent: 100 },
      'chineseOwnershipPercent',
    ],
    [{ ...base, certificateProvince: 'Hong Kong' }, 'certificateProvince'],
    [{ ...base, certificateProvince: 'Atlantis' }, 'certificateProvince'],
    [{ ...base, hasMainlandMobile: false, mobileProvince: 'Beijing' }, 'mobileProvince'],
    [{ ...base, activities: [] }, 'activities'],
    [{ ...base, activities: ['mining'] }, 'activities.0'],
    [{ ...base, age: 17.5 }, 'age'],
    [{ ...base, pilotZone: 'tianjin' }, 'pilotZone'],
    [{ ...base, favouriteColour: 'red' }, ''],
    [{ applicantKind: 'wfoe', inChina: true }, 'hostingInMainland'],
  ])('rejects %o at %s', (input, path) => {
    expect(errorPaths(input)).toContain(path);
  });

  it.each(['44', 'Guangdong', 'guangdong', '广东', '广东省', '粤', '４４'])(
    'accepts the province key %s',
    (key) => {
      expect(errorPaths({ ...base, certificateProvince: key })).toEqual([]);
    },
  );

  it('describes every field for the CLI', () => {
    for (const [name, field] of Object.entries(applicantProfileSchema.shape)) {
      expect(field.description, name).toBeTruthy();
    }
  });
});

describe('findForeignOwnershipPercent', () => {
  it.each([
    [{ ...base }, 0],
    [{ ...base, applicantKind: 'wfoe' }, 100],
    [{ ...base, applicantKind: 'joint_venture', chineseOwnershipPercent: 60 }, 40],
    [{ ...base, applicantKind: 'foreign_company' }, 100],
    [{ ...base, applicantKind: 'chinese_individual' }, undefined],
    [{ ...base, applicantKind: 'government' }, undefined],
  ])('%o → %s', (input, expected) => {
    expect(findForeignOwnershipPercent(applicantProfileSchema.parse(input))).toBe(expected);
  });
});
