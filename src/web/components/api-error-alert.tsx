import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api.ts';

/** Shows an API or network error in the UI language, with its field errors and request id. */
export function ApiErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('states.error');
  const fields = isApiError(error) ? error.fieldErrors : [];
  return (
    <Alert color="red" title={t('states.error')} role="alert">
      <Text size="sm">{message}</Text>
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((f) => (
            <List.Item key={`${f.path}-${f.code}`}>
              <code>{f.path}</code>: {f.message}
            </List.Item>
          ))}
        </List>
      )}
      {isApiError(error) && error.requestId && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('states.requestId', { id: error.requestId })}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
