import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_UPLOAD_BYTES, getMaxUploadBytes } from '../../src/app/documents/document-deps.ts';
import { loadConfig } from '../../src/server/config.ts';

describe('the upload size limit', () => {
  it('is 10 MB unless MAX_UPLOAD_MB says otherwise', () => {
    const plain = loadConfig({});
    expect(plain.ok && plain.value.maxUploadBytes).toBeUndefined();
    expect(getMaxUploadBytes({})).toBe(10 * 1024 * 1024);
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);

    const set = loadConfig({ MAX_UPLOAD_MB: '25' });
    expect(set.ok && set.value.maxUploadBytes).toBe(25 * 1024 * 1024);
  });

  it('names the variable when it is not a sensible number of megabytes', () => {
    for (const value of ['ten', '0', '101', '1.5']) {
      const result = loadConfig({ MAX_UPLOAD_MB: value });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error[0]).toMatch(/^MAX_UPLOAD_MB: /u);
    }
  });
});
