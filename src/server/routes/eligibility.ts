import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessEligibility } from '../../domain/eligibility/assess-eligibility.ts';
import { applicantProfileSchema } from '../../domain/eligibility/profile.ts';
import { getCatalogueInForce, getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { inputErrorResponses } from '../schemas/common.ts';
import { eligibilityAssessmentSchema } from '../schemas/eligibility.ts';
import { buildDateInput } from '../schemas/inputs.ts';

/** The profile the CLI reads from a file, plus the day the timeline should start. */
const eligibilityRequestSchema = applicantProfileSchema
  .safeExtend({
    startDate: buildDateInput('Dates the timeline from this day (omit for durations only):').optional(),
  })
  .meta({ id: 'EligibilityRequest', description: 'An applicant profile and, optionally, a start date.' });

export function registerEligibilityRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/eligibility',
    {
      config: { rateLimit: getRateLimitConfig(deps, 'publicApi') },
      schema: {
        tags: ['eligibility'],
        summary: 'Assess eligibility and licence type',
        description:
          'Which licence type the planned site needs (none, ICP filing, filing then ICP or EDI licence), whether this applicant can get each instrument and why (with sources), where to file, which documents and how long. Unknown fields are rejected.',
        body: eligibilityRequestSchema,
        response: { 200: eligibilityAssessmentSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const { startDate, ...profile } = request.body;
      const calendar = await deps.calendar.getCalendar();
      return assessEligibility(profile, {
        catalogue: await getCatalogueInForce(deps),
        calendar,
        ...(startDate === undefined ? {} : { startDate }),
      });
    },
  );
}
