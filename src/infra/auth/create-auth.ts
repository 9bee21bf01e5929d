import { type BetterAuthOptions, betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { CredentialAccounts, UserAccount } from '../../app/accounts/account-stores.ts';
import type { Database } from '../db/database.ts';
import { deriveAuthSecret } from './auth-secret.ts';

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
}

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
 * Flows that need mail or third parties the platform does not offer through better-auth: password
 * reset and e-mail verification wait for the mail outbox, social sign-in is not used, and one-time
 * codes by mail are not a second factor here (TOTP is).
 */
const DISABLED_PATHS = [
  '/sign-in/social',
  '/link-social',
  '/unlink-account',
  '/refresh-token',
  '/get-access-token',
  '/account-info',
  '/request-password-reset',
  '/reset-password',
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
    },
    user: {
      modelName: 'users',
      fields: {
        emailVerified: 'email_verified',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
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

function toUserAccount(user: AuthUser): UserAccount {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    twoFactorEnabled: user.twoFactorEnabled === true,
    createdAt: user.createdAt.toISOString(),
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
      return toUserAccount(user);
    },
    async deleteUser(id) {
      const context = await auth.$context;
      await context.internalAdapter.deleteUser(id);
    },
  };
}
