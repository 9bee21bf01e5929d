import { assertNever } from '../shared/assert-never.ts';
import { issue, type Validation, validation } from '../shared/issue.ts';
import { type FilingNumber, parseFilingNumber } from './filing-number.ts';
import {
  type IcpLicenceNumber,
  parseIcpLicenceNumber,
  parseTelecomLicenceNumber,
  type TelecomLicenceNumber,
} from './licence-number.ts';
import { type NumberParseOptions, normalizeNumberText } from './number-text.ts';
import { type PsbNumber, parsePsbNumber } from './psb-number.ts';

export type AnyNumber = FilingNumber | IcpLicenceNumber | TelecomLicenceNumber | PsbNumber;
export type NumberKind = AnyNumber['kind'];

/** A category code followed by a hyphen: B2-…, 京B2-…, A2.B1.B2-… (ref-6-licence). */
const TELECOM_MARKER = /^[^A-Z0-9]*[A-Z]\d(?:\.[A-Z]\d)*-/u;

/** Which kind of number the text looks like, from its marker (公网安备, ICP备, B2-, ICP证). */
export function detectNumberKind(input: string): NumberKind | undefined {
  const text = normalizeNumberText(input);
  if (text.includes('公网安备')) return 'psb_filing';
  if (text.includes('ICP备')) return 'icp_filing';
  if (TELECOM_MARKER.test(text)) return 'telecom_licence';
  if (text.includes('ICP证')) return 'icp_licence';
  return undefined;
}

/**
 * Parses any number a site shows in its footer: ICP filing, ICP licence, value-added telecom licence
 * or public-security filing. The kind is detected from its marker and the matching parser answers.
 */
export function parseAnyNumber(input: string, opts: NumberParseOptions = {}): Validation<AnyNumber> {
  const kind = detectNumberKind(input);
  switch (kind) {
    case 'icp_filing':
      return parseFilingNumber(input, opts);
    case 'icp_licence':
      return parseIcpLicenceNumber(input, opts);
    case 'telecom_licence':
      return parseTelecomLicenceNumber(input, opts);
    case 'psb_filing':
      return parsePsbNumber(input, opts);
    case undefined:
      return validation(
        normalizeNumberText(input),
        [
          issue(
            'unrecognised_number',
            'Not a recognised number. Accepted forms: ICP filing 京ICP备2021034286号 (service 京ICP备2021034286号-1, -2A app, -3X mini-program, -4K quick app; older 8-digit 京ICP备16059763号), ICP licence 京ICP证030173号, value-added telecom licence 京B2-20212732 or cross-regional B2-20233776, public-security filing 京公网安备11010802020134号.',
            '无法识别的编号。可接受的格式：ICP 备案号 京ICP备2021034286号（服务备案号 京ICP备2021034286号-1，App 为 -2A，小程序为 -3X，快应用为 -4K；早期 8 位如 京ICP备16059763号）；ICP 经营许可证 京ICP证030173号；增值电信业务经营许可证 京B2-20212732 或跨地区 B2-20233776；公安联网备案号 京公网安备11010802020134号。',
            { source: 'ref-6-numbers' },
          ),
        ],
        [],
      );
    default:
      return assertNever(kind);
  }
}
