import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namespaces } from './all-namespaces.ts';

/** Every key path of a nested message object, e.g. `nav.home`. */
function keyPaths(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix];
  return Object.entries(messages).flatMap(([key, value]) =>
    keyPaths(value, prefix ? `${prefix}.${key}` : key),
  );
}

const webRoot = fileURLToPath(new URL('..', import.meta.url));

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Plural keys are written as `key_one` / `key_other` and called as `key`. */
function hasKey(keys: Set<string>, key: string): boolean {
  return keys.has(key) || keys.has(`${key}_other`);
}

describe('translations', () => {
  const names = Object.keys(namespaces);

  it('has the shared namespaces and at least one feature', () => {
    expect(names).toEqual(expect.arrayContaining(['common']));
  });

  it.each(names)('namespace %s has the same keys in English and Chinese, none empty', (ns) => {
    const module = namespaces[ns];
    if (!module) throw new Error(ns);
    const en = keyPaths(module.en).sort();
    const zh = keyPaths(module.zh).sort();
    expect(zh).toEqual(en);
    for (const messages of [module.en, module.zh]) {
      for (const path of keyPaths(messages)) {
        const value = path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
        expect(typeof value === 'string' && value.trim() !== '', `${ns}:${path}`).toBe(true);
      }
    }
  });

  /**
   * Every literal key the code asks for exists: `t('a.b')` in `features/<ns>/` looks in <ns> (or
   * `common` for components), `t('other:a.b')` in namespace `other`. Keys built at run time
   * (`t(\`roles.${role}\`)`) are checked by their own tests or by the type of their argument.
   */
  it('every literal t() key used in the web app exists in English', () => {
    const missing: string[] = [];
    for (const file of listSources(webRoot)) {
      const path = relative(webRoot, file);
      const feature = /^features\/([^/]+)\//.exec(path)?.[1];
      const ownNamespace = feature && namespaces[feature] ? feature : 'common';
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([^'`$]+)'/g)) {
        const raw = match[1] ?? '';
        const [ns, key] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : [ownNamespace, raw];
        const module = namespaces[ns];
        const keys = new Set(module ? keyPaths(module.en) : []);
        // A feature may also use common keys without a prefix when its own namespace lacks them.
        const commonKeys = new Set(keyPaths(namespaces.common?.en));
        if (!hasKey(keys, key) && !(ns === ownNamespace && hasKey(commonKeys, key)))
          missing.push(`${path}: ${raw}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
