import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toChinaDate } from '../../domain/calendar/working-day-calendar.ts';
import { findProvince } from '../../domain/catalogue/catalogue.ts';
import { validateDomain } from '../../domain/validate/domain.ts';
import { validateEmail } from '../../domain/validate/email.ts';
import {
  validateForeignPermanentResidence,
  validateHkMacaoPermit,
  validatePassport,
  validateTaiwanPermit,
} from '../../domain/validate/person-documents.ts';
import { validateLandline, validateMobile } from '../../domain/validate/phone.ts';
import { validateResidentId } from '../../domain/validate/resident-id.ts';
import { validateSiteName } from '../../domain/validate/site-name.ts';
import { validateUscc } from '../../domain/validate/uscc.ts';
import { getCatalogueInForce, getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { inputErrorResponses } from '../schemas/common.ts';
import { buildDateInput, buildTextInput } from '../schemas/inputs.ts';
import {
  domainValidationSchema,
  emailValidationSchema,
  foreignPermanentResidenceValidationSchema,
  hkMacaoPermitValidationSchema,
  landlineValidationSchema,
  mobileValidationSchema,
  passportValidationSchema,
  residentIdValidationSchema,
  siteNameValidationSchema,
  taiwanPermitValidationSchema,
  usccValidationSchema,
} from '../schemas/validators.ts';

/** Domains may arrive as whole URLs; the longest DNS name is 253 characters, URLs carry more. */
const MAX_URL_LENGTH = 2048;

const VALID_ANSWER =
  'Always 200 for a well-formed request: `valid` says whether the value passed, `errors` and `warnings` say why.';

export function registerValidateRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // Schemas use the shipped catalogue (natures and provinces); validators use the one in force.
  const { catalogue } = deps;
  const inForce = () => getCatalogueInForce(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { rateLimit: getRateLimitConfig(deps, 'publicApi') };
  const tags = ['validate'];

  routes.post(
    '/api/validate/resident-id',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a resident identity number',
        description: `Citizen identity number (GB 11643: region, birth date, sex, check digit) or a Hong Kong, Macao or Taiwan residence permit. The answer contains the number sent; it is never logged. ${VALID_ANSWER}`,
        body: z.strictObject({
          value: buildTextInput('The 18-character number; full-width characters and spaces are tolerated.'),
          at: buildDateInput(
            'Reference day for the age and the "born in the future" check (default: today in China):',
          ).optional(),
        }),
        response: { 200: residentIdValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) =>
      validateResidentId(request.body.value, {
        at: request.body.at ?? toChinaDate(deps.clock.now()),
        catalogue: await inForce(),
      }),
  );

  routes.post(
    '/api/validate/uscc',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a unified social credit code',
        description: `GB 32100: registering authority, organisation class, region, organisation code and check character. ${VALID_ANSWER}`,
        body: z.strictObject({ value: buildTextInput('The 18-character code.') }),
        response: { 200: usccValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validateUscc(request.body.value, { catalogue: await inForce() }),
  );

  routes.post(
    '/api/validate/domain',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a domain name',
        description: `Extracts the host from a URL, gives the registrable domain (what is filed) in ASCII and Unicode, and checks the TLD against MIIT’s list. ${VALID_ANSWER}`,
        body: z.strictObject({
          value: buildTextInput('A domain or URL, e.g. https://www.例子.中国/about.', MAX_URL_LENGTH),
        }),
        response: { 200: domainValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validateDomain(request.body.value, { catalogue: await inForce() }),
  );

  const natureIds = catalogue.entityNatures.map((nature) => nature.id);
  routes.post(
    '/api/validate/site-name',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a website name',
        description: `Length in Chinese-character equivalents, allowed characters, reserved prefixes and the national and provincial word lists. ${VALID_ANSWER}`,
        body: z.strictObject({
          value: buildTextInput('The website name, e.g. 张三的博客.'),
          nature: z
            .enum(natureIds)
            .optional()
            .describe('Entity nature id: state bodies may use reserved prefixes.'),
          province: z
            .string()
            .max(40)
            .refine((key) => findProvince(catalogue, key) !== undefined, {
              message: 'Unknown province: use a code (44), a name (Guangdong, 广东) or an abbreviation (粤).',
            })
            .optional()
            .describe('The filing province: selects the provincial word list.'),
          domain: buildTextInput(
            'The site’s domain: the name may not be the domain itself.',
            MAX_URL_LENGTH,
          ).optional(),
        }),
        response: { 200: siteNameValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const { value, ...options } = request.body;
      return validateSiteName(value, { ...options, catalogue: await inForce() });
    },
  );

  routes.post(
    '/api/validate/mobile',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a mainland mobile number',
        description: `11 digits starting 13–19, with an optional +86/0086 prefix. ${VALID_ANSWER}`,
        body: z.strictObject({ value: buildTextInput('The mobile number, e.g. 138 1234 5678.') }),
        response: { 200: mobileValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validateMobile(request.body.value),
  );

  routes.post(
    '/api/validate/landline',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a mainland landline',
        description: `Area code and number, optionally an extension, e.g. 010-12345678 or 0755-1234567 转 801. ${VALID_ANSWER}`,
        body: z.strictObject({ value: buildTextInput('The landline number.') }),
        response: { 200: landlineValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validateLandline(request.body.value),
  );

  routes.post(
    '/api/validate/email',
    {
      config,
      schema: {
        tags,
        summary: 'Validate an e-mail address',
        description: `A dot-atom local part and a DNS domain, which may be internationalised. ${VALID_ANSWER}`,
        body: z.strictObject({ value: buildTextInput('The e-mail address.') }),
        response: { 200: emailValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validateEmail(request.body.value),
  );

  routes.post(
    '/api/validate/passport',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a passport number',
        description: `Format only: 5–17 letters or digits; recognises PRC ordinary passports. ${VALID_ANSWER}`,
        body: z.strictObject({ value: buildTextInput('The passport number.') }),
        response: { 200: passportValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validatePassport(request.body.value),
  );

  routes.post(
    '/api/validate/hk-macao-permit',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a Hong Kong or Macao residents’ mainland travel permit',
        description: `港澳居民来往内地通行证: H or M followed by 8 (or, on older permits, 10) digits. ${VALID_ANSWER}`,
        body: z.strictObject({ value: buildTextInput('The permit number.') }),
        response: { 200: hkMacaoPermitValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validateHkMacaoPermit(request.body.value),
  );

  routes.post(
    '/api/validate/taiwan-permit',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a Taiwan residents’ mainland travel permit',
        description: `台湾居民来往大陆通行证: 8 digits (older booklets: 10 characters). ${VALID_ANSWER}`,
        body: z.strictObject({ value: buildTextInput('The permit number.') }),
        response: { 200: taiwanPermitValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validateTaiwanPermit(request.body.value),
  );

  routes.post(
    '/api/validate/foreign-permanent-residence',
    {
      config,
      schema: {
        tags,
        summary: 'Validate a foreign permanent residence ID card',
        description: `外国人永久居留身份证: the 18-digit card (2017, 2023) or the 15-character card (2004). ${VALID_ANSWER}`,
        body: z.strictObject({ value: buildTextInput('The card number.') }),
        response: { 200: foreignPermanentResidenceValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => validateForeignPermanentResidence(request.body.value, { catalogue: await inForce() }),
  );
}
