type JsonObject = { [key: string]: unknown };

const COMPONENT_REF = '#/components/schemas/';

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith(COMPONENT_REF)) {
      into.add(child.slice(COMPONENT_REF.length));
    } else {
      collectRefs(child, into);
    }
  }
}

/**
 * The zod transform emits every registered schema twice (as input and as output), whether a route uses
 * it or not. Keeping only what the paths reach, directly or through other components, leaves a document
 * that lists what the API really takes and returns.
 */
export function removeUnusedComponents<T extends JsonObject>(document: T): T {
  const components = document.components as JsonObject | undefined;
  const schemas = components?.schemas as JsonObject | undefined;
  if (!components || !schemas) return document;

  const reached = new Set<string>();
  collectRefs(document.paths, reached);
  const pending = [...reached];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const found = new Set<string>();
    collectRefs(schemas[name], found);
    for (const ref of found) {
      if (!reached.has(ref)) {
        reached.add(ref);
        pending.push(ref);
      }
    }
  }
  const kept = Object.fromEntries(
    Object.keys(schemas)
      .filter((name) => reached.has(name))
      .sort()
      .map((name) => [name, schemas[name]]),
  );
  return { ...document, components: { ...components, schemas: kept } };
}
