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
        fetchAllowHosts: [],
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
      FETCH_ALLOW_HOSTS: 'staging.example.cn, 10.0.0.8,[::1]',
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
        fetchAllowHosts: ['staging.example.cn', '10.0.0.8', '[::1]'],
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

  it('refuses allow-listed hosts given as URLs or with ports', () => {
    const result = loadConfig({
      FETCH_ALLOW_HOSTS: 'ok.example.cn,http://staging.example.cn/,10.0.0.8:8080',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      'FETCH_ALLOW_HOSTS.1: must be host names or IP addresses, without ports or paths',
      'FETCH_ALLOW_HOSTS.2: must be host names or IP addresses, without ports or paths',
    ]);
  });
});
