import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApiDocument, openApiFile } from '../../src/server/write-openapi.ts';
import { buildTestApp, type TestApp } from './test-app.ts';

describe('OpenAPI', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test.app.close();
  });

  it('the committed openapi.json matches the routes (run npm run openapi)', async () => {
    const committed = readFileSync(openApiFile, 'utf8');
    const generated = await generateOpenApiDocument();
    expect(committed === generated, 'openapi.json is out of date: run npm run openapi').toBe(true);
  });

  it('GET /api/openapi.json serves an OpenAPI 3.1 document of every route, with tags and descriptions', async () => {
    const response = await test.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json() as {
      openapi: string;
      paths: Record<string, Record<string, { tags?: string[]; summary?: string; responses: object }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/catalogue/provinces/{key}',
        '/api/catalogue/documents',
        '/api/eligibility',
        '/api/validate/resident-id',
        '/api/numbers/parse',
        '/api/calendar/between',
      ]),
    );
    expect(Object.keys(document.paths)).not.toContain('/api/openapi.json');
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.tags?.length, `${method} ${path} has a tag`).toBeGreaterThan(0);
        expect(operation.summary, `${method} ${path} has a summary`).toBeTruthy();
      }
    }
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['ErrorResponse', 'FieldError', 'EligibilityAssessment', 'Issue']),
    );
  });

  it('serves the API reference at /api/docs', async () => {
    const redirect = await test.app.inject('/api/docs');
    expect([200, 301, 302]).toContain(redirect.statusCode);
    const page = await test.app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("'unsafe-inline'");
  });
});
