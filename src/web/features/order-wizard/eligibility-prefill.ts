import type { OrderContentDraft } from '../../../contracts/order-content.ts';
import { readEligibilityProfile } from '../eligibility/eligibility-profile-storage.ts';
import { getAt, setAt } from './content-paths.ts';

/**
 * A draft order started from the eligibility wizard (`?fromEligibility=true`): what its answers say
 * about the entity and the site, read from what the eligibility page saved in sessionStorage (a
 * missing or older-shaped value simply prefills nothing).
 */

export interface EligibilityPrefill {
  province?: string;
  domain?: string;
  content: OrderContentDraft;
}

const NATURES: Readonly<Record<string, { nature: string; certificateType?: string }>> = {
  chinese_individual: { nature: 'individual', certificateType: 'resident_id' },
  foreign_individual: { nature: 'individual', certificateType: 'passport' },
  hmt_resident: { nature: 'individual', certificateType: 'hk_macao_permit' },
  chinese_company: { nature: 'enterprise', certificateType: 'business_licence' },
  wfoe: { nature: 'enterprise', certificateType: 'business_licence' },
  joint_venture: { nature: 'enterprise', certificateType: 'business_licence' },
  representative_office: { nature: 'enterprise', certificateType: 'rep_office_registration' },
  government: { nature: 'government' },
  public_institution: { nature: 'public_institution' },
  social_organisation: { nature: 'social_organisation' },
};

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export function readEligibilityPrefill(): EligibilityPrefill | undefined {
  const stored = readEligibilityProfile();
  if (!stored) return undefined;
  const profile = stored.profile as Record<string, unknown>;
  const mapped = NATURES[String(profile.applicantKind)];
  const activities = Array.isArray(profile.activities)
    ? profile.activities.filter((a): a is string => typeof a === 'string')
    : [];
  const province = text(profile.certificateProvince) ?? text(stored.result?.provinceCode);
  const domain = text(profile.domain);
  const content: OrderContentDraft = {
    ...(mapped
      ? {
          entity: {
            nature: mapped.nature,
            ...(mapped.certificateType ? { certificateType: mapped.certificateType } : {}),
            // An individual is their own entity leader, with the same certificate.
            ...(mapped.nature === 'individual' && mapped.certificateType
              ? { leader: { certificateType: mapped.certificateType } }
              : {}),
          },
        }
      : {}),
    ...(activities.length > 0 && !(activities.length === 1 && activities[0] === 'information_only')
      ? { services: [{ activities: activities as never }] }
      : {}),
  };
  return { ...(province ? { province } : {}), ...(domain ? { domain } : {}), content };
}

/** `base` with the prefill's values where `base` has none (what the registry prefilled wins). */
export function mergePrefill(base: OrderContentDraft, prefill: OrderContentDraft): OrderContentDraft {
  let merged = base;
  const walk = (node: unknown, path: (string | number)[]) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    } else if (Array.isArray(node) && path.at(-1) === 'services') {
      for (const [index, item] of node.entries()) walk(item, [...path, index]);
    } else {
      const existing = getAt(merged, path);
      if (existing === undefined || existing === '' || (Array.isArray(existing) && existing.length === 0)) {
        merged = setAt(merged, path, node);
      }
    }
  };
  walk(prefill, []);
  return merged;
}
