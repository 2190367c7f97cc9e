import { escapeHtml as e } from '../../html.js';

/** Zeitzonen (Issue 17): der Hinweis nach einem Zeitfenster in einer anderen Zone, und /timezone der Admins. HTML. */

export const zoneLabelTexts = {
  label: (place: string) => `(Ortszeit ${place})`,
  utc: (name: string) => `(${name})`,
};

export const zonePlaces: Record<string, string> = {
  'Asia/Tokyo': 'Tokio',
  'Europe/Moscow': 'Moskau',
  'Europe/Rome': 'Rom',
  'Europe/Vienna': 'Wien',
  'Europe/Warsaw': 'Warschau',
  'Europe/Prague': 'Prag',
  'Europe/Brussels': 'Brüssel',
  'Europe/Copenhagen': 'Kopenhagen',
  'Europe/Lisbon': 'Lissabon',
  'Europe/Athens': 'Athen',
  'Europe/Kyiv': 'Kyjiw',
  'Europe/Kiev': 'Kyjiw',
  'Europe/Belgrade': 'Belgrad',
  'Europe/Bucharest': 'Bukarest',
  'Europe/Zurich': 'Zürich',
  'Asia/Shanghai': 'Shanghai',
  'Asia/Singapore': 'Singapur',
  'America/Mexico_City': 'Mexiko-Stadt',
};

export const venueZoneTexts = {
  line: (zone: string, own: boolean) =>
    own
      ? `🕒 Zeitzone: <b>${e(zone)}</b> — Abholzeiten werden in ihr eingegeben und angezeigt`
      : `🕒 Zeitzone: <b>${e(zone)}</b> (die Voreinstellung: teile den Standort des Betriebs, um seine eigene zu nutzen)`,
};

export const timeZoneAdminTexts = {
  usage:
    'So geht’s: <code>/timezone &lt;Betriebs-ID&gt; &lt;Zone&gt;</code>, die Zone wie in der tz-Datenbank, z. B. <code>/timezone 12 Asia/Tokyo</code>.',
  unknownZone: (text: string) =>
    `„${e(text)}“ kenne ich nicht als Zeitzone. Nimm einen Namen aus der tz-Datenbank, etwa <code>Europe/Berlin</code>, <code>America/New_York</code> oder <code>Asia/Tokyo</code>.`,
  set: (venueName: string, venueId: number, zone: string, before: string) =>
    `🕒 <b>${e(venueName)}</b> (#${venueId}) läuft jetzt auf <b>${e(zone)}</b> (vorher ${e(before)}). Seine Abholfenster bleiben zur selben Zeit und werden jetzt in ${e(zone)} angezeigt; neue werden darin eingegeben. Ein neuer Standort bestimmt die Zone neu.`,
  unchanged: (venueName: string, venueId: number, zone: string) =>
    `<b>${e(venueName)}</b> (#${venueId}) läuft schon auf <b>${e(zone)}</b>. Nichts geändert.`,
};
