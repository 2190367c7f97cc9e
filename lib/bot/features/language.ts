import { Composer, Markup } from 'telegraf';
import type { ReplyKeyboardMarkup } from 'telegraf/types';
import { chooseLanguage } from '../../marketplace/users.js';
import { acknowledge, replyAfterCommit, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import { encodeCallback } from '../callback-data.js';
import { refreshCommandMenu } from '../command-menus.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { currentLanguage, inLanguage, LANGUAGE_NAMES, LANGUAGES } from '../texts/language.js';
import { languageChoiceTexts as t } from '../texts/language-choice.js';
import { visitorOf } from '../visitor.js';
import { menuFor } from './menu.js';

/**
 * `/language` (issue 17): a button per language, each in its own words, the current one marked. A choice is
 * stored on the person (an absolute value: a double tap or a redelivery stores the same), mirrored in the
 * session, answered in the new language, and their menus follow it (the "/" menu, and the menu keyboard unless
 * hidden). A language we don't speak is no button of ours (callback-data.ts refuses it with the stale-button
 * line).
 */
export const languageFeature = new Composer<BotContext>();

function picker() {
  const current = currentLanguage();
  const buttons = LANGUAGES.map((language) =>
    Markup.button.callback(
      `${language === current ? '✅ ' : ''}${LANGUAGE_NAMES[language]}`,
      encodeCallback('language:set', language),
    ),
  );
  return { ...html, ...Markup.inlineKeyboard(buttons, { columns: 2 }) };
}

languageFeature.command('language', async (ctx) => {
  await ctx.reply(t.ask, picker());
});

buttonAction(languageFeature, 'language:set', async (ctx, [language]) => {
  // The language this update began in: the menu keyboard under the field was sent in it (or is older).
  const changed = language !== currentLanguage();
  await chooseLanguage(ctx.deps.db, { userId: ctx.from.id, firstName: ctx.from.first_name, language });
  if (ctx.session) ctx.session.language = language;
  ctx.log.info('language_chosen', { language });
  await inLanguage(language, async () => {
    await acknowledge(ctx);
    // Their menus in the new language, for what they are (as /start says: a pending owner's is a customer's).
    const visitor = await visitorOf(ctx);
    // The menu keyboard can't ride on an edit: the answer comes as a new message with it, and the picker
    // loses its buttons. Not when they hid the menu or are in a wizard (menuFor says), nor for a tap that
    // changes nothing.
    const menu: { reply_markup?: ReplyKeyboardMarkup } = changed ? menuFor(ctx, visitor) : {};
    if (menu.reply_markup) {
      await ctx.editMessageReplyMarkup(undefined).catch(() => {});
      await replyAfterCommit(ctx, t.chosen, { ...html, reply_markup: menu.reply_markup });
    } else {
      await showInPlace(ctx, t.chosen, html);
    }
    await refreshCommandMenu(ctx, ctx.from.id, visitor, language);
  });
});
