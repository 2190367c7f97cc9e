/**
 * The menu keyboard under the message field (issue 17): one label per button, recognised in every language
 * (a person who switches language may still tap yesterday's keyboard). Plain text: reply keyboards and the
 * lines that show or hide them carry no HTML.
 */
export const menuLabels = {
  deals: '🍱 Deals',
  myReservations: '🧾 My reservations',
  following: '⭐ Following',
  settings: '⚙️ Settings',
  nearMe: '📍 Near me',
  myOffers: '📦 My offers',
  newOffer: '➕ New offer',
  desk: '🧾 Reservations',
  review: '🛡 Review',
  hide: '⌨️ Hide menu',
};

export const menuTexts = {
  /** Shown greyed in the empty message field: typing is a search. At most 64 characters. */
  placeholder: 'Type a food, e.g. bread',
  shown: '⌨️ Your menu is below. You can also just type what you fancy, like “bread”.',
  hidden: 'Menu hidden. Send /menu to bring it back.',
  back: '⌨️ Your menu is back.',
  helpLine: '🔎 Type a food, like “bread”, to search the live deals. ⌨️ /menu brings back the menu buttons.',
};
