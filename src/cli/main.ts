import { readFileSync } from 'node:fs';
import { Command, type Command as CommandType, Option } from 'commander';
import { registerDomainCommand } from './commands/domain.ts';
import { registerEligibilityCommand } from './commands/eligibility.ts';
import { registerIdCommand } from './commands/id.ts';
import { registerNumberCommand } from './commands/number.ts';
import { registerPersonCommands } from './commands/person.ts';
import { registerProvincesCommand } from './commands/provinces.ts';
import { registerSiteNameCommand } from './commands/site-name.ts';
import { registerUsccCommand } from './commands/uscc.ts';
import { registerWorkdaysCommand } from './commands/workdays.ts';
import { CliInputError, type Lang, type Output } from './output.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

type Register = (program: CommandType, output: () => Output) => void;

/**
 * Commands that open a database load the database drivers, better-auth and friends, and `footer`
 * loads the HTTP client and playwright-core: they are imported only when they run (or for the full
 * help), so `openbeian id …` starts quickly.
 */
const LAZY_COMMANDS: Record<string, () => Promise<Register>> = {
  db: async () => (await import('./commands/db.ts')).registerDbCommand,
  registry: async () => (await import('./commands/registry.ts')).registerRegistryCommand,
  audit: async () => (await import('./commands/audit.ts')).registerAuditCommand,
  user: async () => (await import('./commands/user.ts')).registerUserCommand,
  footer: async () => (await import('./commands/footer.ts')).registerFooterCommand,
};

/** The first word that is neither an option nor the value of the global `--lang` option. */
function findCommandName(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--lang') i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

function defaultLang(): Lang {
  const env = process.env.OPENBEIAN_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  return env.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export async function buildProgram(argv: string[]): Promise<Command> {
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

  const commandName = findCommandName(argv.slice(2));
  for (const [name, load] of Object.entries(LAZY_COMMANDS)) {
    if (commandName === undefined || commandName === 'help' || commandName === name) {
      (await load())(program, output);
    }
  }
  return program;
}

/** Runs the CLI; input problems print a clear message (JSON with --json) and exit with code 2. */
export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
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
