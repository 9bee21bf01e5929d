import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';
import { PageTitle } from '../components/page-title.tsx';
import type { Role } from '../lib/session.ts';

/** Thrown by an area's guard when the signed-in user holds none of its roles. */
export class ForbiddenError extends Error {
  constructor(readonly roles: readonly Role[]) {
    super('forbidden');
    this.name = 'ForbiddenError';
  }
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageTitle title={t('states.notFoundTitle')} description={t('states.notFoundBody')} />
      <Button component={Link} to="/">
        {t('states.backHome')}
      </Button>
    </Stack>
  );
}

export function ForbiddenPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ForbiddenError)) return <RouteErrorPage error={error} />;
  const roles = error.roles.map((role) => t(`roles.${role}`)).join(' / ');
  return (
    <Stack align="flex-start">
      <PageTitle title={t('states.forbiddenTitle')} description={t('states.forbiddenBody', { roles })} />
      <Button component={Link} to="/sign-in">
        {t('auth.signIn')}
      </Button>
    </Stack>
  );
}

export function RouteErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={1}>{t('states.error')}</Title>
      <ApiErrorAlert error={error} />
      <Text>
        <Link to="/">{t('states.backHome')}</Link>
      </Text>
    </Stack>
  );
}
