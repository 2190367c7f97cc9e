import { escapeHtml as e } from '../../html.js';
import { money as formatMoney } from '../format.js';

/** The offer wizards' shared questions: pickup slots, items one field at a time, the edit menu. HTML. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const windowSlotTexts = {
  slot: (day: 0 | 1, start: number, end: number) =>
    `${day === 0 ? 'Today' : 'Tomorrow'} ${hhmm(start)}–${hhmm(end)}`,
  time: hhmm,
};

/**
 * Items one field at a time, in the one order every wizard uses: name → original price → discounted price →
 * quantity (→ weight per unit, optional).
 */
export const itemEntryTexts = {
  askOriginal: (name: string) => `<b>${e(name)}</b>: what does one normally cost? e.g. <code>12.50</code>`,
  askPrice: (name: string, original: number, currency: string) =>
    `And your discounted price for one <b>${e(name)}</b>? Lower than ${formatMoney(original, currency)}, e.g. <code>4.00</code>`,
  askQuantity: (name: string) => `How many <b>${e(name)}</b> can customers reserve? e.g. <code>5</code>`,
  askWeight: (name: string) =>
    `Optional: how much does one <b>${e(name)}</b> weigh? e.g. <code>0.4 kg</code> or <code>350 g</code>. It shows how much food you save. Tap “Skip” if you’d rather not say.`,
  badOriginal: 'That isn’t a price. Send the usual price of one, e.g. <code>12.50</code>.',
  badPrice: (original: number, currency: string) =>
    `Send a price above zero and below ${formatMoney(original, currency)}, e.g. <code>4.00</code>.`,
  badQuantity: (min: number, max: number) =>
    `Send a whole number from ${min} to ${max}, e.g. <code>5</code>.`,
  badWeight: 'Send a weight like <code>0.4 kg</code> or <code>350 g</code>, or tap “Skip”.',
  finishFirst: 'Finish this item first:',
  oneByOneHint: '\nOr send just the item’s name and I’ll ask for the rest one by one.',
};

export const editMenuTexts = {
  ask: 'What do you want to change?',
  useButtons: 'Tap what you want to change below, or ✔ Done.',
  title: '✏️ Title',
  description: '📝 Description',
  window: '⏰ Pickup time',
  photo: '📸 Photo',
  items: '💶 Prices & quantities',
  add: '➕ Add item',
  remove: '➖ Remove item',
  done: '✔ Done',
  askTitle: 'Send the new <b>title</b> (up to 80 characters).',
  askDescription: 'Send the new <b>description</b> (up to 500 characters), or <code>-</code> for none.',
  askWindow: (holders: number) =>
    `⏰ When can customers pick up now?${holders > 0 ? ` ${holders === 1 ? 'The customer holding a reservation' : `The ${holders} customers holding reservations`} will be told.` : ''}\ne.g. <code>18:00-20:00</code>, <code>tomorrow 9:00-10:30</code>, or tap a slot:`,
  askPhoto: '📸 Send the new photo, or tap “Skip” to remove the photo.',
  chooseItem: 'Which item?',
  chooseRemove: 'Which item should go? (Items customers reserved stay; set their quantity to 0 instead.)',
  askAdd:
    'Send the new item as <code>name, original price, discounted price, quantity</code>, e.g. <code>Veggie box, 12.50, 4.00, 5</code>, or just its name.',
  saved: '✏️ Saved.',
  windowSaved: (told: number) =>
    told > 0
      ? `⏰ Pickup time changed. ${told === 1 ? 'The customer holding a reservation was' : `${told} reservations were`} told.`
      : '⏰ Pickup time changed.',
  removed: '➖ Item removed.',
  added: '➕ Item added.',
};
