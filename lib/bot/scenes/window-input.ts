import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { atMinutes, localDayAfter } from '../../marketplace/local-time.js';
import { type LocalDate, parsePickupWindow } from '../../marketplace/pickup-window.js';
import { type CallbackArgs, callbackOf, encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { texts } from '../texts/common.js';
import { windowSlotTexts } from '../texts/offer-wizard.js';
import { newOfferTexts as t } from '../texts/venue.js';
import { ownVenueZone } from '../viewer-zone.js';
import { textOf } from './common.js';

/**
 * The pickup window, as every wizard asks it: buttons for common slots today and tomorrow (those not over yet),
 * or typed ("18:00-20:00", "tomorrow 9-10:30", "morgen 9-10:30"). The same rules either way (parsePickupWindow's),
 * in the zone of the owner's venue.
 */
const SLOTS: Array<[day: 0 | 1, start: number, end: number]> = [
  [0, 12 * 60, 14 * 60],
  [0, 17 * 60, 19 * 60],
  [0, 18 * 60, 20 * 60],
  [0, 19 * 60, 21 * 60],
  [1, 8 * 60, 10 * 60],
  [1, 12 * 60, 14 * 60],
  [1, 17 * 60, 19 * 60],
  [1, 18 * 60, 20 * 60],
];

/** A local date as the slot buttons carry it: 3 December 2026 is 20261203. */
const dayNumber = (day: LocalDate) => day.year * 10_000 + day.month * 100 + day.day;
const dayOfNumber = (n: number): LocalDate => ({
  year: Math.floor(n / 10_000),
  month: Math.floor(n / 100) % 100,
  day: n % 100,
});

function slotsKeyboard(now: Date, zone: string) {
  const buttons = SLOTS.map(([offset, start, end]) => ({
    offset,
    start,
    end,
    day: localDayAfter(now, offset, zone),
  }))
    .filter(({ day, end }) => atMinutes(day, end, zone) > now)
    .map(({ offset, start, end, day }) =>
      Markup.button.callback(
        windowSlotTexts.slot(offset, start, end),
        // The date the label means, so a press after midnight still gets that day (not the one after it).
        encodeCallback('wiz:slot', offset, start, end, dayNumber(day)),
      ),
    );
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return Markup.inlineKeyboard(rows);
}

/** Asks for the window with the slot buttons under the question ("today" is the venue's today). */
export async function askWindow(ctx: BotContext, question: string = t.askWindow) {
  const zone = await ownVenueZone(ctx);
  await ctx.reply(question, { ...html, ...slotsKeyboard(ctx.deps.clock.now(), zone) });
}

/**
 * The window this update gives (a slot pressed, or typed), or null after re-asking with the reason. Any other
 * button is answered and ignored.
 */
export async function readWindow(ctx: BotContext): Promise<{ start: Date; end: Date } | null> {
  const now = ctx.deps.clock.now();
  // Issue 17: typed and pressed in the venue's own zone.
  const zone = await ownVenueZone(ctx);
  const pressed = callbackOf(ctx);
  if (pressed?.kind === 'wiz:slot') {
    const day = slotDay(pressed.args, now, zone);
    // No button of ours names a day after tomorrow.
    if (!day) {
      await ctx.answerCbQuery(texts.staleButton).catch(() => {});
      return null;
    }
    await ctx.answerCbQuery().catch(() => {});
    const [, from, to] = pressed.args;
    const start = atMinutes(day, from, zone);
    const end = atMinutes(day, to, zone);
    // A slot over by the time it is pressed (a button from an earlier day among them): fresh buttons.
    if (end <= now || end <= start) {
      await askWindow(ctx, t.badWindow.in_the_past);
      return null;
    }
    return { start, end };
  }
  if (ctx.callbackQuery) {
    await ctx.answerCbQuery().catch(() => {});
    return null;
  }
  const text = textOf(ctx);
  if (!text) {
    await askWindow(ctx, t.badWindow.format);
    return null;
  }
  const window = parsePickupWindow(text, now, zone);
  if (!window.ok) {
    await askWindow(ctx, t.badWindow[window.reason]);
    return null;
  }
  return { start: window.start, end: window.end };
}

/**
 * The local day a slot button is for: the date it carries (the day its label meant when it was shown), or, on a
 * button without one, today or tomorrow from the press. Null for a date later than tomorrow.
 */
function slotDay(args: CallbackArgs<'wiz:slot'>, now: Date, zone: string): LocalDate | null {
  const [offset, , , date] = args;
  if (date === undefined) return localDayAfter(now, offset, zone);
  return date <= dayNumber(localDayAfter(now, 1, zone)) ? dayOfNumber(date) : null;
}
