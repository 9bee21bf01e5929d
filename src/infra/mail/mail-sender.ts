import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** Outbox id: names the stored file, so a retried mail overwrites itself instead of piling up. */
  id: number;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes: an SMTP server, or files for administrators to read. */
export interface MailSender {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Delivers through the SMTP server of `smtpUrl` (smtp:// or smtps://, credentials in the URL). */
export function createSmtpSender(smtpUrl: string): MailSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

/**
 * Without SMTP: each mail is rendered by nodemailer as an RFC 5322 message and written to
 * `<directory>/<id>.eml` (mode 0640), so administrators can open sandbox mail — SMS codes included —
 * in any mail client. Written to a temporary name first, then renamed, so a reader never sees half.
 */
export function createFileSender(directory: string): MailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      await mkdir(directory, { recursive: true, mode: 0o750 });
      const file = join(directory, `${String(mail.id).padStart(8, '0')}.eml`);
      const temporary = `${file}.tmp`;
      await writeFile(temporary, info.message as Buffer, { mode: 0o640 });
      await rename(temporary, file);
    },
    close: () => transport.close(),
  };
}

/** SMTP when configured (SMTP_URL), otherwise files under `<dataDir>/mail`. */
export function createMailSender(options: { smtpUrl?: string | undefined; dataDir: string }): MailSender {
  return options.smtpUrl
    ? createSmtpSender(options.smtpUrl)
    : createFileSender(join(options.dataDir, 'mail'));
}
