import type { Telegram } from 'telegraf';
import { setCommandMenu, setCustomerMenus } from '../bot/command-menus.js';
import { botProfile } from '../bot/texts/bot-profile.js';
import { inLanguage, LANGUAGES, type Language, languageFromTelegram } from '../bot/texts/language.js';
import type { Config } from '../config.js';
import type { Db } from '../infra/db.js';
import { chatMenuHolders, type Role } from '../marketplace/users.js';

/** The update kinds the bot handles; Telegram sends nothing else, which saves invocations. */
const ALLOWED_UPDATES = [
  'message',
  'callback_query',
  'my_chat_member',
  // Issue 14: inline mode (also turn it on in @BotFather: /setinline, /setinlinegeo, /setinlinefeedback).
  'inline_query',
  'chosen_inline_result',
] as const;

/**
 * Issue 17: the descriptions in every language we speak (Telegram shows the one matching the app's language),
 * and `fallback`'s without a language_code for everyone else.
 */
async function setDescriptions(telegram: Telegram, fallback: Language) {
  for (const language of [...LANGUAGES, undefined]) {
    const { description, shortDescription } = inLanguage(language ?? fallback, () => ({ ...botProfile }));
    await telegram.setMyDescription(description, language);
    await telegram.setMyShortDescription(shortDescription, language);
  }
}

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
 * update kinds we handle), command menus per scope and language (customers in every private chat, one menu per
 * language; each verified venue owner, staff member, admin and anyone who chose a language in their own chat,
 * in their language), and the bot's descriptions per language. Safe to run again at any time.
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
    // Issue 18: the checkout, when payments are on (successful_payment arrives as a message).
    allowed_updates: [...ALLOWED_UPDATES, ...(config.payments ? ['pre_checkout_query' as const] : [])],
    // Each connection is a concurrent function invocation; 40 keeps Neon and Upstash well within limits.
    max_connections: 40,
    ...(dropPendingUpdates ? { drop_pending_updates: true } : {}),
  });
  const fallback = config.defaultLanguage;
  await setCustomerMenus(telegram, fallback);
  // Per-chat menus need the database (who owns what, who chose which language); without it, admins only.
  const holders: Array<{ userId: number; role: Role; tag: string | null }> = db
    ? await chatMenuHolders(db, config.adminIds)
    : config.adminIds.map((userId) => ({ userId, role: 'admin' as const, tag: null }));
  for (const { userId, role, tag } of holders) {
    await setCommandMenu(telegram, userId, role, languageFromTelegram(tag, fallback));
  }
  await setDescriptions(telegram, fallback);
  const count = (role: Role) => holders.filter((h) => h.role === role).length;
  return {
    owners: count('venue'),
    staff: count('staff'),
    admins: config.adminIds.length,
    customers: count('customer'),
    webhook: await webhookState(telegram),
  };
}
