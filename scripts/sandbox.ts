/**
 * `npm run sandbox` (and `npm run dev` without BOT_TOKEN): the real bot with an emulated Telegram and a
 * chat page to play customer, venue owner and admin. `npm run sandbox -- --seed` adds demo venues.
 */
import { startSandbox } from '../dev/sandbox/start.js';
import { loadDotEnv } from './env-file.js';

export async function runSandbox(seed: boolean) {
  const sandbox = await startSandbox(process.env, { seed });
  console.error(`Sandbox running — open ${sandbox.url}/ (no Telegram account needed)`);
  const shutdown = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadDotEnv();
  runSandbox(process.argv.includes('--seed')).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
