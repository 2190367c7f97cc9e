import { escapeHtml as e } from '../../html.js';

/** Zonas horarias (issue 17): la etiqueta tras una franja en otra zona, y el /timezone de los admins. HTML. */

export const zoneLabelTexts = {
  label: (place: string) => `(hora de ${place})`,
  utc: (name: string) => `(${name})`,
};

export const zonePlaces: Record<string, string> = {
  'Asia/Tokyo': 'Tokio',
  'Europe/Berlin': 'Berlín',
  'Europe/Moscow': 'Moscú',
  'Europe/London': 'Londres',
  'Europe/Paris': 'París',
  'Europe/Rome': 'Roma',
  'Europe/Vienna': 'Viena',
  'Europe/Warsaw': 'Varsovia',
  'Europe/Prague': 'Praga',
  'Europe/Brussels': 'Bruselas',
  'Europe/Copenhagen': 'Copenhague',
  'Europe/Lisbon': 'Lisboa',
  'Europe/Athens': 'Atenas',
  'Europe/Kyiv': 'Kiev',
  'Europe/Kiev': 'Kiev',
  'Europe/Stockholm': 'Estocolmo',
  'Europe/Zurich': 'Zúrich',
  'Atlantic/Canary': 'Canarias',
  'America/New_York': 'Nueva York',
  'America/Los_Angeles': 'Los Ángeles',
  'America/Mexico_City': 'Ciudad de México',
  'America/Sao_Paulo': 'São Paulo',
  'Asia/Singapore': 'Singapur',
  'Asia/Shanghai': 'Shanghái',
  'Australia/Sydney': 'Sídney',
};

export const venueZoneTexts = {
  line: (zone: string, own: boolean) =>
    own
      ? `🕒 Zona horaria: <b>${e(zone)}</b>: los horarios de recogida se escriben y se muestran en ella`
      : `🕒 Zona horaria: <b>${e(zone)}</b> (la predeterminada: comparte la ubicación del local para usar la suya)`,
};

export const timeZoneAdminTexts = {
  usage:
    'Uso: <code>/timezone &lt;id del local&gt; &lt;zona&gt;</code>, con la zona como en la base de datos tz, p. ej. <code>/timezone 12 Asia/Tokyo</code>.',
  unknownZone: (text: string) =>
    `No conozco la zona horaria «${e(text)}». Usa un nombre de la base de datos tz, como <code>Europe/Madrid</code>, <code>America/New_York</code> o <code>Asia/Tokyo</code>.`,
  set: (venueName: string, venueId: number, zone: string, before: string) =>
    `🕒 <b>${e(venueName)}</b> (#${venueId}) usa ahora <b>${e(zone)}</b> (antes ${e(before)}). Sus franjas de recogida siguen en el mismo momento y ahora se muestran en ${e(zone)}; las nuevas se escriben en ella. Una nueva ubicación vuelve a determinar la zona.`,
  unchanged: (venueName: string, venueId: number, zone: string) =>
    `<b>${e(venueName)}</b> (#${venueId}) ya usa <b>${e(zone)}</b>. No ha cambiado nada.`,
};
