import { describe, expect, it } from 'vitest';
import { type NotificationKind, renderNotification } from './notification-templates.ts';

const KINDS: NotificationKind[] = [
  'order_submitted',
  'order_resubmitted',
  'provider_review_started',
  'order_returned',
  'identity_verification_requested',
  'sms_verification_requested',
  'miit_sms_expected',
  'authority_review_requested',
  'order_in_authority_review',
  'order_approved',
  'order_rejected',
  'order_withdrawn',
  'provider_review_due',
  'sms_expiring',
  'authority_review_due',
  'sms_code',
];

describe('renderNotification', () => {
  it('names the order in both languages for every kind', () => {
    for (const kind of KINDS) {
      const message = renderNotification(kind, {
        reference: 'OB-2026-000123',
        dueAt: new Date('2026-03-04T15:59:59.999Z'),
      });
      for (const text of [message.title.en, message.title.zh, message.body.en, message.body.zh]) {
        expect(text, kind).toContain('OB-2026-000123');
      }
    }
  });

  it('shows deadlines in China time and the numbers of an approval', () => {
    const due = renderNotification('provider_review_due', {
      reference: 'OB-2026-000001',
      dueAt: new Date('2026-03-04T15:59:59.999Z'),
    });
    expect(due.body.en).toContain('2026-03-04 23:59');
    const approved = renderNotification('order_approved', {
      reference: 'OB-2026-000001',
      entityNumber: '京ICP备2026000001号',
      serviceNumbers: ['京ICP备2026000001号-1'],
    });
    expect(approved.body.zh).toContain('京ICP备2026000001号、京ICP备2026000001号-1');
  });

  it('keeps the SMS code out of the title, which is stored unencrypted', () => {
    const message = renderNotification('sms_code', {
      reference: 'OB-2026-000001',
      code: '482913',
      mobiles: ['138****8000'],
    });
    expect(message.title.en).not.toContain('482913');
    expect(message.body.en).toContain('482913');
    expect(message.body.zh).toContain('138****8000');
  });
});
