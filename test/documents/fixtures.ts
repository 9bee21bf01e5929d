import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Real files for the document tests, made on the fly so the repository ships no binary fixtures.
 */

/** EXIF with a GPS position (Tiananmen Square), a device make and orientation 6 (rotate 90° clockwise). */
export const gpsExif = {
  IFD0: { Make: 'FixturePhoneCo', Model: 'Model-GPS-7', Orientation: '6' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '39/1 54/1 2700/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '116/1 23/1 3000/100',
  },
};

/** A 120×80 noisy JPEG (noise keeps it from compressing to nothing) carrying `gpsExif`, orientation 6. */
export async function makeJpegWithGps(): Promise<Buffer> {
  const pixels = randomBytes(120 * 80 * 3);
  return sharp(pixels, { raw: { width: 120, height: 80, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif(gpsExif)
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export async function makePngWithGps(): Promise<Buffer> {
  return sharp({
    create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 128, b: 255, alpha: 0.5 } },
  })
    .withExif(gpsExif)
    .png()
    .toBuffer();
}

/**
 * A PDF assembled by hand, so each test controls exactly what the file says. `objects` are the bodies
 * of objects 3…n (1 is the catalog, 2 the page tree with one empty page as object 3 unless given);
 * the cross-reference table is computed, so the file is well-formed.
 */
export function makePdf(
  options: { catalogExtra?: string; objects?: (string | Buffer)[]; trailerExtra?: string } = {},
): Buffer {
  const objects: (string | Buffer)[] = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalogExtra ?? ''}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ...(options.objects ?? []),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  for (const [index, body] of objects.entries()) {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(part);
    length += part.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailerExtra ?? ''}>>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object body: the dictionary with a direct /Length, then the data. */
export function makeStreamObject(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

/** A compressed object stream (PDF 1.5) holding the given objects, numbered from `firstNumber`. */
export function makeObjectStream(objects: string[], firstNumber: number, filter = 'FlateDecode'): Buffer {
  let offset = 0;
  const header: string[] = [];
  for (const [index, object] of objects.entries()) {
    header.push(`${firstNumber + index} ${offset}`);
    offset += object.length + 1;
  }
  const headerText = `${header.join(' ')}\n`;
  const plain = Buffer.from(headerText + objects.join('\n'), 'latin1');
  const data =
    filter === 'FlateDecode' ? deflateSync(plain) : Buffer.from(`${plain.toString('hex')}>`, 'latin1');
  return makeStreamObject(
    `/Type /ObjStm /N ${objects.length} /First ${headerText.length} /Filter /${filter}`,
    data,
  );
}
