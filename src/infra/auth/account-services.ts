import type { Kysely } from 'kysely';
import type {
  AccountServices,
  AccountStores,
  AccountsTransaction,
  AuthGateway,
} from '../../app/accounts/account-stores.ts';
import type { Clock } from '../../app/ports.ts';
import type { Database } from '../db/database.ts';
import { createApiTokenRepository } from '../db/repositories/api-token-repository.ts';
import { createAuditLogRepository } from '../db/repositories/audit-log-repository.ts';
import {
  createClientAuthorisationRepository,
  createMembershipRepository,
} from '../db/repositories/membership-repository.ts';
import { createOrganisationRepository } from '../db/repositories/organisation-repository.ts';
import type { DB } from '../db/schema.ts';
import { type Auth, type CreateAuthOptions, createAuth, createCredentialAccounts } from './create-auth.ts';
import { createUserDirectory } from './user-directory.ts';

/** Every accounts store on one executor: the database, or a transaction. */
export function createAccountStores(executor: Kysely<DB>): AccountStores {
  return {
    organisations: createOrganisationRepository(executor),
    memberships: createMembershipRepository(executor),
    apiTokens: createApiTokenRepository(executor),
    clientAuthorisations: createClientAuthorisationRepository(executor),
    users: createUserDirectory(executor),
    auditLog: createAuditLogRepository(executor),
  };
}

export function createAccountsTransaction(database: Database): AccountsTransaction {
  return (work) => database.transaction((trx) => work(createAccountStores(trx)));
}

/** better-auth behind the AuthGateway port. */
export function createAuthGateway(auth: Auth): AuthGateway {
  return {
    handle: (request) => auth.handler(request),
    async findSession(headers) {
      const { headers: responseHeaders, response } = await auth.api.getSession({
        headers,
        returnHeaders: true,
      });
      if (!response) return undefined;
      return { userId: response.user.id, setCookies: responseHeaders.getSetCookie() };
    },
  };
}

/** Accounts on the app's database: better-auth for signing in, our repositories for the rest. */
export function createAccountServices(options: CreateAuthOptions & { clock: Clock }): AccountServices {
  const auth = createAuth(options);
  return {
    stores: createAccountStores(options.database.kysely),
    transaction: createAccountsTransaction(options.database),
    credentials: createCredentialAccounts(auth),
    clock: options.clock,
    auth: createAuthGateway(auth),
  };
}
