import type { TFunction } from 'i18next';
import type {
  AccessDraft,
  EntityDraft,
  OrderContentDraft,
  PersonDraft,
  ServiceDraft,
} from '../../../../domain/order-content/order-content.ts';
import type { ReturnReasonTemplate } from '../api.ts';
import type { en } from '../locales.ts';

/**
 * The order's fields as a reviewer reads them and returns them: which ones each section shows, their
 * labels, and the field paths (`services[0].admin.mobile`) that return reasons and version diffs use.
 */

export type EntityField = keyof typeof en.fields.entity & keyof EntityDraft;
export type PersonField = keyof typeof en.fields.person & keyof PersonDraft;
export type ServiceField = keyof typeof en.fields.service & keyof ServiceDraft;
export type AccessField = keyof typeof en.fields.access & keyof AccessDraft;

export const ENTITY_FIELDS: readonly EntityField[] = [
  'name',
  'nature',
  'certificateType',
  'certificateNumber',
  'provinceCode',
  'cityCode',
  'countyCode',
  'certificateAddress',
  'mailingAddress',
  'investorOrAuthority',
  'remarks',
];

export const PERSON_FIELDS: readonly PersonField[] = [
  'name',
  'certificateType',
  'certificateNumber',
  'certificateValidUntil',
  'isLegalRepresentative',
  'mobile',
  'emergencyPhone',
  'officePhone',
  'email',
];

export const SERVICE_FIELDS: readonly ServiceField[] = [
  'type',
  'name',
  'domain',
  'homeUrl',
  'contentCategory',
  'languages',
  'preApprovals',
  'noPreApprovalCommitment',
  'platforms',
  'packageName',
  'bundleId',
  'signatureMd5',
  'signatureSha1',
  'publicKey',
  'remarks',
];

export const ACCESS_FIELDS: readonly AccessField[] = ['instanceId', 'serviceCode', 'ipAddresses', 'region'];

type T = TFunction<'provider'>;

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** `services[1].admin.mobile` → ['services', 1, 'admin', 'mobile']. */
function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]/gu)) {
    if (match[1] !== undefined) parts.push(match[1]);
    else if (match[2] !== undefined) parts.push(Number(match[2]));
  }
  return parts;
}

function fieldName(t: T, group: 'entity' | 'person' | 'service' | 'access', key: string): string {
  return t(`fields.${group}.${key}` as never, { defaultValue: key });
}

/** A readable name for a field path: "Website 1 · Admin · Mobile", "Entity · Name", "Documents". */
export function describeFieldPath(t: T, path: string | undefined): string {
  if (!path) return t('fields.wholeOrder');
  const [head, ...rest] = splitPath(path);
  const parts: string[] = [];
  if (head === 'entity') {
    parts.push(t('fields.groups.entity'));
    let [next, ...more] = rest;
    if (next === 'leader') {
      parts[0] = t('fields.groups.leader');
      [next, ...more] = more;
      if (typeof next === 'string') parts.push(fieldName(t, 'person', next));
    } else if (typeof next === 'string') parts.push(fieldName(t, 'entity', next));
    if (more.length > 0) parts.push(more.join('.'));
  } else if (head === 'services') {
    // `services[].name` (statistics, templates) has no index: any service.
    const [index, next, ...more] = typeof rest[0] === 'number' ? rest : [undefined, ...rest];
    parts.push(t('fields.groups.service', { n: typeof index === 'number' ? index + 1 : '' }).trim());
    if (next === 'admin') {
      parts.push(t('fields.groups.admin'));
      if (typeof more[0] === 'string') parts.push(fieldName(t, 'person', more[0]));
    } else if (next === 'access') {
      parts.push(t('fields.groups.access'));
      if (typeof more[0] === 'string') parts.push(fieldName(t, 'access', more[0]));
    } else if (typeof next === 'string') {
      parts.push(fieldName(t, 'service', next));
      if (more.length > 0) parts.push(more.map((m) => (typeof m === 'number' ? m + 1 : m)).join(' '));
    }
  } else if (head === 'attachments') {
    const [index, next] = rest;
    parts.push(t('fields.groups.documents'));
    if (typeof index === 'number') parts.push(t('fields.groups.document', { n: index + 1 }));
    if (typeof next === 'string') parts.push(next);
  } else {
    return path;
  }
  return parts.join(' · ');
}

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldOptionGroup {
  group: string;
  items: FieldOption[];
}

/**
 * The fields a reason can be put on, grouped as the data is shown: only fields the order has, plus
 * each person as a whole and the documents. The empty value is the whole order.
 */
export function buildFieldOptions(t: T, content: OrderContentDraft): FieldOptionGroup[] {
  const option = (path: string): FieldOption => ({ value: path, label: describeFieldPath(t, path) });
  const groups: FieldOptionGroup[] = [
    { group: t('fields.wholeOrder'), items: [{ value: '', label: t('fields.wholeOrder') }] },
  ];
  const entity = content.entity ?? {};
  groups.push({
    group: t('fields.groups.entity'),
    items: ENTITY_FIELDS.filter((key) => isPresent(entity[key])).map((key) => option(`entity.${key}`)),
  });
  const leader = entity.leader ?? {};
  groups.push({
    group: t('fields.groups.leader'),
    items: [
      option('entity.leader'),
      ...PERSON_FIELDS.filter((key) => isPresent(leader[key])).map((key) => option(`entity.leader.${key}`)),
    ],
  });
  for (const [index, service] of (content.services ?? []).entries()) {
    const base = `services[${index}]`;
    const admin = service.admin ?? {};
    const access = service.access ?? {};
    groups.push({
      group: t('fields.groups.service', { n: index + 1 }),
      items: [
        ...SERVICE_FIELDS.filter((key) => isPresent(service[key])).map((key) => option(`${base}.${key}`)),
        ...(service.adminSameAsLeader ? [] : [option(`${base}.admin`)]),
        ...PERSON_FIELDS.filter((key) => isPresent(admin[key])).map((key) => option(`${base}.admin.${key}`)),
        ...ACCESS_FIELDS.filter((key) => isPresent(access[key])).map((key) =>
          option(`${base}.access.${key}`),
        ),
      ],
    });
  }
  groups.push({ group: t('fields.groups.documents'), items: [option('attachments')] });
  return groups.filter((group) => group.items.length > 0);
}

/** `services[2].admin.mobile` → `services[].admin.mobile`, the form templates use. */
export function generaliseFieldPath(path: string): string {
  return path.replace(/\[\d+\]/gu, '[]');
}

/**
 * Whether a template may be put on the field (as the server checks it): the template is about the
 * field or a field above it, or about the whole order.
 */
export function fitsTemplate(template: ReturnReasonTemplate, fieldPath: string | undefined): boolean {
  if (!fieldPath || template.fieldPaths.length === 0) return true;
  const general = generaliseFieldPath(fieldPath);
  return template.fieldPaths.some(
    (path) => general === path || general.startsWith(`${path}.`) || general.startsWith(`${path}[`),
  );
}

/** Templates for a field: those about it first, then those about the whole order. */
export function templatesFor(
  templates: readonly ReturnReasonTemplate[],
  fieldPath: string | undefined,
): ReturnReasonTemplate[] {
  const fitting = templates.filter((template) => fitsTemplate(template, fieldPath));
  if (!fieldPath) return fitting;
  return [
    ...fitting.filter((template) => template.fieldPaths.length > 0),
    ...fitting.filter((template) => template.fieldPaths.length === 0),
  ];
}
