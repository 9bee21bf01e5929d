import type { Kysely } from 'kysely';
import type {
  AccountServices,
  AccountStores,
  AccountsTransaction,
  AuthGateway,
} from '../../app/accounts/account-stores.ts';
import { mailPasswordLink, type PasswordLinkMailDeps } from '../../app/accounts/mail-password-link.ts';
import type { Clock } from '../../app/ports.ts';
import { createFieldCipher, deriveDataKeys } from '../crypto/envelope.ts';
import type { Database, DatabaseDialect } from '../db/database.ts';
import { createApiTokenRepository } from '../db/repositories/api-token-repository.ts';
import { createAuditLogRepository } from '../db/repositories/audit-log-repository.ts';
import {
  createClientAuthorisationRepository,
  createMembershipRepository,
} from '../db/repositories/membership-repository.ts';
import { createNotificationRepository } from '../db/repositories/notification-repository.ts';
import { createOrganisationRepository } from '../db/repositories/organisation-repository.ts';
import { createPreferenceRepository } from '../db/repositories/preference-repository.ts';
import type { DB } from '../db/schema.ts';
import {
  type Auth,
  type CreateAuthOptions,
  createAuth,
  createCredentialAccounts,
  PASSWORD_LINK_EXPIRES_IN_SECONDS,
} from './create-auth.ts';
import { createUserDirectory } from './user-directory.ts';

/** Every accounts store on one executor: the database, or a transaction. */
export function createAccountStores(executor: Kysely<DB>, dialect: DatabaseDialect): AccountStores {
  return {
    organisations: createOrganisationRepository(executor),
    memberships: createMembershipRepository(executor, dialect),
    apiTokens: createApiTokenRepository(executor),
    clientAuthorisations: createClientAuthorisationRepository(executor),
    users: createUserDirectory(executor),
    preferences: createPreferenceRepository(executor),
    auditLog: createAuditLogRepository(executor),
  };
}

export function createAccountsTransaction(database: Database): AccountsTransaction {
  return (work) => database.transaction((trx) => work(createAccountStores(trx, database.dialect)));
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
    async sendPasswordLink(email) {
      // better-auth issues and stores the single-use token, then calls sendResetPassword (below).
      await auth.api.requestPasswordReset({ body: { email } });
    },
  };
}

/** Accounts on the app's database: better-auth for signing in, our repositories for the rest. */
export function createAccountServices(
  options: Omit<CreateAuthOptions, 'sendPasswordLink'> & { clock: Clock },
): AccountServices {
  const stores = createAccountStores(options.database.kysely, options.database.dialect);
  // The field cipher of the server's key, as the outbox dispatcher decrypts mail with (server.ts).
  const mailDeps: PasswordLinkMailDeps = {
    stores,
    notifications: createNotificationRepository(options.database.kysely, options.database.dialect),
    fieldCipher: createFieldCipher(deriveDataKeys(options.secretKey)),
    clock: options.clock,
    publicUrl: options.publicUrl,
    expiresInHours: PASSWORD_LINK_EXPIRES_IN_SECONDS / 3600,
  };
  const auth = createAuth({ ...options, sendPasswordLink: (link) => mailPasswordLink(mailDeps, link) });
  return {
    stores,
    transaction: createAccountsTransaction(options.database),
    credentials: createCredentialAccounts(auth),
    clock: options.clock,
    auth: createAuthGateway(auth),
  };
}
