import { z } from 'zod';
import { MAX_INSTANCE_NAME_LENGTH, MAX_REGION_LENGTH } from '../../app/providers/create-instance.ts';
import { MAX_SERVICE_CODES_PER_INSTANCE } from '../../app/providers/instance-eligibility.ts';
import { buildPlainText, rowIdSchema } from '../routes/organisations.ts';
import { issueSchema } from './common.ts';
import { buildDateInput } from './inputs.ts';

/** Wire forms of providers' instances and their single-use filing service codes (reference §3.2). */

export const serviceCodeSchema = z
  .object({
    id: z.number().int(),
    code: z.string().describe('The code the applicant enters in the order’s access data.'),
    kind: z
      .enum(['service', 'authorization'])
      .describe('service: for the holder’s own filings; authorization: for another account.'),
    granteeUserId: z.string().optional().describe('Authorisation codes: the only account that may use it.'),
    status: z
      .enum(['available', 'bound', 'burnt'])
      .describe('bound: held by a submitted order; burnt: used by an approved one, never reissued.'),
    orderId: z.number().int().optional().describe('The order holding or having used the code.'),
    orderReference: z.string().optional().describe('That order’s reference, e.g. OB-2026-000123.'),
    issuedAt: z.string(),
    expiresAt: z.string().optional().describe('Authorisation codes lapse after 12 months.'),
    burntAt: z.string().optional(),
  })
  .meta({ id: 'ServiceCode', description: 'A single-use filing service code of an instance.' });

export const instanceSchema = z
  .object({
    id: z.number().int(),
    providerOrgId: z.string(),
    ownerUserId: z.string().describe('The customer account holding the instance.'),
    name: z.string(),
    region: z.string().describe('The provider’s region id, e.g. cn-beijing.'),
    provinceCode: z.string().describe('Province of the data centre.'),
    publicIp: z.string(),
    subscriptionStart: z.string().describe('YYYY-MM-DD.'),
    subscriptionEnd: z.string().describe('YYYY-MM-DD, last day covered.'),
    eligibility: z
      .object({ eligible: z.boolean(), issues: z.array(issueSchema) })
      .describe('Whether the instance can carry a filing today: mainland, ≥ 3 months subscribed, running.'),
    codes: z.array(serviceCodeSchema),
    codesRemaining: z
      .number()
      .int()
      .describe(`Codes the instance can still issue (${MAX_SERVICE_CODES_PER_INSTANCE} per instance, ever).`),
    createdAt: z.string(),
  })
  .meta({ id: 'Instance', description: 'A provider’s server instance that can carry filings.' });

export const createInstanceBodySchema = z
  .strictObject({
    providerOrgId: rowIdSchema
      .optional()
      .describe(
        'The provider; defaults to yours (provider administrators), required for platform administrators.',
      ),
    ownerUserId: rowIdSchema.describe('The customer account that holds the instance.'),
    name: buildPlainText(MAX_INSTANCE_NAME_LENGTH).describe('A name for the instance, e.g. web-1.'),
    region: buildPlainText(MAX_REGION_LENGTH).describe('The provider’s region id, e.g. cn-beijing.'),
    province: buildPlainText(32).describe(
      'Mainland province of the data centre: code (11), name (Beijing, 北京) or abbreviation (京).',
    ),
    publicIp: buildPlainText(45).describe('Public IPv4 or IPv6 address.'),
    subscriptionStart: buildDateInput('First day of the subscription.'),
    subscriptionEnd: buildDateInput('Last day of the subscription.'),
  })
  .meta({ id: 'CreateInstanceRequest' });

export const issueServiceCodeBodySchema = z
  .strictObject({
    kind: z
      .enum(['service', 'authorization'])
      .optional()
      .describe('service (default): for the holder’s filings; authorization: for another account.'),
    granteeUserId: rowIdSchema
      .optional()
      .describe('Authorisation codes: the only account allowed to use the code (any holder when absent).'),
  })
  .nullish()
  .meta({ id: 'IssueServiceCodeRequest' });

export const issuedServiceCodeSchema = z
  .object({
    code: serviceCodeSchema,
    codesRemaining: z.number().int().describe('Codes the instance can still issue.'),
  })
  .meta({ id: 'IssuedServiceCode' });

export const instanceIdParamsSchema = z.object({ id: rowIdSchema });

export const customerLookupQuerySchema = z.object({
  email: z.email().max(254).describe('The customer’s sign-in e-mail address, whole (no partial matches).'),
});

export const customerSchema = z
  .object({
    userId: z.string().describe('The account id to register an instance for.'),
    email: z.string().describe('Lower case.'),
    maskedName: z.string().describe('The account’s name, masked (王*), to confirm the right customer.'),
  })
  .meta({ id: 'Customer', description: 'A customer account, as a provider administrator may see it.' });
