import type { AppErrorDetail, ErrorCode } from '../../../errors.js';
import type { OfferStatus } from '../../../marketplace/offers.js';
import { LIMITED_RESERVATIONS, STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from '../../../marketplace/strikes.js';
import type * as en from '../en/errors.js';
import { moment, utcDateTime } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/**
 * What a person is told when their request is refused: one text per error code (lib/errors.ts), with the
 * code's facts filled in. A new code without a text here doesn't compile.
 *
 * Plain text, not HTML: these lines are shown as callback answers (which have no parse mode) as often as in
 * messages. A caller that puts one into an HTML message escapes it (user input, e.g. a mistyped price, can
 * appear in it).
 */
type Texts = {
  [C in ErrorCode]: string | ((detail: Extract<AppErrorDetail, { code: C }>, l?: Locale) => string);
};

const editNeedsVerifiedVenue = {
  suspended:
    'Dein Betrieb ist gesperrt, deshalb können seine Angebote nicht bearbeitet werden. Melde dich bei uns, wenn du das für einen Fehler hältst.',
  pending: 'Dein Betrieb wird noch geprüft, deshalb können seine Angebote noch nicht bearbeitet werden.',
  changes_requested:
    'Dein Betrieb wartet auf die Änderungen, um die unser Team gebeten hat; bis dahin können seine Angebote nicht bearbeitet werden.',
  rejected: 'Dein Betrieb wurde nicht freigeschaltet, deshalb können seine Angebote nicht bearbeitet werden.',
};

const alreadyInState = {
  active: 'Dieses Angebot ist schon online.',
  paused: 'Dieses Angebot ist schon pausiert.',
  sold_out: 'Dieses Angebot ist schon als ausverkauft markiert.',
};

/** An offer's state, after "ist" ("Dieses Angebot ist abgelaufen"). */
const offerStatusWords: Record<OfferStatus, string> = {
  draft: 'ein Entwurf',
  active: 'online',
  paused: 'pausiert',
  sold_out: 'ausverkauft',
  expired: 'abgelaufen',
  withdrawn: 'zurückgezogen',
};

/** What each owner action needs, said when the offer is in another state. */
const actionNeeds = {
  publish: 'Nur Entwürfe können veröffentlicht werden.',
  pause: 'Nur Angebote, die online sind, können pausiert werden.',
  resume: 'Nur pausierte Angebote können fortgesetzt werden.',
  sold_out: 'Nur Angebote, die online oder pausiert sind, können als ausverkauft markiert werden.',
  withdraw: 'Dieses Angebot kann nicht mehr zurückgezogen werden.',
};

const settled = { picked_up: 'bereits abgeholt', no_show: 'als nicht abgeholt markiert' };

const priceExample = { original: '12,50', discounted: '4,00' };

/** After "Dieser Betrieb …". */
const venueStatusWords = {
  pending: 'wartet auf Prüfung',
  changes_requested: 'wartet auf Änderungen vom Betrieb',
  verified: 'ist verifiziert',
  rejected: 'ist abgelehnt',
  suspended: 'ist gesperrt',
};
const decisionWords = {
  changes_requested: 'zur Überarbeitung zurückgeschickt',
  verified: 'verifiziert',
  rejected: 'abgelehnt',
  suspended: 'gesperrt',
};

/** The strike limit's end on the customer's clock, like their other times; in UTC, and said so, without a locale. */
const limitEnd = (until: Date, l?: Locale) =>
  l ? moment(until, l.now, l.timezone) : `${utcDateTime(until)} UTC`;

const errorTexts: Texts = {
  'offer.not_found': 'Angebot nicht gefunden.',
  'offer.unavailable': 'Dieses Angebot ist leider nicht mehr verfügbar.',
  'offer.item_not_found': 'Diesen Artikel gibt es in diesem Angebot nicht.',
  'offer.title_length': ({ max }) => `Der Titel muss 1–${max} Zeichen lang sein.`,
  'offer.item_count': ({ max }) => `Ein Angebot hat 1–${max} Artikel.`,
  'offer.window_ends_before_start': 'Die Abholzeit muss nach ihrem Beginn enden.',
  'offer.post_needs_verified_venue': 'Nur freigeschaltete Betriebe können Angebote einstellen.',
  'offer.live_needs_verified_venue':
    'Dein Betrieb ist gerade nicht freigeschaltet, deshalb können seine Angebote nicht online gehen.',
  'offer.edit_needs_verified_venue': ({ venueStatus }) => editNeedsVerifiedVenue[venueStatus],
  'offer.not_editable': ({ status }) =>
    `Dieses Angebot ist ${offerStatusWords[status]}, deshalb kann es nicht bearbeitet werden.`,
  'offer.expired':
    'Dieses Angebot ist abgelaufen: Die Abholzeit ist vorbei. Stell mit /newoffer ein neues ein.',
  'offer.withdrawn': 'Dieses Angebot wurde zurückgezogen. Stell mit /newoffer ein neues ein.',
  'offer.already_in_state': ({ status }) => alreadyInState[status],
  'offer.window_over':
    'Die Abholzeit dieses Angebots ist schon vorbei. Stell ein neues Angebot mit einer späteren Abholzeit ein.',
  'offer.wrong_state': ({ action, status }) =>
    `${actionNeeds[action]} Dieses ist ${offerStatusWords[status]}.`,
  'item.name_missing': 'Der Artikel braucht einen Namen.',
  'item.name_too_long': ({ max }) => `Artikelnamen dürfen höchstens ${max} Zeichen lang sein.`,
  'item.price_not_positive': 'Preise müssen über null liegen.',
  'item.price_not_discounted': 'Der reduzierte Preis muss unter dem Normalpreis liegen.',
  'item.quantity_range': ({ min, max }) => `Die Menge muss eine ganze Zahl von ${min} bis ${max} sein.`,
  // These three follow "„…“ konnte ich nicht hinzufügen:" in the wizard, so each is a sentence of its own.
  'item.parts_missing': 'Es braucht vier Angaben, getrennt durch Semikolons.',
  'item.not_a_price': ({ text, field }) => `„${text}“ ist kein Preis (z. B. ${priceExample[field]}).`,
  'item.not_a_quantity': ({ text }) => `„${text}“ ist keine ganze Zahl (z. B. 5).`,
  'reservation.not_found': 'Reservierung nicht gefunden.',
  'reservation.quantity_range': ({ max }) => `Du kannst 1 bis ${max} auf einmal reservieren.`,
  'reservation.cap_reached': ({ max }) =>
    `Du hast schon ${max} offene Reservierungen. Hol zuerst eine ab oder storniere eine unter /myreservations.`,
  'reservation.sold_out': 'Das ist leider gerade ausverkauft.',
  'reservation.not_enough': ({ left, wanted }) =>
    `Leider sind nur noch ${left} übrig – du wolltest ${wanted}.`,
  'reservation.too_fast':
    'Das sind viele Reservierungen auf einmal. Warte bitte eine Minute und versuch es dann noch einmal.',
  'reservation.window_over':
    'Die Abholzeit ist vorbei, deshalb kann diese Reservierung nicht mehr storniert werden.',
  'reservation.settled': ({ status }) => `Diese Reservierung wurde ${settled[status]}.`,
  'reservation.barred':
    'Dein Konto kann gerade leider keine Reservierungen machen. Wenn du das für einen Fehler hältst, melde dich bitte bei uns.',
  'pickup.code_not_found': 'Keine offene Reservierung mit diesem Code.',
  'pickup.not_open': 'Diese Reservierung ist nicht mehr offen.',
  'venue.already_registered':
    'Du hast schon einen Betrieb registriert. Sende /start, um seinen Stand zu sehen.',
  'venue.not_found': 'Kein Betrieb mit dieser ID.',
  'venue.wrong_state': ({ status, to }) =>
    status === to
      ? `Dieser Betrieb ist bereits ${decisionWords[to]}.`
      : `Dieser Betrieb ${venueStatusWords[status]}, deshalb kann er jetzt nicht ${decisionWords[to]} werden.`,
  'venue.no_changes_requested':
    'Dein Betrieb wartet nicht mehr auf Änderungen. Sende /start, um zu sehen, wie es um ihn steht.',
  'offer.already_ended': ({ status }) =>
    `Dieses Angebot ist bereits ${offerStatusWords[status]}; da gibt es nichts mehr zu entfernen.`,
  'user.not_found': 'Niemand mit dieser ID hat den Bot benutzt.',
  'user.is_admin': 'Admins können nicht ausgeschlossen werden.',
  'venue.owner_only':
    'Das kann nur, wem der Betrieb gehört. Als Teammitglied siehst du /reservations und bestätigst Abholungen.',
  'venue.no_change_to_review': 'Bei diesem Betrieb wartet keine Namens- oder Adressänderung auf Prüfung.',
  'staff.invite_invalid':
    'Dieser Einladungslink ist abgelaufen oder wurde schon benutzt. Bitte den Betrieb um einen neuen.',
  'staff.has_venue':
    'Du hast schon einen Betrieb oder arbeitest in einem, deshalb kann dieses Konto keinem weiteren beitreten. Sende /start, um ihn zu sehen.',
  'staff.not_found': 'Diese Person ist nicht (mehr) in deinem Team.',
  'pickup.not_picked_up':
    'Diese Reservierung ist nicht als abgeholt markiert, da gibt es nichts rückgängig zu machen.',
  'pickup.undo_too_late': ({ minutes }) =>
    `Eine Abholung lässt sich nur innerhalb von ${minutes} Minuten nach der Bestätigung rückgängig machen, solange die Abholzeit läuft.`,
  'reservation.window_not_started':
    'Die Abholzeit hat noch nicht begonnen, es ist also zu früh, das als nicht abgeholt zu markieren.',
  'offer.item_reserved':
    'Dieser Artikel ist reserviert und kann deshalb nicht entfernt werden. Setz seine Menge auf 0, um ihn nicht mehr zu verkaufen.',
  'offer.last_item':
    'Ein Angebot braucht mindestens einen Artikel, deshalb kann der letzte nicht entfernt werden.',
  'offer.description_length': ({ max }) => `Die Beschreibung darf höchstens ${max} Zeichen lang sein.`,
  'item.weight_range': ({ maxKg }) =>
    `Das Gewicht pro Stück muss zwischen 1 g und ${maxKg} kg liegen, z. B. 0,4 kg oder 350 g.`,
  'drop.not_found': 'Diese Angebotsserie gibt es nicht (mehr).',
  'drop.publish_after_window': 'Das Angebot muss veröffentlicht werden, bevor seine Abholzeit endet.',
  'reservation.strike_limit': ({ until }, l) =>
    `Du hast ${plural(STRIKES_FOR_LIMIT, { one: '# Abholung', other: '# Abholungen' })} in ${plural(STRIKE_WINDOW_DAYS, { one: '# Tag', other: '# Tagen' })} verpasst, ` +
    `deshalb kannst du bis ${limitEnd(until, l)} nur ${plural(LIMITED_RESERVATIONS, { one: '# Reservierung', other: '# Reservierungen' })} auf einmal haben. ` +
    `${plural(LIMITED_RESERVATIONS, { one: 'Hol sie zuerst ab oder storniere sie', other: 'Hol zuerst eine ab oder storniere eine' })} unter /myreservations.`,
  'follow.venue_unavailable': 'Diesen Betrieb gibt es im Bot nicht mehr, deshalb kannst du ihm nicht folgen.',
  'settings.unknown_choice': 'Diese Auswahl gibt es nicht. Öffne /settings noch einmal und wähl neu.',
  'search.location_needed':
    'Teile zuerst deinen Standort (📍 unter /offers), damit ich weiß, wo ich suchen soll.',
  'rating.not_allowed': 'Bewerten kannst du nur Reservierungen, die du abgeholt hast.',
  'rating.edit_window_over': 'Eine Bewertung lässt sich nur innerhalb von 24 Stunden ändern.',
  'rating.comment_too_long': ({ max }) => `Bitte halte den Kommentar unter ${max} Zeichen.`,
  'no_show.not_found': 'Diese Reservierung wartet nicht auf deine Antwort.',
  'no_show.too_late':
    'Dafür ist es zu spät: Abholungen lassen sich bis zu 7 Tage nach der Abholzeit bestätigen.',
  'button.stale': 'Dieser Button ist nicht mehr gültig. Sende /offers, um zu sehen, was es gibt.',
};

/** The words for one refusal. */
export const errorText: typeof en.errorText = (detail, l) => {
  const text = errorTexts[detail.code] as string | ((detail: AppErrorDetail, l?: Locale) => string);
  return typeof text === 'string' ? text : text(detail, l);
};
