import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { AppError } from '../../errors.js';
import { searchWords } from '../../marketplace/find-offers-by-text.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { shareLocationKeyboard } from '../keyboards/customer.js';
import { foundView, freshLocation, type SavedTextSearch } from '../offer-lists.js';
import { inEveryLanguage } from '../texts/language.js';
import { foundTexts, nearMePhrases } from '../texts/search.js';
import { truncate } from '../truncate.js';
import { sendList } from './browse.js';

/**
 * Free text is a search (issue 17): outside a wizard, a plain message nobody else was waiting for ("bread",
 * "sushi near me") lists the live deals that match, paged and opened like /offers. Mounted last but one, so a
 * wizard's answer, a rating's comment or a command is never taken for a search.
 */
export const searchFeature = new Composer<BotContext>();

/** What is shown back as the query ("for “…”"); the words themselves are capped in the domain. */
const QUERY_SHOWN_MAX = 60;
const SPACE = /\s+/g;

/** "Near me" in any language we speak, longest first so "cerca de mí" wins over "cerca". */
let phrases: RegExp[] | undefined;
function nearMeMatchers(): RegExp[] {
  phrases ??= [...new Set(inEveryLanguage(() => [...nearMePhrases.list]).flat())]
    .sort((a, b) => b.length - a.length)
    .map(
      (phrase) => new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(SPACE, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
    );
  return phrases;
}

/** The words to look for, and whether the person asked for the nearest first. */
function parseSearch(text: string): SavedTextSearch {
  let rest = text;
  let nearestFirst = false;
  for (const phrase of nearMeMatchers()) {
    if (!phrase.test(rest)) continue;
    nearestFirst = true;
    rest = rest.replace(phrase, ' ');
  }
  const query = text.replace(SPACE, ' ').trim();
  return { query: truncate(query, QUERY_SHOWN_MAX), words: searchWords(rest), nearestFirst };
}

searchFeature.on(message('text'), async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  const search = parseSearch(ctx.message.text);
  if (search.words.length === 0 && !search.nearestFirst) return void (await ctx.reply(foundTexts.noWords));
  // "near me" alone is /offers, which ranks by distance once a location is known (and asks for one).
  if (search.words.length === 0) return sendList(ctx);
  const view = await foundView(ctx, search, 0);
  // Nearest first needs to know where "near" is: the location button, and the results again once it comes.
  // Only when there is something to sort: with nothing found, a location shared next is for /offers.
  const askLocation = view.total > 0 && search.nearestFirst && freshLocation(ctx) === undefined;
  ctx.session.search = {
    ...search,
    ...(askLocation ? { locationAskedAt: ctx.deps.clock.now().toISOString() } : {}),
  };
  await ctx.reply(view.text, view.extra);
  if (askLocation) await ctx.reply(foundTexts.shareForNearest, shareLocationKeyboard());
});

// Prev / Next on the results, and "⬅️ Back to list" from a deal opened in them: the person's last search.
buttonAction(searchFeature, 'found:page', async (ctx, [page]) => {
  const search = ctx.session?.search;
  if (!search) throw new AppError({ code: 'button.stale' });
  const view = await foundView(ctx, search, page);
  await ctx.answerCbQuery();
  await editOrReply(ctx, view.text, view.extra);
});
