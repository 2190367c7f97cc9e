import type { KeyboardButton, ReplyKeyboardMarkup } from 'telegraf/types';
import type { Role, Visitor } from '../../marketplace/users.js';
import { menuLabels, menuTexts } from '../texts/menu.js';

/**
 * The menu keyboard (issue 17): a reply keyboard that stays under the message field (`is_persistent`), one per
 * role. Customers: deals, their reservations, follows, settings and their location; a venue's owner: offers,
 * a new one, today's reservations and the deals; staff only what they may do (the counter, the deals); admins
 * also 🛡 Review (the venues waiting). Every menu ends with ⌨️ Hide menu (/menu brings it back).
 */
type Row = KeyboardButton[];
/** Whose menu: a role, and for owners and admins their venue's state (what /start's visitor says). */
export type MenuHolder = Pick<Visitor, 'role'> & { venue?: Pick<NonNullable<Visitor['venue']>, 'status'> };

const customerRows = (): Row[] => [
  [menuLabels.deals, menuLabels.myReservations],
  [menuLabels.following, menuLabels.settings],
  [{ text: menuLabels.nearMe, request_location: true }, menuLabels.hide],
];

const ownerRows = (): Row[] => [
  [menuLabels.myOffers, menuLabels.newOffer],
  [menuLabels.desk, menuLabels.deals],
  [menuLabels.hide],
];

const staffRows = (): Row[] => [[menuLabels.desk, menuLabels.deals], [menuLabels.hide]];

/** A venue's menu once it may sell (as its command menu): before verification or while suspended, a customer's. */
const sells = (visitor: MenuHolder) => visitor.venue?.status === 'verified';

/** The "/" menu that goes with the keyboard: a venue's once it may sell, an admin's whatever else they are. */
export const commandMenuRole = (holder: MenuHolder): Role =>
  holder.role === 'venue' && !sells(holder) ? 'customer' : holder.role;

function rowsFor(visitor: MenuHolder): Row[] {
  if (visitor.role === 'venue') return sells(visitor) ? ownerRows() : customerRows();
  if (visitor.role === 'staff') return staffRows();
  if (visitor.role === 'customer') return customerRows();
  // An admin who also owns a venue gets its menu; either way Review comes first, it is what admins are for.
  const rows = sells(visitor) ? ownerRows() : customerRows();
  return [[menuLabels.review], ...rows];
}

/** The menu as a message's `reply_markup`, labels in the current language. */
export function menuKeyboard(visitor: MenuHolder): { reply_markup: ReplyKeyboardMarkup } {
  return {
    reply_markup: {
      keyboard: rowsFor(visitor),
      is_persistent: true,
      resize_keyboard: true,
      input_field_placeholder: menuTexts.placeholder,
    },
  };
}

/** Our menu is the only persistent keyboard the bot sends; anything else replaces it for a while. */
export const isMenuKeyboard = (markup: unknown): boolean =>
  typeof markup === 'object' && markup !== null && (markup as ReplyKeyboardMarkup).is_persistent === true;

export const hideMenu = { reply_markup: { remove_keyboard: true as const } };
