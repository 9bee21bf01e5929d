import { constants, inflateSync } from 'node:zlib';

/**
 * A structural scan of an uploaded PDF, enough to refuse what a reviewer must not open: encrypted
 * files (nothing in them can be checked, and reviewers may not be able to open them) and files with
 * active content (scripts, launch actions, attachments, XFA forms).
 *
 * It is a lexer, not a renderer: it reads every name token outside strings and stream data (so bytes
 * inside images never raise false alarms), decodes `#xx` escapes in names (`/J#53` is `/JS`), and
 * also reads the compressed object streams (PDF 1.5+), where dictionaries can otherwise hide. An
 * object stream it cannot decode makes the file unreadable rather than clean.
 */

export type PdfScan =
  | { kind: 'clean' }
  | { kind: 'encrypted' }
  | { kind: 'active_content'; feature: string }
  | { kind: 'unreadable'; reason: 'no_end_marker' | 'unterminated_stream' | 'undecodable_object_stream' };

/** Name keys that carry or start active content (ISO 32000-1 §12.6.4, §7.11.4, §12.7.8). */
const ACTIVE_CONTENT_NAMES = [
  'JS',
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
];

/** Filters this scanner cannot undo; an object stream encoded with one of them cannot be checked. */
const UNSUPPORTED_FILTERS = new Set([
  'ASCIIHexDecode',
  'ASCII85Decode',
  'LZWDecode',
  'RunLengthDecode',
  'Crypt',
  'AHx',
  'A85',
  'LZW',
  'RL',
]);

/** The only names the scan needs; keeping just these bounds memory on a file full of distinct names. */
const RELEVANT_NAMES = new Set([
  ...ACTIVE_CONTENT_NAMES,
  ...UNSUPPORTED_FILTERS,
  'Encrypt',
  'ObjStm',
  'FlateDecode',
  'Fl',
]);

/** Object streams hold small dictionaries; anything bigger than this is not a real one. */
const MAX_OBJECT_STREAM_BYTES = 16 * 1024 * 1024;
const MAX_TOTAL_INFLATED_BYTES = 64 * 1024 * 1024;

export function scanPdf(content: Buffer): PdfScan {
  if (content.lastIndexOf('%%EOF') === -1) return { kind: 'unreadable', reason: 'no_end_marker' };
  const top = lexPdf(content);
  if (!top.ok) return { kind: 'unreadable', reason: 'unterminated_stream' };
  if (top.names.has('Encrypt')) return { kind: 'encrypted' };

  const names = new Set(top.names);
  let inflatedBytes = 0;
  for (const stream of top.objectStreams) {
    const decoded = decodeObjectStream(stream, MAX_TOTAL_INFLATED_BYTES - inflatedBytes);
    if (decoded === undefined) return { kind: 'unreadable', reason: 'undecodable_object_stream' };
    inflatedBytes += decoded.length;
    const inner = lexPdf(decoded);
    if (!inner.ok) return { kind: 'unreadable', reason: 'undecodable_object_stream' };
    for (const name of inner.names) names.add(name);
  }
  if (names.has('Encrypt')) return { kind: 'encrypted' };
  const feature = ACTIVE_CONTENT_NAMES.find((name) => names.has(name));
  return feature === undefined ? { kind: 'clean' } : { kind: 'active_content', feature };
}

interface ObjectStream {
  /** The relevant names of the stream's own object (its dictionary), e.g. ObjStm, FlateDecode. */
  dictionaryNames: Set<string>;
  body: Buffer;
}

type LexResult = { ok: true; names: Set<string>; objectStreams: ObjectStream[] } | { ok: false };

const Byte = {
  Percent: 0x25,
  OpenParen: 0x28,
  CloseParen: 0x29,
  Slash: 0x2f,
  Less: 0x3c,
  Greater: 0x3e,
  Backslash: 0x5c,
  LineFeed: 0x0a,
  CarriageReturn: 0x0d,
} as const;

function isWhitespace(byte: number): boolean {
  return byte === 0x00 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}

/** ( ) < > [ ] { } / % — ISO 32000-1 §7.2.2. */
function isDelimiter(byte: number): boolean {
  return (
    byte === 0x28 ||
    byte === 0x29 ||
    byte === 0x3c ||
    byte === 0x3e ||
    byte === 0x5b ||
    byte === 0x5d ||
    byte === 0x7b ||
    byte === 0x7d ||
    byte === 0x2f ||
    byte === 0x25
  );
}

function isRegular(byte: number): boolean {
  return !isWhitespace(byte) && !isDelimiter(byte);
}

function lexPdf(data: Buffer): LexResult {
  const names = new Set<string>();
  const objectStreams: ObjectStream[] = [];
  let objectNames = new Set<string>();
  let directLength: number | undefined;
  let at = 0;
  while (at < data.length) {
    const byte = data[at] as number;
    if (isWhitespace(byte)) {
      at += 1;
    } else if (byte === Byte.Percent) {
      at = skipComment(data, at);
    } else if (byte === Byte.OpenParen) {
      at = skipLiteralString(data, at);
    } else if (byte === Byte.Less && data[at + 1] === Byte.Less) {
      at += 2;
    } else if (byte === Byte.Less) {
      const end = data.indexOf(Byte.Greater, at + 1);
      at = end === -1 ? data.length : end + 1;
    } else if (byte === Byte.Slash) {
      const end = findTokenEnd(data, at + 1);
      const name = decodeName(data.subarray(at + 1, end));
      if (RELEVANT_NAMES.has(name)) {
        names.add(name);
        objectNames.add(name);
      } else if (name === 'Length') {
        directLength = readDirectInteger(data, end);
      }
      at = end;
    } else if (isDelimiter(byte)) {
      at += 1;
    } else {
      const end = findTokenEnd(data, at);
      const token = data.toString('latin1', at, end);
      at = end;
      if (token === 'obj') {
        objectNames = new Set();
        directLength = undefined;
      } else if (token === 'stream') {
        const stream = locateStreamBody(data, at, directLength);
        if (stream === undefined) return { ok: false };
        if (objectNames.has('ObjStm')) {
          objectStreams.push({ dictionaryNames: objectNames, body: data.subarray(stream.start, stream.end) });
        }
        at = stream.resumeAt;
      }
    }
  }
  return { ok: true, names, objectStreams };
}

function skipComment(data: Buffer, at: number): number {
  let next = at;
  while (next < data.length && data[next] !== Byte.LineFeed && data[next] !== Byte.CarriageReturn) next += 1;
  return next;
}

/** Literal strings nest balanced parentheses and escape with a backslash (§7.3.4.2). */
function skipLiteralString(data: Buffer, at: number): number {
  let depth = 0;
  let next = at;
  while (next < data.length) {
    const byte = data[next];
    if (byte === Byte.Backslash) {
      next += 2;
      continue;
    }
    if (byte === Byte.OpenParen) depth += 1;
    else if (byte === Byte.CloseParen) {
      depth -= 1;
      if (depth === 0) return next + 1;
    }
    next += 1;
  }
  return next;
}

function findTokenEnd(data: Buffer, at: number): number {
  let next = at;
  while (next < data.length && isRegular(data[next] as number)) next += 1;
  return next;
}

function decodeName(raw: Buffer): string {
  const text = raw.toString('latin1');
  if (!text.includes('#')) return text;
  return text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** `/Length 1234` (direct) yields 1234; `/Length 12 0 R` (an indirect reference) yields undefined. */
function readDirectInteger(data: Buffer, at: number): number | undefined {
  const match = /^\s*(\d{1,12})(\s+\d+\s+R)?/.exec(data.toString('latin1', at, at + 40));
  if (!match || match[2] !== undefined) return undefined;
  return Number(match[1]);
}

/**
 * The stream data starts after the EOL that follows `stream` and ends where the direct /Length says,
 * when `endstream` really stands there; otherwise (indirect or wrong length) at the next `endstream`.
 */
function locateStreamBody(
  data: Buffer,
  afterKeyword: number,
  directLength: number | undefined,
): { start: number; end: number; resumeAt: number } | undefined {
  let start = afterKeyword;
  if (data[start] === Byte.CarriageReturn) start += 1;
  if (data[start] === Byte.LineFeed) start += 1;
  if (directLength !== undefined) {
    const end = start + directLength;
    const marker = data.indexOf('endstream', end);
    if (marker !== -1 && data.subarray(end, marker).every(isWhitespace)) {
      return { start, end, resumeAt: marker + 'endstream'.length };
    }
  }
  const marker = data.indexOf('endstream', start);
  if (marker === -1) return undefined;
  let end = marker;
  if (data[end - 1] === Byte.LineFeed) end -= 1;
  if (data[end - 1] === Byte.CarriageReturn) end -= 1;
  return { start, end: Math.max(start, end), resumeAt: marker + 'endstream'.length };
}

function decodeObjectStream(stream: ObjectStream, budget: number): Buffer | undefined {
  for (const name of stream.dictionaryNames) if (UNSUPPORTED_FILTERS.has(name)) return undefined;
  const isFlate = stream.dictionaryNames.has('FlateDecode') || stream.dictionaryNames.has('Fl');
  if (!isFlate) return stream.body;
  try {
    return inflateSync(stream.body, {
      maxOutputLength: Math.max(1, Math.min(MAX_OBJECT_STREAM_BYTES, budget)),
      finishFlush: constants.Z_SYNC_FLUSH,
    });
  } catch {
    return undefined;
  }
}
