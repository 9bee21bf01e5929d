import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { api } from '../../lib/api.ts';
import { AuthCard } from './auth-card.tsx';
import { authCodeOf, fieldErrorOf } from './field-errors.ts';

const route = getRouteApi('/reset-password');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const MIN_PASSWORD = 8;

/**
 * `/reset-password?token=…` (the link of an invitation or a reset mail): choose a password. Without a
 * token: ask for a reset link by e-mail.
 */
export function ResetPasswordPage() {
  const { token } = route.useSearch();
  return token ? <ChoosePassword token={token} /> : <RequestLink />;
}

function SignInLink() {
  const { t } = useTranslation('auth');
  return (
    <Text size="sm" ta="center">
      <Anchor renderRoot={(props) => <Link {...props} to="/sign-in" />}>{t('reset.backToSignIn')}</Anchor>
    </Text>
  );
}

function ChoosePassword({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [hint, setHint] = useState<{ password?: string; repeat?: string }>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = {
      ...(password.length < MIN_PASSWORD ? { password: t('signUp.passwordTooShort') } : {}),
      ...(repeat !== password ? { repeat: t('reset.mismatch') } : {}),
    };
    setHint(next);
    if (next.password || next.repeat) return;
    setError(undefined);
    setBusy(true);
    try {
      await api.post('/api/auth/reset-password', { token, newPassword: password });
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <AuthCard title={t('reset.chooseTitle')}>
        <Stack>
          <Alert color="green" role="status" title={t('reset.doneTitle')}>
            {t('reset.doneBody')}
          </Alert>
          <Button component={Link} to="/sign-in" fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  const invalidLink = authCodeOf(error) === 'INVALID_TOKEN';
  return (
    <AuthCard title={t('reset.chooseTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text c="gray.7" size="sm">
            {t('reset.chooseDescription')}
          </Text>
          <div aria-live="polite">
            {invalidLink ? (
              <Alert color="red" role="alert" title={t('reset.invalidTitle')}>
                {t('reset.invalidBody')}{' '}
                <Anchor renderRoot={(props) => <Link {...props} to="/reset-password" />}>
                  {t('reset.requestNew')}
                </Anchor>
              </Alert>
            ) : (
              error !== undefined && <ApiErrorAlert error={error} />
            )}
          </div>
          <PasswordInput
            label={t('reset.newPassword')}
            description={t('signUp.passwordHint')}
            autoComplete="new-password"
            required
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={hint.password ?? fieldErrorOf(error, 'newPassword')}
          />
          <PasswordInput
            label={t('reset.repeatPassword')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={hint.repeat}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('reset.save')}
          </Button>
          <SignInLink />
        </Stack>
      </form>
    </AuthCard>
  );
}

function RequestLink() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const [hint, setHint] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) {
      setHint(t('validation.email'));
      return;
    }
    setHint(undefined);
    setError(undefined);
    setBusy(true);
    try {
      await api.post('/api/auth/request-password-reset', { email: email.trim() });
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('reset.requestTitle')}>
      {sent ? (
        <Stack>
          <Alert color="green" role="status" title={t('reset.sentTitle')}>
            {t('reset.sentBody')}
          </Alert>
          <SignInLink />
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Text c="gray.7" size="sm">
              {t('reset.requestDescription')}
            </Text>
            <div aria-live="polite">{error !== undefined && <ApiErrorAlert error={error} />}</div>
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={hint ?? fieldErrorOf(error, 'email')}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('reset.send')}
            </Button>
            <SignInLink />
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
