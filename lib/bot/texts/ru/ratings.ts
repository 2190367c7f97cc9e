import type { VenueRatings } from '../../../marketplace/ratings.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/ratings.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** Ratings after a pickup, and the venue's /myratings (issue 14). HTML. */

const stars = (n: number) => '⭐'.repeat(n);
const day = (at: Date, l: Locale) =>
  at.toLocaleDateString('ru-RU', { day: 'numeric', month: 'short', timeZone: l.timezone });

export const ratingTexts: typeof en.ratingTexts = {
  ask: 'Как вам? Поставьте оценку (её можно изменить в течение 24 часов):',
  starButton: (n: number, chosen: boolean) => (chosen ? `✅ ${n}⭐` : `${n}⭐`),
  rated: (n: number, venue: string) =>
    `${stars(n)} Спасибо за оценку заведения <b>${e(venue)}</b>!\n\n` +
    'Хотите написать пару слов для заведения? Просто отправьте их следующим сообщением. Чтобы изменить оценку, нажмите на другие звёзды — это можно сделать в течение 24 часов.',
  ratedToast: (n: number) => `Ваша оценка: ${n} ⭐`,
  commentSaved: '💬 Спасибо, отзыв сохранён. Он поможет заведению и другим клиентам.',
  noVenue:
    'Оценки ставят только заведениям. Хотите продавать свои излишки — зарегистрируйте заведение: /register.',
  view(r: VenueRatings, l: Locale): string {
    if (r.count === 0 || r.average === null) {
      return `⭐ <b>Оценки: ${e(r.venueName)}</b>\n\nОценок пока нет. Клиентов просят оценить заказ после каждой выдачи, которую вы подтвердили.`;
    }
    const shown =
      r.count >= 3
        ? 'Клиенты видят её в ваших предложениях.'
        : `Клиенты увидят её в ваших предложениях, когда наберётся 3 оценки (ещё ${3 - r.count}).`;
    const recent = r.recent.map((x) => {
      const comment = x.comment ? `\n«${e(x.comment)}»` : '';
      return `${stars(x.stars)} · ${e(x.itemName)} · ${day(x.ratedAt, l)}${comment}`;
    });
    return (
      `⭐ <b>Оценки: ${e(r.venueName)}</b>\n` +
      `Средняя <b>${r.average.toFixed(1).replace('.', ',')}</b> по ${plural(r.count, { one: '# оценке', few: '# оценкам', many: '# оценкам', other: '# оценки' })}. ${shown}\n\n` +
      `<b>Последние</b>\n${recent.join('\n\n')}`
    );
  },
};
