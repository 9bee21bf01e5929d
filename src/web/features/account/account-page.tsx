import { Alert, Badge, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readableTextColor } from '../../app/theme.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { isLanguage, type Language, languages } from '../../i18n/messages.ts';
import { formatDate, localize } from '../../lib/format.ts';
import { chooseLanguage, type Me, useMe } from '../../lib/session.ts';
import { ApiTokensSection } from './api-tokens-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const organisations = [...new Map(me.memberships.map((m) => [m.organisation.id, m.organisation])).values()];
  const rows: [string, ReactNode][] = [
    [t('profile.name'), me.user.name],
    [t('profile.email'), me.user.email],
    // Providers register a customer's instances under this id (their "customer account ID").
    [
      t('profile.id'),
      <span key="id" data-testid="account-id">
        {me.user.id}
      </span>,
    ],
    [
      t('profile.roles'),
      <Group gap={4} key="roles">
        {me.actor.roles.map((role) => (
          <Badge key={role} variant="light" color="gray" style={{ textTransform: 'none' }}>
            {t(`common:roles.${role}`)}
          </Badge>
        ))}
      </Group>,
    ],
    [t('profile.since'), formatDate(me.user.createdAt)],
  ];
  if (organisations.length > 0)
    rows.push([
      t('profile.organisations'),
      // The id is what an applicant or agent types as "access provider id" when filing elsewhere.
      organisations
        .map(
          (o) => `${localize({ en: o.nameEn, zh: o.nameZh })} (${t('profile.organisationId', { id: o.id })})`,
        )
        .join(' · '),
    ]);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-title">
      <Title order={2} size="h3" id="profile-title" mb="sm">
        {t('profile.title')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="gray.7">
              {label}
            </Text>
            <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function LanguageSection() {
  const { t, i18n } = useTranslation('account');
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const [saved, setSaved] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="language-title">
      <Stack gap="xs">
        <Radio.Group
          value={current}
          onChange={async (next) => {
            setSaved(false);
            // Saves on the account as the header's switcher does (best effort: the switch happens anyway).
            await chooseLanguage(next as Language, true);
            setSaved(true);
          }}
          label={
            <Title order={2} size="h3" id="language-title" component="span">
              {t('language.title')}
            </Title>
          }
          description={t('language.description')}
        >
          <Group mt="xs" gap="lg">
            {languages.map((language) => (
              <Radio
                key={language}
                value={language}
                label={t(`common:language.${language}`)}
                lang={language}
              />
            ))}
          </Group>
        </Radio.Group>
        <div aria-live="polite">
          {saved && (
            <Text size="sm" c={readableTextColor('green')}>
              {t('language.saved')}
            </Text>
          )}
        </div>
      </Stack>
    </Paper>
  );
}

export function AccountPage() {
  const { t } = useTranslation('account');
  const { data: me, error, refetch } = useMe();
  return (
    <Stack gap="md" maw={960}>
      <PageTitle title={t('title')} />
      {error && <ApiErrorAlert error={error} onRetry={() => void refetch()} />}
      {me === null && <Alert color="gray">{t('common:states.error')}</Alert>}
      {me && (
        <>
          <ProfileSection me={me} />
          <LanguageSection />
          <TwoFactorSection me={me} />
          <ApiTokensSection />
        </>
      )}
    </Stack>
  );
}
