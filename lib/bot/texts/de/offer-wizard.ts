import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/offer-wizard.js';
import { money as formatMoney } from '../format.js';
import { plural } from '../plural.js';

/** The offer wizards' shared questions: pickup slots, items one field at a time, the edit menu. HTML. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const windowSlotTexts: typeof en.windowSlotTexts = {
  slot: (day, start, end) => `${day === 0 ? 'Heute' : 'Morgen'} ${hhmm(start)}–${hhmm(end)}`,
  time: hhmm,
};

/**
 * Items one field at a time, in the one order every wizard uses: name → original price → discounted price →
 * quantity (→ weight per unit, optional).
 */
export const itemEntryTexts: typeof en.itemEntryTexts = {
  askOriginal: (name) => `<b>${e(name)}</b>: Was kostet ein Stück normalerweise? z. B. <code>12,50</code>`,
  askPrice: (name, original, currency) =>
    `Und dein reduzierter Preis für ein Stück <b>${e(name)}</b>? Weniger als ${formatMoney(original, currency)}, z. B. <code>4,00</code>`,
  askQuantity: (name) => `<b>${e(name)}</b>: Wie viele Stück kann man reservieren? z. B. <code>5</code>`,
  askWeight: (name) =>
    `Optional: Wie viel wiegt ein Stück <b>${e(name)}</b>? z. B. <code>0,4 kg</code> oder <code>350 g</code>. Daran siehst du, wie viel Essen du rettest. Tippe auf „Überspringen“, wenn du das lieber nicht angibst.`,
  badOriginal: 'Das ist kein Preis. Schick den normalen Preis für ein Stück, z. B. <code>12,50</code>.',
  badPrice: (original, currency) =>
    `Schick einen Preis über null und unter ${formatMoney(original, currency)}, z. B. <code>4,00</code>.`,
  badQuantity: (min, max) => `Schick eine ganze Zahl von ${min} bis ${max}, z. B. <code>5</code>.`,
  badWeight:
    'Schick ein Gewicht wie <code>0,4 kg</code> oder <code>350 g</code> oder tippe auf „Überspringen“.',
  finishFirst: 'Mach zuerst diesen Artikel fertig:',
  oneByOneHint: '\nOder schick nur den Namen des Artikels, dann frage ich den Rest einzeln ab.',
};

export const editMenuTexts: typeof en.editMenuTexts = {
  ask: 'Was möchtest du ändern?',
  useButtons: 'Tippe unten auf das, was du ändern möchtest, oder auf ✔ Fertig.',
  title: '✏️ Titel',
  description: '📝 Beschreibung',
  window: '⏰ Abholzeit',
  photo: '📸 Foto',
  items: '💶 Preise & Mengen',
  add: '➕ Artikel hinzufügen',
  remove: '➖ Artikel entfernen',
  done: '✔ Fertig',
  askTitle: 'Schick den neuen <b>Titel</b> (bis zu 80 Zeichen).',
  askDescription: 'Schick die neue <b>Beschreibung</b> (bis zu 500 Zeichen) oder <code>-</code> für keine.',
  askWindow: (holders) =>
    `⏰ Wann kann jetzt abgeholt werden?${
      holders > 0
        ? ` ${plural(holders, {
            one: 'Die Person mit Reservierung wird informiert.',
            other: 'Die # Personen mit Reservierungen werden informiert.',
          })}`
        : ''
    }\nz. B. <code>18:00-20:00</code>, <code>morgen 9:00-10:30</code> oder tippe auf eine Zeit:`,
  askPhoto: '📸 Schick das neue Foto oder tippe auf „Überspringen“, um das Foto zu entfernen.',
  chooseItem: 'Welcher Artikel?',
  chooseRemove:
    'Welcher Artikel soll raus? (Reservierte Artikel bleiben; setz stattdessen ihre Menge auf 0.)',
  askAdd:
    'Schick den neuen Artikel als <code>Name; Normalpreis; reduzierter Preis; Menge</code>, z. B. <code>Gemüsekiste; 12,50; 4,00; 5</code>, oder nur seinen Namen.',
  saved: '✏️ Gespeichert.',
  windowSaved: (told) =>
    told > 0
      ? `⏰ Abholzeit geändert. ${plural(told, {
          one: 'Die Person mit Reservierung wurde informiert.',
          other: 'Alle mit Reservierung (# Reservierungen) wurden informiert.',
        })}`
      : '⏰ Abholzeit geändert.',
  removed: '➖ Artikel entfernt.',
  added: '➕ Artikel hinzugefügt.',
};
