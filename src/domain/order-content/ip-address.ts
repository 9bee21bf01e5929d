/**
 * IP addresses of a service's access (reference §4.3: the public IPs the site is served from). Parsed
 * here rather than with node:net so the same check runs in the browser.
 */
export interface IpAddress {
  version: 4 | 6;
  /** Canonical text: dotted decimal, or lower-case IPv6 without leading zeros (not compressed). */
  canonical: string;
  /** False for private, loopback, link-local, documentation, multicast and other reserved ranges. */
  isPublic: boolean;
}

function parseIpv4Octets(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const part of parts) {
    // Leading zeros are refused: some parsers read them as octal, so the address is ambiguous.
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    octets.push(value);
  }
  return octets;
}

/** RFC 6890 special-purpose IPv4 blocks, as [first octets, prefix length]. */
const IPV4_RESERVED: readonly [number[], number][] = [
  [[0], 8],
  [[10], 8],
  [[100, 64], 10],
  [[127], 8],
  [[169, 254], 16],
  [[172, 16], 12],
  [[192, 0, 0], 24],
  [[192, 0, 2], 24],
  [[192, 88, 99], 24],
  [[192, 168], 16],
  [[198, 18], 15],
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4],
  [[240], 4],
];

function toIpv4Number(octets: readonly number[]): number {
  return octets.reduce((sum, octet) => sum * 256 + octet, 0);
}

function isPublicIpv4(octets: readonly number[]): boolean {
  const address = toIpv4Number(octets);
  return !IPV4_RESERVED.some(([prefix, length]) => {
    const base = toIpv4Number([...prefix, 0, 0, 0, 0].slice(0, 4));
    const size = 2 ** (32 - length);
    return address >= base && address < base + size;
  });
}

function parseIpv6Groups(text: string): number[] | undefined {
  let head = text;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIpv4Octets(text.slice(lastColon + 1));
    if (!v4) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    tail = [a * 256 + b, c * 256 + d];
    head = text.slice(0, lastColon + 1);
    // "::1.2.3.4" leaves "::", "a:b::1.2.3.4" leaves "a:b::", "a:b:c:d:e:f:1.2.3.4" leaves "a:…:f:".
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const readGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
      groups.push(Number.parseInt(group, 16));
    }
    return groups;
  };
  const left = readGroups(halves[0] ?? '');
  const right = halves.length === 2 ? readGroups(halves[1] ?? '') : [];
  if (!left || !right) return undefined;
  const given = left.length + right.length + tail.length;
  if (halves.length === 2) {
    if (given > 7) return undefined;
    return [...left, ...new Array<number>(8 - given).fill(0), ...right, ...tail];
  }
  return given === 8 ? [...left, ...tail] : undefined;
}

function isPublicIpv6(groups: readonly number[]): boolean {
  const [first = 0, second = 0] = groups;
  // IPv4-mapped (::ffff:a.b.c.d): judge the embedded address.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return isPublicIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  // Only global unicast (2000::/3) is routable; inside it, documentation (2001:db8::/32) is not.
  if ((first & 0xe000) !== 0x2000) return false;
  return !(first === 0x2001 && second === 0x0db8);
}

/** Parses an IPv4 or IPv6 address (no zone, no prefix length); undefined when it is neither. */
export function parseIpAddress(input: string): IpAddress | undefined {
  const text = input.normalize('NFKC').trim();
  const v4 = parseIpv4Octets(text);
  if (v4) return { version: 4, canonical: v4.join('.'), isPublic: isPublicIpv4(v4) };
  if (!text.includes(':')) return undefined;
  const v6 = parseIpv6Groups(text);
  if (!v6) return undefined;
  return {
    version: 6,
    canonical: v6.map((g) => g.toString(16)).join(':'),
    isPublic: isPublicIpv6(v6),
  };
}
