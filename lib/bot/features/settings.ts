import { Composer } from 'telegraf';
import { getDealAlertSettings, updateDealAlertSettings } from '../../marketplace/deal-alert-settings.js';
import { listFollowedVenues } from '../../marketplace/follows.js';
import { deleteSearch, getSavedSearch } from '../../marketplace/saved-searches.js';
import { quietHoursZone } from '../../marketplace/time-zones.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { html } from '../html.js';
import { settingsKeyboard } from '../keyboards/returning.js';
import { settingsTexts } from '../texts/follows.js';
import { localeOf } from '../texts/locale.js';

/** `/settings` (issue 14): mute deal alerts, pick quiet hours, delete the saved search; each tap redraws the card. */
export const settingsFeature = new Composer<BotContext>();

async function settingsView(ctx: BotContext) {
  const userId = ctx.from!.id;
  const [settings, search, following] = await Promise.all([
    getDealAlertSettings(ctx.deps.db, userId),
    getSavedSearch(ctx.deps.db, userId),
    listFollowedVenues(ctx.deps.db, { customerId: userId, now: ctx.deps.clock.now(), limit: 100 }),
  ]);
  return {
    // Quiet hours in the zone the fan-out keeps them in (issue 17).
    text: settingsTexts.view(
      settings,
      search,
      following.length,
      localeOf(ctx.deps, quietHoursZone(search, ctx.deps.config)),
    ),
    extra: { ...html, ...settingsKeyboard(settings, search !== null) },
  };
}

settingsFeature.command('settings', async (ctx) => {
  const view = await settingsView(ctx);
  await ctx.reply(view.text, view.extra);
});

buttonAction(settingsFeature, 'settings:mute', async (ctx, [mute]) => {
  const muted = mute === 1;
  await updateDealAlertSettings(ctx.deps.db, { userId: ctx.from.id, firstName: ctx.from.first_name, muted });
  await ctx.answerCbQuery(muted ? settingsTexts.muted : settingsTexts.unmuted);
  const view = await settingsView(ctx);
  await editOrReply(ctx, view.text, view.extra);
});

buttonAction(settingsFeature, 'settings:quiet', async (ctx, [preset]) => {
  // Refused before any write when the preset doesn't exist (a forged or outdated button).
  const settings = await updateDealAlertSettings(ctx.deps.db, {
    userId: ctx.from.id,
    firstName: ctx.from.first_name,
    quietPreset: preset,
  });
  await ctx.answerCbQuery(settingsTexts.quietSet(settings.quietStart, settings.quietEnd));
  const view = await settingsView(ctx);
  await editOrReply(ctx, view.text, view.extra);
});

buttonAction(settingsFeature, 'search:delete', async (ctx) => {
  const deleted = await deleteSearch(ctx.deps.db, ctx.from.id);
  await ctx.answerCbQuery(deleted ? settingsTexts.searchDeleted : settingsTexts.noSearch);
  const view = await settingsView(ctx);
  await editOrReply(ctx, view.text, view.extra);
});
