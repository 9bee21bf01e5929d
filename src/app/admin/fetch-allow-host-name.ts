import { isIP } from 'node:net';
import { DomainError } from '../errors.ts';

/**
 * The allow-list's spelling of a host: lower-case ASCII (IDN in punycode), IPv6 without brackets. A
 * URL, a port or a path is refused rather than trimmed, so an administrator sees exactly what is allowed.
 * @throws DomainError validation_failed for anything that is not a bare host name or IP literal.
 */
export function toFetchAllowHostName(input: string): string {
  const trimmed = input.trim();
  const refuse = (): never => {
    throw new DomainError('validation_failed', {
      en: `"${input}" is not a host name or IP address (give only the host, e.g. staging.example.cn or 10.0.0.8).`,
      zh: `“${input}”不是主机名或 IP 地址（只填主机，如 staging.example.cn 或 10.0.0.8）。`,
    });
  };
  if (trimmed === '' || /[/\s@?#]/.test(trimmed)) return refuse();
  const bare = trimmed.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) === 6) return bare.toLowerCase();
  if (trimmed.includes(':')) return refuse();
  let hostname: string;
  try {
    hostname = new URL(`http://${trimmed}/`).hostname;
  } catch {
    return refuse();
  }
  if (hostname === '' || hostname.endsWith('.')) return refuse();
  return hostname;
}
