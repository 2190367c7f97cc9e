import type { OfferFilter, OfferWithItems } from '../../../marketplace/offers.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/my-offers.js';
import { pickupWindow as describePickupWindow } from '../format.js';
import { plural } from '../plural.js';

/** /myoffers in one message, the buttons on an offer's card, and what they ask before they act. HTML. */

const filterWords: Record<OfferFilter, string> = {
  live: '🟢 Online',
  drafts: '📝 Entwürfe',
  past: '⌛ Vergangen',
};

const statusWords: Record<OfferWithItems['status'], string> = {
  draft: '📝 Entwurf',
  active: '🟢 online',
  paused: '⏸ pausiert',
  sold_out: '🔴 ausverkauft',
  expired: '⌛ abgelaufen',
  withdrawn: '✖️ zurückgezogen',
};

const emptyFilter: Record<OfferFilter, string> = {
  live: 'Gerade ist nichts online.',
  drafts: 'Keine Entwürfe.',
  past: 'Noch keine vergangenen Angebote.',
};

export const myOffersTexts: typeof en.myOffersTexts = {
  page(listing, filter, l) {
    const paging = listing.pages > 1 ? ` · Seite ${listing.page + 1}/${listing.pages}` : '';
    const head = `<b>Deine Angebote</b> · ${filterWords[filter]} (${listing.total})${paging}`;
    if (listing.offers.length === 0)
      return `${head}\n\n${emptyFilter[filter]} Erstell eins mit ➕ Neues Angebot.`;
    const lines = listing.offers.map((o, i) => {
      const left = o.items.reduce((sum, item) => sum + item.quantityAvailable, 0);
      const total = o.items.reduce((sum, item) => sum + item.quantityTotal, 0);
      const n = listing.page * listing.pageSize + i + 1;
      return `${n}. <b>${e(o.title)}</b> #${o.id} · ${statusWords[o.status]}\n   ${describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone)} · ${left}/${total} übrig`;
    });
    return `${head}\n\n${lines.join('\n')}\n\nTippe auf ein Angebot, um es zu verwalten.`;
  },
  tab: (filter, count, current) => `${current ? '• ' : ''}${filterWords[filter]} (${count})`,
  offerButton: (n, o) => truncate(`${n}. ${o.title}`, 40),
  confirmWithdraw: (title, holders) =>
    `<b>${e(title)}</b> endgültig zurückziehen?\n\n` +
    (holders > 0
      ? plural(holders, {
          one: '⚠️ 1 Person hat eine Reservierung und wird informiert; die Reservierung wird storniert.',
          other:
            '⚠️ # Personen haben Reservierungen und werden informiert; ihre Reservierungen werden storniert.',
        })
      : 'Niemand hat eine Reservierung dafür.') +
    '\nDanach sieht es niemand mehr. Das lässt sich nicht rückgängig machen.',
  confirmSoldOut: (title, unitsLeft, holders) =>
    `<b>${e(title)}</b> als ausverkauft markieren?\n\n` +
    `${
      unitsLeft > 0
        ? plural(unitsLeft, {
            one: 'Das letzte Stück im Verkauf wird herausgenommen.',
            other: 'Die # Stück, die noch im Verkauf sind, werden herausgenommen.',
          })
        : 'Es ist ohnehin nichts mehr im Verkauf.'
    } ` +
    (holders > 0
      ? plural(holders, {
          one: '1 Person hat eine Reservierung und behält sie.',
          other: '# Personen haben Reservierungen und behalten sie.',
        })
      : 'Niemand hat eine Reservierung.') +
    '\nMit ✏️ Bearbeiten kannst du später wieder auffüllen.',
  withdrawn: (told) =>
    told > 0
      ? `✖️ Zurückgezogen. ${plural(told, {
          one: '1 Person mit Reservierung wurde informiert.',
          other: '# Personen mit Reservierungen wurden informiert.',
        })}`
      : '✖️ Zurückgezogen. Niemand hatte eine Reservierung.',
  repeated: (id, l, o) =>
    `🔁 Entwurf #${id} ist fertig: dieselben Artikel, Abholung ${describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone)}. Ändere bei Bedarf etwas mit ✏️ Bearbeiten, dann 🚀 Veröffentlichen.`,
  notOwner:
    'Angebote verwaltet nur, wem der Betrieb gehört. Das Team sieht unter /reservations, wer kommt. Um selbst Essen zu verkaufen, registriere einen Betrieb mit /register.',
};

export const manageButtons: typeof en.manageButtons = {
  yesWithdraw: '✖️ Ja, zurückziehen',
  keepIt: '◀ Nein, behalten',
  yesSoldOut: '🔴 Ja, ausverkauft',
  keepSelling: '◀ Nein, weiter verkaufen',
  reservations: '🧾 Reservierungen',
  repeat: '🔁 Wiederholen',
  drop: '📅 Regelmäßig anbieten',
  back: '◀ Meine Angebote',
  newOffer: '➕ Neues Angebot',
  venue: '🏪 Betrieb',
  prev: '◀',
  next: '▶',
};
