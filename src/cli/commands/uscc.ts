import type { Command } from 'commander';
import { validateUscc } from '../../domain/validate/uscc.ts';
import { type Output, printValidation } from '../output.ts';

export function registerUsccCommand(program: Command, output: () => Output): void {
  program
    .command('uscc')
    .description('validate a unified social credit code (统一社会信用代码, GB 32100)')
    .argument('<code...>', '18-character code')
    .action((words: string[]) => {
      const input = words.join(' ');
      const result = validateUscc(input);
      process.exitCode = printValidation(output(), result, (v) => [
        ['registering authority', `${v.registeringAuthority.code} ${v.registeringAuthority.nameEn}`],
        [
          'organisation class',
          v.organisationClass ? `${v.organisationClass.code} ${v.organisationClass.nameEn}` : undefined,
        ],
        ['suggested nature', v.suggestedNature],
        ['region code', v.regionCode],
        [
          'province',
          v.region.province ? `${v.region.province.nameEn} ${v.region.province.nameZh}` : undefined,
        ],
        ['county', v.region.county ? `${v.region.county.nameEn} ${v.region.county.nameZh}` : undefined],
        ['organisation code', v.organisationCode],
        ['check character', v.checkChar],
      ]);
    });
}
