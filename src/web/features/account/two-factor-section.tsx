import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import type { Me } from '../../lib/session.ts';
import { fieldErrorOf } from '../auth/field-errors.ts';
import { type TwoFactorSetup, useConfirmTwoFactor, useDisableTwoFactor, useEnableTwoFactor } from './api.ts';

/** The base32 secret of an otpauth:// URI, in groups of four for typing by hand. */
function secretOf(uri: string): string | undefined {
  try {
    const secret = new URL(uri).searchParams.get('secret');
    return secret ? (secret.match(/.{1,4}/gu) ?? []).join(' ') : undefined;
  } catch {
    return undefined;
  }
}

function SetupSteps({ setup, onDone }: { setup: TwoFactorSetup; onDone: () => void }) {
  const { t } = useTranslation('account');
  const confirm = useConfirmTwoFactor();
  const [code, setCode] = useState('');
  const [hint, setHint] = useState<string>();
  const secret = secretOf(setup.totpURI);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = code.replace(/\s/gu, '');
    if (!/^\d{6}$/u.test(value)) {
      setHint(t('twoFactor.codeInvalid'));
      return;
    }
    setHint(undefined);
    try {
      await confirm.mutateAsync(value);
      onDone();
    } catch {
      // Shown next to the field.
    }
  }

  return (
    <Stack gap="sm">
      <Text size="sm">{t('twoFactor.step1')}</Text>
      {secret && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" fw={600}>
            {t('twoFactor.key')}:
          </Text>
          <Code fz="md" style={{ letterSpacing: '0.05em' }}>
            {secret}
          </Code>
          <CopyButton value={secret.replace(/\s/gu, '')}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="light" onClick={copy}>
                {copied ? t('common:actions.copied') : t('common:actions.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      <TextInput
        label={t('twoFactor.uri')}
        value={setup.totpURI}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
      />
      <Text size="sm">{t('twoFactor.step2')}</Text>
      <Paper withBorder p="sm" bg="gray.0">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" aria-label={t('twoFactor.backupCodes')}>
          {setup.backupCodes.map((backup) => (
            <Code key={backup}>{backup}</Code>
          ))}
        </SimpleGrid>
        <CopyButton value={setup.backupCodes.join('\n')}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" mt="xs" onClick={copy}>
              {copied ? t('common:actions.copied') : t('twoFactor.copyCodes')}
            </Button>
          )}
        </CopyButton>
      </Paper>
      <Text size="sm">{t('twoFactor.step3')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('twoFactor.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            w={200}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={hint ?? (confirm.error instanceof Error ? confirm.error.message : undefined)}
            styles={{ input: { letterSpacing: '0.3em', fontFamily: 'monospace' } }}
          />
          <Button type="submit" mt={25} loading={confirm.isPending}>
            {t('twoFactor.confirm')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const enabled = me.user.twoFactorEnabled;
  const enable = useEnableTwoFactor();
  const disable = useDisableTwoFactor();
  const [password, setPassword] = useState('');
  const [setup, setSetup] = useState<TwoFactorSetup>();
  const [notice, setNotice] = useState<string>();

  async function onPassword(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    try {
      if (enabled) {
        await disable.mutateAsync(password);
        setNotice(t('twoFactor.disabled'));
      } else {
        setSetup(await enable.mutateAsync(password));
      }
      setPassword('');
    } catch {
      // Shown below.
    }
  }

  const error = enabled ? disable.error : enable.error;
  const passwordError =
    fieldErrorOf(error, 'password') ?? (error instanceof Error ? error.message : undefined);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="two-factor-title">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h3" id="two-factor-title">
            {t('twoFactor.title')}
          </Title>
          <Badge color={enabled ? 'green' : 'gray'} variant="light">
            {enabled ? t('twoFactor.on') : t('twoFactor.off')}
          </Badge>
        </Group>
        <Text size="sm" c="gray.7">
          {enabled ? t('twoFactor.descriptionOn') : t('twoFactor.descriptionOff')}
        </Text>
        <div aria-live="polite">{notice && <Alert color="green">{notice}</Alert>}</div>
        {setup && !enabled ? (
          <SetupSteps
            setup={setup}
            onDone={() => {
              setSetup(undefined);
              setNotice(t('twoFactor.enabled'));
            }}
          />
        ) : (
          <form onSubmit={onPassword} noValidate>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <PasswordInput
                label={t('twoFactor.password')}
                autoComplete="current-password"
                required
                w={{ base: '100%', sm: 280 }}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={passwordError}
              />
              <Button
                type="submit"
                mt={{ base: 0, sm: 25 }}
                color={enabled ? 'red' : undefined}
                variant={enabled ? 'light' : 'filled'}
                disabled={password === ''}
                loading={enable.isPending || disable.isPending}
              >
                {enabled ? t('twoFactor.disable') : t('twoFactor.start')}
              </Button>
            </Group>
          </form>
        )}
        {error && !passwordError && <ApiErrorAlert error={error} />}
      </Stack>
    </Paper>
  );
}
