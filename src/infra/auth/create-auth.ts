import { type BetterAuthOptions, betterAuth, type GenericEndpointContext } from 'better-auth';
import { APIError } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { CredentialAccounts, UserAccount } from '../../app/accounts/account-stores.ts';
import type { Database } from '../db/database.ts';
import { deriveAuthSecret } from './auth-secret.ts';
import { deletePasswordLinks } from './user-directory.ts';

/** Where better-auth's own log lines go; a pino logger fits. */
export interface AuthLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface CreateAuthOptions {
  database: Database;
  /** The server's 32-byte secret key; better-auth gets a key derived from it. */
  secretKey: Buffer;
  /** Where users reach the server (config.publicUrl): the trusted origin of cookie-carrying requests. */
  publicUrl: string;
  logger?: AuthLogger | undefined;
  /**
   * Mails a password link better-auth issued (request-password-reset): the caller puts it in the mail
   * outbox. Without it, password links cannot be requested.
   */
  sendPasswordLink?: ((link: PasswordLink) => Promise<void>) | undefined;
}

/** A single-use password link's token and the user it is for. */
export interface PasswordLink {
  userId: string;
  email: string;
  name: string;
  /** Goes into `<publicUrl>/reset-password?token=…`; better-auth keeps it in auth_verifications. */
  token: string;
}

type HookContext = Pick<GenericEndpointContext, 'context'>;

/** better-auth's code (`details.authCode`) when a disabled user signs in. */
export const ACCOUNT_DISABLED_CODE = 'ACCOUNT_DISABLED';

/**
 * How long a password link works: invitations are mailed to people who may read their mail the next
 * day, so a day rather than better-auth's hour; the link is single-use either way.
 */
export const PASSWORD_LINK_EXPIRES_IN_SECONDS = 24 * 60 * 60;

/** better-auth's routes live under this path; the server forwards everything below it. */
export const AUTH_BASE_PATH = '/api/auth';

/** Cookie names start with this, e.g. `openbeian.session_token`. */
export const AUTH_COOKIE_PREFIX = 'openbeian';

/** Set by the server from the address Fastify resolved, replacing whatever a client sent. */
export const CLIENT_ADDRESS_HEADER = 'x-openbeian-client-address';

/** A session lasts 7 days and is extended (at most once a day) while it is used. */
const SESSION_EXPIRES_IN_SECONDS = 7 * 24 * 60 * 60;
const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

/** ASVS 6.2.1 asks for at least 8 characters; 128 keeps scrypt's work per attempt bounded. */
const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

/**
 * Flows that need mail or third parties the platform does not offer through better-auth: e-mail
 * verification and change are not offered, social sign-in is not used, and one-time codes by mail are
 * not a second factor here (TOTP is). Password links (request-password-reset, reset-password) go
 * through the mail outbox.
 */
const DISABLED_PATHS = [
  '/sign-in/social',
  '/link-social',
  '/unlink-account',
  '/refresh-token',
  '/get-access-token',
  '/account-info',
  '/verify-email',
  '/send-verification-email',
  '/change-email',
  '/delete-user',
  '/two-factor/send-otp',
  '/two-factor/verify-otp',
];

const EMAIL_ADDRESS = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g;

/** better-auth logs e-mail addresses in some messages (e.g. a sign-up for a taken address). */
function maskEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, '[email]');
}

function describeLogArgument(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return typeof value === 'string' ? value : '';
}

/**
 * better-auth over our Kysely instance, so its writes share the connection (and on SQLite the single
 * connection's lock) with the rest of the app. Models and fields are mapped onto the snake_case tables
 * of migration 0003; ids are the tables' identity columns (`generateId: 'serial'`), passed around as
 * decimal strings.
 */
export function createAuth(options: CreateAuthOptions) {
  return betterAuth(buildAuthOptions(options));
}

/** better-auth's configuration (exported for the schema check in the tests). */
export function buildAuthOptions(options: CreateAuthOptions) {
  const isHttps = options.publicUrl.startsWith('https:');
  const logger = options.logger;
  const sendPasswordLink = options.sendPasswordLink ?? (async () => {});
  return {
    appName: 'OpenBeian',
    baseURL: options.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret: deriveAuthSecret(options.secretKey),
    database: {
      db: options.database.kysely,
      type: options.database.dialect,
      transaction: true,
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_LENGTH.min,
      maxPasswordLength: PASSWORD_LENGTH.max,
      autoSignIn: true,
      resetPasswordTokenExpiresIn: PASSWORD_LINK_EXPIRES_IN_SECONDS,
      // Whoever had the old password is signed out once a new one is set.
      revokeSessionsOnPasswordReset: true,
      // better-auth consumes the link used; other links mailed earlier must not set a password again.
      // It calls this after its transaction committed, so the query does not wait for its lock.
      onPasswordReset: async ({ user }: { user: { id: string } }) => {
        await deletePasswordLinks(options.database.kysely, String(user.id));
      },
      ...(options.sendPasswordLink === undefined
        ? {}
        : {
            sendResetPassword: async ({ user, token }: { user: AuthUser; token: string }) => {
              await sendPasswordLink({ userId: String(user.id), email: user.email, name: user.name, token });
            },
          }),
    },
    databaseHooks: {
      session: {
        create: {
          // Every sign-in (password, two-factor, after a reset) ends in a new session: refuse it here.
          before: async (session: { userId: string | number }, context: HookContext | null) => {
            // Sessions are only created by better-auth's endpoints, which pass their context; without
            // one the disabled check below cannot run, so no session.
            if (!context) throw new Error('A session was created outside a better-auth endpoint.');
            // Through better-auth's adapter, which joins the transaction a sign-up runs in (on SQLite a
            // query beside it would wait for the transaction's lock forever).
            const user = await context.context.internalAdapter.findUserById(String(session.userId));
            if (!user || (user as { disabledAt?: unknown }).disabledAt != null) {
              throw APIError.from('UNAUTHORIZED', {
                code: ACCOUNT_DISABLED_CODE,
                message: 'This account has been disabled by an administrator.',
              });
            }
          },
        },
      },
    },
    user: {
      modelName: 'users',
      fields: {
        emailVerified: 'email_verified',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      additionalFields: {
        // Ours (migration 0012, written by src/app/accounts/set-user-disabled.ts): read by the hook
        // below, never set through better-auth and never in its answers.
        disabledAt: {
          type: 'string',
          fieldName: 'disabled_at',
          required: false,
          input: false,
          returned: false,
        },
      },
    },
    session: {
      modelName: 'auth_sessions',
      expiresIn: SESSION_EXPIRES_IN_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: {
        expiresAt: 'expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    plugins: [
      twoFactor({
        issuer: 'OpenBeian',
        schema: {
          user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
          twoFactor: {
            modelName: 'auth_two_factors',
            fields: {
              userId: 'user_id',
              backupCodes: 'backup_codes',
              failedVerificationCount: 'failed_verification_count',
              lockedUntil: 'locked_until',
            },
          },
        },
      }),
    ],
    disabledPaths: DISABLED_PATHS,
    // The server rate-limits /api/auth/* per client address itself (src/server/routes/auth.ts).
    rateLimit: { enabled: false },
    advanced: {
      database: { generateId: 'serial' },
      cookiePrefix: AUTH_COOKIE_PREFIX,
      useSecureCookies: isHttps,
      // Explicit: better-auth turns the origin check off when NODE_ENV is "test".
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        if (!logger) return;
        const text = maskEmailAddresses(
          ['better-auth:', message, ...args.map(describeLogArgument)].filter(Boolean).join(' '),
        );
        if (level === 'error') logger.error(text);
        else logger.warn(text);
      },
    },
  } satisfies BetterAuthOptions;
}

export type Auth = ReturnType<typeof createAuth>;

/** better-auth's user as it reaches our code. */
interface AuthUser {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
  twoFactorEnabled?: boolean | null | undefined;
}

function toUserAccount(user: AuthUser, hasPassword: boolean): UserAccount {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    twoFactorEnabled: user.twoFactorEnabled === true,
    createdAt: user.createdAt.toISOString(),
    disabledAt: null,
    hasPassword,
  };
}

/**
 * Creates users with a password the way better-auth's sign-up does (its scrypt hash, a "credential"
 * account), without signing anyone in: for the CLI and administrators.
 */
export function createCredentialAccounts(auth: Auth): CredentialAccounts {
  return {
    passwordLength: PASSWORD_LENGTH,
    async createUser(input) {
      const context = await auth.$context;
      const email = input.email.toLowerCase();
      if (await context.internalAdapter.findUserByEmail(email)) return undefined;
      const hash = await context.password.hash(input.password);
      let user: AuthUser;
      try {
        user = await context.internalAdapter.createUser(
          { email, name: input.name, emailVerified: false },
          { method: 'email-password' },
        );
      } catch (error) {
        // Another request took the address between the check and the insert.
        if (await context.internalAdapter.findUserByEmail(email)) return undefined;
        throw error;
      }
      try {
        await context.internalAdapter.linkAccount({
          userId: user.id,
          providerId: 'credential',
          accountId: user.id,
          password: hash,
        });
      } catch (error) {
        // A user without a password could never sign in, and would hold the address.
        await context.internalAdapter.deleteUser(user.id);
        throw error;
      }
      return toUserAccount(user, true);
    },
    async createInvitedUser(input) {
      const context = await auth.$context;
      const email = input.email.toLowerCase();
      if (await context.internalAdapter.findUserByEmail(email)) return undefined;
      try {
        // No credential account yet: better-auth's reset-password creates it with the first password.
        const user = await context.internalAdapter.createUser(
          { email, name: input.name, emailVerified: false },
          { method: 'email-password' },
        );
        return toUserAccount(user, false);
      } catch (error) {
        if (await context.internalAdapter.findUserByEmail(email)) return undefined;
        throw error;
      }
    },
    async deleteUser(id) {
      const context = await auth.$context;
      await context.internalAdapter.deleteUser(id);
    },
  };
}
