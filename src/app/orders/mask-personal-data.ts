import type { OrderContentDraft, PersonDraft } from '../../domain/order-content/order-content.ts';

/**
 * Masks for personal data in responses (DESIGN.md §5 rule 6): enough stays visible to recognise a
 * value (the end of a mobile number, the domain of an e-mail), never enough to use it.
 */

const MASK = '*';

function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return MASK.repeat(Math.max(chars.length, 1));
  return `${chars.slice(0, head).join('')}${MASK.repeat(chars.length - head - tail)}${chars.slice(chars.length - tail).join('')}`;
}

/** 13800138000 → 138****8000; landlines keep their area code and last four digits. */
export function maskPhone(phone: string): string {
  return keepEnds(phone, 3, 4);
}

/** 110105199003071239 → 110***********1239. */
export function maskCertificateNumber(number: string): string {
  return keepEnds(number, 3, 4);
}

/** wangxiaoming@example.cn → w***@example.cn. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return keepEnds(email, 1, 0);
  return `${[...email.slice(0, at)][0] ?? ''}***${email.slice(at)}`;
}

/** 王小明 → 王**; a name of one character stays one mask. */
export function maskName(name: string): string {
  return keepEnds(name, 1, 0);
}

/** Keeps the first six characters (the district, usually) of an address. */
export function maskAddress(address: string): string {
  return keepEnds(address, 6, 0);
}

const PERSON_MASKS: Readonly<Partial<Record<keyof PersonDraft, (text: string) => string>>> = {
  name: maskName,
  certificateNumber: maskCertificateNumber,
  mobile: maskPhone,
  emergencyPhone: maskPhone,
  officePhone: maskPhone,
  email: maskEmail,
};

function maskPerson(person: PersonDraft): PersonDraft {
  const masked: Record<string, unknown> = { ...person };
  for (const [key, mask] of Object.entries(PERSON_MASKS)) {
    const value = masked[key];
    if (typeof value === 'string' && value !== '') masked[key] = mask(value);
  }
  return masked as PersonDraft;
}

/**
 * The content as someone who may see the order but not its people sees it: every person's name,
 * certificate, phones and e-mail masked; for an individual's entity also the name, certificate and
 * addresses (they are the person's). An organisation's name, credit code and address are public.
 */
export function maskOrderContent(content: OrderContentDraft): OrderContentDraft {
  const masked: OrderContentDraft = structuredClone(content);
  const entity = masked.entity;
  if (entity) {
    if (entity.leader) entity.leader = maskPerson(entity.leader);
    if (entity.nature === 'individual' || entity.nature === undefined) {
      if (entity.name) entity.name = maskName(entity.name);
      if (entity.investorOrAuthority) entity.investorOrAuthority = maskName(entity.investorOrAuthority);
      if (entity.certificateNumber)
        entity.certificateNumber = maskCertificateNumber(entity.certificateNumber);
      if (entity.certificateAddress) entity.certificateAddress = maskAddress(entity.certificateAddress);
      if (entity.mailingAddress) entity.mailingAddress = maskAddress(entity.mailingAddress);
    }
  }
  for (const service of masked.services ?? []) {
    if (service.admin) service.admin = maskPerson(service.admin);
  }
  return masked;
}
