import { Markup } from 'telegraf';
import { scheduleDrop } from '../../jobs/publish-drop.js';
import {
  createDrop,
  type DropSchedule,
  nextRunAfter,
  parseWeekdays,
  WEEKDAY_SETS,
} from '../../marketplace/drops.js';
import { localWindowOf, parseLocalTime, parseLocalWindow } from '../../marketplace/local-time.js';
import { getOwnOffer } from '../../marketplace/offers.js';
import { callbackOf, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { cardKey } from '../idempotency-keys.js';
import { dropButtons as b, dropTexts as t } from '../texts/drops.js';
import { ownVenueLocale, ownVenueZone } from '../viewer-zone.js';
import { guardWizard, namedWizard, textOf } from './common.js';

/**
 * 📅 Repeat regularly: days (buttons or typed), pickup time, publish time, then a summary to confirm. The drop
 * is a snapshot of the offer it starts from; the first publication is scheduled at once.
 */
export const NEW_DROP_SCENE = 'new-drop';

interface State extends Partial<DropSchedule> {
  offerId: number;
  title?: string;
}

const stateOf = (ctx: BotContext) => ctx.wizard.state as State;
const Step = { start: 0, days: 1, window: 2, publish: 3, confirm: 4 } as const;
const button = Markup.button.callback;
const COMMON_WINDOWS: Array<[number, number]> = [
  [17 * 60, 19 * 60],
  [18 * 60, 20 * 60],
  [19 * 60, 21 * 60],
];

async function askPublish(ctx: BotContext) {
  const { windowStart } = stateOf(ctx) as Required<State>;
  const leads = [120, 60, 0].filter((lead) => windowStart - lead >= 0);
  await ctx.reply(t.askPublish(windowStart), {
    ...html,
    ...Markup.inlineKeyboard([
      leads.map((lead) => button(b.lead(lead, windowStart - lead), encodeCallback('drop:lead', lead))),
    ]),
  });
  return ctx.wizard.selectStep(Step.publish);
}

async function showSummary(ctx: BotContext) {
  const state = stateOf(ctx) as Required<State>;
  const l = await ownVenueLocale(ctx);
  const first = nextRunAfter(state, l.now, l.timezone)!;
  await ctx.reply(t.summary(state.title, state, first, l), {
    ...html,
    ...Markup.inlineKeyboard([
      [button(b.start, encodeCallback('drop:create')), button(b.cancel, encodeCallback('wiz:cancel'))],
    ]),
  });
  return ctx.wizard.selectStep(Step.confirm);
}

export const newDropScene = namedWizard(NEW_DROP_SCENE, Step, {
  start: async (ctx) => {
    const offer = await getOwnOffer(ctx.deps.db, { offerId: stateOf(ctx).offerId, ownerId: ctx.from!.id });
    Object.assign(stateOf(ctx), { title: offer.title });
    const window = localWindowOf(offer.pickupStart, offer.pickupEnd, await ownVenueZone(ctx));
    Object.assign(stateOf(ctx), { sourceStart: window.start, sourceEnd: window.end });
    await ctx.reply(t.askDays(offer.title), {
      ...html,
      ...Markup.inlineKeyboard([
        (['daily', 'weekdays', 'weekends'] as const).map((set) =>
          button(b[set], encodeCallback('drop:days', set)),
        ),
      ]),
    });
    return ctx.wizard.selectStep(Step.days);
  },
  days: async (ctx) => {
    const pressed = callbackOf(ctx);
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    const weekdays =
      pressed?.kind === 'drop:days' ? WEEKDAY_SETS[pressed.args[0]] : parseWeekdays(textOf(ctx) ?? '');
    if (!weekdays) return void (await ctx.reply(t.badDays, html));
    stateOf(ctx).weekdays = weekdays;
    const { sourceStart, sourceEnd } = ctx.wizard.state as { sourceStart: number; sourceEnd: number };
    const windows: Array<[number, number]> =
      sourceEnd <= 1440 ? [[sourceStart, sourceEnd], ...COMMON_WINDOWS] : COMMON_WINDOWS;
    const seen = new Set<string>();
    const rows = windows
      .filter(([s, e]) => !seen.has(`${s}-${e}`) && seen.add(`${s}-${e}`))
      .map(([s, e], i) => [
        button(
          i === 0 && sourceEnd <= 1440 ? b.sameAsOffer(s, e) : b.window(s, e),
          encodeCallback('wiz:slot', 0, s, e),
        ),
      ]);
    await ctx.reply(t.askWindow, { ...html, ...Markup.inlineKeyboard(rows) });
    return ctx.wizard.selectStep(Step.window);
  },
  window: async (ctx) => {
    const pressed = callbackOf(ctx);
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    const window =
      pressed?.kind === 'wiz:slot'
        ? { start: pressed.args[1], end: pressed.args[2] }
        : parseLocalWindow(textOf(ctx) ?? '');
    if (!window || window.end <= window.start) return void (await ctx.reply(t.badWindow, html));
    Object.assign(stateOf(ctx), { windowStart: window.start, windowEnd: window.end });
    return askPublish(ctx);
  },
  publish: async (ctx) => {
    const state = stateOf(ctx) as Required<State>;
    const pressed = callbackOf(ctx);
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    const at =
      pressed?.kind === 'drop:lead' ? state.windowStart - pressed.args[0] : parseLocalTime(textOf(ctx) ?? '');
    if (at === null || at < 0 || at >= state.windowEnd) return void (await ctx.reply(t.badPublish, html));
    state.publishAt = at;
    return showSummary(ctx);
  },
  confirm: async (ctx) => {
    const pressed = callbackOf(ctx)?.kind;
    if (ctx.callbackQuery) await ctx.answerCbQuery();
    if (pressed === 'wiz:cancel') {
      await ctx.scene.leave();
      return void (await ctx.reply(t.cancelled));
    }
    if (pressed !== 'drop:create') return void (await ctx.reply(t.useButtons));
    await ctx.editMessageReplyMarkup(undefined).catch(() => {});
    const state = stateOf(ctx) as Required<State>;
    await ctx.scene.leave();
    // Issue 17: the days, the window and the publish time are the venue's local ones.
    const l = await ownVenueLocale(ctx);
    const drop = await createDrop(ctx.deps.db, {
      // Every press on this summary card is the same drop.
      idempotencyKey: cardKey(ctx, 'drop.create'),
      ownerId: ctx.from!.id,
      offerId: state.offerId,
      schedule: state,
      now: l.now,
      zone: l.timezone,
    });
    ctx.log.info('drop_created', { drop_id: drop.id, offer_id: state.offerId });
    await scheduleDrop(ctx.deps, { id: drop.id, runAt: drop.nextRunAt });
    await ctx.reply(t.started(drop.nextRunAt, l), html);
  },
});

guardWizard(newDropScene, () => ({ cancelled: t.cancelled, still: t.still }));
