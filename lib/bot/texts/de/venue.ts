import type { Venue } from '../../../../db/schema.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { OfferStatus } from '../../../marketplace/offers.js';
import { escapeHtml } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/venue.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import { plural } from '../plural.js';

/** What venue owners read: registration, offers, their management. HTML parse mode. */

/**
 * Items are typed with semicolons in German ("Gemüsekiste; 12,50; 4,00; 5"): with a decimal comma, commas
 * between the fields are hard to read and, typed without spaces, would be split inside the prices.
 * The item and edit parsers accept ";" as well as ", ".
 */
const itemFormat = '<code>Name; Normalpreis; reduzierter Preis; Menge</code>';
const itemExample = '<code>Gemüsekiste; 12,50; 4,00; 5</code>';

export const registerTexts: typeof en.registerTexts = {
  askName:
    '🏪 Lass uns deinen Betrieb registrieren. Wie <b>heißt</b> er?\n\n(/cancel bricht jederzeit ab; gespeichert wird erst am Ende.)',
  badName: 'Bitte schick den Namen des Betriebs als Text, 2–80 Zeichen.',
  askAddress: '📫 Wie lautet die <b>Adresse</b> des Betriebs? Darüber finden dich die Leute.',
  badAddress: 'Bitte schick die Adresse als Text, 5–200 Zeichen (Straße, Hausnummer, Ort).',
  askLocation:
    '📍 Schick den <b>Standort</b> des Betriebs, damit dich Leute in der Nähe zuerst finden: Tippe auf „Standort senden“, wenn du gerade dort bist, oder häng eine Stecknadel an (📎 → Standort). Tippe auf „Überspringen“, wenn du das lieber nicht möchtest.',
  badLocation: 'Bitte schick einen Standort (📎 → Standort) oder tippe auf „Überspringen“.',
  askPhone:
    '📱 Eine <b>Telefonnummer</b> für unser Team (die Kundschaft sieht sie nicht). Tippe auf „Meine Nummer teilen“ oder gib sie ein, z. B. +49 30 1234567.',
  badPhone:
    'Das sieht nicht nach einer Telefonnummer aus. Gib sie mit Ländervorwahl ein, z. B. +49 30 1234567, oder tippe auf „Meine Nummer teilen“.',
  notYourContact: 'Bitte teile deinen eigenen Kontakt oder gib die Nummer ein.',
  askDescription: '📝 Beschreib deinen Betrieb in ein, zwei Sätzen (welches Essen du meistens rettest).',
  badDescription: 'Bitte schick eine kurze Beschreibung als Text, bis zu 300 Zeichen.',
  askPhoto:
    '📸 Zum Schluss ein <b>Foto</b> von deinem Betrieb oder deinem Essen (optional). Schick es als Foto oder tippe auf „Überspringen“.',
  badPhoto: 'Bitte schick ein Foto (JPEG, PNG oder WebP) oder tippe auf „Überspringen“.',
  cancelled: 'Registrierung abgebrochen. Es wurde nichts gespeichert.',
  stillRegistering:
    'Du bist mitten in der Registrierung deines Betriebs. Beantworte die Frage oben oder sende /cancel zum Abbrechen.',
  done: (name) =>
    `✅ Danke! <b>${escapeHtml(name)}</b> ist registriert und wird jetzt von unserem Team geprüft. Wir melden uns, sobald das erledigt ist.`,
  skip: 'Überspringen',
  sendLocation: '📍 Standort senden',
  sharePhone: '📱 Meine Nummer teilen',
};

/** Follows "Dein Betrieb <b>…</b>". */
const statusWords: Record<Venue['status'], string> = {
  pending: 'wird gerade von unserem Team geprüft',
  changes_requested: 'wartet auf ein paar Änderungen von dir (sende /register, um sie vorzunehmen)',
  verified: 'ist freigeschaltet ✅',
  rejected: 'wurde nicht freigeschaltet',
  suspended: 'ist gesperrt',
};

export const alreadyRegistered: typeof en.alreadyRegistered = (venue) =>
  `Dein Betrieb <b>${escapeHtml(venue.name)}</b> ${statusWords[venue.status]}.` +
  (venue.status === 'rejected' && venue.rejectionReason
    ? `\nGrund: ${escapeHtml(venue.rejectionReason)}`
    : venue.status === 'verified'
      ? '\nStell ein Angebot mit /newoffer ein.'
      : '');

export const ownerNotices: typeof en.ownerNotices = {
  verified: (name) =>
    `🎉 Dein Betrieb <b>${escapeHtml(name)}</b> ist freigeschaltet! Stell dein erstes Angebot mit /newoffer ein. Deine Befehle findest du im Menü.`,
  rejected: (name, reason) =>
    `Wir konnten <b>${escapeHtml(name)}</b> leider noch nicht freischalten.\nGrund: ${escapeHtml(reason)}\n\n` +
    'Um es noch einmal zu versuchen, sende /register: Alle Fragen kommen erneut, mit deinen bisherigen Antworten. Ändere, worum es im Grund geht, tippe beim Rest auf „Beibehalten“, und unser Team prüft noch einmal.',
};

export const offerGate: typeof en.offerGate = {
  notRegistered: 'Nur registrierte Betriebe können Angebote einstellen. Registriere deinen mit /register.',
  pending:
    'Dein Betrieb wird noch geprüft. Sobald unser Team ihn freischaltet, kannst du Angebote einstellen.',
  changesRequested:
    'Unser Team hat vor der Freischaltung um ein paar Änderungen gebeten. Sende /register, um sie vorzunehmen; sobald dein Betrieb freigeschaltet ist, kannst du Angebote einstellen.',
  notVerified:
    'Dein Betrieb ist nicht freigeschaltet und kann deshalb keine Angebote einstellen. Melde dich bei uns, wenn du das für einen Fehler hältst.',
};

export const newOfferTexts: typeof en.newOfferTexts = {
  askTitle:
    '🍱 Neues Angebot. Wie lautet der <b>Titel</b>? z. B. „Brottüte zum Feierabend“ (bis zu 80 Zeichen).\n\n/cancel bricht jederzeit ab.',
  badTitle: 'Bitte schick den Titel als Text, 1–80 Zeichen.',
  askItems:
    `Jetzt die <b>Artikel</b>, einer pro Zeile oder Nachricht:\n${itemFormat}\nz. B. ${itemExample}\n` +
    'Oder schick nur den Namen eines Artikels, dann frage ich den Rest einzeln ab. Tippe auf „Fertig“, wenn alle Artikel drin sind.',
  itemAdded: (count, max) =>
    `Hinzugefügt ✓ — bisher ${count} Artikel${count < max ? '. Schick den nächsten oder tippe auf „Fertig“.' : ' (mehr geht nicht). Tippe auf „Fertig“.'}`,
  badItem: (line, problem) =>
    `„${escapeHtml(truncate(line, 60))}“ konnte ich nicht hinzufügen: ${escapeHtml(problem)}\nFormat: ${itemFormat}, z. B. ${itemExample}`,
  tooManyItems: (max) =>
    `Ein Angebot kann höchstens ${max} Artikel haben. Tippe auf „Fertig“, um weiterzumachen.`,
  needOneItem: `Füg zuerst mindestens einen Artikel hinzu, z. B. ${itemExample}.`,
  askWindow:
    '⏰ Wann kann <b>abgeholt</b> werden? Tippe auf eine Zeit oder schreib sie, z. B. <code>18:00-20:00</code> (heute), <code>morgen 9:00-10:30</code>, <code>Fr 17-19</code>.',
  badWindow: {
    format:
      'Diese Zeit konnte ich nicht lesen. Versuch es mit <code>18:00-20:00</code>, <code>heute 18-20</code> oder <code>morgen 9:00-10:30</code>.',
    end_before_start: 'Die Abholzeit muss nach ihrem Beginn enden, z. B. <code>18:00-20:00</code>.',
    in_the_past: 'Diese Abholzeit ist schon vorbei. Wähl eine spätere Zeit heute oder einen anderen Tag.',
    too_far: 'Die Abholung kann höchstens 7 Tage im Voraus liegen.',
  },
  askPhoto: '📸 Ein <b>Foto</b> vom Essen (optional) — schick es oder tippe auf „Überspringen“.',
  badPhoto: 'Bitte schick ein Foto (JPEG, PNG oder WebP) oder tippe auf „Überspringen“.',
  summaryFooter: 'Als Entwurf speichern oder gleich veröffentlichen?',
  cancelled: 'Angebot verworfen. Es wurde nichts gespeichert.',
  stillCreating:
    'Du erstellst gerade ein Angebot. Beantworte die Frage oben oder sende /cancel zum Abbrechen.',
  useButtons: 'Tippe oben auf einen der Buttons: Entwurf speichern, Veröffentlichen oder Abbrechen.',
  saved: (id) =>
    `💾 Als Entwurf #${id} gespeichert. Veröffentliche ihn mit /publish ${id} oder unter /myoffers.`,
  published: (id) =>
    `🚀 Angebot #${id} ist online! Ab jetzt ist es für alle sichtbar. Verwalten kannst du es unter /myoffers.`,
  done: 'Fertig',
  skip: 'Überspringen',
  saveDraft: '💾 Entwurf speichern',
  publish: '🚀 Veröffentlichen',
  cancel: '✖️ Abbrechen',
};

const offerStatusWords: Record<OfferStatus, string> = {
  draft: '📝 Entwurf',
  active: '🟢 online',
  paused: '⏸ pausiert',
  sold_out: '🔴 ausverkauft',
  expired: '⌛ abgelaufen',
  withdrawn: '✖️ zurückgezogen',
};

export const offerSummary: typeof en.offerSummary = (offer, now, zone, currency) => {
  const head = `<b>${escapeHtml(offer.title)}</b>${offer.id ? ` #${offer.id}` : ''}${offer.status ? ` · ${offerStatusWords[offer.status]}` : ''}`;
  const items = offer.items.map((item) => {
    const left =
      'quantityAvailable' in item
        ? `${item.quantityAvailable}/${item.quantityTotal} übrig`
        : `${(item as { quantity: number }).quantity} Stück`;
    return `• ${escapeHtml(item.name)} — ${formatMoney(item.price, currency)} <s>${formatMoney(item.originalPrice, currency)}</s> (−${discountPercent(item.originalPrice, item.price)}%), ${left}`;
  });
  return `${head}\n${items.join('\n')}\n⏰ Abholung ${describePickupWindow(offer.pickupStart, offer.pickupEnd, now, zone)}`;
};

export const manageTexts: typeof en.manageTexts = {
  usage: (command) =>
    `Schick den Befehl mit der Angebotsnummer, z. B. <code>/${command} 12</code>. Deine Angebote findest du unter /myoffers.`,
  done: {
    publish: '🚀 Veröffentlicht. Ab jetzt ist es für alle sichtbar.',
    pause: '⏸ Pausiert. Bis du es fortsetzt, sieht es niemand.',
    resume: '▶️ Wieder online.',
    sold_out: '🔴 Als ausverkauft markiert. Mit /edit füllst du den Bestand wieder auf.',
  },
  editAsk: (name, reserved) =>
    `Schick die neuen Werte für <b>${escapeHtml(name)}</b> als\n<code>Normalpreis; reduzierter Preis; Menge im Verkauf</code>\n` +
    `Mit <code>-</code> bleibt ein Wert, wie er ist, z. B. <code>-; -; 10</code> für 10 Stück im Verkauf` +
    (reserved > 0
      ? ` (${plural(reserved, { one: 'das eine schon reservierte Stück bleibt reserviert', other: 'die # schon reservierten bleiben reserviert' })}).`
      : '.') +
    ' Dahinter kann ein Gewicht pro Stück folgen, z. B. <code>-; -; 10; 0,4 kg</code>.',
  editBad:
    'Bitte schick drei Werte, getrennt durch Semikolons: Normalpreis; reduzierter Preis; Menge im Verkauf, z. B. <code>12,50; 4,00; 8</code> oder <code>-; -; 10</code>.',
  edited: '✏️ Gespeichert.',
  editCancelled: 'Bearbeitung abgebrochen. Nichts geändert.',
  stillEditing: 'Du bearbeitest gerade ein Angebot. Schick die neuen Werte oder /cancel zum Abbrechen.',
};

export const buttons: typeof en.buttons = {
  publish: '🚀 Veröffentlichen',
  pause: '⏸ Pausieren',
  resume: '▶️ Fortsetzen',
  soldOut: '🔴 Ausverkauft',
  edit: '✏️ Bearbeiten',
  withdraw: '✖️ Zurückziehen',
};
