import type { LookupAddress } from 'node:dns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockedAddressError, createAddressGuard, isPublicAddress } from './address-guard.ts';

describe('isPublicAddress', () => {
  it.each([
    ['0.0.0.0'],
    ['0.1.2.3'],
    ['10.0.0.1'],
    ['10.255.255.255'],
    ['100.64.0.1'],
    ['100.127.255.254'],
    ['127.0.0.1'],
    ['127.255.0.9'],
    ['169.254.169.254'],
    ['172.16.0.1'],
    ['172.31.255.255'],
    ['192.0.0.8'],
    ['192.0.2.10'],
    ['192.88.99.1'],
    ['192.168.1.1'],
    ['198.18.0.1'],
    ['198.19.255.255'],
    ['198.51.100.7'],
    ['203.0.113.9'],
    ['224.0.0.1'],
    ['239.255.255.250'],
    ['240.0.0.1'],
    ['255.255.255.255'],
    ['::'],
    ['::1'],
    ['0:0:0:0:0:0:0:1'],
    ['::127.0.0.1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    ['::ffff:169.254.169.254'],
    ['::ffff:10.0.0.1'],
    ['64:ff9b::127.0.0.1'],
    ['64:ff9b::a00:1'],
    ['64:ff9b:1::1'],
    ['100::1'],
    ['2001::1'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['2001:1ff::1'],
    ['2001:db8::1'],
    ['2002:7f00:1::1'],
    ['2002:a9fe:a9fe::'],
    ['fc00::1'],
    ['fd12:3456:789a::1'],
    ['fe80::1'],
    ['fe80::1%eth0'],
    ['febf::1'],
    ['ff02::1'],
    ['not an address'],
    [''],
    ['localhost'],
  ])('%s is not public', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    ['1.1.1.1'],
    ['8.8.8.8'],
    ['93.184.215.14'],
    ['101.37.0.1'],
    ['100.63.255.255'],
    ['100.128.0.0'],
    ['172.15.255.255'],
    ['172.32.0.0'],
    ['192.0.1.1'],
    ['198.20.0.1'],
    ['223.255.255.255'],
    ['2400:3200::1'],
    ['2606:4700:4700::1111'],
    ['2001:200::1'],
    ['2001:4860:4860::8888'],
    ['::ffff:8.8.8.8'],
    ['::ffff:808:808'],
    ['64:ff9b::808:808'],
    ['2002:808:808::1'],
  ])('%s is public', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it('judges an IPv4-mapped IPv6 address like the IPv4 address it carries', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(isPublicAddress(`::ffff:${ip}`)).toBe(isPublicAddress(ip));
      }),
    );
  });
});

describe('createAddressGuard: allow-list', () => {
  const guard = createAddressGuard({ allowHosts: ['Intranet.Example', '127.0.0.1', '[::1]', 'fd00::7'] });

  it.each([
    ['intranet.example', true],
    ['INTRANET.EXAMPLE', true],
    ['intranet.example.', true],
    ['www.intranet.example', false],
    ['example', false],
    ['127.0.0.1', true],
    ['127.0.0.2', false],
    ['::1', true],
    ['[::1]', true],
    ['[0:0::1]', true],
    ['[fd00:0::7]', true],
    ['localhost', false],
  ])('%s allow-listed: %s', (host, expected) => {
    expect(guard.isHostAllowListed(host)).toBe(expected);
  });
});

describe('createAddressGuard: checkUrl', () => {
  const guard = createAddressGuard({ allowHosts: ['127.0.0.1'] });

  it.each([
    ['http://93.184.215.14/', { allowed: true }],
    ['https://93.184.215.14:443/', { allowed: true }],
    ['https://93.184.215.14:80/', { allowed: true }],
    ['http://127.0.0.1:5432/', { allowed: true }],
    ['http://93.184.215.14:8080/', { allowed: false, reason: 'port', port: 8080 }],
    ['http://10.0.0.1/', { allowed: false, reason: 'address', address: '10.0.0.1' }],
    ['http://169.254.169.254/latest/', { allowed: false, reason: 'address', address: '169.254.169.254' }],
    ['http://127.0.0.2/', { allowed: false, reason: 'address', address: '127.0.0.2' }],
    // The URL parser turns these spellings of 127.0.0.2 into the dotted form first.
    ['http://2130706434/', { allowed: false, reason: 'address', address: '127.0.0.2' }],
    ['http://0x7f.2/', { allowed: false, reason: 'address', address: '127.0.0.2' }],
    ['http://2130706433:8080/', { allowed: true }],
    ['http://[::1]/', { allowed: false, reason: 'address', address: '::1' }],
    ['http://[::ffff:127.0.0.1]/', { allowed: false, reason: 'address', address: '::ffff:7f00:1' }],
    ['http://localhost:8080/', { allowed: false, reason: 'address', address: '127.0.0.1' }],
    ['ftp://93.184.215.14/', { allowed: false, reason: 'scheme', scheme: 'ftp' }],
    ['file:///etc/passwd', { allowed: false, reason: 'scheme', scheme: 'file' }],
  ])('%s', async (url, expected) => {
    expect(await guard.checkUrl(new URL(url))).toEqual(expected);
  });
});

describe('createAddressGuard: lookup', () => {
  function resolve(
    guard: ReturnType<typeof createAddressGuard>,
    hostname: string,
    all: boolean,
  ): Promise<string | LookupAddress[]> {
    return new Promise((done, fail) => {
      guard.lookup(hostname, { all }, (error, address) => (error ? fail(error) : done(address)));
    });
  }

  it('refuses a host name that resolves to a loopback address', async () => {
    const error = await resolve(createAddressGuard(), 'localhost', true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect((error as BlockedAddressError).hostname).toBe('localhost');
    expect(isPublicAddress((error as BlockedAddressError).address)).toBe(false);
  });

  it('resolves an allow-listed host name, in both callback shapes', async () => {
    const guard = createAddressGuard({ allowHosts: ['localhost'] });
    const all = await resolve(guard, 'localhost', true);
    expect(Array.isArray(all) && all.length > 0).toBe(true);
    const one = await resolve(guard, 'localhost', false);
    expect(typeof one).toBe('string');
  });

  it('does not trust an allow-listed IP for a host name that resolves to it', async () => {
    const error = await resolve(createAddressGuard({ allowHosts: ['127.0.0.1'] }), 'localhost', true).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BlockedAddressError);
  });
});
