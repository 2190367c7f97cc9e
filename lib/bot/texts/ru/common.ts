import type { Role, Visitor } from '../../../marketplace/users.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/common.js';
import { languageChoiceTexts } from './language-choice.js';

/** Every user-facing line of the basic commands. HTML parse mode; user input is escaped here. */

type CommandHelp = ReturnType<typeof en.commandsFor>[number];

const customerCommands: CommandHelp[] = [
  { command: 'offers', description: 'Еда со скидкой рядом с вами' },
  { command: 'myreservations', description: 'Ваши брони и коды для получения' },
  // Issue 14
  { command: 'following', description: 'Ваши подписки на заведения' },
  { command: 'settings', description: 'Уведомления: пауза, тихие часы, поиск' },
  { command: 'register', description: 'Продавать излишки: регистрация заведения' },
  // Issue 17
  { command: 'menu', description: 'Снова показать кнопки меню' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Что я умею' },
];

const venueCommands: CommandHelp[] = [
  { command: 'newoffer', description: 'Новое предложение' },
  { command: 'myoffers', description: 'Ваши предложения и остатки' },
  { command: 'reservations', description: 'Кто придёт сегодня: коды, выдачи, итоги' },
  { command: 'pickup', description: 'Подтвердить выдачу по коду' },
  { command: 'venue', description: 'Профиль заведения, сотрудники, автопубликации' },
  { command: 'staff', description: 'Пригласить или удалить сотрудников' },
  { command: 'myratings', description: 'Как клиенты оценили ваше заведение' },
  { command: 'offers', description: 'Все предложения' },
  // Issue 17
  { command: 'menu', description: 'Снова показать кнопки меню' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Что я умею' },
];

/** Staff work the counter: the day's reservations and pickups, never offers or the venue. */
const staffCommands: CommandHelp[] = [
  { command: 'reservations', description: 'Кто придёт сегодня: коды, выдачи, итоги' },
  { command: 'pickup', description: 'Подтвердить выдачу по коду' },
  { command: 'offers', description: 'Все предложения' },
  // Issue 17
  { command: 'menu', description: 'Снова показать кнопки меню' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Что я умею' },
];

const adminCommands: CommandHelp[] = [
  { command: 'pending', description: 'Заведения, которые ждут проверки' },
  { command: 'verify', description: 'Подтвердить заведение: /verify <id>' },
  { command: 'reject', description: 'Отклонить заведение: /reject <id> <причина>' },
  // Issue 16: the rest of the admin console
  { command: 'venues', description: 'Найти заведения: /venues [статус] [название или адрес]' },
  { command: 'venue', description: 'Карточка заведения, предложения, история: /venue <id>' },
  { command: 'suspend', description: 'Приостановить заведение: /suspend <id> <причина>' },
  { command: 'unsuspend', description: 'Вернуть заведение: /unsuspend <id>' },
  { command: 'timezone', description: 'Часовой пояс заведения: /timezone <id> <пояс>' },
  { command: 'takedown', description: 'Снять любое предложение: /takedown <id предложения> <причина>' },
  { command: 'block', description: 'Запретить клиенту бронировать: /block <id пользователя> <причина>' },
  { command: 'unblock', description: 'Снова разрешить бронировать: /unblock <id пользователя>' },
  { command: 'stats', description: 'Цифры маркетплейса: /stats [today|7d|30d]' },
  { command: 'audit', description: 'История: /audit <venue|offer|reservation|user> <id>' },
  { command: 'offers', description: 'Все предложения' },
  // Issue 17
  { command: 'menu', description: 'Снова показать кнопки меню' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Что я умею' },
];

const commandsByRole: Record<Role, CommandHelp[]> = {
  admin: adminCommands,
  venue: venueCommands,
  staff: staffCommands,
  customer: customerCommands,
};
export const commandsFor: typeof en.commandsFor = (role: Role) => commandsByRole[role];

/** Follows "Ваше заведение <b>name</b>", so each line agrees with the neuter "заведение". */
const statusLine: Record<NonNullable<Visitor['venue']>['status'], string> = {
  pending: 'ждёт проверки нашей командой. Мы напишем, как только всё посмотрим.',
  changes_requested:
    'нужно немного доработать, прежде чем наша команда сможет его подтвердить. Отправьте /register, чтобы внести правки.',
  verified: 'подтверждено. Опубликуйте предложение: /newoffer.',
  rejected:
    'не прошло проверку. Отправьте /register, чтобы исправить данные и снова отправить их на проверку.',
  suspended: 'приостановлено. Если считаете, что это ошибка, напишите в поддержку.',
};

export const welcome: typeof en.welcome = (firstName: string, visitor: Visitor): string => {
  const hello = `Привет${firstName ? `, ${escapeHtml(firstName)}` : ''}! 👋`;
  if (visitor.role === 'admin') {
    return `${hello}\nВы <b>администратор</b>. Проверяйте заведения через /pending, затем /verify или /reject.\nВсё остальное — в /help.`;
  }
  if (visitor.role === 'staff' && visitor.venue) {
    return `${hello}\nВы сотрудник заведения <b>${escapeHtml(visitor.venue.name)}</b>. Кто придёт — в /reservations; подтверждайте выдачу там или командой /pickup &lt;код&gt;.`;
  }
  if (visitor.venue) {
    return `${hello}\nВаше заведение <b>${escapeHtml(visitor.venue.name)}</b> ${statusLine[visitor.venue.status]}\nЧто можно делать — в /help.`;
  }
  return `${hello}\nЯ нахожу излишки еды в местных ресторанах и магазинах — со скидкой. Бронируйте в чате, платите при получении.\n\n🍱 /offers — что есть сейчас\n🏪 /register — продавать свои излишки`;
};

/** Issue 14: what the buttons and inline mode do, which a command menu can't say. */
const buttonHelp: Partial<Record<Role, string>> = {
  customer:
    '\n\n<b>Кнопки</b>\n⭐ «Подписаться» у предложения: новые предложения заведения будут приходить сюда (выключить или задать тихие часы — в /settings).\n' +
    '↗️ «Поделиться»: отправить предложение другу.\n🔔 в /offers, когда вы поделились геопозицией: уведомления о предложениях рядом.\n' +
    'Забрали заказ — нажмите на звёзды, чтобы его оценить.\n\n<b>В любом чате</b> напишите мой @username и слово (например, хлеб), чтобы поделиться актуальным предложением.',
  venue:
    '\n\n<b>Кнопки</b>\nЕсли время выдачи закончилось, а ни одна выдача не подтверждена, я спрошу про каждую бронь: ✅ забрали или 🚫 не пришли. ' +
    'Против клиента засчитывается только неявка.',
};

export const help: typeof en.help = (role: Role): string => {
  // /menu is in the menu but not in this list: the line /help ends with (menuTexts.helpLine) says what it does.
  const lines = commandsFor(role)
    .filter((c) => c.command !== 'menu')
    .map((c) => `/${c.command} — ${escapeHtml(c.description)}`);
  return `<b>Что я умею</b>\n${lines.join('\n')}${buttonHelp[role] ?? ''}\n\n/cancel — прервать то, что вы сейчас делаете.`;
};

export const texts: typeof en.texts = {
  unknownCommand: 'Не знаю такой команды. Отправьте /help — покажу, что умею.',
  privateOnly: 'Пожалуйста, напишите мне в личный чат. 🙂',
  genericError: 'Извините, у нас что-то пошло не так. Попробуйте ещё раз чуть позже.',
  tryAgain: 'Не получилось связаться с хранилищем. Попробуйте ещё раз чуть позже.',
  slowDown: 'Вы немного торопитесь. Подождите минутку и попробуйте снова. 🙏',
  nothingToCancel: 'Сейчас нечего отменять.',
  staleButton: 'Эта кнопка больше не работает.',
};
