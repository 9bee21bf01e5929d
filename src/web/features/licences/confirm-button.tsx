import { Button, type ButtonProps, Group, Modal, Stack } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';

/**
 * A button that asks first: the dialog says what the step does and runs it on confirmation, with
 * the API's error shown where it was confirmed. `onConfirm` resolves once the step is done.
 */
export function ConfirmButton({
  label,
  title,
  confirmLabel,
  children,
  onConfirm,
  error,
  busy,
  color,
  variant,
  disabled,
  canConfirm = true,
  onOpen,
}: {
  label: string;
  title: string;
  confirmLabel?: string;
  children: ReactNode;
  onConfirm: () => Promise<unknown>;
  error: unknown;
  busy: boolean;
  color?: ButtonProps['color'];
  variant?: ButtonProps['variant'];
  disabled?: boolean;
  canConfirm?: boolean;
  onOpen?: () => void;
}) {
  const { t } = useTranslation('licences');
  const [opened, setOpened] = useState(false);
  const close = () => {
    if (!busy) setOpened(false);
  };
  return (
    <>
      <Button
        color={color}
        variant={variant}
        disabled={disabled || busy}
        onClick={() => {
          onOpen?.();
          setOpened(true);
        }}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          {children}
          <ApiErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color={color}
              loading={busy}
              disabled={!canConfirm}
              onClick={async () => {
                try {
                  await onConfirm();
                  setOpened(false);
                } catch {
                  // Shown in the dialog.
                }
              }}
            >
              {confirmLabel ?? label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
