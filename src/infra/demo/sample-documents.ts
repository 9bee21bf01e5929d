import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { SampleDocument, SampleDocumentRequest } from '../../app/demo/sample-documents.ts';

/**
 * The demo's sample documents (src/app/demo/sample-documents.ts): small, clearly fake files that the
 * demo seed uploads through the same use case as a user's upload. Scans and photos are PNG images
 * drawn from SVG; forms and letters are one-page PDFs. Every file says "SAMPLE · 样本 · NOT A REAL
 * DOCUMENT", carries only masked names and numbers, and is the same for the same request.
 *
 * Text in the images is drawn as glyph outlines of the Noto Sans SC font the verification form embeds
 * (read with fontkit, which pdfkit brings), not as SVG <text>: that would depend on the fonts the
 * machine has installed, giving other pixels (or empty boxes for Chinese) elsewhere.
 */

const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
const PDF_FONT = 'NotoSansSC';
const SAMPLE_BANNER = 'SAMPLE · 样本 · NOT A REAL DOCUMENT';
const DEMO_FOOTER = 'OpenBeian 演示数据 · demo data';

const INK = '#111827';
const MUTED = '#4b5563';
const WARNING = '#c0262d';
const SIGNATURE_INK = '#1d3f8f';
/**
 * Images are laid out on a larger grid and rasterised at this scale: big enough to read every line,
 * small enough that drawing, encoding and the upload's re-encoding stay quick and files small.
 */
const RASTER_SCALE = 0.7;

/** The glyphs of the fontkit font this file uses (fontkit ships no type declarations). */
interface FontGlyph {
  id: number;
  advanceWidth: number;
  path: { toSVG(): string };
}

interface OutlineFont {
  unitsPerEm: number;
  glyphsForString(text: string): FontGlyph[];
  /** Present on every fontkit font; pdfkit takes such an object in place of the font file. */
  layout(text: string): unknown;
}

interface Fontkit {
  create(buffer: Buffer): OutlineFont;
}

let fontBytes: Promise<Buffer> | undefined;
let outlineFont: Promise<OutlineFont> | undefined;
/** SVG path data by glyph id, in font units: outlining a glyph costs far more than drawing it. */
const glyphOutlines = new Map<number, string>();
/** The verification photo shows nobody in particular, so every order gets the same one. */
let samplePhoto: Promise<Buffer> | undefined;

/** Read once: the TTF is 10 MB. */
function loadFontBytes(): Promise<Buffer> {
  fontBytes ??= readFile(createRequire(import.meta.url).resolve(FONT_MODULE)).catch((error: unknown) => {
    fontBytes = undefined;
    throw error;
  });
  return fontBytes;
}

function loadOutlineFont(): Promise<OutlineFont> {
  outlineFont ??= loadFontBytes().then((bytes) => {
    const fontkit = createRequire(import.meta.url)('fontkit') as Fontkit;
    return fontkit.create(bytes);
  });
  return outlineFont;
}

/** Renders the sample for `request.kind`: an image for scans and photos, a one-page PDF otherwise. */
export async function renderSampleDocument(request: SampleDocumentRequest): Promise<SampleDocument> {
  switch (request.kind) {
    case 'id_card_scans':
      return { content: await renderPng(await drawIdCard(request)), fileName: 'id-card-sample.png' };
    case 'business_licence_scan':
      return {
        content: await renderPng(await drawBusinessLicence(request)),
        fileName: 'business-licence-sample.png',
      };
    case 'verification_photo':
      samplePhoto ??= drawVerificationPhoto()
        .then(renderPng)
        .catch((error: unknown) => {
          samplePhoto = undefined;
          throw error;
        });
      return { content: await samplePhoto, fileName: 'verification-photo-sample.png' };
    default:
      return {
        content: await renderForm(request),
        fileName: `${request.kind.replaceAll('_', '-')}-sample.pdf`,
      };
  }
}

/** A palette PNG: flat colours, and few of them, keep each image in the tens of kilobytes. */
function renderPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png({ palette: true, colours: 24, dither: 0, effort: 1 }).toBuffer();
}

type Anchor = 'start' | 'middle' | 'end';

interface TextStyle {
  size: number;
  fill?: string;
  anchor?: Anchor;
  /** Extra space between characters, in pixels. */
  spacing?: number;
  /** A stroke in the fill colour, for headings (the font file is the regular weight). */
  isBold?: boolean;
}

/**
 * Draws SVG shapes, text included, as outlines of one font: each glyph once under <defs>, placed
 * with <use>, which keeps the SVG small and quick to rasterise.
 */
class Canvas {
  readonly #font: OutlineFont;
  readonly #defined = new Set<number>();
  readonly #defs: string[] = [];
  readonly parts: string[] = [];

  constructor(
    font: OutlineFont,
    readonly width: number,
    readonly height: number,
  ) {
    this.#font = font;
  }

  add(markup: string): void {
    this.parts.push(markup);
  }

  measure(text: string, style: TextStyle): number {
    const glyphs = this.#font.glyphsForString(text);
    const scale = style.size / this.#font.unitsPerEm;
    const advance = glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth * scale, 0);
    return advance + (style.spacing ?? 0) * Math.max(0, glyphs.length - 1);
  }

  /** Outlined text with its baseline at `y`. */
  text(text: string, x: number, y: number, style: TextStyle): void {
    const scale = style.size / this.#font.unitsPerEm;
    const width = this.measure(text, style);
    let cursor = style.anchor === 'middle' ? x - width / 2 : style.anchor === 'end' ? x - width : x;
    const glyphs: string[] = [];
    for (const glyph of this.#font.glyphsForString(text)) {
      if (this.#define(glyph)) {
        glyphs.push(`<use href="#g${glyph.id}" x="${round(cursor / scale, 0)}"/>`);
      }
      cursor += glyph.advanceWidth * scale + (style.spacing ?? 0);
    }
    const fill = style.fill ?? INK;
    const stroke = style.isBold
      ? ` stroke="${fill}" stroke-width="${round((style.size * 0.045) / scale)}" stroke-linejoin="round"`
      : '';
    // Glyphs are placed in font units (y up) inside one scaled group per run of text.
    this.parts.push(
      `<g fill="${fill}"${stroke} transform="translate(0 ${round(y)}) scale(${round(scale, 5)} ${round(-scale, 5)})">${glyphs.join('')}</g>`,
    );
  }

  /** Adds the glyph's outline to <defs> once; false for glyphs without ink (spaces). */
  #define(glyph: FontGlyph): boolean {
    let outline = glyphOutlines.get(glyph.id);
    if (outline === undefined) {
      outline = glyph.path.toSVG();
      glyphOutlines.set(glyph.id, outline);
    }
    if (outline === '') return false;
    if (!this.#defined.has(glyph.id)) {
      this.#defined.add(glyph.id);
      this.#defs.push(`<path id="g${glyph.id}" d="${outline}"/>`);
    }
    return true;
  }

  /** The sample warning written diagonally across the area, so no crop of the image loses it. */
  watermark(centreX: number, centreY: number, size: number): void {
    const before = this.parts.length;
    this.text(SAMPLE_BANNER, 0, size / 3, { size, fill: WARNING, anchor: 'middle' });
    const drawn = this.parts.splice(before);
    this.parts.push(
      `<g opacity="0.28" transform="translate(${centreX} ${centreY}) rotate(-24)">${drawn.join('')}</g>`,
    );
  }

  toSvg(background: string): string {
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(this.width * RASTER_SCALE)}" height="${Math.round(this.height * RASTER_SCALE)}" viewBox="0 0 ${this.width} ${this.height}">`,
      `<defs>${this.#defs.join('')}</defs>`,
      `<rect width="${this.width}" height="${this.height}" fill="${background}"/>`,
      ...this.parts,
      '</svg>',
    ].join('');
  }
}

function round(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}

/** A head and shoulders, the placeholder for a person's photo. */
function silhouette(x: number, y: number, width: number, height: number, fill: string): string {
  const cx = x + width / 2;
  const headRx = width * 0.19;
  const headRy = height * 0.17;
  const headCy = y + height * 0.36;
  const shoulderTop = y + height * 0.6;
  const bottom = y + height;
  return [
    `<ellipse cx="${round(cx)}" cy="${round(headCy)}" rx="${round(headRx)}" ry="${round(headRy)}" fill="${fill}"/>`,
    `<path fill="${fill}" d="M ${round(x + width * 0.1)} ${round(bottom)} C ${round(x + width * 0.12)} ${round(shoulderTop + height * 0.08)} ${round(cx - width * 0.28)} ${round(shoulderTop)} ${round(cx)} ${round(shoulderTop)} C ${round(cx + width * 0.28)} ${round(shoulderTop)} ${round(x + width * 0.88)} ${round(shoulderTop + height * 0.08)} ${round(x + width * 0.9)} ${round(bottom)} Z"/>`,
  ].join('');
}

/** A round seal reading 样本 (sample): no real seal or emblem is ever imitated. */
function sampleSeal(canvas: Canvas, cx: number, cy: number, radius: number): void {
  canvas.add(
    `<circle cx="${cx}" cy="${cy}" r="${radius}" fill="none" stroke="${WARNING}" stroke-width="${round(radius / 14)}"/>`,
  );
  canvas.text('样本', cx, cy + radius * 0.2, { size: radius * 0.6, fill: WARNING, anchor: 'middle' });
  canvas.text('SAMPLE', cx, cy + radius * 0.62, { size: radius * 0.22, fill: WARNING, anchor: 'middle' });
}

/** 居民身份证 front (人像面) and back (国徽面) on one scanned page, with nothing real on either side. */
async function drawIdCard(request: SampleDocumentRequest): Promise<string> {
  const canvas = new Canvas(await loadOutlineFont(), 620, 830);
  const cardWidth = 560;
  const cardHeight = 354;
  const left = 30;
  const card = (top: number) =>
    canvas.add(
      `<rect x="${left}" y="${top}" width="${cardWidth}" height="${cardHeight}" rx="20" fill="#e6eef6" stroke="#9fb3c8" stroke-width="2"/>`,
    );

  const front = 30;
  card(front);
  canvas.text(SAMPLE_BANNER, left + cardWidth / 2, front + 36, {
    size: 17,
    fill: WARNING,
    anchor: 'middle',
  });
  const label = (text: string, y: number) => canvas.text(text, left + 28, y, { size: 17, fill: MUTED });
  const value = (text: string, y: number, size = 22) => canvas.text(text, left + 100, y, { size });
  label('姓名', front + 92);
  value(request.personName, front + 92, 26);
  label('性别', front + 136);
  value('—', front + 136);
  canvas.text('民族', left + 190, front + 136, { size: 17, fill: MUTED });
  canvas.text('—', left + 250, front + 136, { size: 22 });
  label('出生', front + 180);
  value('——年—月—日', front + 180);
  label('住址', front + 224);
  value('样本，无实际地址', front + 224, 19);
  canvas.add(
    `<rect x="${left + 396}" y="${front + 62}" width="136" height="170" rx="6" fill="#d3deea"/>${silhouette(left + 396, front + 62, 136, 170, '#8ba1b7')}`,
  );
  canvas.text('公民身份号码', left + 28, front + 310, { size: 17, fill: MUTED });
  canvas.text(request.personCertificate, left + 152, front + 310, { size: 24, spacing: 2 });

  const back = 420;
  card(back);
  sampleSeal(canvas, left + 84, back + 96, 50);
  canvas.text('中华人民共和国', left + 168, back + 86, { size: 30, spacing: 6, isBold: true });
  canvas.text('居民身份证', left + 168, back + 146, { size: 40, spacing: 14, isBold: true });
  canvas.text('签发机关', left + 60, back + 254, { size: 17, fill: MUTED });
  canvas.text('OpenBeian 演示 · Demo', left + 160, back + 254, { size: 20 });
  canvas.text('有效期限', left + 60, back + 298, { size: 17, fill: MUTED });
  canvas.text('样本 SAMPLE', left + 160, back + 298, { size: 20 });
  canvas.text(SAMPLE_BANNER, left + cardWidth / 2, back + 336, { size: 15, fill: WARNING, anchor: 'middle' });

  canvas.watermark(310, front + cardHeight / 2 + 14, 30);
  canvas.watermark(310, back + cardHeight / 2 + 14, 30);
  canvas.text(`${DEMO_FOOTER} · ${request.orderReference}`, 310, 808, {
    size: 15,
    fill: MUTED,
    anchor: 'middle',
  });
  return canvas.toSvg('#f3f2ee');
}

/** 营业执照: the licence's layout with the company's (made-up) name and masked code. */
async function drawBusinessLicence(request: SampleDocumentRequest): Promise<string> {
  const canvas = new Canvas(await loadOutlineFont(), 720, 960);
  canvas.add(
    '<rect x="24" y="24" width="672" height="912" fill="none" stroke="#b0473a" stroke-width="8"/><rect x="40" y="40" width="640" height="880" fill="none" stroke="#b0473a" stroke-width="2"/>',
  );
  canvas.text(SAMPLE_BANNER, 360, 84, { size: 20, fill: WARNING, anchor: 'middle' });
  canvas.text('统一社会信用代码', 76, 136, { size: 16, fill: MUTED });
  canvas.text(request.entityCertificate, 76, 164, { size: 20, spacing: 1 });
  canvas.text('营业执照', 360, 262, { size: 64, anchor: 'middle', spacing: 28, isBold: true });
  canvas.text('（样本 · SAMPLE）', 360, 310, { size: 22, fill: MUTED, anchor: 'middle' });
  const rows: [string, string][] = [
    ['名称', request.entityName],
    ['类型', '有限责任公司（样本）'],
    ['法定代表人', request.personName],
    ['经营范围', '软件开发；信息技术服务（样本，仅供演示）'],
    ['注册资本', '——'],
    ['住所', '样本，无实际地址'],
  ];
  for (const [index, [name, text]] of rows.entries()) {
    const y = 392 + index * 62;
    canvas.text(name, 86, y, { size: 19, fill: MUTED });
    canvas.text(text, 226, y, { size: 22 });
  }
  canvas.text('登记机关', 330, 822, { size: 19, fill: MUTED });
  canvas.text('OpenBeian 演示', 330, 856, { size: 20 });
  canvas.text(request.date, 330, 886, { size: 18, fill: MUTED });
  sampleSeal(canvas, 600, 840, 58);
  canvas.watermark(360, 560, 34);
  return canvas.toSvg('#fffdf6');
}

/** The backdrop (幕布) photo of the verification: a plain curtain and a silhouette, no face. */
async function drawVerificationPhoto(): Promise<string> {
  const canvas = new Canvas(await loadOutlineFont(), 540, 720);
  canvas.add('<rect width="540" height="64" fill="#3f5f80"/>');
  canvas.text('核验幕布 · Verification backdrop', 270, 42, { size: 22, fill: '#ffffff', anchor: 'middle' });
  canvas.add(silhouette(70, 150, 400, 500, '#5d6f82'));
  canvas.add('<rect y="600" width="540" height="120" fill="#ffffff" opacity="0.92"/>');
  canvas.text(SAMPLE_BANNER, 270, 644, { size: 21, fill: WARNING, anchor: 'middle' });
  canvas.text('演示核验照片 · Demo verification photo', 270, 688, { size: 20, anchor: 'middle' });
  canvas.watermark(270, 360, 24);
  return canvas.toSvg('#c9d6e3');
}

/** The text of a form: its rows, or a paragraph for letters and the kinds without a layout. */
function describeForm(request: SampleDocumentRequest): { rows?: [string, string][]; paragraphs: string[] } {
  const demo = `This sample stands in for the ${request.title.en.toLowerCase()} of order ${request.orderReference}: it was made up by the OpenBeian demo and is not a real document.`;
  switch (request.kind) {
    case 'verification_form':
      return {
        rows: [
          ['订单号 Order', request.orderReference],
          ['主办者 Entity', request.entityName],
          ['证件号码 Certificate', request.entityCertificate],
          ['网站名称 Site name', request.siteName],
          ['域名 Domain', request.domain],
          ['负责人 Person in charge', `${request.personName}  ${request.personCertificate}`],
          ['核验结论 Check', '已当面核验（演示） Checked in person (demo)'],
        ],
        paragraphs: [
          '本人确认以上备案信息真实、准确、完整。（样本，仅供演示）',
          'I confirm that the filing information above is true, accurate and complete. (Sample for the demo.)',
        ],
      };
    case 'commitment_letter':
      return {
        paragraphs: [
          `${request.entityName}承诺：网站“${request.siteName}”（${request.domain}）所提交的备案信息真实有效，遵守互联网信息服务相关法律法规，不从事违法违规活动。（样本，仅供演示）`,
          demo,
        ],
      };
    default:
      return {
        paragraphs: [`本文件为 OpenBeian 演示数据中的“${request.title.zh}”样本，并非真实文件。`, demo],
      };
  }
}

/** A one-page form or letter, signed by the person with a drawn flourish and dated. */
async function renderForm(request: SampleDocumentRequest): Promise<Buffer> {
  // One parsed font for every PDF: pdfkit accepts a fontkit font, and reusing it keeps its glyph
  // and layout caches instead of parsing the 10 MB file for each document.
  const font = (await loadOutlineFont()) as unknown as Uint8Array;
  const signedAt = new Date(`${request.date}T09:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: 'zh-CN',
    info: {
      Title: `${request.title.zh} ${request.title.en} (sample)`,
      Creator: 'OpenBeian demo',
      Producer: 'OpenBeian',
      CreationDate: signedAt,
      ModDate: signedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(PDF_FONT, font);
  doc.font(PDF_FONT);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.save();
  doc.rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc
    .fillColor(WARNING)
    .fillOpacity(0.1)
    .fontSize(96)
    .text('样本 SAMPLE', 0, doc.page.height / 2 - 60, {
      width: doc.page.width,
      align: 'center',
      lineBreak: false,
    });
  doc.restore();

  doc.rect(left, 48, width, 28).fill(WARNING);
  doc
    .fillColor('#ffffff')
    .fontSize(13)
    .text(SAMPLE_BANNER, left, 54, { width, align: 'center', lineBreak: false });
  doc.fillColor(INK).fontSize(22).text(request.title.zh, left, 104, { width, align: 'center' });
  doc.fillColor(MUTED).fontSize(12).text(request.title.en, { width, align: 'center' });

  let y = 190;
  const form = describeForm(request);
  for (const [label, value] of form.rows ?? []) {
    doc.rect(left, y, 170, 32).fillAndStroke('#f3f4f6', '#9ca3af');
    doc.rect(left + 170, y, width - 170, 32).stroke('#9ca3af');
    doc
      .fillColor(MUTED)
      .fontSize(10)
      .text(label, left + 8, y + 10, { width: 156, lineBreak: false });
    doc
      .fillColor(INK)
      .fontSize(11)
      .text(value, left + 178, y + 9, { width: width - 186, lineBreak: false });
    y += 32;
  }
  y += 28;
  for (const paragraph of form.paragraphs) {
    doc.fillColor(INK).fontSize(11).text(paragraph, left, y, { width, lineGap: 4 });
    y = doc.y + 12;
  }

  const signatureY = Math.max(y + 40, 600);
  doc
    .fillColor(MUTED)
    .fontSize(10)
    .text('签字 Signature', left + 250, signatureY, { lineBreak: false });
  doc
    .moveTo(left + 330, signatureY + 26)
    .bezierCurveTo(left + 350, signatureY - 18, left + 372, signatureY + 40, left + 392, signatureY + 8)
    .bezierCurveTo(left + 408, signatureY - 14, left + 420, signatureY + 30, left + 446, signatureY + 12)
    .lineWidth(1.6)
    .strokeColor(SIGNATURE_INK)
    .stroke();
  doc
    .moveTo(left + 330, signatureY + 34)
    .lineTo(left + width, signatureY + 34)
    .lineWidth(0.6)
    .strokeColor('#9ca3af')
    .stroke();
  doc
    .fillColor(INK)
    .fontSize(11)
    .text(request.personName, left + 330, signatureY + 42, { lineBreak: false });
  doc
    .fillColor(MUTED)
    .fontSize(10)
    .text(`日期 Date  ${request.date}`, left + 250, signatureY + 76, { lineBreak: false });
  doc
    .fillColor(MUTED)
    .fontSize(8)
    .text(`${DEMO_FOOTER} · ${request.orderReference}`, left, doc.page.height - 80, {
      width,
      align: 'center',
      lineBreak: false,
    });
  doc.end();
  return finished;
}
