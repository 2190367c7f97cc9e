import type { Telegram } from 'telegraf';
import type { Role } from '../marketplace/users.js';
import { commandsFor } from './texts/common.js';

/**
 * The "/" menu a person sees depends on their role: customers get the default scope; business owners and
 * admins get a per-chat scope, refreshed when their role changes (e.g. a venue is verified).
 */
export async function setCommandMenu(telegram: Telegram, chatId: number, role: Role): Promise<void> {
  await telegram.setMyCommands(commandsFor(role), { scope: { type: 'chat', chat_id: chatId } });
}
