import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import type { AccountServices } from '../../app/accounts/account-stores.ts';
import { createUserAccount } from '../../app/accounts/create-user-account.ts';
import { ensureSandboxAuthorities } from '../../app/accounts/ensure-sandbox-authorities.ts';
import { listUsers } from '../../app/accounts/list-users.ts';
import { isDomainError } from '../../app/errors.ts';
import { systemClock } from '../../app/ports.ts';
import { findProvince } from '../../domain/catalogue/catalogue.ts';
import { defaultCatalogue } from '../../domain/catalogue/default-catalogue.ts';
import { ROLES, type Role } from '../../domain/policy/order-access.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { createAccountServices } from '../../infra/auth/account-services.ts';
import type { Database } from '../../infra/db/database.ts';
import { CliInputError, formatTable, type Output, pick } from '../output.ts';
import { parseIntegerOption } from '../parse-options.ts';
import { addDatabaseOptions, type DatabaseCliOptions, withDatabase } from './db.ts';

const TEXT = {
  created: { en: 'Created user', zh: '已创建用户' },
  as: { en: 'as', zh: '角色' },
  in: { en: 'in', zh: '所属' },
  total: { en: 'users in total', zh: '个用户' },
  noRole: { en: 'applicant (no memberships)', zh: '申请人（无成员身份）' },
} satisfies Record<string, Localized>;

/**
 * Accounts on the database of the options. The CLI only creates and lists users, which needs no
 * session signing or two-factor encryption, so better-auth gets a throwaway secret instead of the
 * server's key (which the CLI never reads or creates).
 */
function openAccounts(database: Database): AccountServices {
  return createAccountServices({
    database,
    secretKey: randomBytes(32),
    publicUrl: 'http://localhost',
    clock: systemClock,
  });
}

/** A use case's refusal as a CLI input problem (exit 2), in the chosen language. */
function toCliError(error: unknown, out: Output): unknown {
  if (!isDomainError(error)) return error;
  return new CliInputError(pick(error.localizedMessage, out.lang), error.code, error.details);
}

async function readPassword(value: string): Promise<string> {
  if (value !== '-') return value;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trim();
}

interface CreateOptions extends DatabaseCliOptions {
  email: string;
  password: string;
  name: string;
  role: Role;
  org?: string;
  province?: string;
}

interface ListOptions extends DatabaseCliOptions {
  query?: string;
  limit: string;
}

export function registerUserCommand(program: Command, output: () => Output): void {
  const user = program.command('user').description('accounts: create users with a role, list users');

  addDatabaseOptions(
    user
      .command('create')
      .description('create a user who signs in with e-mail and password, with a role')
      .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
      .requiredOption(
        '--password <password>',
        'password (8–128 characters); "-" reads it from standard input',
      )
      .requiredOption('--name <name>', 'display name')
      .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
      .option(
        '--org <organisation>',
        'organisation id or exact name (agents, provider staff, applicant organisations)',
      )
      .option(
        '--province <province>',
        'authority reviewers: the province of their sandbox authority (11, Beijing, 北京, 京)',
      ),
  ).action(async (opts: CreateOptions) => {
    const out = output();
    const email = z.email().safeParse(opts.email.trim());
    if (!email.success)
      throw new CliInputError(`--email: not an e-mail address: ${opts.email}`, 'invalid_email');
    const name = opts.name.trim();
    if (name === '' || name.length > 100 || /\p{Cc}/u.test(name)) {
      throw new CliInputError('--name must have 1–100 characters and no control characters', 'invalid_name');
    }
    let provinceCode: string | undefined;
    if (opts.province !== undefined) {
      const province = findProvince(defaultCatalogue, opts.province);
      if (!province)
        throw new CliInputError(`--province: no such province: ${opts.province}`, 'province_not_found');
      provinceCode = province.code;
    }
    const password = await readPassword(opts.password);
    const created = await withDatabase(opts, async (database) => {
      const accounts = openAccounts(database);
      await ensureSandboxAuthorities({
        stores: accounts.stores,
        catalogue: defaultCatalogue,
        clock: systemClock,
      });
      return createUserAccount(accounts, {
        actorLabel: 'cli',
        email: email.data,
        name,
        password,
        role: opts.role,
        organisation: opts.org,
        provinceCode,
      }).catch((error: unknown) => {
        throw toCliError(error, out);
      });
    });
    if (out.json) {
      out.out(
        JSON.stringify(
          { user: created.user, role: opts.role, membership: created.membership ?? null },
          null,
          2,
        ),
      );
      return;
    }
    const where = created.membership
      ? ` ${pick(TEXT.in, out.lang)} #${created.membership.organisationId}`
      : '';
    out.out(
      `${pick(TEXT.created, out.lang)} #${created.user.id} ${created.user.email} ${pick(TEXT.as, out.lang)} ${opts.role}${where}`,
    );
  });

  addDatabaseOptions(
    user
      .command('list')
      .description('list users with their roles, oldest first')
      .option('--query <text>', 'part of the name or e-mail address')
      .option('--limit <n>', 'at most this many', '100'),
  ).action(async (opts: ListOptions) => {
    const out = output();
    const limit = parseIntegerOption(opts.limit, '--limit');
    if (limit < 1 || limit > 10_000) throw new CliInputError('--limit must be 1–10000', 'invalid_number');
    const page = await withDatabase(opts, (database) =>
      listUsers(openAccounts(database), { query: opts.query, limit, offset: 0 }),
    );
    if (out.json) {
      out.out(JSON.stringify(page, null, 2));
      return;
    }
    const rows = page.items.map(({ user: account, memberships }) => [
      account.id,
      account.email,
      account.name,
      memberships.length === 0
        ? pick(TEXT.noRole, out.lang)
        : memberships
            .map((m) => `${m.role} @ ${out.lang === 'zh' ? m.organisation.nameZh : m.organisation.nameEn}`)
            .join(', '),
    ]);
    out.out(formatTable(['id', 'e-mail', 'name', 'roles'], rows));
    out.out(`${page.total} ${pick(TEXT.total, out.lang)}`);
  });
}
