import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type {
  VerificationFormContent as VerificationFormData,
  VerificationFormEntity,
  VerificationFormPerson,
  VerificationFormService,
} from '../../app/documents/document-deps.ts';

export type { VerificationFormData };

/**
 * The 网站备案信息真实性核验单 (website filing information authenticity verification form,
 * ICP-REFERENCE.md §3.4): printed, checked in person by the access provider against the original
 * documents, signed by both sides and uploaded again. It is rendered prefilled from an order, with
 * Chinese and English labels, on A4 with Noto Sans SC embedded (pdfkit subsets it, so the file stays
 * in the tens of kilobytes).
 *
 * All values are plain display strings: the caller resolves catalogue codes to their names (e.g.
 * "企业 Enterprise") and decides the language of each value. A missing value leaves its box empty to
 * be filled in by hand. The form carries full certificate numbers because the checker compares them
 * with the originals: treat the rendered PDF as personal data.
 */

export interface RenderVerificationFormOptions {
  /** Printed on the form and used as the PDF's creation date, so the same input gives the same bytes. */
  generatedAt: Date;
}

const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
const FONT = 'NotoSansSC';

const PAGE_MARGIN = 36;
const FOOTER_HEIGHT = 24;
const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 3;
const LABEL_WIDTH = 96;
const LABEL_ZH_SIZE = 8.5;
const LABEL_EN_SIZE = 6.5;
const VALUE_SIZE = 9;

const INK = '#111827';
const MUTED = '#6b7280';
const RULE = '#9ca3af';
const LABEL_FILL = '#f3f4f6';
const SECTION_FILL = '#e5e7eb';

let fontBytes: Promise<Buffer> | undefined;

/** Read once: the TTF is 10 MB, and pdfkit only copies the glyphs a form uses into each PDF. */
function loadFont(): Promise<Buffer> {
  fontBytes ??= readFile(createRequire(import.meta.url).resolve(FONT_MODULE)).catch((error: unknown) => {
    fontBytes = undefined;
    throw error;
  });
  return fontBytes;
}

export async function renderVerificationForm(
  data: VerificationFormData,
  options: RenderVerificationFormOptions,
): Promise<Buffer> {
  const font = await loadFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE_MARGIN, bottom: PAGE_MARGIN + FOOTER_HEIGHT, left: PAGE_MARGIN, right: PAGE_MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: '网站备案信息真实性核验单 Website Filing Information Authenticity Verification Form',
      Creator: 'OpenBeian',
      Producer: 'OpenBeian',
      CreationDate: options.generatedAt,
      ModDate: options.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont(FONT, font);
  doc.font(FONT);
  const layout = new FormLayout(doc);
  drawTitle(layout, data);
  drawEntity(layout, data.entity);
  const services = data.services.length > 0 ? data.services : [{}];
  for (const [index, service] of services.entries()) drawService(layout, service, index, services.length);
  drawProviderCheck(layout);
  drawOwnerConfirmation(layout);
  drawFooters(doc, data, options.generatedAt);
  doc.end();
  return finished;
}

/** A field: a bilingual label and its value. */
interface Field {
  zh: string;
  en: string;
  value?: string | undefined;
}

/** Tracks the vertical position and breaks pages between rows, never inside one. */
class FormLayout {
  readonly doc: PDFKit.PDFDocument;
  y: number;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.y = doc.page.margins.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The height one page offers below the top margin. */
  get capacity(): number {
    return this.bottom - this.doc.page.margins.top;
  }

  /**
   * Starts a new page unless `height` still fits on this one. A block taller than a page starts on a
   * fresh page and breaks between its rows.
   */
  reserve(height: number): void {
    if (this.y + Math.min(height, this.capacity) <= this.bottom) return;
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  /** Writes text at an absolute position, in room the caller has reserved. */
  text(
    value: string,
    x: number,
    y: number,
    options: { size: number; color?: string; width?: number; align?: 'left' | 'center' | 'right' },
  ): void {
    this.doc
      .fontSize(options.size)
      .fillColor(options.color ?? INK)
      .text(value, x, y, { width: options.width ?? this.width, align: options.align ?? 'left', lineGap: 1 });
  }

  measure(value: string, size: number, width: number): number {
    this.doc.fontSize(size);
    return this.doc.heightOfString(value, { width, lineGap: 1 });
  }
}

function drawTitle(layout: FormLayout, data: VerificationFormData): void {
  const { left } = layout;
  layout.text('网站备案信息真实性核验单', left, layout.y, { size: 18, align: 'center' });
  layout.y += 26;
  layout.text('Website Filing Information Authenticity Verification Form', left, layout.y, {
    size: 10,
    color: MUTED,
    align: 'center',
  });
  layout.y += 18;
  layout.text(
    '一式两份：接入服务单位留存一份，报送通信管理局一份。 Two copies: one kept by the access provider, one sent to the provincial communications administration.',
    left,
    layout.y,
    { size: 7, color: MUTED, align: 'center' },
  );
  layout.y += 16;
  drawRow(layout, [
    { zh: '备案订单号', en: 'Order number', value: data.orderNumber },
    { zh: '备案类型', en: 'Filing type', value: data.orderType },
  ]);
  drawRow(layout, [{ zh: '接入服务单位', en: 'Access provider', value: data.providerName }]);
}

function drawEntity(layout: FormLayout, entity: VerificationFormEntity): void {
  const region = [entity.province, entity.city, entity.county].filter(isPresent).join(' ');
  drawTableSection(layout, { zh: '一、主办者信息', en: 'Filing owner (entity)' }, [
    [{ zh: '主办单位名称', en: 'Entity name', value: entity.name }],
    [
      { zh: '主办单位性质', en: 'Entity nature', value: entity.nature },
      { zh: '所在地区', en: 'Province / city / county', value: region },
    ],
    [
      { zh: '证件类型', en: 'Certificate type', value: entity.certificateType },
      { zh: '证件号码', en: 'Certificate number', value: entity.certificateNumber },
    ],
    [{ zh: '证件住所', en: 'Address on certificate', value: entity.certificateAddress }],
    [{ zh: '通讯地址', en: 'Mailing address', value: entity.mailingAddress }],
    ...buildPersonRows(entity.leader ?? {}, { zh: '主体负责人', en: 'Entity leader' }),
  ]);
}

function drawService(
  layout: FormLayout,
  service: VerificationFormService,
  index: number,
  count: number,
): void {
  const position = count > 1 ? `（${index + 1}/${count}）` : '';
  const positionEn = count > 1 ? ` (${index + 1} of ${count})` : '';
  // The type and the number each on their own line, so a number never breaks in the middle.
  const preApprovals = (service.preApprovals ?? [])
    .map((approval) => [approval.type, approval.number].filter(isPresent).join('\n'))
    .filter((text) => text !== '');
  const access = service.access ?? {};
  drawTableSection(
    layout,
    { zh: `二、互联网信息服务${position}`, en: `Internet information service${positionEn}` },
    [
      [
        { zh: '服务名称', en: 'Service name', value: service.name },
        { zh: '服务类型', en: 'Service type', value: service.serviceType },
      ],
      [
        { zh: '域名', en: 'Domain', value: service.domains?.join('\n') },
        { zh: '首页网址', en: 'Home URL', value: service.homeUrl },
      ],
      [
        { zh: '内容类别', en: 'Content category', value: service.contentCategory },
        {
          zh: '前置审批',
          en: 'Pre-approvals',
          value:
            preApprovals.length > 0 ? preApprovals.join('\n') : service.preApprovals ? '无 None' : undefined,
        },
      ],
      ...buildPersonRows(service.admin ?? {}, { zh: '网站负责人', en: 'Service admin' }),
      [
        { zh: '接入服务单位', en: 'Access provider', value: access.provider },
        { zh: '接入地区', en: 'Region', value: access.region },
      ],
      [{ zh: 'IP 地址', en: 'IP addresses', value: access.ipAddresses?.join('  ') }],
    ],
  );
}

function buildPersonRows(person: VerificationFormPerson, role: { zh: string; en: string }): Field[][] {
  const certificate = [person.certificateType, person.certificateNumber].filter(isPresent).join('\n');
  return [
    [
      { zh: `${role.zh}姓名`, en: `${role.en} name`, value: person.name },
      { zh: '证件类型及号码', en: 'Certificate', value: certificate },
    ],
    [
      { zh: '手机号码', en: 'Mobile phone', value: person.mobilePhone },
      { zh: '办公电话', en: 'Office phone', value: person.officePhone },
    ],
    [
      { zh: '应急电话', en: 'Emergency phone', value: person.emergencyPhone },
      { zh: '电子邮箱', en: 'E-mail', value: person.email },
    ],
  ];
}

/** A heading and its rows, kept on one page when they fit on one. */
function drawTableSection(layout: FormLayout, heading: { zh: string; en: string }, rows: Field[][]): void {
  const height = rows.reduce((total, row) => total + measureRow(layout, row), 0);
  drawSection(layout, heading.zh, heading.en, height);
  for (const row of rows) drawRow(layout, row);
}

/** The checks the provider's checker confirms in person (ICP-REFERENCE.md §3.4). */
const PROVIDER_CHECKS: readonly { zh: string; en: string }[] = [
  {
    zh: '已核验主办者证件原件，与所填信息一致',
    en: "The entity's certificate was checked against the original and matches the data above",
  },
  {
    zh: '已核验主体负责人、网站负责人证件原件，与所填信息一致',
    en: "The entity leader's and service admins' identity documents were checked against the originals",
  },
  {
    zh: '已当面拍摄网站负责人照片',
    en: 'The service admin was photographed in person',
  },
  {
    zh: '已核实联系方式（手机、电话、电子邮箱）真实有效',
    en: 'The contact details (mobile, phone, e-mail) were confirmed to be real and reachable',
  },
  {
    zh: '网站名称符合命名规范',
    en: 'The service names comply with the naming rules',
  },
  {
    zh: '涉及前置审批的，已核验前置审批文件',
    en: 'Where pre-approvals apply, the approval documents were checked',
  },
  {
    zh: '接入信息（接入服务单位、地区、IP 地址）真实准确',
    en: 'The access information (provider, region, IP addresses) is true and accurate',
  },
];

const BOX_SIZE = 8;

function drawProviderCheck(layout: FormLayout): void {
  const textX = layout.left + CELL_PADDING_X + BOX_SIZE + 8;
  const textWidth = layout.width - (textX - layout.left) - CELL_PADDING_X;
  const lines = PROVIDER_CHECKS.map((check) => `${check.zh}  ${check.en}`);
  const heights = lines.map((line) => layout.measure(line, LABEL_ZH_SIZE, textWidth) + 2 * CELL_PADDING_Y);
  const checkHeight = heights.reduce((total, height) => total + height, 0);
  drawSection(
    layout,
    '三、接入服务单位核验',
    'Checked by the access provider',
    checkHeight + measureStatement(layout, PROVIDER_STATEMENT) + SIGNATURE_HEIGHT,
  );
  for (const [index, line] of lines.entries()) {
    const height = heights[index] ?? 0;
    layout.reserve(height);
    const { doc } = layout;
    doc.lineWidth(0.5).strokeColor(RULE).rect(layout.left, layout.y, layout.width, height).stroke();
    doc
      .lineWidth(0.8)
      .strokeColor(INK)
      .rect(layout.left + CELL_PADDING_X + 2, layout.y + CELL_PADDING_Y + 2, BOX_SIZE, BOX_SIZE)
      .stroke();
    layout.text(line, textX, layout.y + CELL_PADDING_Y, { size: LABEL_ZH_SIZE, width: textWidth });
    layout.y += height;
  }
  drawStatement(layout, PROVIDER_STATEMENT);
  drawSignatureLines(layout, [
    { zh: '核验人签字', en: "Checker's signature" },
    { zh: '接入服务单位盖章', en: "Provider's seal" },
    { zh: '核验日期', en: 'Date' },
  ]);
}

const PROVIDER_STATEMENT: Statement = {
  zh: '本单位已按要求对上述备案信息进行了当面核验，保证核验结果真实、准确。',
  en: 'We have checked the filing information above in person as required and guarantee that the results are true and accurate.',
};

const OWNER_STATEMENT: Statement = {
  zh: '本单位（本人）承诺所填报的备案信息真实、准确、完整，并对信息的真实性负责。',
  en: 'We (I) declare that the filing information above is true, accurate and complete, and take responsibility for its truth.',
};

function drawOwnerConfirmation(layout: FormLayout): void {
  drawSection(
    layout,
    '四、主办者确认',
    "Filing owner's confirmation",
    measureStatement(layout, OWNER_STATEMENT) + SIGNATURE_HEIGHT,
  );
  drawStatement(layout, OWNER_STATEMENT);
  drawSignatureLines(layout, [
    { zh: '主办者（负责人）签字', en: "Owner's (leader's) signature" },
    { zh: '主办单位盖章', en: "Entity's seal" },
    { zh: '日期', en: 'Date' },
  ]);
}

const SECTION_HEIGHT = 18;
const SECTION_GAP = 6;

/** A shaded heading, moved to a new page together with the `contentHeight` under it when that fits. */
function drawSection(layout: FormLayout, zh: string, en: string, contentHeight: number): void {
  const height = SECTION_HEIGHT;
  layout.reserve(SECTION_GAP + height + contentHeight);
  if (layout.y > layout.doc.page.margins.top) layout.y += SECTION_GAP;
  const { doc } = layout;
  doc.rect(layout.left, layout.y, layout.width, height).fillColor(SECTION_FILL).fill();
  layout.text(zh, layout.left + CELL_PADDING_X, layout.y + 3, { size: 10 });
  const zhWidth = doc.fontSize(10).widthOfString(zh);
  layout.text(en, layout.left + CELL_PADDING_X + zhWidth + 8, layout.y + 5, { size: 8, color: MUTED });
  layout.y += height;
}

const textWidth = (cell: number) => cell - 2 * CELL_PADDING_X;

/** The height of a row: its tallest cell. */
function measureRow(layout: FormLayout, fields: Field[]): number {
  const valueWidth = layout.width / fields.length - LABEL_WIDTH;
  const cellHeights = fields.map((field) =>
    Math.max(
      layout.measure(field.zh, LABEL_ZH_SIZE, textWidth(LABEL_WIDTH)) +
        layout.measure(field.en, LABEL_EN_SIZE, textWidth(LABEL_WIDTH)),
      layout.measure(field.value || ' ', VALUE_SIZE, textWidth(valueWidth)),
    ),
  );
  return Math.max(...cellHeights) + 2 * CELL_PADDING_Y;
}

/** A row of one or two fields, each a shaded label cell and a value cell. */
function drawRow(layout: FormLayout, fields: Field[]): void {
  const fieldWidth = layout.width / fields.length;
  const valueWidth = fieldWidth - LABEL_WIDTH;
  const height = measureRow(layout, fields);
  layout.reserve(height);
  const { doc } = layout;
  for (const [index, field] of fields.entries()) {
    const x = layout.left + index * fieldWidth;
    doc.rect(x, layout.y, LABEL_WIDTH, height).fillColor(LABEL_FILL).fill();
    doc.lineWidth(0.5).strokeColor(RULE);
    doc.rect(x, layout.y, LABEL_WIDTH, height).stroke();
    doc.rect(x + LABEL_WIDTH, layout.y, valueWidth, height).stroke();
    const labelX = x + CELL_PADDING_X;
    const labelY = layout.y + CELL_PADDING_Y;
    layout.text(field.zh, labelX, labelY, { size: LABEL_ZH_SIZE, width: textWidth(LABEL_WIDTH) });
    const zhHeight = layout.measure(field.zh, LABEL_ZH_SIZE, textWidth(LABEL_WIDTH));
    layout.text(field.en, labelX, labelY + zhHeight, {
      size: LABEL_EN_SIZE,
      color: MUTED,
      width: textWidth(LABEL_WIDTH),
    });
    if (field.value) {
      layout.text(field.value, x + LABEL_WIDTH + CELL_PADDING_X, labelY, {
        size: VALUE_SIZE,
        width: textWidth(valueWidth),
      });
    }
  }
  layout.y += height;
}

/** A commitment the signatory makes, in both languages. */
interface Statement {
  zh: string;
  en: string;
}

function measureStatement(layout: FormLayout, { zh, en }: Statement): number {
  const width = layout.width - 2 * CELL_PADDING_X;
  return (
    layout.measure(zh, VALUE_SIZE, width) +
    layout.measure(en, LABEL_EN_SIZE + 1, width) +
    2 * CELL_PADDING_Y +
    2
  );
}

function drawStatement(layout: FormLayout, statement: Statement): void {
  const { zh, en } = statement;
  const width = layout.width - 2 * CELL_PADDING_X;
  const height = measureStatement(layout, statement);
  layout.reserve(height);
  layout.doc.lineWidth(0.5).strokeColor(RULE).rect(layout.left, layout.y, layout.width, height).stroke();
  const x = layout.left + CELL_PADDING_X;
  layout.text(zh, x, layout.y + CELL_PADDING_Y, { size: VALUE_SIZE, width });
  const zhHeight = layout.measure(zh, VALUE_SIZE, width);
  layout.text(en, x, layout.y + CELL_PADDING_Y + zhHeight + 2, {
    size: LABEL_EN_SIZE + 1,
    color: MUTED,
    width,
  });
  layout.y += height;
}

/** Blank lines for a hand signature, a seal and a date, side by side, with room for the seal. */
const SIGNATURE_HEIGHT = 62;

function drawSignatureLines(layout: FormLayout, slots: readonly { zh: string; en: string }[]): void {
  const height = SIGNATURE_HEIGHT;
  layout.reserve(height);
  const { doc } = layout;
  doc.lineWidth(0.5).strokeColor(RULE).rect(layout.left, layout.y, layout.width, height).stroke();
  const slotWidth = layout.width / slots.length;
  for (const [index, slot] of slots.entries()) {
    const x = layout.left + index * slotWidth + CELL_PADDING_X * 2;
    const width = slotWidth - CELL_PADDING_X * 4;
    layout.text(slot.zh, x, layout.y + 6, { size: LABEL_ZH_SIZE, width });
    layout.text(slot.en, x, layout.y + 18, { size: LABEL_EN_SIZE, color: MUTED, width });
    const lineY = layout.y + height - 10;
    doc
      .lineWidth(0.6)
      .strokeColor(INK)
      .moveTo(x, lineY)
      .lineTo(x + width, lineY)
      .stroke();
  }
  layout.y += height;
}

/** Order number, generation time and page count at the foot of every page, once all pages exist. */
function drawFooters(doc: PDFKit.PDFDocument, data: VerificationFormData, generatedAt: Date): void {
  const range = doc.bufferedPageRange();
  const generated = formatChinaTime(generatedAt);
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    const { margins } = doc.page;
    const bottomMargin = margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    margins.bottom = 0;
    const y = doc.page.height - PAGE_MARGIN - 14;
    const width = doc.page.width - margins.left - margins.right;
    const order = data.orderNumber ? `备案订单号 Order ${data.orderNumber}   ` : '';
    doc
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(margins.left, y - 4)
      .lineTo(margins.left + width, y - 4)
      .stroke();
    doc.fontSize(7).fillColor(MUTED).text(`${order}生成时间 Generated ${generated}`, margins.left, y, {
      width,
      align: 'left',
      lineBreak: false,
    });
    doc.text(`第 ${index + 1} / ${range.count} 页  Page ${index + 1} of ${range.count}`, margins.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    margins.bottom = bottomMargin;
  }
}

/** "2026-03-05 14:30 (UTC+8)": the form is used in China, whatever the server's time zone. */
export function formatChinaTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} (UTC+8)`;
}

function isPresent(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}
