import type { Command } from 'commander';
import { validateResidentId } from '../../domain/validate/resident-id.ts';
import { type Output, printValidation } from '../output.ts';
import { parseDateOption, todayInChina } from '../parse-options.ts';

export function registerIdCommand(program: Command, output: () => Output): void {
  program
    .command('id')
    .description(
      'validate a resident identity number (居民身份证, GB 11643) or HK/Macao/Taiwan residence permit',
    )
    .argument('<number...>', '18-character number; full-width characters and spaces are tolerated')
    .option('--at <date>', 'date for the age and future-birth checks (YYYY-MM-DD, default: today in China)')
    .action((words: string[], opts: { at?: string }) => {
      const input = words.join(' ');
      const o = output();
      const at = opts.at === undefined ? todayInChina() : parseDateOption(opts.at, '--at');
      const result = validateResidentId(input, { at });
      process.exitCode = printValidation(o, result, (v) => [
        ['kind', v.kind],
        ['birth date', v.birthDate],
        ['age', v.age],
        ['sex', v.sex],
        ['region code', v.regionCode],
        [
          'province',
          v.region.province ? `${v.region.province.nameEn} ${v.region.province.nameZh}` : undefined,
        ],
        [
          'region',
          v.region.outsideFiling
            ? `${v.region.outsideFiling.nameEn} ${v.region.outsideFiling.nameZh}`
            : undefined,
        ],
        ['city', v.region.city ? `${v.region.city.nameEn} ${v.region.city.nameZh}` : undefined],
        ['county', v.region.county ? `${v.region.county.nameEn} ${v.region.county.nameZh}` : undefined],
      ]);
    });
}
