import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Visitor } from '../../marketplace/users.js';
import type { BotContext } from '../context.js';
import { hideMenu, isMenuKeyboard, menuKeyboard } from '../keyboards/menu.js';
import { inEveryLanguage } from '../texts/language.js';
import { menuLabels, menuTexts } from '../texts/menu.js';
import { visitorOf } from '../visitor.js';

/**
 * The menu keyboard (issue 17). A tap on one of its buttons is the command it stands for, run by the command's
 * own handler (the label is rewritten into the command before any feature sees it), in whichever language the
 * label was written. ⌨️ Hide menu hides it and /menu brings it back. It steps aside while a wizard runs: the
 * wizard's first question hides it (or the wizard's own keyboard replaces it), and it comes back when the
 * wizard ends. Mounted before the wizards, so a menu tap inside one reaches the wizard as a command (which
 * answers "finish or /cancel" and changes nothing).
 */
export const menuFeature = new Composer<BotContext>();

type Item = keyof typeof menuLabels;
/** The command each button runs; "near me" sends a location, "hide" is the menu's own. */
const COMMANDS: Partial<Record<Item, string>> = {
  deals: 'offers',
  myReservations: 'myreservations',
  following: 'following',
  settings: 'settings',
  myOffers: 'myoffers',
  newOffer: 'newoffer',
  desk: 'reservations',
  review: 'pending',
};

let labels: Map<string, Item> | undefined;
/** The button a text is the label of, in any language we speak (labels are fixed, so read once). */
function itemOf(text: string): Item | undefined {
  labels ??= new Map(
    inEveryLanguage(() =>
      (Object.keys(COMMANDS) as Item[]).concat('hide').map((item) => [menuLabels[item], item] as const),
    ).flat(),
  );
  return labels.get(text.trim());
}

const inWizard = (ctx: BotContext) => Boolean(ctx.session?.__scenes?.current);

/** The menu for this person as a message's markup, or nothing while they keep it hidden or are in a wizard. */
export function menuFor(ctx: BotContext, visitor: Visitor) {
  if (ctx.chat?.type !== 'private' || ctx.session?.menu?.hidden || inWizard(ctx)) return {};
  if (ctx.session?.menu?.away) ctx.session.menu = { ...ctx.session.menu, away: undefined };
  return menuKeyboard(visitor);
}

type Extra = Parameters<BotContext['reply']>[1];

/**
 * What a reply does to the menu: in a wizard, the first plain question hides it (a wizard keyboard replaces
 * it anyway); outside one, the first plain reply after a wizard or another keyboard brings it back.
 */
async function withMenuManners(ctx: BotContext, extra: Extra): Promise<Extra> {
  const menu = ctx.session.menu ?? {};
  const markup = extra?.reply_markup;
  const replyKeyboard = markup !== undefined && ('keyboard' in markup || 'remove_keyboard' in markup);
  const away = (value: boolean) => {
    if (Boolean(menu.away) !== value) ctx.session.menu = { ...menu, away: value || undefined };
  };
  if (inWizard(ctx)) {
    if (replyKeyboard && !isMenuKeyboard(markup)) away(true);
    else if (!markup && !menu.away && !menu.hidden) {
      away(true);
      return { ...extra, ...hideMenu };
    }
    return extra;
  }
  if (markup && 'keyboard' in markup && !isMenuKeyboard(markup)) away(true);
  else if (menu.away && (!markup || 'remove_keyboard' in markup)) {
    away(false);
    if (menu.hidden) return extra;
    const visitor = await visitorOf(ctx).catch(() => undefined);
    if (visitor) return { ...extra, ...menuKeyboard(visitor) };
  }
  return extra;
}

// Every reply of this update minds the menu; a wizard that ended on a message with buttons of its own (which
// can't carry the menu) gets the menu back on a line of its own.
menuFeature.use(async (ctx, next) => {
  if (ctx.chat?.type !== 'private' || !ctx.session) return next();
  const wasInWizard = inWizard(ctx);
  const reply = ctx.reply.bind(ctx);
  ctx.reply = async (text, extra) => reply(text, await withMenuManners(ctx, extra));
  await next();
  const menu = ctx.session.menu;
  if (wasInWizard && !inWizard(ctx) && menu?.away && !menu.hidden) {
    ctx.session.menu = { ...menu, away: undefined };
    await reply(menuTexts.back, menuKeyboard(await visitorOf(ctx)));
  }
});

menuFeature.on(message('text'), async (ctx, next) => {
  const item = itemOf(ctx.message.text);
  if (item === 'hide') {
    ctx.session.menu = { hidden: true };
    return void (await ctx.reply(menuTexts.hidden, hideMenu));
  }
  const command = item && COMMANDS[item];
  if (!command) return next();
  // The button's label becomes its command, so the command's own handler (and a wizard's guard) answers it.
  ctx.message.text = `/${command}`;
  ctx.message.entities = [{ type: 'bot_command', offset: 0, length: command.length + 1 }];
  return next();
});

menuFeature.command('menu', async (ctx, next) => {
  // In a wizard, /menu is one more command the wizard answers with "finish or /cancel".
  if (inWizard(ctx)) return next();
  ctx.session.menu = undefined;
  await ctx.reply(menuTexts.shown, menuKeyboard(await visitorOf(ctx)));
});
