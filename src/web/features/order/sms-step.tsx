import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type Order, type SmsCodeResult, useSubmitSmsCode } from './api.ts';
import { DeadlineBadge } from './deadline-badge.tsx';

/** The MIIT SMS check: the applicant types the 6-digit code (in the sandbox it arrives in the Inbox). */
export function SmsStep({ order, onResult }: { order: Order; onResult: (result: SmsCodeResult) => void }) {
  const { t } = useTranslation('order');
  const submit = useSubmitSmsCode(order.reference);
  const [code, setCode] = useState('');
  const [hint, setHint] = useState<string>();
  const [last, setLast] = useState<SmsCodeResult>();
  const sms = order.sms;
  const canEnter = order.allowedActions.includes('submit_sms_code');
  const expired = sms ? new Date(sms.expiresAt).getTime() < Date.now() : false;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = code.replace(/\s/gu, '');
    if (!/^\d{6}$/u.test(value)) {
      setHint(t('sms.invalid'));
      return;
    }
    setHint(undefined);
    try {
      const result = await submit.mutateAsync(value);
      setLast(result);
      onResult(result);
      if (!result.accepted) setCode('');
    } catch {
      // Shown by ApiErrorAlert from the mutation's error.
    }
  }

  const wrong = last && !last.accepted && last.attemptsLeft > 0;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="sms-title"
      style={{ borderLeft: '4px solid var(--mantine-color-grape-6)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="sms-title">
          {t('sms.title')}
        </Title>
        <Text size="sm">{t('sms.intro')}</Text>
        {order.authorityMode === 'sandbox' && (
          <Text size="sm">
            {t('sms.sandboxHint')}{' '}
            <Anchor component={Link} to="/inbox">
              {t('sms.openInbox')}
            </Anchor>
          </Text>
        )}
        {sms && (
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('sms.attemptsLeft', { count: sms.attemptsLeft })}
            </Text>
            <Text size="sm" c="gray.7">
              · {t('sms.expires', { time: formatDateTime(sms.expiresAt) })}
            </Text>
            <DeadlineBadge kind="smsExpiresAt" due={sms.expiresAt} />
          </Group>
        )}
        <div aria-live="polite">
          {wrong && (
            <Alert color="orange" variant="light">
              {t('sms.wrong', { count: last.attemptsLeft })}
            </Alert>
          )}
          {submit.error && <ApiErrorAlert error={submit.error} />}
        </div>
        {canEnter && !expired && (
          <form onSubmit={onSubmit} noValidate>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t('sms.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                w={180}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={hint}
                styles={{ input: { letterSpacing: '0.3em', fontFamily: 'monospace', fontSize: 18 } }}
              />
              <Button type="submit" loading={submit.isPending} color="grape">
                {t('sms.submit')}
              </Button>
            </Group>
          </form>
        )}
        {expired && (
          <Text size="sm" c="red.8">
            {t('sms.expired')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** What the last code did, shown after the order moved on (the step itself is gone then). */
export function SmsOutcome({ result }: { result: SmsCodeResult | undefined }) {
  const { t } = useTranslation('order');
  if (!result) return null;
  if (result.accepted) return <Alert color="green">{t('sms.accepted')}</Alert>;
  if (result.attemptsLeft === 0) return <Alert color="orange">{t('sms.returned')}</Alert>;
  return null;
}
