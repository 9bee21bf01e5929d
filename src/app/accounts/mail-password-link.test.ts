import { describe, expect, it } from 'vitest';
import { buildPasswordLinkUrl, renderPasswordLinkMail } from './mail-password-link.ts';

describe('password link mail', () => {
  it.each([
    ['https://beian.example.com', 'https://beian.example.com/reset-password?token=abc_123'],
    ['https://beian.example.com/', 'https://beian.example.com/reset-password?token=abc_123'],
    ['http://127.0.0.1:4103', 'http://127.0.0.1:4103/reset-password?token=abc_123'],
  ])('links %s to the web app’s reset page', (publicUrl, expected) => {
    expect(buildPasswordLinkUrl(publicUrl, 'abc_123')).toBe(expected);
  });

  it.each([
    [true, 'Your OpenBeian account', '您的 OpenBeian 账户'],
    [false, 'Reset your OpenBeian password', '重置您的 OpenBeian 密码'],
  ])('invitation %s: titled in both languages, with the link and its lifetime', (isInvitation, en, zh) => {
    const mail = renderPasswordLinkMail({
      name: 'Li',
      link: 'https://x.test/l',
      isInvitation,
      expiresInHours: 24,
    });
    expect(mail.title).toEqual({ en, zh });
    for (const body of [mail.body.en, mail.body.zh]) {
      expect(body).toContain('https://x.test/l');
      expect(body).toContain('24');
    }
  });
});
