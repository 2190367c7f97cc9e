import type { Role, Visitor } from '../../../marketplace/users.js';
import { escapeHtml } from '../../html.js';
import { languageChoiceTexts } from './language-choice.js';

/** Every user-facing line of the basic commands. HTML parse mode; user input is escaped here. */

interface CommandHelp {
  command: string;
  description: string;
}

const customerCommands: CommandHelp[] = [
  { command: 'offers', description: 'Browse surplus food deals near you' },
  { command: 'myreservations', description: 'Your reservations and pickup codes' },
  // Issue 14
  { command: 'following', description: 'Venues you follow, and unfollow' },
  { command: 'settings', description: 'New-deal alerts: mute, quiet hours, saved search' },
  { command: 'register', description: 'Sell your surplus food: register your venue' },
  // Issue 17
  { command: 'menu', description: 'Show the menu buttons again' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'What I can do' },
];

const venueCommands: CommandHelp[] = [
  { command: 'newoffer', description: 'Post a new offer' },
  { command: 'myoffers', description: 'Your offers and their stock' },
  { command: 'reservations', description: 'Who is coming today: codes, pickups, totals' },
  { command: 'pickup', description: 'Confirm a pickup by its code' },
  { command: 'venue', description: 'Your venue’s profile, staff and recurring drops' },
  { command: 'staff', description: 'Invite or remove staff' },
  { command: 'myratings', description: 'What customers rated your venue' },
  { command: 'offers', description: 'Browse all deals' },
  // Issue 17
  { command: 'menu', description: 'Show the menu buttons again' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'What I can do' },
];

/** Staff work the counter: the day's reservations and pickups, never offers or the venue. */
const staffCommands: CommandHelp[] = [
  { command: 'reservations', description: 'Who is coming today: codes, pickups, totals' },
  { command: 'pickup', description: 'Confirm a pickup by its code' },
  { command: 'offers', description: 'Browse all deals' },
  // Issue 17
  { command: 'menu', description: 'Show the menu buttons again' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'What I can do' },
];

const adminCommands: CommandHelp[] = [
  { command: 'pending', description: 'Venues waiting for verification' },
  { command: 'verify', description: 'Verify a venue: /verify <id>' },
  { command: 'reject', description: 'Reject a venue: /reject <id> <reason>' },
  // Issue 16: the rest of the admin console
  { command: 'venues', description: 'Find venues: /venues [status] [name or address]' },
  { command: 'venue', description: 'A venue’s card, offers and history: /venue <id>' },
  { command: 'suspend', description: 'Suspend a venue: /suspend <id> <reason>' },
  { command: 'unsuspend', description: 'Reinstate a venue: /unsuspend <id>' },
  { command: 'timezone', description: 'A venue’s time zone: /timezone <id> <zone>' },
  { command: 'takedown', description: 'Withdraw any offer: /takedown <offer id> <reason>' },
  { command: 'block', description: 'Stop a customer reserving: /block <user id> <reason>' },
  { command: 'unblock', description: 'Let them reserve again: /unblock <user id>' },
  { command: 'stats', description: 'Marketplace numbers: /stats [today|7d|30d]' },
  { command: 'audit', description: 'History: /audit <venue|offer|reservation|user> <id>' },
  { command: 'offers', description: 'Browse all deals' },
  // Issue 17
  { command: 'menu', description: 'Show the menu buttons again' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'What I can do' },
];

const commandsByRole: Record<Role, CommandHelp[]> = {
  admin: adminCommands,
  venue: venueCommands,
  staff: staffCommands,
  customer: customerCommands,
};
export const commandsFor = (role: Role) => commandsByRole[role];

const statusLine: Record<NonNullable<Visitor['venue']>['status'], string> = {
  pending: 'is waiting for verification by our team. We will message you as soon as it is reviewed.',
  changes_requested: 'needs a few changes before our team can verify it. Send /register to make them.',
  verified: 'is verified. Post a deal with /newoffer.',
  rejected: 'was not approved. Send /register to fix the details and send it for review again.',
  suspended: 'is suspended. Contact support if you think this is a mistake.',
};

export function welcome(firstName: string, visitor: Visitor): string {
  const hello = `Hi ${escapeHtml(firstName || 'there')}! 👋`;
  if (visitor.role === 'admin') {
    return `${hello}\nYou are an <b>admin</b>. Review venues with /pending, then /verify or /reject them.\nSee /help for everything else.`;
  }
  if (visitor.role === 'staff' && visitor.venue) {
    return `${hello}\nYou work at <b>${escapeHtml(visitor.venue.name)}</b>. See who is coming with /reservations and confirm pickups there or with /pickup &lt;code&gt;.`;
  }
  if (visitor.venue) {
    return `${hello}\nYour venue <b>${escapeHtml(visitor.venue.name)}</b> ${statusLine[visitor.venue.status]}\nSee /help for what you can do.`;
  }
  return `${hello}\nI find surplus food from local restaurants and shops at a discount. Reserve in chat, pay at pickup.\n\n🍱 /offers — see what is available now\n🏪 /register — sell your own surplus food`;
}

/** Issue 14: what the buttons and inline mode do, which a command menu can't say. */
const buttonHelp: Partial<Record<Role, string>> = {
  customer:
    '\n\n<b>Buttons</b>\n⭐ Follow on a deal: the venue’s next deals reach you here (mute or set quiet hours in /settings).\n' +
    '↗️ Share on a deal: send it to a friend.\n🔔 in /offers, after sharing your location: alerts for deals near you.\n' +
    'After a pickup, tap the stars to rate it.\n\n<b>In any chat</b>, type my @username and a word (e.g. bread) to share a live deal.',
  venue:
    '\n\n<b>Buttons</b>\nWhen a window ends without any pickup confirmed, I ask about each reservation: ✅ picked up or 🚫 didn’t come. ' +
    'Only a no-show counts against the customer.',
};

export function help(role: Role): string {
  // /menu is in the menu but not in this list: the line /help ends with (menuTexts.helpLine) says what it does.
  const lines = commandsFor(role)
    .filter((c) => c.command !== 'menu')
    .map((c) => `/${c.command} — ${escapeHtml(c.description)}`);
  return `<b>What I can do</b>\n${lines.join('\n')}${buttonHelp[role] ?? ''}\n\n/cancel stops whatever you are in the middle of.`;
}

export const texts = {
  unknownCommand: "I don't know that command. Send /help to see what I can do.",
  privateOnly: 'Please talk to me in a private chat. 🙂',
  genericError: 'Sorry, something went wrong on our side. Please try again in a moment.',
  tryAgain: 'I could not reach my storage just now. Please try again in a moment.',
  slowDown: "You're going a bit fast. Please wait a minute and try again. 🙏",
  nothingToCancel: 'There is nothing to cancel right now.',
  staleButton: 'This button is no longer valid.',
};
