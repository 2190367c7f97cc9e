import type { Role, Visitor } from '../../../marketplace/users.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/common.js';
import { languageChoiceTexts } from './language-choice.js';

/** Every user-facing line of the basic commands. HTML parse mode; user input is escaped here. */

interface CommandHelp {
  command: string;
  description: string;
}

const customerCommands: CommandHelp[] = [
  { command: 'offers', description: 'Reduziertes Essen in deiner Nähe finden' },
  { command: 'myreservations', description: 'Deine Reservierungen und Abholcodes' },
  // Issue 14
  { command: 'following', description: 'Betriebe, denen du folgst – und entfolgen' },
  { command: 'settings', description: 'Benachrichtigungen: stumm, Ruhezeit, gespeicherte Suche' },
  { command: 'register', description: 'Reste verkaufen: registriere deinen Betrieb' },
  // Issue 17
  { command: 'menu', description: 'Menüknöpfe wieder einblenden' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Was ich kann' },
];

const venueCommands: CommandHelp[] = [
  { command: 'newoffer', description: 'Neues Angebot einstellen' },
  { command: 'myoffers', description: 'Deine Angebote und ihr Bestand' },
  { command: 'reservations', description: 'Wer heute kommt: Codes, Abholungen, Summen' },
  { command: 'pickup', description: 'Abholung per Code bestätigen' },
  { command: 'venue', description: 'Profil, Team und Angebotsserien deines Betriebs' },
  { command: 'staff', description: 'Team einladen oder entfernen' },
  { command: 'myratings', description: 'Bewertungen deines Betriebs' },
  { command: 'offers', description: 'Alle Angebote ansehen' },
  // Issue 17
  { command: 'menu', description: 'Menüknöpfe wieder einblenden' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Was ich kann' },
];

/** Staff work the counter: the day's reservations and pickups, never offers or the venue. */
const staffCommands: CommandHelp[] = [
  { command: 'reservations', description: 'Wer heute kommt: Codes, Abholungen, Summen' },
  { command: 'pickup', description: 'Abholung per Code bestätigen' },
  { command: 'offers', description: 'Alle Angebote ansehen' },
  // Issue 17
  { command: 'menu', description: 'Menüknöpfe wieder einblenden' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Was ich kann' },
];

const adminCommands: CommandHelp[] = [
  { command: 'pending', description: 'Betriebe, die auf Verifizierung warten' },
  { command: 'verify', description: 'Betrieb verifizieren: /verify <id>' },
  { command: 'reject', description: 'Betrieb ablehnen: /reject <id> <Grund>' },
  // Issue 16: the rest of the admin console
  { command: 'venues', description: 'Betriebe finden: /venues [Status] [Name oder Adresse]' },
  { command: 'venue', description: 'Karte, Angebote und Verlauf eines Betriebs: /venue <id>' },
  { command: 'suspend', description: 'Betrieb sperren: /suspend <id> <Grund>' },
  { command: 'unsuspend', description: 'Betrieb wieder freischalten: /unsuspend <id>' },
  { command: 'timezone', description: 'Zeitzone eines Betriebs: /timezone <id> <Zone>' },
  { command: 'takedown', description: 'Beliebiges Angebot entfernen: /takedown <Angebots-ID> <Grund>' },
  { command: 'block', description: 'Vom Reservieren ausschließen: /block <Nutzer-ID> <Grund>' },
  { command: 'unblock', description: 'Wieder reservieren lassen: /unblock <Nutzer-ID>' },
  { command: 'stats', description: 'Zahlen zum Marktplatz: /stats [today|7d|30d]' },
  { command: 'audit', description: 'Verlauf: /audit <venue|offer|reservation|user> <id>' },
  { command: 'offers', description: 'Alle Angebote ansehen' },
  // Issue 17
  { command: 'menu', description: 'Menüknöpfe wieder einblenden' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Was ich kann' },
];

const commandsByRole: Record<Role, CommandHelp[]> = {
  admin: adminCommands,
  venue: venueCommands,
  staff: staffCommands,
  customer: customerCommands,
};
export const commandsFor: typeof en.commandsFor = (role) => commandsByRole[role];

/** Follows "Dein Betrieb <b>…</b>". */
const statusLine: Record<NonNullable<Visitor['venue']>['status'], string> = {
  pending: 'wird gerade von unserem Team geprüft. Wir melden uns, sobald das erledigt ist.',
  changes_requested:
    'braucht noch ein paar Änderungen, bevor unser Team ihn freischalten kann. Sende /register, um sie vorzunehmen.',
  verified: 'ist freigeschaltet. Stell ein Angebot mit /newoffer ein.',
  rejected:
    'wurde nicht freigeschaltet. Sende /register, um die Angaben zu korrigieren und ihn erneut prüfen zu lassen.',
  suspended: 'ist gesperrt. Melde dich beim Support, wenn du das für einen Fehler hältst.',
};

export const welcome: typeof en.welcome = (firstName, visitor) => {
  const hello = `Hallo${firstName ? ` ${escapeHtml(firstName)}` : ''}! 👋`;
  if (visitor.role === 'admin') {
    return `${hello}\nDu bist <b>Admin</b>. Prüfe Betriebe mit /pending und dann /verify oder /reject.\nAlles andere findest du unter /help.`;
  }
  if (visitor.role === 'staff' && visitor.venue) {
    return `${hello}\nDu arbeitest bei <b>${escapeHtml(visitor.venue.name)}</b>. Wer kommt, siehst du unter /reservations; Abholungen bestätigst du dort oder mit /pickup &lt;Code&gt;.`;
  }
  if (visitor.venue) {
    return `${hello}\nDein Betrieb <b>${escapeHtml(visitor.venue.name)}</b> ${statusLine[visitor.venue.status]}\nWas du alles tun kannst, steht unter /help.`;
  }
  return `${hello}\nIch finde übrig gebliebenes Essen von Restaurants und Läden in deiner Nähe, zum kleinen Preis. Du reservierst im Chat und zahlst bei der Abholung.\n\n🍱 /offers — was es gerade gibt\n🏪 /register — eigene Reste verkaufen`;
};

/** Issue 14: what the buttons and inline mode do, which a command menu can't say. */
const buttonHelp: Partial<Record<Role, string>> = {
  customer:
    '\n\n<b>Buttons</b>\n⭐ Folgen bei einem Angebot: Die nächsten Angebote des Betriebs bekommst du hier (stumm schalten oder Ruhezeit festlegen unter /settings).\n' +
    '↗️ Teilen bei einem Angebot: Schick es an Freunde.\n🔔 unter /offers, nachdem du deinen Standort geteilt hast: Benachrichtigungen zu Angeboten in deiner Nähe.\n' +
    'Nach einer Abholung kannst du mit den Sternen bewerten.\n\n<b>In jedem Chat</b> kannst du meinen @Benutzernamen und ein Wort (z. B. Brot) eingeben, um ein aktuelles Angebot zu teilen.',
  venue:
    '\n\n<b>Buttons</b>\nEndet eine Abholzeit, ohne dass eine Abholung bestätigt wurde, frage ich bei jeder Reservierung nach: ✅ abgeholt oder 🚫 nicht gekommen. ' +
    'Nur „nicht gekommen“ zählt gegen die Person.',
};

export const help: typeof en.help = (role) => {
  // /menu is in the menu but not in this list: the line /help ends with (menuTexts.helpLine) says what it does.
  const lines = commandsFor(role)
    .filter((c) => c.command !== 'menu')
    .map((c) => `/${c.command} — ${escapeHtml(c.description)}`);
  return `<b>Was ich kann</b>\n${lines.join('\n')}${buttonHelp[role] ?? ''}\n\n/cancel bricht ab, was du gerade machst.`;
};

export const texts: typeof en.texts = {
  unknownCommand: 'Diesen Befehl kenne ich nicht. Sende /help, um zu sehen, was ich kann.',
  privateOnly: 'Schreib mir bitte im privaten Chat. 🙂',
  genericError: 'Entschuldige, bei uns ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.',
  tryAgain: 'Ich konnte meinen Speicher gerade nicht erreichen. Bitte versuch es gleich noch einmal.',
  slowDown: 'Du bist etwas schnell unterwegs. Warte bitte eine Minute und versuch es dann noch einmal. 🙏',
  nothingToCancel: 'Gerade gibt es nichts abzubrechen.',
  staleButton: 'Dieser Button ist nicht mehr gültig.',
};
