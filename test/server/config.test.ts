import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';

describe('loadConfig', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      value: {
        port: 3000,
        host: '127.0.0.1',
        dataDir: './data',
        secretKeyFile: 'data/secret.key',
        publicUrl: 'http://127.0.0.1:3000',
        demo: true,
        logLevel: 'info',
      },
    });
  });

  it('reads every variable', () => {
    const result = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      DATA_DIR: '/var/lib/openbeian',
      SECRET: 's'.repeat(32),
      SMTP_URL: 'smtp://mailer:pw@mail.example.cn:587',
      PUBLIC_URL: 'https://beian.example.cn/',
      DEMO: '0',
      LOG_LEVEL: 'warn',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        port: 8080,
        host: '0.0.0.0',
        databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
        dataDir: '/var/lib/openbeian',
        secret: 's'.repeat(32),
        secretKeyFile: '/var/lib/openbeian/secret.key',
        smtpUrl: 'smtp://mailer:pw@mail.example.cn:587',
        publicUrl: 'https://beian.example.cn',
        demo: false,
        logLevel: 'warn',
      },
    });
  });

  it('derives a reachable public URL from a wildcard or IPv6 host', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '80' })).toMatchObject({
      value: { publicUrl: 'http://localhost:80' },
    });
    expect(loadConfig({ HOST: '::1' })).toMatchObject({ value: { publicUrl: 'http://[::1]:3000' } });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', SECRET: '', DEMO: '' })).toMatchObject({
      ok: true,
      value: { port: 3000, demo: true },
    });
  });

  it('lists every problem with its variable name, without echoing secrets', () => {
    const result = loadConfig({
      PORT: '99999',
      DATABASE_URL: 'mysql://root@localhost/db',
      SECRET: 'too-short-secret',
      SMTP_URL: 'mail.example.cn',
      PUBLIC_URL: 'beian.example.cn',
      DEMO: 'yes',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((problem) => problem.split(':')[0])).toEqual([
      'PORT',
      'DATABASE_URL',
      'SECRET',
      'SMTP_URL',
      'PUBLIC_URL',
      'DEMO',
      'LOG_LEVEL',
    ]);
    expect(result.error.join('\n')).not.toContain('too-short-secret');
  });
});
