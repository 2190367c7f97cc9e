import type { Telegram } from 'telegraf';
import type { Role } from '../marketplace/users.js';
import { commandsFor } from './texts/common.js';
import { inLanguage, LANGUAGES, type Language } from './texts/language.js';

/**
 * The "/" menu a person sees depends on their role and language (issue 17): customers get the menu of every
 * private chat, one per language (Telegram shows the one matching the app's language); venue owners, staff,
 * admins and anyone who chose a language with /language get a per-chat menu in their language, refreshed when
 * their role or language changes. Telegram picks the narrowest scope that matches, so a per-chat menu wins
 * over the private-chat one.
 */
const CUSTOMER_MENU_SCOPE = { type: 'all_private_chats' } as const;

/** A role's commands in one language, as a plain array (the text facade resolves on read, Telegraf reads later). */
const menuOf = (role: Role, language: Language) => inLanguage(language, () => [...commandsFor(role)]);

export async function setCommandMenu(
  telegram: Telegram,
  chatId: number,
  role: Role,
  language: Language,
): Promise<void> {
  await telegram.setMyCommands(menuOf(role, language), { scope: { type: 'chat', chat_id: chatId } });
}

/**
 * The customers' menu, in private chats only (the bot serves people one to one; groups it is added to get
 * no menu): one per language we speak, and `fallback`'s for every other language. Clears a menu an earlier
 * version set in the default scope, which groups would still show.
 */
export async function setCustomerMenus(telegram: Telegram, fallback: Language): Promise<void> {
  for (const language of LANGUAGES) {
    await telegram.setMyCommands(menuOf('customer', language), {
      scope: CUSTOMER_MENU_SCOPE,
      language_code: language,
    });
  }
  await telegram.setMyCommands(menuOf('customer', fallback), { scope: CUSTOMER_MENU_SCOPE });
  await telegram.deleteMyCommands({ scope: { type: 'default' } });
}
