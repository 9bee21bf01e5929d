/**
 * DNS syntax of an ASCII (punycode) host name: labels of 1-63 letters, digits and hyphens, not
 * starting or ending with a hyphen, 253 characters in all (RFC 1035, RFC 5890).
 */
export type HostnameProblem =
  | { kind: 'empty_label' }
  | { kind: 'label_too_long'; label: string }
  | { kind: 'label_hyphen'; label: string }
  | { kind: 'invalid_characters'; label: string }
  | { kind: 'too_long'; length: number };

export function findHostnameProblems(ascii: string): HostnameProblem[] {
  const problems: HostnameProblem[] = [];
  if (ascii.length > 253) problems.push({ kind: 'too_long', length: ascii.length });
  for (const label of ascii.split('.')) {
    if (label === '') {
      if (!problems.some((p) => p.kind === 'empty_label')) problems.push({ kind: 'empty_label' });
      continue;
    }
    if (label.length > 63) problems.push({ kind: 'label_too_long', label });
    if (!/^[a-z0-9-]+$/.test(label)) problems.push({ kind: 'invalid_characters', label });
    else if (label.startsWith('-') || label.endsWith('-')) problems.push({ kind: 'label_hyphen', label });
  }
  return problems;
}
