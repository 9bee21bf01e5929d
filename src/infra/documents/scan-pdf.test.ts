import { randomBytes } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { makeObjectStream, makePdf, makeStreamObject } from '../../../test/documents/fixtures.ts';
import { scanPdf } from './scan-pdf.ts';

async function renderWithPdfkit(): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date('2026-01-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.text('Hello /JS (not a name) /JavaScript');
  doc.image(await makeNoisePng(), 10, 10, { width: 100 });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function makeNoisePng(): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(randomBytes(64 * 64 * 3), { raw: { width: 64, height: 64, channels: 3 } })
    .png()
    .toBuffer();
}

describe('scanPdf', () => {
  it('passes a minimal PDF and one written by pdfkit', async () => {
    expect(scanPdf(makePdf())).toEqual({ kind: 'clean' });
    expect(scanPdf(await renderWithPdfkit())).toEqual({ kind: 'clean' });
  });

  it.each([
    ['an OpenAction script', { catalogExtra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' }, 'JS'],
    [
      'a name written with #xx escapes',
      { catalogExtra: '/OpenAction << /S /J#61vaScript /J#53 5 0 R >>' },
      'JS',
    ],
    ['a JavaScript name tree', { catalogExtra: '/Names << /JavaScript 4 0 R >>' }, 'JavaScript'],
    ['a launch action', { catalogExtra: '/OpenAction << /S /Launch /F (calc.exe) >>' }, 'Launch'],
    ['an attachment', { catalogExtra: '/Names << /EmbeddedFiles 4 0 R >>' }, 'EmbeddedFiles'],
    ['an XFA form', { catalogExtra: '/AcroForm << /XFA 4 0 R >>' }, 'XFA'],
    [
      'a script after a string reading "stream"',
      { catalogExtra: '/T (x\nstream\n) /AA << /JS (x) >>' },
      'JS',
    ],
  ])('finds %s', (_, options, feature) => {
    expect(scanPdf(makePdf(options))).toEqual({ kind: 'active_content', feature });
  });

  it('finds a script hidden in a compressed object stream', () => {
    const pdf = makePdf({
      catalogExtra: '/OpenAction 5 0 R',
      objects: [makeObjectStream(['<< /S /JavaScript /JS (app.alert(1)) >>'], 5)],
    });
    expect(scanPdf(pdf)).toEqual({ kind: 'active_content', feature: 'JS' });
    const clean = makePdf({ objects: [makeObjectStream(['<< /Type /Font /Subtype /Type1 >>'], 5)] });
    expect(scanPdf(clean)).toEqual({ kind: 'clean' });
  });

  it('reads no names inside strings, comments or stream data', () => {
    const data = Buffer.concat([
      Buffer.from('junk /JS /JavaScript ('),
      randomBytes(256),
      Buffer.from(' /Launch '),
    ]);
    const pdf = makePdf({
      catalogExtra: '/Title (a string with /JS and \\) nested (/Launch) parens) % a comment /JavaScript\n',
      objects: [makeStreamObject('/Subtype /Image', data)],
    });
    expect(scanPdf(pdf)).toEqual({ kind: 'clean' });
  });

  it('finds stream data by scanning when the length is indirect', () => {
    const data = Buffer.from('BT /JS Tf ET');
    const body = Buffer.concat([
      Buffer.from('<< /Length 9 0 R >>\nstream\n'),
      data,
      Buffer.from('\nendstream'),
    ]);
    expect(scanPdf(makePdf({ objects: [body] }))).toEqual({ kind: 'clean' });
  });

  it('recognises an encrypted PDF', () => {
    const pdf = makePdf({
      objects: ['<< /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >>'],
      trailerExtra: '/Encrypt 4 0 R /ID [<00> <00>]',
    });
    expect(scanPdf(pdf)).toEqual({ kind: 'encrypted' });
  });

  it('calls unreadable what it cannot check', () => {
    expect(scanPdf(Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n'))).toEqual({
      kind: 'unreadable',
      reason: 'no_end_marker',
    });
    const hexObjectStream = makePdf({ objects: [makeObjectStream(['<< /JS (x) >>'], 5, 'ASCIIHexDecode')] });
    expect(scanPdf(hexObjectStream)).toEqual({ kind: 'unreadable', reason: 'undecodable_object_stream' });
    const brokenFlate = makePdf({
      objects: [
        makeStreamObject('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', Buffer.from('not zlib')),
      ],
    });
    expect(scanPdf(brokenFlate)).toEqual({ kind: 'unreadable', reason: 'undecodable_object_stream' });
    const unterminated = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Length 5 >>\nstream\nabcde\n%%EOF');
    expect(scanPdf(unterminated)).toEqual({ kind: 'unreadable', reason: 'unterminated_stream' });
  });
});
