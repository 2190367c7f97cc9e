import { eq } from 'drizzle-orm';
import type { Telegram } from 'telegraf';
import { venues } from '../../db/schema.js';
import { setCommandMenu, setCustomerMenu } from '../bot/command-menus.js';
import type { Config } from '../config.js';
import type { Db } from '../infra/db.js';

/** The update kinds the bot handles; Telegram sends nothing else, which saves invocations. */
const ALLOWED_UPDATES = [
  'message',
  'callback_query',
  'my_chat_member',
  // Issue 14: inline mode (also turn it on in @BotFather: /setinline, /setinlinegeo, /setinlinefeedback).
  'inline_query',
  'chosen_inline_result',
] as const;

const BOT_DESCRIPTION =
  'Rescue good food from local restaurants and shops at a discount. Browse tonight’s deals, reserve in chat, pay at pickup. Venues: /register to sell your surplus.';
const BOT_SHORT_DESCRIPTION = 'Surplus food deals near you — reserve in chat, pay at pickup.';

export interface WebhookState {
  url: string;
  pendingUpdateCount: number;
  lastErrorMessage?: string;
  lastErrorDate?: number;
  maxConnections?: number;
  allowedUpdates?: string[];
}

export async function webhookState(telegram: Telegram): Promise<WebhookState> {
  const info = await telegram.getWebhookInfo();
  return {
    url: info.url ?? '',
    pendingUpdateCount: info.pending_update_count,
    lastErrorMessage: info.last_error_message,
    lastErrorDate: info.last_error_date,
    maxConnections: info.max_connections,
    allowedUpdates: info.allowed_updates,
  };
}

export interface SetupOptions {
  /** Telegram discards the updates queued for the bot (e.g. a backlog from while the webhook was broken). */
  dropPendingUpdates?: boolean;
}

/**
 * Points Telegram at this deployment and sets what people see: webhook (with the secret and only the
 * update kinds we handle), command menus per scope (customers in every private chat; each verified venue
 * owner and each admin in their own chat), and the bot's descriptions. Safe to run again at any time.
 */
export async function runSetup(
  config: Config,
  telegram: Telegram,
  db: Db | undefined,
  { dropPendingUpdates = false }: SetupOptions = {},
) {
  if (!config.publicUrl)
    throw new Error('PUBLIC_URL is not set: the webhook needs the public https URL of this deployment.');
  if (!config.webhookSecret)
    throw new Error('TELEGRAM_WEBHOOK_SECRET is not set: Telegram must send it with every update.');
  await telegram.setWebhook(`${config.publicUrl}/api/telegram`, {
    secret_token: config.webhookSecret,
    allowed_updates: [...ALLOWED_UPDATES],
    // Each connection is a concurrent function invocation; 40 keeps Neon and Upstash well within limits.
    max_connections: 40,
    ...(dropPendingUpdates ? { drop_pending_updates: true } : {}),
  });
  await setCustomerMenu(telegram);
  let owners: number[] = [];
  if (db) {
    const rows = await db
      .select({ ownerId: venues.ownerId })
      .from(venues)
      .where(eq(venues.status, 'verified'));
    owners = rows.map((r) => r.ownerId);
  }
  for (const ownerId of owners) await setCommandMenu(telegram, ownerId, 'venue');
  for (const adminId of config.adminIds) await setCommandMenu(telegram, adminId, 'admin');
  await telegram.setMyDescription(BOT_DESCRIPTION);
  await telegram.setMyShortDescription(BOT_SHORT_DESCRIPTION);
  return { owners: owners.length, admins: config.adminIds.length, webhook: await webhookState(telegram) };
}
