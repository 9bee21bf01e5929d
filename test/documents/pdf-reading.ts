import { inflateSync } from 'node:zlib';

/**
 * Just enough PDF reading to test what our own renderer (pdfkit) writes: streams with a direct
 * /Length, FlateDecode, one ToUnicode CMap per font. No poppler needed, so tests stay self-contained.
 */

export interface PdfStream {
  dictionary: string;
  /** Decompressed when the stream is FlateDecode. */
  data: Buffer;
}

export function readStreams(pdf: Buffer): PdfStream[] {
  const text = pdf.toString('latin1');
  const streams: PdfStream[] = [];
  const pattern = /\d+ \d+ obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const dictionary = match[1] ?? '';
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dictionary);
    if (!length) throw new Error('stream without a direct /Length');
    const start = match.index + match[0].length;
    const raw = pdf.subarray(start, start + Number(length[1]));
    streams.push({ dictionary, data: dictionary.includes('/FlateDecode') ? inflateSync(raw) : raw });
    pattern.lastIndex = start + raw.length;
  }
  return streams;
}

export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** Glyph code (4 hex digits, as pdfkit's Identity-H encoding writes them) → the text it stands for. */
export function readToUnicodeMap(pdf: Buffer): Map<string, string> {
  const map = new Map<string, string>();
  for (const stream of readStreams(pdf)) {
    const cmap = stream.data.toString('latin1');
    if (!cmap.includes('begincmap')) continue;
    const ranges = /<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/g;
    for (let range = ranges.exec(cmap); range !== null; range = ranges.exec(cmap)) {
      let code = Number.parseInt(range[1] ?? '0', 16);
      for (const entry of (range[3] ?? '').matchAll(/<([0-9a-f ]+)>/g)) {
        map.set(code.toString(16).padStart(4, '0'), decodeUtf16Be((entry[1] ?? '').replaceAll(' ', '')));
        code += 1;
      }
    }
  }
  return map;
}

/**
 * The text of each page (pdfkit writes one content stream per page), in drawing order, decoded through
 * the ToUnicode map; each text object (one `text()` call in pdfkit) on its own line.
 */
export function extractPageTexts(pdf: Buffer): string[] {
  const unicode = readToUnicodeMap(pdf);
  const pages: string[] = [];
  for (const stream of readStreams(pdf)) {
    const content = stream.data.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    const lines: string[] = [];
    for (const block of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let line = '';
      for (const hex of (block[1] ?? '').matchAll(/<([0-9a-f]+)>/g)) {
        const codes = hex[1] ?? '';
        for (let at = 0; at < codes.length; at += 4) line += unicode.get(codes.slice(at, at + 4)) ?? '\ufffd';
      }
      lines.push(line);
    }
    pages.push(lines.join('\n'));
  }
  return pages;
}

export function extractText(pdf: Buffer): string {
  return extractPageTexts(pdf).join('\n');
}

function decodeUtf16Be(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  bytes.swap16();
  return bytes.toString('utf16le');
}
