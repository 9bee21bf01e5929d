import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { homePathFor } from '../../lib/session.ts';
import { useAuthFlow } from './auth-api.ts';
import { AuthCard } from './auth-card.tsx';
import { authCodeOf, fieldErrorOf, safeRedirect } from './field-errors.ts';

const route = getRouteApi('/sign-up');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const TAKEN = new Set(['USER_ALREADY_EXISTS', 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL']);

interface Hints {
  name?: string;
  email?: string;
  password?: string;
}

export function SignUpPage() {
  const { t } = useTranslation('auth');
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const { signUp } = useAuthFlow();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [hints, setHints] = useState<Hints>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  function check(): Hints {
    const found: Hints = {};
    if (name.trim() === '') found.name = t('validation.required');
    if (!EMAIL.test(email.trim())) found.email = t('validation.email');
    if (password.length < 8) found.password = t('signUp.passwordTooShort');
    return found;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const found = check();
    setHints(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const me = await signUp({ name: name.trim(), email: email.trim(), password });
      await navigate({ href: safeRedirect(redirect) ?? homePathFor(me) });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const taken = TAKEN.has(authCodeOf(error) ?? '');
  const fieldMessage = (field: keyof Hints) =>
    hints[field] ??
    (field === 'email' && taken && error instanceof Error ? error.message : fieldErrorOf(error, field));
  const shownInline = taken || ['name', 'email', 'password'].some((f) => fieldErrorOf(error, f));

  return (
    <AuthCard title={t('signUp.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text c="gray.7" size="sm">
            {t('signUp.description')}
          </Text>
          <div aria-live="polite">
            {error !== undefined && !shownInline && <ApiErrorAlert error={error} />}
          </div>
          <TextInput
            label={t('signUp.name')}
            description={t('signUp.nameHint')}
            autoComplete="name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldMessage('name')}
            autoFocus
          />
          <TextInput
            label={t('signUp.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldMessage('email')}
          />
          <PasswordInput
            label={t('signUp.password')}
            description={t('signUp.passwordHint')}
            autoComplete="new-password"
            required
            maxLength={128}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldMessage('password')}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t('signUp.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('signUp.haveAccount')}{' '}
            <Anchor renderRoot={(props) => <Link {...props} to="/sign-in" search={{ redirect }} />}>
              {t('signUp.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
