import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { type Order, useWithdrawOrder } from './api.ts';

/** Withdraw, after a confirmation: it cannot be undone. */
export function WithdrawButton({ order }: { order: Order }) {
  const { t } = useTranslation('order');
  const [opened, { open, close }] = useDisclosure(false);
  const withdraw = useWithdrawOrder(order.reference);
  return (
    <>
      <Button variant="default" color="red" onClick={open}>
        {t('actions.withdraw')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('actions.withdrawTitle', { reference: order.reference })}
        centered
      >
        <Stack>
          <Text size="sm">{t('actions.withdrawBody')}</Text>
          {withdraw.error && <ApiErrorAlert error={withdraw.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={async () => {
                try {
                  await withdraw.mutateAsync();
                  close();
                  notify({ color: 'gray', message: t('actions.withdrawn') });
                } catch {
                  // Shown in the dialog.
                }
              }}
            >
              {t('actions.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
