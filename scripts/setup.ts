/**
 * `npm run setup`: registers the webhook, command menus and descriptions (in every language the bot speaks)
 * with Telegram, then prints the webhook state. `npm run setup -- --check` only prints the webhook state and the
 * pending update count;
 * `npm run setup -- --drop-pending` also has Telegram discard the updates waiting for the bot.
 */
import { loadConfig, requireBotToken } from '../lib/config.js';
import { createDatabase } from '../lib/infra/db.js';
import { createTelegram } from '../lib/infra/telegram.js';
import { runSetup, webhookState } from '../lib/ops/setup.js';
import { loadDotEnv } from './env-file.js';

const FLAGS = ['--check', '--drop-pending'];

async function main() {
  const unknown = process.argv.slice(2).filter((arg) => !FLAGS.includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')}; known: ${FLAGS.join(', ')}.`);
  loadDotEnv();
  const config = loadConfig();
  const telegram = createTelegram(config, requireBotToken(config));
  if (process.argv.includes('--check')) {
    console.log(JSON.stringify(await webhookState(telegram), null, 2));
    return;
  }
  // Per-chat menus (owners, staff, people who chose a language, each in theirs) need the database; without
  // DATABASE_URL only the customers' menus, the admins' (in DEFAULT_LANGUAGE) and the descriptions are set.
  const database = config.database.kind === 'pglite' ? undefined : await createDatabase(config.database);
  try {
    const result = await runSetup(config, telegram, database?.db, {
      dropPendingUpdates: process.argv.includes('--drop-pending'),
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await database?.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
