import type { OrderContentDraft } from '../../../../domain/order-content/order-content.ts';
import type { ViewerItem } from './document-viewer.tsx';

/** The people of an order under review: their names and their identity documents. Pure. */

/** The name the content gives the person a checklist item is about (an admin who is the leader: the leader's). */
export function findPersonName(content: OrderContentDraft, personRef: string): string | undefined {
  if (personRef === 'entity.leader') return content.entity?.leader?.name || undefined;
  const match = /^services\[(\d+)\]\.admin$/u.exec(personRef);
  const service = match ? content.services?.[Number(match[1])] : undefined;
  if (!service) return undefined;
  if (service.adminSameAsLeader) return content.entity?.leader?.name || undefined;
  return service.admin?.name || undefined;
}

/** The document kind that shows a person's face: the backdrop (幕布) photo or the liveness capture. */
const PHOTO_KIND = 'verification_photo';
/** The scans of a person's identity document, by the certificate they hold. */
const ID_SCAN_KINDS: ReadonlySet<string> = new Set([
  'id_card_scans',
  'passport_scan',
  'hk_macao_permit_scan',
  'taiwan_permit_scan',
]);

export interface IdentityComparison {
  /** `entity.leader`, `services[0].admin`; absent when the attachment names nobody. */
  personRef?: string;
  photos: ViewerItem[];
  scans: ViewerItem[];
}

/**
 * Each verification photo's person with their own ID scans, matched by the attachments' `personRef`.
 * An admin who is the leader (adminSameAsLeader) is the leader. A photo that names nobody goes with
 * the only person it can be when the order's ID scans are all of one person.
 */
export function pairIdentityDocuments(
  items: readonly ViewerItem[],
  isSameAsLeader: (personRef: string) => boolean,
): IdentityComparison[] {
  const normalise = (ref: string | undefined) =>
    ref !== undefined && isSameAsLeader(ref) ? 'entity.leader' : ref;
  const photos = items.filter((item) => item.kind === PHOTO_KIND && item.document);
  const scans = items.filter((item) => ID_SCAN_KINDS.has(item.kind) && item.document);
  const scanPeople = [...new Set(scans.map((scan) => normalise(scan.personRef)))];
  const groups = new Map<string, IdentityComparison>();
  for (const photo of photos) {
    let ref = normalise(photo.personRef);
    if (ref === undefined && scanPeople.length === 1) ref = scanPeople[0];
    const key = ref ?? '';
    const group = groups.get(key) ?? {
      ...(ref === undefined ? {} : { personRef: ref }),
      photos: [],
      scans: scans.filter((scan) => normalise(scan.personRef) === ref),
    };
    group.photos.push(photo);
    groups.set(key, group);
  }
  return [...groups.values()];
}
