import { existsSync, readFileSync } from 'node:fs';

/**
 * Loads `.env` for local scripts (never on Vercel, where variables come from the project settings).
 * Variables already in the environment win. Node 20.6+ has --env-file, but it fails when the file is missing.
 */
export function loadDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (!match || match[1]! in process.env) continue;
    process.env[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
}
