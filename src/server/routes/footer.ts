import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../app/errors.ts';
import { checkFooter } from '../../app/footer/check-footer.ts';
import { checkLiveFooter } from '../../app/footer/check-live-footer.ts';
import { FETCH_FAILURE_CODES, type PageSource } from '../../app/footer/page-source.ts';
import { FOOTER_RULE_IDS } from '../../domain/footer/analyse-footer.ts';
import { buildFooterSnippet } from '../../domain/footer/footer-snippet.ts';
import type { Issue } from '../../domain/shared/issue.ts';
import { getCatalogueInForce, getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { defaultMessages, pickLanguage } from '../errors.ts';
import { buildLiveFooterDeps } from '../live-footer-deps.ts';
import { errorResponseSchema, type FieldError, inputErrorResponses } from '../schemas/common.ts';
import { licenceNumberInput, psbNumberInput } from '../schemas/footer-numbers.ts';
import { buildFilingNumberInput } from '../schemas/registry.ts';

/** Pages are checked as pasted; 2 MiB of UTF-8 covers real home pages with inline scripts. */
export const MAX_FOOTER_HTML_BYTES = 2 * 1024 * 1024;
/** The JSON body around the page: escapes and the other fields need some room beyond the page itself. */
const FOOTER_CHECK_BODY_LIMIT = 3 * 1024 * 1024;

const expectationFields = {
  expectedNumber: buildFilingNumberInput(
    'The number the page should show: the service number (…号-1), or the entity number in Guangdong.',
  ).optional(),
  psbRequired: z
    .boolean()
    .optional()
    .describe('The site has a public-security filing, so its number must be shown.'),
  licenceNumber: licenceNumberInput.optional().describe('The licence the operator holds, if any.'),
};

const footerCheckBodySchema = z
  .strictObject({
    html: z
      .string()
      .refine((html) => Buffer.byteLength(html, 'utf8') <= MAX_FOOTER_HTML_BYTES, {
        message: `The page may be at most ${MAX_FOOTER_HTML_BYTES} bytes of UTF-8.`,
      })
      .describe('The page’s HTML as served (at most 2 MiB of UTF-8). Scripts and styles are ignored.'),
    domain: z
      .string()
      .max(300)
      .optional()
      .describe(
        'The site’s domain (or URL). When the registry has its filing, that number is the expected one and expectedNumber is ignored.',
      ),
    ...expectationFields,
  })
  .meta({ id: 'FooterCheckRequest' });

const liveCheckBodySchema = z
  .strictObject({
    url: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .describe('The site: a URL (http or https) or a bare domain, which is tried over https and then http.'),
    domain: z
      .string()
      .max(300)
      .optional()
      .describe(
        'The filed domain to compare with when the URL is not on it (a staging copy); by default the URL’s host.',
      ),
    ...expectationFields,
    render: z
      .enum(['auto', 'always', 'never'])
      .default('auto')
      .describe(
        '`auto` renders the page in headless Chromium when the served HTML shows no filing number (a footer built by scripts).',
      ),
  })
  .meta({ id: 'LiveFooterCheckRequest' });

const ruleVerdictSchema = z.enum(['pass', 'warn', 'fail', 'not_applicable']);

const localizedSchema = z.object({ en: z.string(), zh: z.string() });

const footerRuleResultSchema = z
  .object({
    rule: z.enum(FOOTER_RULE_IDS),
    verdict: ruleVerdictSchema,
    message: localizedSchema,
    evidence: z.string().optional().describe('The HTML or text the verdict rests on, shortened.'),
    source: z.string().describe('Catalogue source id of the rule.'),
  })
  .meta({ id: 'FooterRuleResult' });

const foundNumbersSchema = z
  .array(
    z.object({
      kind: z.enum(['icp_filing', 'icp_licence', 'telecom_licence', 'psb_filing']),
      text: z.string().describe('As printed.'),
      normalized: z.string(),
      isValid: z.boolean(),
      href: z.string().optional().describe('The link the number is the text of.'),
      isNearBottom: z.boolean(),
    }),
  )
  .describe('Every number found in the page’s visible text, top to bottom.');

const expectedSchema = z
  .object({ number: z.string(), source: z.enum(['registry', 'request']) })
  .describe('The number the page was compared with.');

const footerVerdictSchema = z
  .enum(['compliant', 'warnings', 'non_compliant'])
  .describe('non_compliant when any rule fails, warnings when any warns, else compliant.');

const footerCheckResponseSchema = z
  .object({
    verdict: footerVerdictSchema,
    expected: expectedSchema.optional(),
    rules: z.array(footerRuleResultSchema),
    found: foundNumbersSchema,
  })
  .meta({ id: 'FooterCheck' });

const fetchFailureSchema = z
  .object({
    code: z.enum(FETCH_FAILURE_CODES),
    message: localizedSchema,
    url: z.string().describe('The URL that failed (after redirects).'),
    status: z.number().int().optional().describe('The HTTP status, for http_error.'),
  })
  .meta({ id: 'FetchFailure' });

const liveCheckResponseSchema = z
  .object({
    outcome: z
      .enum(['checked', 'unreachable'])
      .describe('unreachable: the page could not be fetched (see failure); nothing was judged.'),
    verdict: z.enum(['compliant', 'warnings', 'non_compliant', 'unreachable']),
    failure: fetchFailureSchema.optional(),
    page: z
      .object({
        requestedUrl: z.string(),
        finalUrl: z.string(),
        status: z.number().int(),
        redirects: z.array(z.string()),
        charset: z.string().describe('The encoding the page was read in, e.g. utf-8, gbk, gb18030.'),
        charsetSource: z.enum(['bom', 'header', 'meta', 'sniffed', 'default']),
        bytes: z.number().int(),
        elapsedMs: z.number(),
      })
      .optional(),
    render: z
      .object({
        status: z.enum(['not_needed', 'used', 'unavailable', 'failed']),
        finalUrl: z.string().optional(),
        elapsedMs: z.number().optional(),
        blockedRequests: z
          .number()
          .int()
          .optional()
          .describe('Requests of the page refused by the address guard.'),
        failure: fetchFailureSchema.optional(),
      })
      .optional()
      .describe('The headless-Chromium pass: used when the served HTML shows no filing number.'),
    expected: expectedSchema.optional(),
    rules: z.array(footerRuleResultSchema).optional(),
    found: foundNumbersSchema.optional(),
  })
  .meta({ id: 'LiveFooterCheck' });

const footerSnippetBodySchema = z
  .strictObject({
    number: buildFilingNumberInput(
      'The filing number to show: the service number (…号-1), or the entity number in Guangdong.',
    ),
    psbNumber: psbNumberInput.optional(),
    licenceNumber: licenceNumberInput.optional(),
  })
  .meta({ id: 'FooterSnippetRequest' });

const footerSnippetResponseSchema = z
  .object({
    html: z.string().describe('Paste into the page footer: links open in a new tab with rel="noopener".'),
    text: z.string().describe('The same numbers as one line of text, for apps’ About screens.'),
    numbers: z.object({
      filing: z.string(),
      psb: z.string().optional(),
      licence: z.string().optional(),
    }),
  })
  .meta({ id: 'FooterSnippet' });

/** @throws DomainError service_unavailable (503) for an app built without page fetching. */
function getPageSource(deps: RouteDeps): PageSource {
  if (!deps.pages) {
    throw new DomainError('service_unavailable', {
      en: 'Live footer checks are not available on this server.',
      zh: '本服务器未启用在线页脚检查。',
    });
  }
  return deps.pages;
}

function toValidationError(request: FastifyRequest, path: string, found: Issue): DomainError {
  const language = pickLanguage(request.headers['accept-language']);
  const fieldError: FieldError = { in: 'body', path, code: found.code, message: found.message[language] };
  return new DomainError('validation_failed', defaultMessages.validation_failed, [fieldError]);
}

export function registerFooterRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { rateLimit: getRateLimitConfig(deps, 'publicApi') };
  const tags = ['footer'];

  routes.post(
    '/api/footer/check',
    {
      config,
      bodyLimit: FOOTER_CHECK_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Check a page’s filing footer',
        description:
          'Whether the page shows its ICP filing number (and PSB and licence numbers) as the rules ask: well formed, the expected number, the number inside its link to beian.miit.gov.cn (the retired miitbeian.gov.cn warns), near the bottom of the page, the PSB number linked to its record page on beian.mps.gov.cn. Each rule answers pass, warn, fail or not_applicable with a message in both languages and the HTML it read. 413 for a body over 3 MiB.',
        body: footerCheckBodySchema,
        response: { 200: footerCheckResponseSchema, 413: errorResponseSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const { domain, expectedNumber, psbRequired, licenceNumber, html } = request.body;
      const catalogue = await getCatalogueInForce(deps);
      const checked = await checkFooter(
        { catalogue, registry: deps.registry },
        {
          html,
          ...(domain === undefined ? {} : { domain }),
          ...(expectedNumber === undefined ? {} : { expectedNumber }),
          ...(psbRequired === undefined ? {} : { psbRequired }),
          ...(licenceNumber === undefined ? {} : { licenceNumber }),
        },
      );
      if (!checked.ok) throw toValidationError(request, checked.error.field, checked.error.issue);
      const { analysis, expected } = checked.value;
      return {
        verdict: analysis.verdict,
        ...(expected ? { expected } : {}),
        rules: analysis.rules,
        found: analysis.found,
      };
    },
  );

  routes.post(
    '/api/footer/check-site',
    {
      config: { rateLimit: getRateLimitConfig(deps, 'liveCheck') },
      schema: {
        tags,
        summary: 'Check a live site’s filing footer',
        description:
          'Fetches the site’s page and judges its footer with the rules of POST /api/footer/check, against the registry’s record of its domain. The fetch reaches public addresses only (hosts an administrator allow-lists excepted), on ports 80 and 443, within 10 s, 2 MiB and 5 redirects, and reads GBK/GB18030 pages. When the served HTML shows no filing number the page is rendered in headless Chromium (`render`). A page that cannot be fetched is `unreachable` with the reason, never non-compliant. 400 validation_failed for a URL that is not an http(s) URL or domain; 429 beyond 20 checks a minute per address.',
        body: liveCheckBodySchema,
        response: { 200: liveCheckResponseSchema, 503: errorResponseSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const pages = getPageSource(deps);
      const { url, domain, expectedNumber, psbRequired, licenceNumber, render } = request.body;
      const checked = await checkLiveFooter(await buildLiveFooterDeps(deps, pages), {
        url,
        domain,
        expectedNumber,
        psbRequired,
        licenceNumber,
        render,
      });
      if (!checked.ok) throw toValidationError(request, checked.error.field, checked.error.issue);
      const result = checked.value;
      if (result.outcome === 'unreachable') {
        return { outcome: result.outcome, verdict: result.verdict, failure: result.failure };
      }
      return {
        outcome: result.outcome,
        verdict: result.verdict,
        page: result.page,
        render: result.render,
        ...(result.expected ? { expected: result.expected } : {}),
        rules: result.analysis.rules,
        found: result.analysis.found,
      };
    },
  );

  routes.post(
    '/api/footer/snippet',
    {
      config,
      schema: {
        tags,
        summary: 'A copy-ready filing footer',
        description:
          'HTML for the footer: the filing number as the text of its link to https://beian.miit.gov.cn/, the PSB number linked to its record page, the licence number; links open in a new tab with rel="noopener". A malformed number is 400 validation_failed with the number’s own code (not_a_filing_number, bad_digits …) on its field.',
        body: footerSnippetBodySchema,
        response: { 200: footerSnippetResponseSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const { number, psbNumber, licenceNumber } = request.body;
      const snippet = buildFooterSnippet(
        {
          number,
          ...(psbNumber === undefined ? {} : { psbNumber }),
          ...(licenceNumber === undefined ? {} : { licenceNumber }),
        },
        { catalogue: await getCatalogueInForce(deps) },
      );
      if (!snippet.ok) throw toValidationError(request, snippet.error.field, snippet.error.issue);
      return snippet.value;
    },
  );
}
