import { useEffect, useState } from 'react';

/**
 * The shared zod schemas of an order's content (src/contracts/order-content.ts), loaded on demand: the
 * module pulls in the catalogue data through the eligibility profile's activity list, so it gets its
 * own chunk and the wizard renders before it arrives (the server checks everything again anyway).
 */
type ContractModule = typeof import('../../../contracts/order-content.ts');

let loading: Promise<ContractModule> | undefined;

export function loadContractSchemas(): Promise<ContractModule> {
  loading ??= import('../../../contracts/order-content.ts');
  return loading;
}

export function useContractSchemas(): ContractModule | undefined {
  const [schemas, setSchemas] = useState<ContractModule>();
  useEffect(() => {
    let live = true;
    loadContractSchemas().then(
      (module) => {
        if (live) setSchemas(module);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return schemas;
}

export interface SchemaIssue {
  path: (string | number)[];
  /** missing: required and empty; tooLong: over the wire limit; invalid: anything else. */
  kind: 'missing' | 'tooLong' | 'invalid';
  max?: number;
}

/** zod issues reduced to what a form shows; the message text is the UI's, not zod's English. */
export function toSchemaIssues(
  issues: readonly { code: string; path: PropertyKey[]; maximum?: unknown }[],
): SchemaIssue[] {
  return issues.flatMap((issue): SchemaIssue[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') return [];
    if (issue.code === 'too_big') {
      const max = typeof issue.maximum === 'number' ? issue.maximum : Number(issue.maximum);
      return [{ path, kind: 'tooLong', ...(Number.isFinite(max) ? { max } : {}) }];
    }
    if (issue.code === 'too_small' || issue.code === 'invalid_type') return [{ path, kind: 'missing' }];
    return [{ path, kind: 'invalid' }];
  });
}
