import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { homePathFor, type Me } from '../../lib/session.ts';
import { useAuthFlow } from './auth-api.ts';
import { AuthCard } from './auth-card.tsx';
import { authCodeOf, fieldErrorOf, safeRedirect } from './field-errors.ts';

const route = getRouteApi('/sign-in');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function SignInPage() {
  const { t } = useTranslation('auth');
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const { signIn, verifySecondFactor } = useAuthFlow();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(true);
  const [emailHint, setEmailHint] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<'password' | 'two_factor'>('password');

  const goOn = (me: Me) => navigate({ href: safeRedirect(redirect) ?? homePathFor(me) });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!EMAIL.test(email.trim())) {
      setEmailHint(t('validation.email'));
      return;
    }
    setEmailHint(undefined);
    setBusy(true);
    try {
      const outcome = await signIn({ email: email.trim(), password, rememberMe });
      if (outcome.kind === 'two_factor') setStep('two_factor');
      else await goOn(outcome.me);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const wrongCredentials = authCodeOf(error) === 'INVALID_EMAIL_OR_PASSWORD';
  const disabled = authCodeOf(error) === 'ACCOUNT_DISABLED';

  return (
    <AuthCard title={t('signIn.title')}>
      {step === 'two_factor' ? (
        <TwoFactorStep
          onVerify={async (input) => goOn(await verifySecondFactor(input))}
          onStartOver={() => {
            setStep('password');
            setPassword('');
          }}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Text c="gray.7" size="sm">
              {t('signIn.description')}
            </Text>
            <div aria-live="polite">
              {disabled ? (
                <Alert
                  color="red"
                  role="alert"
                  title={t('signIn.disabledTitle')}
                  data-testid="account-disabled"
                >
                  {t('signIn.disabledBody')}
                </Alert>
              ) : (
                error !== undefined && !wrongCredentials && <ApiErrorAlert error={error} />
              )}
            </div>
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={emailHint ?? fieldErrorOf(error, 'email')}
              autoFocus
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              // Wrong e-mail and wrong password answer alike: show it where the user looks next.
              error={
                wrongCredentials && error instanceof Error ? error.message : fieldErrorOf(error, 'password')
              }
            />
            <Checkbox
              label={t('signIn.rememberMe')}
              checked={rememberMe}
              onChange={(e) => setRememberMe(e.currentTarget.checked)}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('signIn.submit')}
            </Button>
            <Text size="sm" ta="center">
              <Anchor renderRoot={(props) => <Link {...props} to="/reset-password" />}>
                {t('signIn.forgot')}
              </Anchor>
            </Text>
            <Text size="sm" ta="center">
              {t('signIn.noAccount')}{' '}
              <Anchor renderRoot={(props) => <Link {...props} to="/sign-up" search={{ redirect }} />}>
                {t('signIn.createAccount')}
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

function TwoFactorStep({
  onVerify,
  onStartOver,
}: {
  onVerify: (input: { code: string; trustDevice: boolean; backup: boolean }) => Promise<unknown>;
  onStartOver: () => void;
}) {
  const { t } = useTranslation('auth');
  const [code, setCode] = useState('');
  const [backup, setBackup] = useState(false);
  const [trustDevice, setTrustDevice] = useState(false);
  const [hint, setHint] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = code.replace(/\s/gu, '');
    if (!backup && !/^\d{6}$/u.test(value)) {
      setHint(t('validation.code'));
      return;
    }
    if (value === '') {
      setHint(t('validation.required'));
      return;
    }
    setHint(undefined);
    setError(undefined);
    setBusy(true);
    try {
      await onVerify({ code: value, trustDevice, backup });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const expired = authCodeOf(error) === 'INVALID_TWO_FACTOR_COOKIE';
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t('twoFactor.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('twoFactor.description')}
        </Text>
        <div aria-live="polite">{expired && <ApiErrorAlert error={error} />}</div>
        <TextInput
          key={backup ? 'backup' : 'totp'}
          label={backup ? t('twoFactor.backupCode') : t('twoFactor.code')}
          inputMode={backup ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          maxLength={backup ? 64 : 6}
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={hint ?? (!expired && error instanceof Error ? error.message : undefined)}
          styles={backup ? undefined : { input: { letterSpacing: '0.3em', fontFamily: 'monospace' } }}
        />
        <Checkbox
          label={t('twoFactor.trustDevice')}
          checked={trustDevice}
          onChange={(e) => setTrustDevice(e.currentTarget.checked)}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('twoFactor.verify')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setBackup(!backup);
              setCode('');
              setHint(undefined);
              setError(undefined);
            }}
          >
            {backup ? t('twoFactor.useApp') : t('twoFactor.useBackup')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={onStartOver}>
            {t('twoFactor.startOver')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
