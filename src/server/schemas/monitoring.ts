import { z } from 'zod';
import {
  DEFAULT_CHECK_INTERVAL_HOURS,
  MAX_CHECK_INTERVAL_HOURS,
  MIN_CHECK_INTERVAL_HOURS,
  SITE_VERDICTS,
} from '../../domain/compliance/site-monitoring.ts';
import { validateDomain } from '../../domain/validate/domain.ts';
import { normalizeSiteUrl } from '../../infra/fetch/fetch-page.ts';
import type { DomainIssueParams } from './common.ts';
import { licenceNumberInput, psbNumberInput } from './footer-numbers.ts';
import { buildDateInput } from './inputs.ts';
import { buildFilingNumberInput } from './registry.ts';

const localizedSchema = z.object({ en: z.string(), zh: z.string() });
const verdictSchema = z.enum(SITE_VERDICTS);

const siteUrlInput = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((value, context) => {
    const parsed = normalizeSiteUrl(value);
    if (!parsed.ok) {
      const params: DomainIssueParams = {
        domainIssue: { code: parsed.error.code, message: parsed.error.message },
      };
      context.addIssue({ code: 'custom', message: parsed.error.message.en, params });
    }
  })
  .describe('The site: a URL (http or https) or a bare domain, which is tried over https and then http.');

const domainInput = z
  .string()
  .trim()
  .max(300)
  .transform((value, context) => {
    const parsed = validateDomain(value);
    if (!parsed.value) {
      const first = parsed.errors[0];
      const params: DomainIssueParams | undefined = first
        ? { domainIssue: { code: first.code, message: first.message } }
        : undefined;
      context.addIssue({
        code: 'custom',
        message: first?.message.en ?? 'Not a domain.',
        ...(params ? { params } : {}),
      });
      return z.NEVER;
    }
    return parsed.value.ascii;
  });

/** Optional text fields: an empty string clears them, as a form sends it. */
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

export const siteSettingsBodySchema = z
  .strictObject({
    label: optionalText(z.string().trim().min(1).max(100)).describe(
      'A name for the site in lists and messages.',
    ),
    url: siteUrlInput,
    filedDomain: optionalText(domainInput).describe(
      'The filed domain whose registry record is expected, when the URL is not on it (a staging copy); by default the URL’s host.',
    ),
    expectedNumber: optionalText(
      buildFilingNumberInput('The number the page should show (…号-1, or the entity number in Guangdong).'),
    ),
    isPsbRequired: z
      .boolean()
      .default(false)
      .describe('The site has a public-security filing, so its number must show.'),
    psbNumber: optionalText(psbNumberInput).describe(
      'The PSB number once obtained: ends the 30-day PSB reminders.',
    ),
    licenceNumber: optionalText(licenceNumberInput).describe('The licence the operator holds, if any.'),
    goLiveOn: optionalText(
      buildDateInput('The day the site went live: the 30-day PSB filing clock starts here.'),
    ),
    domainExpiresOn: optionalText(
      buildDateInput('The domain registration’s last day (warned 60, 30 and 7 days before).'),
    ),
    instanceId: optionalText(z.string().trim().min(1).max(100)).describe(
      'The server (instance) id at the access provider.',
    ),
    instanceExpiresOn: optionalText(
      buildDateInput('The server subscription’s last day (warned 30 and 7 days before).'),
    ),
    intervalHours: z
      .number()
      .int()
      .min(MIN_CHECK_INTERVAL_HOURS)
      .max(MAX_CHECK_INTERVAL_HOURS)
      .default(DEFAULT_CHECK_INTERVAL_HOURS)
      .describe(
        'Hours between checks (6–168; daily by default). An unreachable site is retried within the hour.',
      ),
    isPaused: z.boolean().default(false),
  })
  .meta({ id: 'MonitoredSiteSettings' });

export const monitoredSiteSchema = z
  .object({
    id: z.number().int(),
    ownerUserId: z.string(),
    label: z.string().optional(),
    url: z.string(),
    filedDomain: z.string().optional(),
    expectedNumber: z.string().optional(),
    isPsbRequired: z.boolean(),
    psbNumber: z.string().optional(),
    licenceNumber: z.string().optional(),
    goLiveOn: z.string().optional(),
    domainExpiresOn: z.string().optional(),
    instanceId: z.string().optional(),
    instanceExpiresOn: z.string().optional(),
    intervalHours: z.number().int(),
    isPaused: z.boolean(),
    nextCheckAt: z.iso.datetime(),
    lastCheckedAt: z.iso.datetime().optional(),
    lastVerdict: verdictSchema.optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MonitoredSite' });

export const siteCheckSchema = z
  .object({
    id: z.number().int(),
    checkedAt: z.iso.datetime(),
    trigger: z.enum(['schedule', 'manual']),
    verdict: verdictSchema,
    result: z.object({
      outcome: z.enum(['checked', 'unreachable']),
      verdict: verdictSchema,
      finalUrl: z.string().optional(),
      status: z.number().int().optional(),
      charset: z.string().optional(),
      rendered: z.boolean().optional(),
      expected: z.object({ number: z.string(), source: z.enum(['registry', 'request']) }).optional(),
      found: z.array(z.string()).optional().describe('The numbers the page shows.'),
      problems: z
        .array(
          z.object({
            rule: z.string(),
            verdict: z.enum(['fail', 'warn']),
            message: localizedSchema,
            source: z.string().optional().describe('Catalogue source id of the rule.'),
          }),
        )
        .optional()
        .describe('The rules that failed or warned.'),
      failure: z.object({ code: z.string(), message: localizedSchema }).optional(),
    }),
  })
  .meta({ id: 'SiteCheck' });

const expiryStatusSchema = z.object({
  state: z.enum(['valid', 'expiring', 'expired']),
  expiresOn: z.string(),
  daysLeft: z.number().int(),
});

export const siteDetailsSchema = z
  .object({
    site: monitoredSiteSchema,
    checks: z.array(siteCheckSchema).describe('The latest checks, newest first.'),
    obligations: z.object({
      today: z.string().describe('The China date the states are computed for.'),
      psb: z
        .object({
          state: z.enum(['not_live', 'open', 'due_soon', 'late', 'done']),
          dueOn: z.string(),
          daysLeft: z.number().int(),
        })
        .optional()
        .describe('The PSB filing, due within 30 days of going live.'),
      domain: expiryStatusSchema.optional(),
      instance: expiryStatusSchema.optional(),
    }),
  })
  .meta({ id: 'MonitoredSiteDetails' });

export const shellEntityPageSchema = z
  .object({
    items: z.array(
      z.object({
        entityNumber: z.string(),
        unitName: z.string(),
        provinceCode: z.string(),
        services: z.array(
          z.object({ serviceNumber: z.string(), serviceName: z.string(), hasAccess: z.boolean() }),
        ),
        reason: z.enum(['no_active_service', 'no_service_with_access']),
        message: localizedSchema,
        source: z.string().describe('Catalogue source id of the rule.'),
      }),
    ),
    next: z.string().optional().describe('Pass as `after` for the next page; absent on the last one.'),
  })
  .meta({ id: 'ShellEntityPage' });
