import type { Telegram } from 'telegraf';
import type { Role } from '../marketplace/users.js';
import { commandsFor, customerCommands } from './texts/common.js';

/**
 * The "/" menu a person sees depends on their role: customers get the menu of every private chat; venue
 * owners and admins get a per-chat scope, refreshed when their role changes (e.g. a venue is verified).
 * Telegram picks the narrowest scope that matches, so a per-chat menu wins over the private-chat one.
 */
const CUSTOMER_MENU_SCOPE = { type: 'all_private_chats' } as const;

export async function setCommandMenu(telegram: Telegram, chatId: number, role: Role): Promise<void> {
  await telegram.setMyCommands(commandsFor(role), { scope: { type: 'chat', chat_id: chatId } });
}

/**
 * The customers' menu, in private chats only (the bot serves people one to one; groups it is added to get
 * no menu). Clears a menu an earlier version set in the default scope, which groups would still show.
 */
export async function setCustomerMenu(telegram: Telegram): Promise<void> {
  await telegram.setMyCommands(customerCommands, { scope: CUSTOMER_MENU_SCOPE });
  await telegram.deleteMyCommands({ scope: { type: 'default' } });
}
