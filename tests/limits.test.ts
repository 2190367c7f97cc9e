import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_WHILE_PROCESSING_S,
  FUNCTION_MAX_DURATION_S,
  HANDLER_TIMEOUT_MS,
  STATEMENT_TIMEOUT_MS,
  TELEGRAM_CALL_TIMEOUT_MS,
} from '../lib/limits.js';
import { functionConfig } from '../scripts/build-functions.js';

const vercel = JSON.parse(readFileSync(new URL('../vercel.json', import.meta.url), 'utf8')) as {
  functions?: unknown;
  builds?: Array<{ src: string; use: string }>;
};

describe('time budgets', () => {
  it('derive from the maxDuration every deployed function gets (scripts/build-functions.ts)', () => {
    // The functions are built by `npm run vercel-build` (vercel.json hands the build to it), not configured
    // per pattern in vercel.json, so nothing there can disagree with lib/limits.ts.
    expect(vercel.functions).toBeUndefined();
    expect(vercel.builds).toEqual([{ src: 'package.json', use: '@vercel/static-build' }]);
    for (const name of ['api/telegram', 'api/jobs/expire-offer', 'api/cron/sweep']) {
      expect(functionConfig(name).maxDuration).toBe(FUNCTION_MAX_DURATION_S);
    }
  });

  it('end an update before the platform kills it, and each store call before the update ends', () => {
    expect(HANDLER_TIMEOUT_MS).toBeLessThan(FUNCTION_MAX_DURATION_S * 1000);
    expect(STATEMENT_TIMEOUT_MS).toBeLessThan(HANDLER_TIMEOUT_MS);
    expect(TELEGRAM_CALL_TIMEOUT_MS).toBeLessThan(HANDLER_TIMEOUT_MS);
  });

  it('keep an update claimed a little longer than any invocation can hold it', () => {
    expect(CLAIM_WHILE_PROCESSING_S).toBeGreaterThan(FUNCTION_MAX_DURATION_S);
    expect(CLAIM_WHILE_PROCESSING_S).toBeLessThanOrEqual(FUNCTION_MAX_DURATION_S + 10);
  });
});
