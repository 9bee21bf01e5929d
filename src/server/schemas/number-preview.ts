import { z } from 'zod';
import { SERVICE_TYPES } from '../../domain/order-content/order-content.ts';
import { orderTypeSchema } from './orders.ts';

/** Wire form of the approval's number preview (src/app/orders/preview-filing-numbers.ts). */
export const numberPreviewSchema = z
  .object({
    reference: z.string().describe('The order, OB-2026-000123.'),
    orderType: orderTypeSchema,
    issuesNumbers: z
      .boolean()
      .describe(
        'False for order types whose approval issues no numbers (added access, changes, cancellations).',
      ),
    isProvisional: z
      .boolean()
      .describe(
        'True whenever numbers are shown: nothing is reserved, the numbers are allocated when the approval commits, so another approval in the province committing first takes the serial (and the year is the one at approval).',
      ),
    approvalYear: z
      .number()
      .int()
      .optional()
      .describe('The year of today’s date in China (server clock), which a new entity number carries.'),
    entityNumber: z
      .string()
      .optional()
      .describe('First filing: the next entity number of the province and year; otherwise the entity’s own.'),
    isNewEntityNumber: z.boolean().describe('True when approving issues a new entity number (first filing).'),
    services: z
      .array(
        z.object({
          index: z.number().int().describe('Position of the service in the submitted content (0-based).'),
          type: z.enum(SERVICE_TYPES),
          name: z.string().optional(),
          domain: z.string().optional().describe('Websites: the site’s domain.'),
          number: z.string().describe('The service number: the entity number + -1, -2A, -3X, -4K …'),
        }),
      )
      .describe('One per service of the order, in the order of the content, with the number it would get.'),
    computedAt: z.string().describe('When the preview was computed. ISO 8601 instant (UTC).'),
  })
  .meta({ id: 'NumberPreview', description: 'The numbers approving the order now would issue.' });
