import { describe, expect, it } from 'vitest';
import { isLicenceCommandKind, LICENCE_COMMAND_KINDS, LICENCE_COMMAND_LABELS } from './licence-command.ts';

describe('licence commands', () => {
  it.each(LICENCE_COMMAND_KINDS)('%s is a command with labels in both languages', (kind) => {
    expect(isLicenceCommandKind(kind)).toBe(true);
    expect(LICENCE_COMMAND_LABELS[kind].en).not.toBe('');
    expect(LICENCE_COMMAND_LABELS[kind].zh).not.toBe('');
  });

  it.each(['approve_by_authority', 'Submit', '', 7, undefined])('%j is not a command', (value) => {
    expect(isLicenceCommandKind(value)).toBe(false);
  });
});
