import { escapeHtml } from '../../html.js';

/** What owners and customers are told when an admin acts on their venue, offer or account. HTML. */

const e = escapeHtml;

export const sanctionNotices = {
  changesRequested: (name: string, note: string) =>
    `✏️ Our team looked at <b>${e(name)}</b> and asks for a few changes before verifying it:\n\n${e(note)}\n\n` +
    'Send /register to answer the registration again: tap “Keep” for anything that is already right.',
  suspended: (name: string, reason: string) =>
    `⛔ Your venue <b>${e(name)}</b> is suspended, and its live offers were withdrawn (customers holding reservations were told).\nReason: ${e(reason)}\n\n` +
    'Reply to our team if you think this is a mistake.',
  reinstated: (name: string) =>
    `✅ Your venue <b>${e(name)}</b> is active again. Post a deal with /newoffer; your commands are back in the menu.`,
  takenDown: (title: string, reason: string) =>
    `✖️ Our team took down your offer <b>${e(title)}</b>; customers holding reservations were told it was withdrawn.\nReason: ${e(reason)}`,
  barred:
    '🙏 Our team has paused reservations for your account. Reservations you already hold stay valid: you can still collect them. If you think this is a mistake, please contact us.',
  unbarred: '✅ You can reserve again. See what’s on with /offers.',
};
