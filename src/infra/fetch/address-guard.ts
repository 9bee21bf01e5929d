import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/*
 * The footer check fetches pages at addresses that applicants type in, from inside our network. Without a
 * guard anyone could make the server read cloud metadata (169.254.169.254), the admin's intranet or the
 * database port (server-side request forgery, issue 5). Only public unicast addresses are reachable,
 * on the web's two ports, unless an administrator allow-lists a host.
 */

/** IPv4 special-purpose ranges (IANA IPv4 Special-Purpose Address Registry, RFC 6890 and updates). */
const IPV4_SPECIAL: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, home of cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes the limited broadcast 255.255.255.255
];

/**
 * IPv6 special-purpose ranges (IANA IPv6 Special-Purpose Address Registry). Everything outside
 * 2000::/3 is refused anyway (see isPublicIpv6); the list names the ranges a reader looks for.
 */
const IPV6_SPECIAL: ReadonlyArray<readonly [string, number]> = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
];

const ipv4Blocked = new BlockList();
for (const [network, prefix] of IPV4_SPECIAL) ipv4Blocked.addSubnet(network, prefix, 'ipv4');

const ipv6Blocked = new BlockList();
for (const [network, prefix] of IPV6_SPECIAL) ipv6Blocked.addSubnet(network, prefix, 'ipv6');

/** True only for a globally reachable unicast address; false for anything that is not an IP address. */
export function isPublicAddress(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) return !ipv4Blocked.check(ip, 'ipv4');
  if (version === 6) return isPublicIpv6(ip);
  return false;
}

function isPublicIpv6(ip: string): boolean {
  const groups = parseIpv6(ip);
  // Addresses that carry an IPv4 address reach that IPv4 host, so the IPv4 address is what counts:
  // IPv4-mapped (::ffff:0:0/96), NAT64 well-known prefix (64:ff9b::/96, RFC 6052), 6to4 (2002::/16).
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return isPublicAddress(ipv4FromGroups(g6, g7));
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isPublicAddress(ipv4FromGroups(g6, g7));
  }
  if (g0 === 0x2002) return isPublicAddress(ipv4FromGroups(g1, g2));
  // Only 2000::/3 is allocated as global unicast (RFC 4291 §2.4); the rest is special or unassigned.
  if ((g0 & 0xe000) !== 0x2000) return false;
  return !ipv6Blocked.check(groups.map((group) => group.toString(16)).join(':'), 'ipv6');
}

/** The eight 16-bit groups of a valid IPv6 address (as accepted by net.isIP), zone id ignored. */
function parseIpv6(ip: string): number[] {
  let text = ip.replace(/%.*$/, '');
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const toGroups = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const headGroups = toGroups(head);
  if (rest === undefined) return headGroups;
  const restGroups = toGroups(rest);
  const zeros = new Array<number>(8 - headGroups.length - restGroups.length).fill(0);
  return [...headGroups, ...zeros, ...restGroups];
}

function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** Thrown (through the socket's lookup) when a host resolves to an address the guard refuses. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_BLOCKED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to ${address}, which is not a public address`);
    this.name = 'BlockedAddressError';
  }
}

/** Why a URL may not be fetched, before any connection is made. */
export type GuardVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'scheme'; scheme: string }
  | { allowed: false; reason: 'address'; address: string }
  | { allowed: false; reason: 'port'; port: number };

export interface AddressGuard {
  /** Exact, case-insensitive match against the admin's allow-list (IPv6 with or without brackets). */
  isHostAllowListed(hostname: string): boolean;
  /**
   * Checks scheme, IP-literal address and port of a URL. Host names are checked again by `lookup` when
   * the socket connects, on the very addresses it connects to.
   */
  checkUrl(url: URL): Promise<GuardVerdict>;
  /**
   * A `lookup` for node:http/https/net: resolves every address of the host and refuses the connection
   * with a BlockedAddressError when any of them is not public. The socket connects to the addresses
   * checked here, so a DNS answer that changes between check and connect (rebinding) cannot slip by.
   */
  lookup: LookupFunction;
}

const WEB_PORTS: ReadonlySet<number> = new Set([80, 443]);

/** Lower case, without IPv6 brackets and without the root label's trailing dot. */
export function normaliseHost(hostname: string): string {
  const lower = hostname.trim().toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

/** The port a URL connects to, with the scheme's default filled in. */
export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

export function createAddressGuard(options: { allowHosts?: readonly string[] } = {}): AddressGuard {
  const allowed = new Set((options.allowHosts ?? []).map((host) => canonicalHost(host)));
  const isHostAllowListed = (hostname: string) => allowed.has(canonicalHost(hostname));

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
    dnsLookup(hostname, { all: true, family, verbatim: true }, (error, addresses) => {
      if (error) {
        callback(error, '');
        return;
      }
      if (!isHostAllowListed(hostname)) {
        const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
        if (blocked) {
          callback(new BlockedAddressError(hostname, blocked.address), '');
          return;
        }
      }
      if (lookupOptions.all) {
        callback(null, addresses);
        return;
      }
      const first = addresses[0];
      if (!first) {
        callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        return;
      }
      callback(null, first.address, first.family);
    });
  };

  return {
    isHostAllowListed,
    lookup,
    async checkUrl(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return { allowed: false, reason: 'scheme', scheme: url.protocol.replace(/:$/, '') };
      }
      const host = normaliseHost(url.hostname);
      if (isHostAllowListed(host)) return { allowed: true };
      if (isIP(host) !== 0 && !isPublicAddress(host))
        return { allowed: false, reason: 'address', address: host };
      const port = effectivePort(url);
      if (WEB_PORTS.has(port)) return { allowed: true };
      // A private host on an odd port (http://localhost:5432/) is reported for its address, which is the
      // more telling reason; either way no connection is made.
      if (isIP(host) === 0) {
        const blocked = await findBlockedAddress(host, lookup);
        if (blocked) return { allowed: false, reason: 'address', address: blocked };
      }
      return { allowed: false, reason: 'port', port };
    },
  };
}

/** Lower-cased, unbracketed, and IPv6 literals in one spelling so `[::1]` matches `0:0::1`. */
function canonicalHost(hostname: string): string {
  const host = normaliseHost(hostname);
  if (isIP(host) !== 6) return host;
  return parseIpv6(host)
    .map((group) => group.toString(16))
    .join(':');
}

/** The refused address a host name resolves to, if any (a DNS failure is no verdict here). */
function findBlockedAddress(hostname: string, lookup: LookupFunction): Promise<string | undefined> {
  return new Promise((resolve) => {
    lookup(hostname, { all: true }, (error) => {
      resolve(error instanceof BlockedAddressError ? error.address : undefined);
    });
  });
}
