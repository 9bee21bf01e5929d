import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { Issue } from '../../domain/shared/issue.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { scanPdf } from './scan-pdf.ts';

/** The only document formats the platform accepts (issue 3: scans, photos and signed forms). */
export type UploadKind = 'jpeg' | 'png' | 'pdf';

export const uploadMimeTypes: Record<UploadKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

export type UploadRejectionCode =
  | 'file_empty'
  | 'file_too_large'
  | 'unsupported_file_type'
  | 'corrupt_image'
  | 'pdf_encrypted'
  | 'pdf_active_content'
  | 'pdf_unreadable';

export interface UploadRejection extends Issue {
  code: UploadRejectionCode;
  params: Record<string, string | number>;
}

export interface InspectedUpload {
  kind: UploadKind;
  mime: string;
  /** Size of `content` in bytes. */
  size: number;
  /** SHA-256 (hex) of `content`. */
  sha256: string;
  /**
   * What to store: images re-encoded without EXIF, GPS, XMP, IPTC or ICC metadata (orientation
   * applied to the pixels); PDFs unchanged after the structural checks.
   */
  content: Buffer;
}

export interface InspectUploadOptions {
  /** Upper bound on the uploaded size in bytes. */
  maxBytes: number;
  allowedKinds: readonly UploadKind[];
  /**
   * Upper bound on an image's pixel count, against decompression bombs (a small PNG can unpack to
   * gigabytes). The default admits a 48-megapixel phone photo.
   */
  maxPixels?: number;
}

export const DEFAULT_MAX_PIXELS = 50_000_000;

/** High enough that ID-card text and seals stay legible after re-encoding. */
const JPEG_QUALITY = 92;

/**
 * Checks an uploaded document by its content alone (the declared file name and MIME type are not
 * trusted), and returns the sanitised bytes to store, or a rejection with a stable code and a
 * message in both languages. Never throws for bad input.
 */
export async function inspectUpload(
  content: Buffer,
  options: InspectUploadOptions,
): Promise<Result<InspectedUpload, UploadRejection>> {
  if (content.length === 0) {
    return err(reject('file_empty', 'The file is empty.', '文件为空。'));
  }
  if (content.length > options.maxBytes) {
    return err(
      reject(
        'file_too_large',
        `The file is ${formatMegabytes(content.length)}; the limit is ${formatMegabytes(options.maxBytes)}.`,
        `文件大小为 ${formatMegabytes(content.length)}，上限为 ${formatMegabytes(options.maxBytes)}。`,
        { size: content.length, maxBytes: options.maxBytes },
      ),
    );
  }
  const detected = await detectKind(content);
  const kind = detected?.kind;
  if (kind === undefined || !options.allowedKinds.includes(kind)) {
    const allowed = options.allowedKinds.map((allowedKind) => allowedKind.toUpperCase()).join(', ');
    return err(
      reject(
        'unsupported_file_type',
        `Only ${allowed} files are accepted; this file is ${detected?.mime ?? 'of an unknown type'}.`,
        `仅接受 ${allowed} 格式的文件；此文件为${detected ? ` ${detected.mime}` : '未知格式'}。`,
        { detected: detected?.mime ?? 'unknown', allowed: options.allowedKinds.join(',') },
      ),
    );
  }
  if (kind === 'pdf') return inspectPdf(content);
  return sanitiseImage(content, kind, options.maxPixels ?? DEFAULT_MAX_PIXELS);
}

async function detectKind(
  content: Buffer,
): Promise<{ kind: UploadKind | undefined; mime: string } | undefined> {
  // file-type reads untrusted bytes; whatever it cannot make sense of is simply not a supported type.
  const detected = await fileTypeFromBuffer(content).catch(() => undefined);
  if (detected === undefined) return undefined;
  const kind = (Object.keys(uploadMimeTypes) as UploadKind[]).find(
    (key) => uploadMimeTypes[key] === detected.mime,
  );
  return { kind, mime: detected.mime };
}

function inspectPdf(content: Buffer): Result<InspectedUpload, UploadRejection> {
  const scan = scanPdf(content);
  switch (scan.kind) {
    case 'clean':
      return ok(describe('pdf', content));
    case 'encrypted':
      return err(
        reject(
          'pdf_encrypted',
          'The PDF is encrypted or password-protected; upload it without protection.',
          'PDF 文件已加密或设有密码，请上传未加密的文件。',
        ),
      );
    case 'active_content':
      return err(
        reject(
          'pdf_active_content',
          `The PDF contains active content (${scan.feature}); print it to a plain PDF or scan the paper copy.`,
          `PDF 文件包含活动内容（${scan.feature}），请另存为普通 PDF 或上传纸质件的扫描件。`,
          { feature: scan.feature },
        ),
      );
    case 'unreadable':
      return err(
        reject(
          'pdf_unreadable',
          'The PDF is damaged or uses a structure that cannot be checked; save it again as a standard PDF.',
          'PDF 文件已损坏或结构无法核查，请重新保存为标准 PDF。',
          { reason: scan.reason },
        ),
      );
  }
}

/**
 * Decodes the image, applies its EXIF orientation to the pixels and re-encodes it in the same format.
 * sharp writes no metadata unless asked to, so EXIF (GPS position, device, time), XMP, IPTC, ICC and
 * PNG text chunks are all dropped. The result is decoded once more to prove it is a valid image.
 */
async function sanitiseImage(
  content: Buffer,
  kind: 'jpeg' | 'png',
  maxPixels: number,
): Promise<Result<InspectedUpload, UploadRejection>> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(content).metadata());
  } catch {
    return err(corruptImage());
  }
  if (width === undefined || height === undefined || width * height > maxPixels) {
    const megapixels = (((width ?? 0) * (height ?? 0)) / 1e6).toFixed(1);
    const limit = (maxPixels / 1e6).toFixed(1);
    return err(
      reject(
        'file_too_large',
        `The image is ${width}×${height} pixels (${megapixels} megapixels); the limit is ${limit} megapixels.`,
        `图片为 ${width}×${height} 像素（${megapixels} 百万像素），上限为 ${limit} 百万像素。`,
        { width: width ?? 0, height: height ?? 0, maxPixels },
      ),
    );
  }
  try {
    const pipeline = sharp(content, { failOn: 'error', limitInputPixels: maxPixels }).rotate();
    const sanitised =
      kind === 'jpeg'
        ? await pipeline.jpeg({ quality: JPEG_QUALITY, chromaSubsampling: '4:4:4' }).toBuffer()
        : await pipeline.png().toBuffer();
    await sharp(sanitised, { failOn: 'error', limitInputPixels: maxPixels }).stats();
    return ok(describe(kind, sanitised));
  } catch {
    return err(corruptImage());
  }
}

function corruptImage(): UploadRejection {
  return reject(
    'corrupt_image',
    'The image is damaged or incomplete and cannot be read; take or export it again.',
    '图片已损坏或不完整，无法读取，请重新拍摄或导出。',
  );
}

function describe(kind: UploadKind, content: Buffer): InspectedUpload {
  return {
    kind,
    mime: uploadMimeTypes[kind],
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

function reject(
  code: UploadRejectionCode,
  en: string,
  zh: string,
  params: Record<string, string | number> = {},
): UploadRejection {
  return { code, message: { en, zh }, params };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
