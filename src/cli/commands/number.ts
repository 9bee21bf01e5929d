import type { Command } from 'commander';
import { parseAnyNumber } from '../../domain/numbers/detect-number.ts';
import { type Output, printValidation } from '../output.ts';

const KIND_NAMES = {
  icp_filing: 'ICP filing number (ICP备案号)',
  icp_licence: 'ICP commercial licence (ICP经营许可证)',
  telecom_licence: 'value-added telecom licence (增值电信业务经营许可证)',
  psb_filing: 'public-security filing (公安备案号)',
} as const;

export function registerNumberCommand(program: Command, output: () => Output): void {
  program
    .command('number')
    .description('decode an ICP filing number, commercial licence, telecom licence or PSB filing number')
    .argument(
      '<string...>',
      'e.g. 京ICP备2021034286号-1, 京ICP证030173号, 京B2-20212732, 京公网安备11010802020134号',
    )
    .action((words: string[]) => {
      const input = words.join(' ');
      const result = parseAnyNumber(input);
      process.exitCode = printValidation(output(), result, (v) => {
        const province =
          'province' in v && v.province ? `${v.province.nameEn} ${v.province.nameZh}` : undefined;
        switch (v.kind) {
          case 'icp_filing':
            return [
              ['kind', KIND_NAMES[v.kind]],
              ['province', province],
              ['year', v.year],
              ['serial', v.serial],
              ['entity number', v.entityNumber],
              ['service', v.service ? `${v.service.suffix} (${v.service.type})` : undefined],
              ['service number', v.service?.number],
            ];
          case 'icp_licence':
            return [
              ['kind', KIND_NAMES[v.kind]],
              ['province', province],
              ['year', v.year],
              ['serial', v.serial],
              ['site suffix', v.suffix],
            ];
          case 'telecom_licence':
            return [
              ['kind', KIND_NAMES[v.kind]],
              ['category', v.category],
              ['scope', v.scope],
              ['province', province],
              ['year', v.year],
              ['serial', v.serial],
            ];
          case 'psb_filing':
            return [
              ['kind', KIND_NAMES[v.kind]],
              ['province', province],
              ['city', v.city ? `${v.city.nameEn} ${v.city.nameZh}` : undefined],
              ['county', v.county ? `${v.county.nameEn} ${v.county.nameZh}` : v.countyCode],
              ['serial', v.serial],
            ];
        }
      });
    });
}
