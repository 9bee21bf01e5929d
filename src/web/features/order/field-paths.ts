import type { TFunction } from 'i18next';

/**
 * A content path as the API names fields (`services[0].admin.mobile`, `entity.leader.name`) in words:
 * "Service 1 › Service admin › Mobile". Unknown keys stay as they are rather than vanish.
 */
export function describeFieldPath(path: string, t: TFunction<'order'>): string {
  const parts: string[] = [];
  for (const segment of path.split('.')) {
    const match = /^([A-Za-z]+)(?:\[(\d+)\])?$/u.exec(segment);
    if (!match) {
      parts.push(segment);
      continue;
    }
    const [, key = segment, index] = match;
    if (key === 'services' && index !== undefined) parts.push(t('content.service', { n: Number(index) + 1 }));
    else if (index !== undefined) parts.push(`${fieldLabel(key, t)} ${Number(index) + 1}`);
    else parts.push(fieldLabel(key, t));
  }
  return parts.join(' › ');
}

function fieldLabel(key: string, t: TFunction<'order'>): string {
  return t(`fields.${key}` as never, { defaultValue: key }) as string;
}

/** Does a return reason on `reasonPath` concern the field at `path` (itself or something inside it)? */
export function concerns(reasonPath: string, path: string): boolean {
  return reasonPath === path || reasonPath.startsWith(`${path}.`) || reasonPath.startsWith(`${path}[`);
}
