import type { Venue } from '../../../../db/schema.js';
import { PROFILE_LIMITS } from '../../../marketplace/venue-profile.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/venue-profile.js';
import type { ProfileField } from '../en/venue-profile.js';

/** /venue: the profile card, editing it one field at a time, and the admins' look at a new name or address. */

const statusWords: Record<Venue['status'], string> = {
  pending: '⏳ wird geprüft',
  changes_requested: '✏️ wartet auf die Änderungen, um die unser Team gebeten hat',
  verified: '✅ freigeschaltet',
  rejected: '✖️ nicht freigeschaltet',
  suspended: '⛔ gesperrt',
};

export const profileTexts: typeof en.profileTexts = {
  card: (v, staff, drops) =>
    `🏪 <b>${e(v.name)}</b> · ${statusWords[v.status]}\n` +
    (v.approvedName !== null
      ? `⏳ Dein neuer Name bzw. deine neue Adresse wird geprüft; deine Angebote bleiben so lange online.\n`
      : '') +
    `\n📫 ${e(v.address)}\n` +
    `📍 ${v.latitude !== null && v.longitude !== null ? 'Standort gesetzt' : 'kein Standort (wer in der Nähe sucht, sieht dich nicht zuerst)'}\n` +
    `📱 ${e(v.phone)} <i>(nur für unser Team)</i>\n` +
    `📝 ${v.description ? e(v.description) : '<i>keine Beschreibung</i>'}\n` +
    `📸 ${v.photoFileId ? 'Foto gesetzt' : 'kein Foto'}\n\n` +
    `👥 Team: ${staff} · 📅 Angebotsserien: ${drops}\n\nTippe auf das, was du ändern möchtest.`,
  staffCard: (v) =>
    `🏪 Du bist im Team von <b>${e(v.name)}</b>. Wer kommt, siehst du unter /reservations, und dort bestätigst du auch Abholungen. Den Betrieb und seine Angebote bearbeitet nur, wem er gehört.`,
  notAtVenue: 'Du hast noch keinen Betrieb. Registriere einen mit /register.',
  ask: {
    name: `Schick den neuen <b>Namen</b> des Betriebs (${PROFILE_LIMITS.name.min}–${PROFILE_LIMITS.name.max} Zeichen). Einen neuen Namen prüft unser Team; deine Angebote bleiben so lange online.`,
    address: `Schick die neue <b>Adresse</b> (Straße, Hausnummer, Ort). Eine neue Adresse prüft unser Team; deine Angebote bleiben so lange online.`,
    location:
      'Schick den <b>Standort</b> des Betriebs (📎 → Standort, oder „Standort senden“, wenn du gerade dort bist) oder tippe auf „Entfernen“, um ihn zu löschen.',
    phone: 'Schick die neue <b>Telefonnummer</b> für unser Team, z. B. +49 30 1234567.',
    description: `Schick die neue <b>Beschreibung</b> (bis zu ${PROFILE_LIMITS.description.max} Zeichen) oder <code>-</code> für keine.`,
    photo: 'Schick das neue <b>Foto</b> oder tippe auf „Entfernen“, um es zu löschen.',
  } satisfies Record<ProfileField, string>,
  bad: {
    name: `Bitte schick den Namen als Text, ${PROFILE_LIMITS.name.min}–${PROFILE_LIMITS.name.max} Zeichen.`,
    address: `Bitte schick die Adresse als Text, ${PROFILE_LIMITS.address.min}–${PROFILE_LIMITS.address.max} Zeichen.`,
    location: 'Bitte schick einen Standort (📎 → Standort) oder tippe auf „Entfernen“.',
    phone:
      'Das sieht nicht nach einer Telefonnummer aus. Gib sie mit Ländervorwahl ein, z. B. +49 30 1234567.',
    description: `Bitte schick die Beschreibung als Text, bis zu ${PROFILE_LIMITS.description.max} Zeichen.`,
    photo: 'Bitte schick ein Foto (JPEG, PNG oder WebP) oder tippe auf „Entfernen“.',
  } satisfies Record<ProfileField, string>,
  saved: '✅ Gespeichert.',
  inReview:
    '✅ Gespeichert. Unser Team prüft den neuen Namen bzw. die neue Adresse bald; deine Angebote bleiben so lange online, und die neuen Angaben sind schon jetzt sichtbar.',
  cancelled: 'Nichts geändert.',
  still: 'Du bearbeitest gerade deinen Betrieb. Schick den neuen Wert oder /cancel zum Abbrechen.',
  sendLocation: '📍 Standort senden',
  remove: 'Entfernen',
};

export const profileButtons: typeof en.profileButtons = {
  name: '✏️ Name',
  address: '📫 Adresse',
  location: '📍 Standort',
  phone: '📱 Telefon',
  description: '📝 Beschreibung',
  photo: '📸 Foto',
  staff: '👥 Team',
  drops: '📅 Serien',
  offers: '🍱 Meine Angebote',
  desk: '🧾 Reservierungen',
};

/** What admins read when a verified venue changes its name or address, and what the owner reads after. */
export const changeReviewTexts: typeof en.changeReviewTexts = {
  card: (v, approved) =>
    `✏️ <b>${e(v.name)}</b> (#${v.id}) hat seine Angaben geändert. Die Angebote bleiben online, während du prüfst.\n\n` +
    (approved.name !== v.name ? `Name: <s>${e(approved.name)}</s> → <b>${e(v.name)}</b>\n` : '') +
    (approved.address !== v.address
      ? `Adresse: <s>${e(approved.address)}</s> → <b>${e(v.address)}</b>\n`
      : '') +
    '\nÄnderung freigeben oder auf die zuvor freigegebenen Angaben zurücksetzen?',
  approveButton: '✅ Änderung freigeben',
  revertButton: '↩️ Zurücksetzen',
  approved: (v) => `✅ Freigegeben: <b>${e(v.name)}</b>, ${e(v.address)}.`,
  reverted: (v) => `↩️ Zurückgesetzt auf <b>${e(v.name)}</b>, ${e(v.address)}. Der Betrieb wurde informiert.`,
  ownerReverted: (v) =>
    `Unser Team konnte deinen neuen Namen bzw. deine neue Adresse nicht freigeben, deshalb zeigt dein Betrieb wieder <b>${e(v.name)}</b>, ${e(v.address)}. Antworte hier oder melde dich bei uns, wenn du findest, dass es geändert werden sollte; deine Angebote sind davon nicht betroffen.`,
};
