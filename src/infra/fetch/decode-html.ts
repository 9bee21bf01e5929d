import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'header' | 'meta' | 'sniffed' | 'default';

export interface DecodedHtml {
  html: string;
  /** The encoding used, lower case: 'utf-8', 'gbk', 'gb18030', 'big5', … */
  charset: string;
  source: CharsetSource;
}

/** How far into the page a `<meta charset>` is looked for (the HTML standard's prescan reads 1024). */
const META_SCAN_BYTES = 4096;

/*
 * Labels of the GBK family. GB18030 is a superset of GBK and GB2312, so all of them decode as GB18030:
 * pages labelled gb2312 routinely contain GBK-only characters (names, 镕, 喆), and decoding them with
 * the narrow table would turn those into replacement characters.
 */
const GBK_LABELS: ReadonlySet<string> = new Set([
  'gbk',
  'gb2312',
  'gb_2312',
  'gb_2312-80',
  'x-gbk',
  'cp936',
  'windows-936',
  'ms936',
  'euc-cn',
  'chinese',
  'csgb2312',
  'csiso58gb231280',
  'iso-ir-58',
]);

const UTF8_LABELS: ReadonlySet<string> = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8']);

/** The HTML standard decodes these labels as windows-1252, a superset browsers have always used. */
const LATIN1_LABELS: ReadonlySet<string> = new Set(['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'l1']);

/**
 * Decodes a fetched page to text. Order as in browsers: byte-order mark, the Content-Type header's
 * charset, a `<meta>` charset near the top, then a guess: valid UTF-8, otherwise GB18030, because
 * unlabelled pages that are not UTF-8 are, for the sites this platform checks, almost always GBK.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  const bom = detectBom(buffer);
  if (bom)
    return {
      html: decodeWith(bom.charset, buffer.subarray(bom.length)),
      charset: bom.charset,
      source: 'bom',
    };

  const fromHeader = contentType === undefined ? undefined : resolveLabel(charsetParameter(contentType));
  if (fromHeader) return { html: decodeWith(fromHeader, buffer), charset: fromHeader, source: 'header' };

  const fromMeta = findMetaCharset(buffer);
  if (fromMeta) return { html: decodeWith(fromMeta, buffer), charset: fromMeta, source: 'meta' };

  if (buffer.length === 0) return { html: '', charset: 'utf-8', source: 'default' };
  try {
    const html = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return { html, charset: 'utf-8', source: 'sniffed' };
  } catch {
    return { html: decodeWith('gb18030', buffer), charset: 'gb18030', source: 'sniffed' };
  }
}

function detectBom(buffer: Buffer): { charset: string; length: number } | undefined {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

function charsetParameter(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*["']?([^;"'\s]+)/i.exec(contentType)?.[1];
}

/**
 * Maps a label to the charset we decode with and report, or undefined for a label we cannot decode
 * (so the next step of the order decides).
 */
function resolveLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const name = label.trim().toLowerCase();
  if (name === '') return undefined;
  if (UTF8_LABELS.has(name)) return 'utf-8';
  if (GBK_LABELS.has(name)) return 'gbk';
  if (name === 'gb18030') return 'gb18030';
  if (LATIN1_LABELS.has(name)) return 'windows-1252';
  return iconv.encodingExists(name) ? name : undefined;
}

function decodeWith(charset: string, buffer: Buffer): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(buffer);
  return iconv.decode(buffer, charset === 'gbk' ? 'gb18030' : charset);
}

function findMetaCharset(buffer: Buffer): string | undefined {
  // Latin-1 maps each byte to one character, so ASCII markup reads the same whatever the encoding.
  const head = buffer
    .subarray(0, META_SCAN_BYTES)
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = parseAttributes(tag);
    let label = attributes.get('charset');
    if (label === undefined && attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
      label = charsetParameter(`;${attributes.get('content') ?? ''}`);
    }
    const charset = resolveLabel(label);
    if (charset === undefined) continue;
    // A page whose meta tag could be read as ASCII is not UTF-16, whatever the tag says (HTML standard,
    // "prescan a byte stream").
    return charset.startsWith('utf-16') ? 'utf-8' : charset;
  }
  return undefined;
}

function parseAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([a-z][a-z0-9_:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    const name = match[1]?.toLowerCase();
    if (name !== undefined && !attributes.has(name))
      attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}
