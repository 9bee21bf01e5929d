import { createHash } from 'node:crypto';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  makeJpegWithGps,
  makeObjectStream,
  makePdf,
  makePngWithGps,
} from '../../../test/documents/fixtures.ts';
import { type InspectUploadOptions, inspectUpload } from './inspect-upload.ts';

const options: InspectUploadOptions = { maxBytes: 5 * 1024 * 1024, allowedKinds: ['jpeg', 'png', 'pdf'] };

async function expectRejected(content: Buffer, code: string, overrides: Partial<InspectUploadOptions> = {}) {
  const result = await inspectUpload(content, { ...options, ...overrides });
  if (result.ok) throw new Error(`expected ${code}, got ${result.value.kind}`);
  expect(result.error.code).toBe(code);
  expect(result.error.message.en).not.toBe('');
  expect(result.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  return result.error;
}

describe('inspectUpload: images', () => {
  it('re-encodes a JPEG without its EXIF and GPS data, with the orientation applied', async () => {
    const original = await makeJpegWithGps();
    const originalMetadata = await sharp(original).metadata();
    expect(originalMetadata.orientation).toBe(6);
    expect(original.includes(Buffer.from('FixturePhoneCo'))).toBe(true);
    // Tag 0x8825 (GPSInfo) in the little-endian EXIF block.
    expect(originalMetadata.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const result = await inspectUpload(original, options);
    if (!result.ok) throw new Error(result.error.code);
    const { value } = result;
    expect(value.kind).toBe('jpeg');
    expect(value.mime).toBe('image/jpeg');
    expect(value.size).toBe(value.content.length);
    expect(value.sha256).toBe(createHash('sha256').update(value.content).digest('hex'));

    const metadata = await sharp(value.content).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([80, 120]);
    expect(value.content.includes(Buffer.from('FixturePhoneCo'))).toBe(false);
    expect(value.content.includes(Buffer.from('Exif\0\0'))).toBe(false);
  });

  it('re-encodes a PNG without its EXIF data and keeps its transparency', async () => {
    const original = await makePngWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const result = await inspectUpload(original, options);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.kind).toBe('png');
    const metadata = await sharp(result.value.content).metadata();
    expect(metadata.format).toBe('png');
    expect(metadata.exif).toBeUndefined();
    expect(metadata.hasAlpha).toBe(true);
    expect(result.value.content.includes(Buffer.from('eXIf'))).toBe(false);
  });

  it('rejects a truncated JPEG and a PNG with a damaged body', async () => {
    const jpeg = await makeJpegWithGps();
    await expectRejected(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'corrupt_image');
    const png = await makePngWithGps();
    await expectRejected(png.subarray(0, png.length - 20), 'corrupt_image');
  });

  it('rejects an image with more pixels than allowed', async () => {
    const error = await expectRejected(await makePngWithGps(), 'file_too_large', { maxPixels: 1000 });
    expect(error.params).toMatchObject({ width: 40, height: 30, maxPixels: 1000 });
  });
});

describe('inspectUpload: PDFs', () => {
  it('accepts a plain PDF unchanged', async () => {
    const pdf = makePdf();
    const result = await inspectUpload(pdf, options);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({ kind: 'pdf', mime: 'application/pdf', size: pdf.length });
    expect(result.value.content.equals(pdf)).toBe(true);
  });

  it('rejects encrypted PDFs and PDFs with scripts, including hidden ones', async () => {
    await expectRejected(makePdf({ trailerExtra: '/Encrypt << /Filter /Standard >>' }), 'pdf_encrypted');
    const error = await expectRejected(
      makePdf({ catalogExtra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' }),
      'pdf_active_content',
    );
    expect(error.params).toEqual({ feature: 'JS' });
    await expectRejected(
      makePdf({ objects: [makeObjectStream(['<< /S /JavaScript /JS (x) >>'], 4)] }),
      'pdf_active_content',
    );
    await expectRejected(Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n'), 'pdf_unreadable');
  });
});

describe('inspectUpload: intake rules', () => {
  it('rejects an empty file and one over the size limit', async () => {
    await expectRejected(Buffer.alloc(0), 'file_empty');
    const error = await expectRejected(makePdf(), 'file_too_large', { maxBytes: 100 });
    expect(error.params).toMatchObject({ maxBytes: 100 });
  });

  it('judges by content: a text file called .jpg, a GIF and a WebP are rejected', async () => {
    // The declared name and type never reach inspectUpload: "scan.jpg" is just these bytes.
    const text = await expectRejected(
      Buffer.from('This is a text file renamed to scan.jpg\n'),
      'unsupported_file_type',
    );
    expect(text.params.detected).toBe('unknown');
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    expect((await expectRejected(gif, 'unsupported_file_type')).params.detected).toBe('image/gif');
    const webp = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .webp()
      .toBuffer();
    expect((await expectRejected(webp, 'unsupported_file_type')).params.detected).toBe('image/webp');
  });

  it('accepts only the kinds the caller allows', async () => {
    const error = await expectRejected(makePdf(), 'unsupported_file_type', { allowedKinds: ['jpeg', 'png'] });
    expect(error.params).toEqual({ detected: 'application/pdf', allowed: 'jpeg,png' });
    expect(error.message.en).toContain('JPEG, PNG');
  });
});

describe('inspectUpload: arbitrary input', () => {
  const magic = fc.constantFrom(
    Buffer.alloc(0),
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('%PDF-1.7\n'),
  );

  it('never throws, and accepts or rejects with a known code', async () => {
    const codes = [
      'file_empty',
      'unsupported_file_type',
      'corrupt_image',
      'pdf_unreadable',
      'pdf_active_content',
    ];
    await fc.assert(
      fc.asyncProperty(magic, fc.uint8Array({ maxLength: 512 }), async (prefix, body) => {
        const result = await inspectUpload(Buffer.concat([prefix, Buffer.from(body)]), options);
        if (!result.ok) expect(codes).toContain(result.error.code);
      }),
      { numRuns: 60 },
    );
  });
});
