import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { registerAuditCommand } from './commands/audit.ts';
import { registerDbCommand } from './commands/db.ts';
import { registerDomainCommand } from './commands/domain.ts';
import { registerEligibilityCommand } from './commands/eligibility.ts';

import { registerIdCommand } from './commands/id.ts';
import { registerNumberCommand } from './commands/number.ts';
import { registerPersonCommands } from './commands/person.ts';
import { registerProvincesCommand } from './commands/provinces.ts';
import { registerRegistryCommand } from './commands/registry.ts';
import { registerSiteNameCommand } from './commands/site-name.ts';
import { registerUsccCommand } from './commands/uscc.ts';
import { registerWorkdaysCommand } from './commands/workdays.ts';
import { CliInputError, type Lang, type Output } from './output.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function defaultLang(): Lang {
  const env = process.env.OPENBEIAN_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  return env.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function buildProgram(): Command {
  const program = new Command('openbeian')
    .description('OpenBeian — ICP filing (备案) and ICP commercial licence rules from the command line')
    .version(pkg.version)
    .addOption(new Option('--json', 'print machine-readable JSON (see docs/cli.md)'))
    .addOption(
      new Option('--lang <lang>', 'language of messages').choices(['en', 'zh']).default(defaultLang()),
    )
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ showGlobalOptions: true });

  const output = (): Output => {
    const opts = program.opts<{ json?: boolean; lang: Lang }>();
    return {
      json: opts.json === true,
      lang: opts.lang,
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    };
  };

  registerIdCommand(program, output);
  registerUsccCommand(program, output);
  registerPersonCommands(program, output);
  registerNumberCommand(program, output);
  registerDomainCommand(program, output);
  registerSiteNameCommand(program, output);
  registerWorkdaysCommand(program, output);
  registerEligibilityCommand(program, output);

  registerProvincesCommand(program, output);
  registerDbCommand(program, output);
  registerRegistryCommand(program, output);
  registerAuditCommand(program, output);
  return program;
}

/** Runs the CLI; input problems print a clear message (JSON with --json) and exit with code 2. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CliInputError)) throw error;
    if (program.opts<{ json?: boolean }>().json) {
      const body = { error: { code: error.code, message: error.message, details: error.details } };
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      process.stderr.write(`openbeian: ${error.message}\n`);
    }
    process.exitCode = 2;
  }
}

await main(process.argv);
