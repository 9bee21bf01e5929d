import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { AccountServices } from '../../src/app/accounts/account-stores.ts';
import { ensureSandboxAuthorities } from '../../src/app/accounts/ensure-sandbox-authorities.ts';
import { systemClock } from '../../src/app/ports.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { createAccountServices } from '../../src/infra/auth/account-services.ts';
import type { Database } from '../../src/infra/db/database.ts';
import type { RateLimits } from '../../src/server/deps.ts';
import { buildTestApp, buildTestConfig, type TestApp } from '../server/test-app.ts';

/** The origin buildTestConfig's PUBLIC_URL gives: browsers send it with cookie-carrying POSTs. */
export const testOrigin = new URL(buildTestConfig().publicUrl).origin;

const generousLimits: RateLimits = {
  publicApi: { max: 10_000, timeWindowMs: 60_000 },
  signIn: { max: 10_000, timeWindowMs: 60_000 },
  liveCheck: { max: 10_000, timeWindowMs: 60_000 },
};

export interface AccountsTestApp extends TestApp {
  accounts: AccountServices;
}

/** The app with accounts on the suite's database (migrated, sandbox authorities seeded). */
export async function buildAccountsTestApp(
  database: Database,
  options: { rateLimits?: Partial<RateLimits> } = {},
): Promise<AccountsTestApp> {
  const accounts = createAccountServices({
    database,
    secretKey: Buffer.alloc(32, 7),
    publicUrl: buildTestConfig().publicUrl,
    clock: systemClock,
  });
  await ensureSandboxAuthorities({
    stores: accounts.stores,
    catalogue: defaultCatalogue,
    clock: systemClock,
  });
  const test = await buildTestApp({ accounts, rateLimits: { ...generousLimits, ...options.rateLimits } });
  return { ...test, accounts };
}

/** The Cookie header a browser would send after this response (cookies cleared by it are dropped). */
export function readCookies(response: LightMyRequestResponse, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const),
  );
  const header = response.headers['set-cookie'];
  for (const cookie of Array.isArray(header) ? header : header ? [header] : []) {
    const pair = cookie.split(';')[0] ?? '';
    const name = pair.slice(0, pair.indexOf('='));
    if (/max-age=0/i.test(cookie) || pair.endsWith('=')) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}

function decodeBase32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code an authenticator app shows now for an otpauth:// URI (RFC 6238: SHA-1, 6 digits, 30 s). */
export function generateTotp(totpUri: string, at = Date.now()): string {
  const url = new URL(totpUri);
  const secret = decodeBase32(url.searchParams.get('secret') ?? '');
  const period = Number(url.searchParams.get('period') ?? 30);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / period)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0xf;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}
