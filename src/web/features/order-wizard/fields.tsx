import {
  Checkbox,
  type CheckboxProps,
  Select,
  type SelectProps,
  Stack,
  Text,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readableTextColor } from '../../app/theme.ts';
import type { ValidatorKind } from './api.ts';
import { fieldId, getAt, parsePath } from './content-paths.ts';
import type { SchemaIssue } from './schemas.ts';
import { type FieldState, useWizard } from './wizard-state.tsx';

/**
 * Inputs bound to a field path of the content: value, change, the field's findings under it (error,
 * validator warning, the reviewer's return reason), the locked state of detected values, and an id
 * the final check's links focus.
 */

export function useSchemaMessage() {
  const { t } = useTranslation('order-wizard');
  return (issue: SchemaIssue | undefined): string | undefined => {
    if (!issue) return undefined;
    if (issue.kind === 'missing') return t('errors.missing');
    if (issue.kind === 'tooLong') return t('errors.tooLong', { max: issue.max ?? '' });
    return t('errors.invalid');
  };
}

function FieldNotes({ state, hint, locked }: { state: FieldState; hint?: ReactNode; locked: boolean }) {
  const { t } = useTranslation('order-wizard');
  if (!hint && !state.warning && !state.reason && !locked) return null;
  return (
    <Stack gap={2} component="span">
      {state.reason && (
        <Text component="span" size="xs" c="red.9" fw={600} data-testid="return-reason">
          {t('returned.fieldNote', { reason: state.reason })}
        </Text>
      )}
      {hint && (
        <Text component="span" size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {state.warning && (
        <Text component="span" size="xs" c={readableTextColor('yellow')}>
          {state.warning}
        </Text>
      )}
      {locked && (
        <Text component="span" size="xs" c="dimmed">
          {t('fields.lockedNote')}
        </Text>
      )}
    </Stack>
  );
}

const returnedStyles = {
  input: { borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 },
} as const;

interface BoundProps {
  path: string;
  hint?: ReactNode;
}

function useBound(path: string) {
  const wizard = useWizard();
  const schemaMessage = useSchemaMessage();
  const state = wizard.fieldState(path);
  const error = state.error ?? schemaMessage(state.schemaIssue);
  return { wizard, state, error, locked: wizard.isLocked(path) };
}

export function TextField({
  path,
  hint,
  validator,
  validatorBody,
  ...props
}: BoundProps &
  Omit<TextInputProps, 'value' | 'onChange' | 'error' | 'description'> & {
    validator?: ValidatorKind | undefined;
    /** Extra fields for the validator (nature, province, domain of a site name). */
    validatorBody?: Record<string, string | undefined>;
  }) {
  const { wizard, state, error, locked } = useBound(path);
  const value = getAt(wizard.content, parsePath(path));
  return (
    <TextInput
      id={fieldId(path)}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => wizard.setField(path, event.currentTarget.value)}
      onBlur={(event) => {
        if (!validator) return;
        const extra = Object.fromEntries(
          Object.entries(validatorBody ?? {}).filter((entry): entry is [string, string] => !!entry[1]),
        );
        wizard.validateOnBlur(path, validator, { ...extra, value: event.currentTarget.value });
      }}
      error={error}
      description={<FieldNotes state={state} hint={hint} locked={locked} />}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      readOnly={locked || props.readOnly}
      data-returned={state.reason ? 'true' : undefined}
      styles={state.reason ? returnedStyles : undefined}
      {...props}
    />
  );
}

export function SelectField({
  path,
  hint,
  onValue,
  ...props
}: BoundProps &
  Omit<SelectProps, 'value' | 'onChange' | 'error' | 'description'> & {
    /** Replaces the plain write (to reset dependent fields). */
    onValue?: (value: string | null) => void;
  }) {
  const { wizard, state, error, locked } = useBound(path);
  const value = getAt(wizard.content, parsePath(path));
  return (
    <Select
      id={fieldId(path)}
      value={typeof value === 'string' && value !== '' ? value : null}
      onChange={(next) => (onValue ? onValue(next) : wizard.setField(path, next ?? undefined))}
      error={error}
      description={<FieldNotes state={state} hint={hint} locked={locked} />}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      readOnly={locked}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-returned={state.reason ? 'true' : undefined}
      styles={state.reason ? returnedStyles : undefined}
      {...props}
    />
  );
}

export function CheckboxField({
  path,
  hint,
  onValue,
  ...props
}: BoundProps &
  Omit<CheckboxProps, 'checked' | 'onChange' | 'error' | 'description'> & {
    onValue?: (checked: boolean) => void;
  }) {
  const { wizard, state, error, locked } = useBound(path);
  const value = getAt(wizard.content, parsePath(path));
  return (
    <Checkbox
      id={fieldId(path)}
      checked={value === true}
      onChange={(event) =>
        onValue ? onValue(event.currentTarget.checked) : wizard.setField(path, event.currentTarget.checked)
      }
      error={error}
      description={<FieldNotes state={state} hint={hint} locked={locked} />}
      disabled={locked}
      {...props}
    />
  );
}
