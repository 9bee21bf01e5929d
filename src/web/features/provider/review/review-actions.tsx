import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import {
  type CommandResult,
  type OrderCommandPath,
  type OrderView,
  type useOrderCommand,
  useReturnReasonTemplates,
} from '../api.ts';
import {
  isReasonComplete,
  newReasonDraft,
  type ReasonDraft,
  ReasonsEditor,
  toReasonInputs,
} from './reasons-editor.tsx';

/**
 * The buttons of a review: each runs one workflow command, is disabled while it runs, asks first
 * where the step cannot be undone, and shows the API's error where it was clicked. The order shown
 * is refreshed from the command's answer.
 */

export type CommandRunner = ReturnType<typeof useOrderCommand>;

/** A command without input, run after the reviewer confirms it in a dialog. */
export function ConfirmCommand({
  command,
  path,
  body,
  label,
  title,
  children,
  confirmLabel,
  onDone,
  color,
  variant,
  testId,
}: {
  command: CommandRunner;
  path: OrderCommandPath;
  body?: unknown;
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  onDone?: (result: CommandResult) => void;
  color?: ButtonProps['color'];
  variant?: ButtonProps['variant'];
  testId?: string;
}) {
  const { t } = useTranslation('provider');
  const [opened, setOpened] = useState(false);
  const close = () => {
    if (!command.isPending) {
      setOpened(false);
      command.reset();
    }
  };
  return (
    <>
      <Button
        color={color}
        variant={variant}
        onClick={() => {
          command.reset();
          setOpened(true);
        }}
        disabled={command.isPending}
        data-testid={testId}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          {children}
          <ApiErrorAlert error={command.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={command.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color={color}
              loading={command.isPending}
              onClick={() =>
                command.mutate(
                  { path, body },
                  {
                    onSuccess: (result) => {
                      setOpened(false);
                      onDone?.(result);
                    },
                  },
                )
              }
            >
              {confirmLabel ?? label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A command that needs no confirmation (taking the order into review). */
export function DirectCommand({
  command,
  path,
  label,
  onDone,
}: {
  command: CommandRunner;
  path: OrderCommandPath;
  label: string;
  onDone?: (result: CommandResult) => void;
}) {
  return (
    <Button
      loading={command.isPending && command.variables?.path === path}
      disabled={command.isPending}
      onClick={() => {
        command.reset();
        command.mutate({ path }, { onSuccess: (result) => onDone?.(result) });
      }}
    >
      {label}
    </Button>
  );
}

/** A return, rejection or failed identity check: a dialog to write structured reasons. */
export function ReasonsCommand({
  order,
  command,
  path,
  label,
  title,
  intro,
  submitLabel,
  fallbackCode,
  buildBody,
  initial,
  onDone,
  color,
}: {
  order: OrderView;
  command: CommandRunner;
  path: OrderCommandPath;
  label: string;
  title: string;
  intro: string;
  submitLabel: string;
  /** The reason code for a reason written without a template. */
  fallbackCode: string;
  buildBody: (reasons: ReturnType<typeof toReasonInputs>) => unknown;
  initial?: () => ReasonDraft[];
  onDone?: (result: CommandResult) => void;
  color?: ButtonProps['color'];
}) {
  const { t } = useTranslation('provider');
  const templates = useReturnReasonTemplates();
  const [opened, setOpened] = useState(false);
  const [drafts, setDrafts] = useState<ReasonDraft[]>([]);
  const [tried, setTried] = useState(false);
  const open = () => {
    command.reset();
    setTried(false);
    setDrafts(initial?.() ?? [newReasonDraft()]);
    setOpened(true);
  };
  const close = () => {
    if (!command.isPending) {
      setOpened(false);
      command.reset();
    }
  };
  const submit = () => {
    setTried(true);
    if (!drafts.every(isReasonComplete)) return;
    const reasons = toReasonInputs(drafts, templates.data?.items ?? [], fallbackCode);
    command.mutate(
      { path, body: buildBody(reasons) },
      {
        onSuccess: (result) => {
          setOpened(false);
          onDone?.(result);
        },
      },
    );
  };
  const fieldErrors = isApiError(command.error) ? command.error.fieldErrors : [];
  // Errors on the reasons show next to them; anything else in the alert.
  const inline = fieldErrors.length > 0 && fieldErrors.every((e) => e.path.startsWith('reasons'));
  return (
    <>
      <Button
        color={color}
        variant={color ? 'filled' : 'default'}
        onClick={open}
        disabled={command.isPending}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} size="lg" centered>
        <Stack>
          <Text size="sm">{intro}</Text>
          <ReasonsEditor
            value={drafts}
            onChange={setDrafts}
            content={order.content}
            errors={fieldErrors}
            showIncomplete={tried}
          />
          <ApiErrorAlert error={inline ? undefined : command.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={command.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button color={color} loading={command.isPending} onClick={submit}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
