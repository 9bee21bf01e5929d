import type { FieldCipherPort } from '../orders/order-deps.ts';

/**
 * File names. The name an upload had on the applicant's computer is kept (people recognise their
 * files by it) but often names a person ("张三身份证.jpg"), so it is stored as a field envelope bound
 * to its row. Downloads get a name built from the kind and id only: nothing personal in headers, and
 * nothing a browser could misread.
 */

const MAX_NAME_LENGTH = 200;
/** C0 and C1 controls and DEL, and the bidirectional controls that make "gpj.exe" show as "exe.jpg". */
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** The AAD that binds a stored file to its document row. */
export function documentFileAad(documentId: string): string {
  return `document:${documentId}`;
}

export function originalNameAad(documentId: string): string {
  return `documents.original_name:${documentId}`;
}

/** The last path segment without control characters, at most 200 characters; undefined when empty. */
export function cleanOriginalName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const base = name.split(/[/\\]/u).at(-1) ?? '';
  const chars = [...base.normalize('NFC')].filter((char) => !isControl(char));
  const cleaned = chars.join('').trim();
  return cleaned === '' ? undefined : [...cleaned].slice(0, MAX_NAME_LENGTH).join('');
}

export function encryptOriginalName(cipher: FieldCipherPort, documentId: string, name: string): string {
  return cipher.encryptField(name, originalNameAad(documentId));
}

export function decryptOriginalName(cipher: FieldCipherPort, documentId: string, value: string): string {
  return cipher.decryptField(value, originalNameAad(documentId));
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** E.g. `id_card_scans-3f2a9c1e.jpg`: ASCII only, safe in a Content-Disposition header. */
export function buildDownloadFileName(document: { id: string; kind: string; mime: string }): string {
  const extension = EXTENSIONS[document.mime] ?? 'bin';
  return `${document.kind}-${document.id.slice(0, 8)}.${extension}`;
}
