import type { Command } from 'commander';
import { validateDomain } from '../../domain/validate/domain.ts';
import { type Output, printValidation } from '../output.ts';

export function registerDomainCommand(program: Command, output: () => Output): void {
  program
    .command('domain')
    .description('normalise a domain and check that it can be filed (registrable domain, fileable TLD)')
    .argument('<name>', 'domain or URL, e.g. https://www.example.com.cn/path or 例子.中国')
    .action((input: string) => {
      const result = validateDomain(input);
      process.exitCode = printValidation(output(), result, (v) => [
        ['registrable domain', v.registrableDomain.unicode],
        ['ascii (punycode)', v.registrableDomain.ascii],
        ['public suffix', v.publicSuffix.unicode],
        ['subdomain', v.subdomain?.unicode],
        ['IDN', v.isIdn],
        ['fileable TLD', v.isFileable],
      ]);
    });
}
