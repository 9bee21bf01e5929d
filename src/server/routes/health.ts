import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HealthProbe } from '../../app/ports.ts';
import type { RouteDeps } from '../deps.ts';

const checkSchema = z.object({
  status: z.enum(['ok', 'fail']),
  durationMs: z.number().describe('How long the probe took (or until it timed out).'),
});

const healthSchema = z
  .object({
    status: z.enum(['ok', 'fail']),
    checks: z.record(z.string(), checkSchema).describe('One entry per dependency, e.g. "database".'),
  })
  .meta({ id: 'Health' });

type Check = z.output<typeof checkSchema>;

class ProbeTimeoutError extends Error {
  constructor(name: string, timeoutMs: number) {
    super(`Health probe "${name}" did not answer within ${timeoutMs} ms`);
    this.name = 'ProbeTimeoutError';
  }
}

async function runProbe(probe: HealthProbe, timeoutMs: number): Promise<Check & { error?: unknown }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeoutError(probe.name, timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([probe.ping(), timeout]);
    return { status: 'ok', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'fail', durationMs: Math.round(performance.now() - started), error };
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Health check',
        description:
          'Answers 200 when every dependency answers, 503 when one does not. Probe failures are logged, not returned.',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (request, reply) => {
      const results = await Promise.all(
        deps.health.map(async (probe) => [probe.name, await runProbe(probe, deps.healthTimeoutMs)] as const),
      );
      const checks: Record<string, Check> = {};
      for (const [name, { error, ...check }] of results) {
        if (check.status === 'fail') request.log.error({ err: error, probe: name }, 'health probe failed');
        checks[name] = check;
      }
      const healthy = results.every(([, check]) => check.status === 'ok');
      return reply.status(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'fail', checks });
    },
  );
}
