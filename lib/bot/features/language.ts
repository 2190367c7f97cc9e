import { Composer, Markup } from 'telegraf';
import { chooseLanguage } from '../../marketplace/users.js';
import { acknowledge, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import { encodeCallback } from '../callback-data.js';
import { setCommandMenu } from '../command-menus.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { currentLanguage, inLanguage, LANGUAGE_NAMES, LANGUAGES } from '../texts/language.js';
import { languageChoiceTexts as t } from '../texts/language-choice.js';
import { visitorOf } from '../visitor.js';

/**
 * `/language` (issue 17): a button per language, each in its own words, the current one marked. A choice is
 * stored on the person (an absolute value: a double tap or a redelivery stores the same), mirrored in the
 * session, answered in the new language, and their command menu follows it. A language we don't speak is no
 * button of ours (callback-data.ts refuses it with the stale-button line).
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
  await chooseLanguage(ctx.deps.db, { userId: ctx.from.id, firstName: ctx.from.first_name, language });
  if (ctx.session) ctx.session.language = language;
  ctx.log.info('language_chosen', { language });
  await inLanguage(language, async () => {
    await acknowledge(ctx);
    await showInPlace(ctx, t.chosen, html);
    // Their "/" menu in the new language, for whatever role they have (the visit says which).
    const { role } = await visitorOf(ctx);
    await setCommandMenu(ctx.telegram, ctx.from.id, role, language).catch((error) =>
      ctx.log.warn('command_menu_failed', { error: String(error) }),
    );
  });
});
