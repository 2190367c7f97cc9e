import type { Telegram } from 'telegraf';
import type { Role } from '../marketplace/users.js';
import { seatOf } from '../marketplace/venue-access.js';
import type { BotContext } from './context.js';
import { commandMenuRole, type MenuHolder, menuKeyboard } from './keyboards/menu.js';
import { notifyUser, recipientLanguages } from './notify.js';
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
 * What someone is, for their menus, read the way /start reads it (`recordVisit`): an admin by configuration
 * whatever else they are, else staff or a venue's owner (with the venue's state), else a customer. For
 * someone other than the update's sender (their visit isn't recorded); undefined when the database can't say.
 */
export async function menuHolderOf(ctx: BotContext, userId: number): Promise<MenuHolder | undefined> {
  try {
    const seat = await seatOf(ctx.deps.db, userId);
    const role: Role = ctx.deps.config.adminIds.includes(userId)
      ? 'admin'
      : seat?.role === 'staff'
        ? 'staff'
        : seat
          ? 'venue'
          : 'customer';
    return { role, venue: seat?.venue };
  } catch (error) {
    ctx.log.warn('menu_holder_unknown', { error: String(error) });
    return undefined;
  }
}

/** Their "/" menu for what they are, in `language`. Never throws: it follows a change that has committed. */
export async function refreshCommandMenu(
  ctx: BotContext,
  userId: number,
  holder: MenuHolder,
  language: Language,
): Promise<void> {
  await setCommandMenu(ctx.telegram, userId, commandMenuRole(holder), language).catch((error) =>
    ctx.log.warn('command_menu_failed', { error: String(error) }),
  );
}

/**
 * After someone's role or venue changed (verified, suspended, reinstated, joined or left a venue's staff):
 * `render`'s text with the menu keyboard of what they are now, and the "/" menu to match, both in their
 * language. An admin keeps the admin's menus, an owner whose venue is suspended gets a customer's.
 */
export async function refreshMenus(ctx: BotContext, userId: number, render: () => string): Promise<void> {
  const holder = await menuHolderOf(ctx, userId);
  const language = (await recipientLanguages(ctx.deps, [userId]))(userId);
  const rendered = () => ({ text: render(), extra: holder ? menuKeyboard(holder) : {} });
  await notifyUser(ctx.deps, ctx.telegram, userId, rendered, language);
  if (holder) await refreshCommandMenu(ctx, userId, holder, language);
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
