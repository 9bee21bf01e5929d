import type { Command } from 'commander';
import { validateSiteName } from '../../domain/validate/site-name.ts';
import { requireNature, requireProvince } from '../catalogue-options.ts';
import { type Output, printValidation } from '../output.ts';

export function registerSiteNameCommand(program: Command, output: () => Output): void {
  program
    .command('site-name')
    .description('check a website name (网站名称) against national, individual-site and province rules')
    .argument('<name>', 'the website name as it would be filed')
    .requiredOption('--province <province>', 'filing province: code, name or abbreviation (11, Beijing, 京)')
    .requiredOption(
      '--nature <nature>',
      'entity nature id, e.g. individual, enterprise (see `openbeian provinces --natures`)',
    )
    .option('--domain <domain>', 'the domain of the site (the name may not be the domain)')
    .action((input: string, opts: { province: string; nature: string; domain?: string }) => {
      const province = requireProvince(opts.province, '--province');
      const nature = requireNature(opts.nature, '--nature');
      const result = validateSiteName(input, {
        province: province.code,
        nature: nature.id,
        ...(opts.domain === undefined ? {} : { domain: opts.domain }),
      });
      process.exitCode = printValidation(output(), result, (v) => [
        ['province', `${province.nameEn} ${province.nameZh}`],
        ['nature', `${nature.nameEn} ${nature.nameZh}`],
        ['length (character equivalents)', v.length],
      ]);
    });
}
