import type { Issue, Validation } from '../domain/shared/issue.ts';
import type { Localized } from '../domain/shared/localized.ts';

export type Lang = 'en' | 'zh';

/** What every command needs to print: the chosen language, JSON mode and the output streams. */
export interface Output {
  lang: Lang;
  json: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A table with a header row; columns sized to their widest cell. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Chinese for the field labels the commands print (the English labels are the keys). */
const FIELD_LABELS_ZH: Record<string, string> = {
  IDN: '国际化域名',
  age: '年龄',
  'ascii (punycode)': 'ASCII（punycode）',
  'birth date': '出生日期',
  category: '类别',
  'check character': '校验码',
  city: '市',
  county: '区县',
  date: '日期',
  day: '星期',
  'entity number': '主体备案号',
  'fileable TLD': '后缀可备案',
  from: '起',
  kind: '类型',
  'length (character equivalents)': '长度（按汉字计）',
  name: '名称',
  nature: '主办单位性质',
  'organisation class': '机构类别',
  'organisation code': '组织机构代码',
  province: '省份',
  'public suffix': '公共后缀',
  reason: '原因',
  region: '地区',
  'region code': '行政区划代码',
  'registering authority': '登记管理部门',
  'registrable domain': '可注册域名',
  result: '结果',
  scope: '范围',
  serial: '顺序号',
  service: '服务',
  'service number': '网站备案号',
  sex: '性别',
  'site suffix': '网站序号',
  start: '开始',
  subdomain: '子域名',
  'suggested nature': '建议单位性质',
  to: '止',
  'working day': '是否工作日',
  'working days': '工作日数',
  year: '年份',
};

/** Aligned "label  value" lines in the chosen language; undefined values are skipped. */
export function formatFields(
  fields: [string, string | number | boolean | undefined | null][],
  lang: Lang = 'en',
): string {
  const shown = fields
    .filter((f): f is [string, string | number | boolean] => f[1] !== undefined && f[1] !== null)
    .map(([label, value]): [string, string] => [
      lang === 'zh' ? (FIELD_LABELS_ZH[label] ?? label) : label,
      String(value),
    ]);
  const width = Math.max(0, ...shown.map(([label]) => displayWidth(label)));
  return shown.map(([label, value]) => `${pad(label, width)}  ${value}`).join('\n');
}

const LABELS = {
  valid: { en: 'VALID', zh: '有效' },
  invalid: { en: 'INVALID', zh: '无效' },
  errors: { en: 'Errors', zh: '错误' },
  warnings: { en: 'Warnings', zh: '提示' },
  source: { en: 'source', zh: '来源' },
} satisfies Record<string, Localized>;

export function formatIssues(title: string, issues: Issue[], lang: Lang): string {
  if (issues.length === 0) return '';
  return [
    `${title}:`,
    ...issues.map(
      (i) =>
        `  - [${i.code}] ${pick(i.message, lang)}${i.source ? ` (${pick(LABELS.source, lang)}: ${i.source})` : ''}`,
    ),
  ].join('\n');
}

/**
 * Prints a validator's answer: the whole structure as JSON with --json, otherwise a verdict line,
 * the parsed fields and the issues. Returns the process exit code (1 when invalid).
 */
export function printValidation<T>(
  output: Output,
  result: Validation<T>,
  describe: (value: T) => [string, string | number | boolean | undefined | null][],
): number {
  if (output.json) {
    output.out(JSON.stringify(result, null, 2));
  } else {
    const verdict = result.valid ? LABELS.valid : LABELS.invalid;
    const parts = [`${pick(verdict, output.lang)}  ${result.normalized}`];
    if (result.value !== undefined) parts.push(formatFields(describe(result.value), output.lang));
    const errors = formatIssues(pick(LABELS.errors, output.lang), result.errors, output.lang);
    const warnings = formatIssues(pick(LABELS.warnings, output.lang), result.warnings, output.lang);
    for (const block of [errors, warnings]) if (block) parts.push(block);
    output.out(parts.join('\n\n'));
  }
  return result.valid ? 0 : 1;
}

/** A usage or input problem the user must fix; main() prints it and exits with code 2. */
export class CliInputError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CliInputError';
  }
}
