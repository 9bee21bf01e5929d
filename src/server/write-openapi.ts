import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createWorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../domain/catalogue/default-catalogue.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

/** The committed document lives at the repository root; CI fails when it drifts from the code. */
export const openApiFile = fileURLToPath(new URL('../../openapi.json', import.meta.url));

/**
 * The OpenAPI document as committed: built from the routes with fixed settings, so it depends on the
 * code and the shipped catalogue only, never on the environment it runs in.
 */
export async function generateOpenApiDocument(): Promise<string> {
  const config = loadConfig({ SECRET: 'openapi-generation-needs-no-real-secret', LOG_LEVEL: 'silent' });
  if (!config.ok) throw new Error(`Fixed configuration rejected: ${config.error.join('; ')}`);
  const calendar = createWorkingDayCalendar();
  const app = await buildApp({
    config: config.value,
    health: [],
    catalogue: defaultCatalogue,
    calendar: { getCalendar: async () => calendar },
    clock: { now: () => new Date(0) },
  });
  try {
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  await writeFile(openApiFile, await generateOpenApiDocument());
  process.stdout.write(`wrote ${openApiFile}\n`);
}
