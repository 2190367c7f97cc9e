/**
 * `npm run setup`: registers the webhook, command menus and descriptions with Telegram, then prints the
 * webhook state. `npm run setup -- --check` only prints the webhook state and the pending update count.
 */
import { loadConfig, requireBotToken } from '../lib/config.js';
import { createDatabase } from '../lib/infra/db.js';
import { createTelegram } from '../lib/infra/telegram.js';
import { runSetup, webhookState } from '../lib/ops/setup.js';
import { loadDotEnv } from './env-file.js';

async function main() {
  loadDotEnv();
  const config = loadConfig();
  const telegram = createTelegram(config, requireBotToken(config));
  if (process.argv.includes('--check')) {
    console.log(JSON.stringify(await webhookState(telegram), null, 2));
    return;
  }
  // Per-chat menus for verified venues need the database; without DATABASE_URL only defaults are set.
  const database = config.database.kind === 'pglite' ? undefined : await createDatabase(config.database);
  try {
    const result = await runSetup(config, telegram, database?.db);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await database?.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
