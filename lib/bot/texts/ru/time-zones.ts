import { escapeHtml as e } from '../../html.js';

/** Часовые пояса (issue 17): подпись после окна выдачи в другом поясе и команда админов /timezone. HTML. */

export const zoneLabelTexts = {
  label: (place: string) => `(время: ${place})`,
  utc: (name: string) => `(${name})`,
};

export const zonePlaces: Record<string, string> = {
  'Asia/Tokyo': 'Токио',
  'Europe/Berlin': 'Берлин',
  'Europe/Madrid': 'Мадрид',
  'Europe/Moscow': 'Москва',
  'Europe/London': 'Лондон',
  'Europe/Paris': 'Париж',
  'Europe/Rome': 'Рим',
  'Europe/Vienna': 'Вена',
  'Europe/Warsaw': 'Варшава',
  'Europe/Prague': 'Прага',
  'Europe/Amsterdam': 'Амстердам',
  'Europe/Brussels': 'Брюссель',
  'Europe/Lisbon': 'Лиссабон',
  'Europe/Athens': 'Афины',
  'Europe/Kyiv': 'Киев',
  'Europe/Kiev': 'Киев',
  'Europe/Minsk': 'Минск',
  'Europe/Istanbul': 'Стамбул',
  'Europe/Samara': 'Самара',
  'Asia/Yekaterinburg': 'Екатеринбург',
  'Asia/Novosibirsk': 'Новосибирск',
  'Asia/Vladivostok': 'Владивосток',
  'Asia/Almaty': 'Алматы',
  'Asia/Tbilisi': 'Тбилиси',
  'Asia/Yerevan': 'Ереван',
  'Asia/Dubai': 'Дубай',
  'Asia/Shanghai': 'Шанхай',
  'America/New_York': 'Нью-Йорк',
  'America/Los_Angeles': 'Лос-Анджелес',
};

export const venueZoneTexts = {
  line: (zone: string, own: boolean) =>
    own
      ? `🕒 Часовой пояс: <b>${e(zone)}</b> — время выдачи вводится и показывается в нём`
      : `🕒 Часовой пояс: <b>${e(zone)}</b> (по умолчанию: отправьте геопозицию заведения, чтобы использовать его собственный)`,
};

export const timeZoneAdminTexts = {
  usage:
    'Как использовать: <code>/timezone &lt;id заведения&gt; &lt;пояс&gt;</code>, пояс — как в базе tz, например <code>/timezone 12 Asia/Tokyo</code>.',
  unknownZone: (text: string) =>
    `Часовой пояс «${e(text)}» мне неизвестен. Используйте название из базы tz, например <code>Europe/Moscow</code>, <code>America/New_York</code> или <code>Asia/Tokyo</code>.`,
  set: (venueName: string, venueId: number, zone: string, before: string) =>
    `🕒 <b>${e(venueName)}</b> (#${venueId}) теперь живёт по <b>${e(zone)}</b> (было ${e(before)}). Окна выдачи остаются в те же моменты и теперь показываются в ${e(zone)}; новые вводятся в нём. Новая геопозиция снова определит пояс.`,
  unchanged: (venueName: string, venueId: number, zone: string) =>
    `<b>${e(venueName)}</b> (#${venueId}) уже живёт по <b>${e(zone)}</b>. Ничего не изменилось.`,
};
