import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpAddress } from './ip-address.ts';

describe('parseIpAddress', () => {
  it.each([
    ['106.14.10.20', 4, '106.14.10.20', true],
    [' 8.8.8.8 ', 4, '8.8.8.8', true],
    ['10.0.0.1', 4, '10.0.0.1', false],
    ['172.31.255.255', 4, '172.31.255.255', false],
    ['172.32.0.1', 4, '172.32.0.1', true],
    ['192.168.1.10', 4, '192.168.1.10', false],
    ['100.64.0.1', 4, '100.64.0.1', false],
    ['127.0.0.1', 4, '127.0.0.1', false],
    ['203.0.113.5', 4, '203.0.113.5', false],
    ['224.0.0.1', 4, '224.0.0.1', false],
    ['2400:3200::1', 6, '2400:3200:0:0:0:0:0:1', true],
    ['2001:DB8::1', 6, '2001:db8:0:0:0:0:0:1', false],
    ['::1', 6, '0:0:0:0:0:0:0:1', false],
    ['fe80::1', 6, 'fe80:0:0:0:0:0:0:1', false],
    ['fd00::1', 6, 'fd00:0:0:0:0:0:0:1', false],
    ['::ffff:106.14.10.20', 6, '0:0:0:0:0:ffff:6a0e:a14', true],
    ['::ffff:192.168.0.1', 6, '0:0:0:0:0:ffff:c0a8:1', false],
    ['2400:1:2:3:4:5:6.7.8.9', 6, '2400:1:2:3:4:5:607:809', true],
  ] as const)('%s', (input, version, canonical, isPublic) => {
    expect(parseIpAddress(input)).toEqual({ version, canonical, isPublic });
  });

  it.each([
    '',
    '300.1.1.1',
    '1.2.3',
    '01.2.3.4',
    '1.2.3.4.5',
    'example.cn',
    '2400::1::2',
    '2400:1:2:3:4:5:6:7:8',
    '12345::1',
    ':::',
    '1.2.3.4/24',
    'fe80::1%eth0',
  ])('refuses %s', (input) => {
    expect(parseIpAddress(input)).toBeUndefined();
  });

  it('agrees with node:net on what is an address', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), (input) => {
        const parsed = parseIpAddress(input);
        // node accepts zero-padded IPv4 octets inside IPv6 tails; we refuse leading zeros everywhere.
        if (parsed) expect(isIP(input.trim())).toBe(parsed.version);
        else if (!/(^|[.:])0\d/.test(input)) expect(isIP(input.trim())).toBe(0);
      }),
    );
  });
});
