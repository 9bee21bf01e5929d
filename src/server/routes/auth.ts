import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, type ErrorCode } from '../../app/errors.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { ACCOUNT_DISABLED_CODE, AUTH_BASE_PATH } from '../../infra/auth/create-auth.ts';
import { getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { defaultMessages } from '../errors.ts';
import { getAccounts, toAuthHeaders } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { buildPlainText } from './organisations.ts';

/**
 * better-auth's endpoints under /api/auth. The ones a client needs are declared here with zod schemas,
 * so they are validated (400 with field errors), documented in OpenAPI and rate-limited; everything
 * else under /api/auth/* (change-password, list-sessions, revoke-session …) is forwarded as is.
 * better-auth's errors are answered in our error shape; its successes pass through unchanged,
 * Set-Cookie included.
 */

const emailSchema = z.email().max(254).describe('The account’s e-mail address (case does not matter).');
const passwordSchema = z.string().min(1).max(128);
const totpCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'six digits')
  .describe('The six-digit code the authenticator app shows now.');

const authUserSchema = z
  .object({
    id: z.string().describe('Decimal user id.'),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AuthUser', description: 'The signed-in user as better-auth returns it.' });

const signedInSchema = z
  .object({
    redirect: z.boolean(),
    token: z.string().describe('The session token (also in the session cookie).'),
    user: authUserSchema,
  })
  .meta({ id: 'SignedIn' });

const twoFactorChallengeSchema = z
  .object({
    twoFactorRedirect: z.literal(true),
    twoFactorMethods: z
      .array(z.string())
      .describe('"totp": verify with POST /api/auth/two-factor/verify-totp.'),
  })
  .meta({
    id: 'TwoFactorChallenge',
    description:
      'The password was right and the account has two-factor authentication: no session yet. A short-lived two_factor cookie identifies the sign-in; send the TOTP (or a backup code) with it.',
  });

const sessionSchema = z
  .object({
    session: z.object({
      id: z.string(),
      userId: z.string(),
      expiresAt: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
      ipAddress: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
    user: authUserSchema,
  })
  .meta({ id: 'AuthSession' });

const authErrorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  429: errorResponseSchema,
  500: errorResponseSchema,
};

const DROPPED_RESPONSE_HEADERS = new Set(['set-cookie', 'content-length', 'transfer-encoding', 'connection']);

/** The Fastify request as the WHATWG Request better-auth's handler takes. */
function toWebRequest(request: FastifyRequest, publicUrl: string): Request {
  const headers = toAuthHeaders(request);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined;
  if (hasBody) headers.set('content-type', 'application/json');
  return new Request(new URL(request.url, new URL(publicUrl).origin), {
    method: request.method,
    headers,
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
  });
}

const ERROR_CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  // Origin and CSRF refusals: the API has no 403 (docs/api.md), and the session cannot be trusted.
  403: 'unauthenticated',
  404: 'not_found',
  409: 'conflict',
  422: 'conflict',
  429: 'rate_limited',
};

/** Messages in both languages for the better-auth codes clients meet; others keep better-auth's text. */
const AUTH_MESSAGES: Readonly<Record<string, Localized>> = {
  INVALID_EMAIL_OR_PASSWORD: {
    en: 'The e-mail address or the password is wrong.',
    zh: '电子邮箱或密码错误。',
  },
  USER_ALREADY_EXISTS: {
    en: 'An account with this e-mail address already exists.',
    zh: '使用此电子邮箱的账户已存在。',
  },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: {
    en: 'An account with this e-mail address already exists.',
    zh: '使用此电子邮箱的账户已存在。',
  },
  INVALID_PASSWORD: { en: 'The password is wrong.', zh: '密码错误。' },
  PASSWORD_TOO_SHORT: { en: 'The password is too short.', zh: '密码太短。' },
  PASSWORD_TOO_LONG: { en: 'The password is too long.', zh: '密码太长。' },
  INVALID_TOKEN: {
    en: 'This password link is invalid, used or expired: ask for a new one.',
    zh: '该密码链接无效、已使用或已过期，请重新获取。',
  },
  [ACCOUNT_DISABLED_CODE]: {
    en: 'This account has been disabled. Contact your administrator.',
    zh: '该账户已被停用，请联系管理员。',
  },
  INVALID_CODE: { en: 'The code is wrong.', zh: '验证码错误。' },
  INVALID_TWO_FACTOR_COOKIE: {
    en: 'The two-factor sign-in expired: sign in with your password again.',
    zh: '两步验证登录已过期，请重新用密码登录。',
  },
  INVALID_ORIGIN: {
    en: 'Requests with a session cookie must come from this site (check PUBLIC_URL).',
    zh: '携带会话 Cookie 的请求必须来自本站（请检查 PUBLIC_URL）。',
  },
  MISSING_OR_NULL_ORIGIN: {
    en: 'Requests with a session cookie must send an Origin header.',
    zh: '携带会话 Cookie 的请求必须发送 Origin 请求头。',
  },
};

/** better-auth's error answer as our error: stable code, both languages, its code in `details.authCode`. */
async function toAuthError(response: Response, log: FastifyBaseLogger): Promise<DomainError> {
  const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
  const authCode = typeof body.code === 'string' ? body.code : undefined;
  const code = ERROR_CODE_BY_STATUS[response.status] ?? 'internal_error';
  if (code === 'internal_error') log.error({ status: response.status, authCode }, 'better-auth failed');
  const fallback = defaultMessages[code];
  const message =
    (authCode === undefined ? undefined : AUTH_MESSAGES[authCode]) ??
    (code !== 'internal_error' && typeof body.message === 'string' && body.message !== ''
      ? { en: body.message, zh: fallback.zh }
      : fallback);
  return new DomainError(code, message, authCode === undefined ? undefined : { authCode });
}

/** Hands the request to better-auth and its answer back to the client. */
async function forwardToAuth(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply) {
  const accounts = getAccounts(deps);
  const response = await accounts.auth.handle(toWebRequest(request, deps.config.publicUrl));
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  if (response.status >= 400) throw await toAuthError(response, request.log);
  for (const [name, value] of response.headers) {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) reply.header(name, value);
  }
  const text = await response.text();
  // A string body with a JSON content type goes out as it is, unserialised.
  return reply.status(response.status).send(text === '' ? undefined : text);
}

export function registerAuthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const signInLimit = { rateLimit: getRateLimitConfig(deps, 'signIn') };
  const authLimit = { rateLimit: getRateLimitConfig(deps, 'publicApi') };
  const forward = (request: FastifyRequest, reply: FastifyReply) => forwardToAuth(deps, request, reply);

  typed.post(
    `${AUTH_BASE_PATH}/sign-up/email`,
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Sign up with e-mail and password',
        description:
          'Creates an account (an applicant until an administrator adds memberships) and signs it in: the answer sets the session cookie.',
        body: z
          .strictObject({
            name: buildPlainText(100),
            email: emailSchema,
            password: z.string().min(8).max(128).describe('8–128 characters.'),
            rememberMe: z.boolean().optional(),
          })
          .meta({ id: 'SignUpRequest' }),
        response: {
          200: z.object({ token: z.string().nullable(), user: authUserSchema }).meta({ id: 'SignedUp' }),
          409: errorResponseSchema,
          ...authErrorResponses,
        },
      },
    },
    forward,
  );

  typed.post(
    `${AUTH_BASE_PATH}/sign-in/email`,
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        description:
          'Sets the session cookie (`openbeian.session_token`, HttpOnly, SameSite=Lax). A wrong e-mail address and a wrong password answer alike: 401 `unauthenticated`, `details.authCode` INVALID_EMAIL_OR_PASSWORD. A disabled account (right password) answers 401 with `details.authCode` ACCOUNT_DISABLED. Accounts with two-factor authentication get a TwoFactorChallenge instead of a session.',
        body: z
          .strictObject({
            email: emailSchema,
            password: passwordSchema,
            rememberMe: z.boolean().optional().describe('false: the session ends with the browser session.'),
          })
          .meta({ id: 'SignInRequest' }),
        response: { 200: z.union([signedInSchema, twoFactorChallengeSchema]), ...authErrorResponses },
      },
    },
    forward,
  );

  typed.post(
    `${AUTH_BASE_PATH}/sign-out`,
    {
      config: authLimit,
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        description: 'Ends the session of the cookie sent and clears the cookie. Send the Origin header.',
        response: { 200: z.object({ success: z.boolean() }), ...authErrorResponses },
      },
    },
    forward,
  );

  typed.get(
    `${AUTH_BASE_PATH}/get-session`,
    {
      config: authLimit,
      schema: {
        tags: ['auth'],
        summary: 'The current session',
        description: 'The session and user of the cookie sent, or null without a (valid) session.',
        response: { 200: sessionSchema.nullable(), ...authErrorResponses },
      },
    },
    forward,
  );

  typed.post(
    `${AUTH_BASE_PATH}/two-factor/enable`,
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Start enabling two-factor authentication (TOTP)',
        description:
          'With the password: answers the otpauth:// URI for an authenticator app and single-use backup codes. Two-factor authentication is on once a first code is confirmed with POST /api/auth/two-factor/verify-totp.',
        body: z.strictObject({ password: passwordSchema }).meta({ id: 'TwoFactorEnableRequest' }),
        response: {
          200: z
            .object({ totpURI: z.string(), backupCodes: z.array(z.string()) })
            .meta({ id: 'TwoFactorSetup' }),
          ...authErrorResponses,
        },
      },
    },
    forward,
  );

  typed.post(
    `${AUTH_BASE_PATH}/two-factor/verify-totp`,
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Verify a TOTP code',
        description:
          'After a TwoFactorChallenge (with its two_factor cookie): completes the sign-in and sets the session cookie. While enabling (with a session): confirms the authenticator and turns two-factor authentication on. Repeated wrong codes lock the account for a while.',
        body: z
          .strictObject({
            code: totpCodeSchema,
            trustDevice: z
              .boolean()
              .optional()
              .describe('Skip the second factor on this browser for 30 days.'),
          })
          .meta({ id: 'TotpVerifyRequest' }),
        response: {
          200: z.object({ token: z.string(), user: authUserSchema }).meta({ id: 'TwoFactorVerified' }),
          ...authErrorResponses,
        },
      },
    },
    forward,
  );

  typed.post(
    `${AUTH_BASE_PATH}/two-factor/verify-backup-code`,
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Complete a two-factor sign-in with a backup code',
        description: 'Like verify-totp, with one of the single-use backup codes.',
        body: z
          .strictObject({ code: z.string().min(1).max(64), trustDevice: z.boolean().optional() })
          .meta({ id: 'BackupCodeVerifyRequest' }),
        response: { 200: z.object({ token: z.string(), user: authUserSchema }), ...authErrorResponses },
      },
    },
    forward,
  );

  typed.post(
    `${AUTH_BASE_PATH}/two-factor/disable`,
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Disable two-factor authentication',
        body: z.strictObject({ password: passwordSchema }).meta({ id: 'TwoFactorDisableRequest' }),
        response: { 200: z.object({ status: z.boolean() }), ...authErrorResponses },
      },
    },
    forward,
  );

  typed.post(
    `${AUTH_BASE_PATH}/request-password-reset`,
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Mail a password reset link',
        description:
          'Queues a mail with a single-use link to `/reset-password?token=…` (valid 24 hours) when the address has an enabled account. Answers alike whether or not it has one, so nobody learns which addresses have accounts.',
        body: z.strictObject({ email: emailSchema }).meta({ id: 'RequestPasswordResetRequest' }),
        response: {
          200: z.object({ status: z.boolean(), message: z.string() }).meta({ id: 'PasswordResetRequested' }),
          ...authErrorResponses,
        },
      },
    },
    forward,
  );

  typed.post(
    `${AUTH_BASE_PATH}/reset-password`,
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Set a password from a password link',
        description:
          'With the token of a password link (an invitation or a reset): sets the password and ends every session of the account; sign in afterwards. 400 `bad_request` with `details.authCode` INVALID_TOKEN for an unknown, used or expired token.',
        body: z
          .strictObject({
            token: z.string().min(1).max(200).describe('The `token` of the link.'),
            newPassword: z.string().min(8).max(128).describe('8–128 characters.'),
          })
          .meta({ id: 'ResetPasswordRequest' }),
        response: {
          200: z.object({ status: z.boolean() }).meta({ id: 'PasswordReset' }),
          ...authErrorResponses,
        },
      },
    },
    forward,
  );

  // The rest of better-auth's endpoints (change-password, list-sessions, revoke-session …).
  app.route({
    method: ['GET', 'POST'],
    url: `${AUTH_BASE_PATH}/*`,
    config: authLimit,
    schema: { hide: true },
    handler: forward,
  });
}
