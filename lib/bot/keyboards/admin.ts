import { Markup } from 'telegraf';
import { encodeCallback } from '../callback-data.js';
import { adminTexts } from '../texts/admin.js';

export const reviewKeyboard = (venueId: number) =>
  Markup.inlineKeyboard([
    Markup.button.callback(adminTexts.verifyButton, encodeCallback('venue:verify', venueId)),
    Markup.button.callback(adminTexts.rejectButton, encodeCallback('venue:reject', venueId)),
  ]);

export const pagerKeyboard = (page: number, pages: number) => {
  const row = [];
  if (page > 0) row.push(Markup.button.callback(adminTexts.prev, encodeCallback('venue:pending', page - 1)));
  if (page < pages - 1)
    row.push(Markup.button.callback(adminTexts.next, encodeCallback('venue:pending', page + 1)));
  return Markup.inlineKeyboard([row]);
};
