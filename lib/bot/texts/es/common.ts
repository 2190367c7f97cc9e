import type { Role, Visitor } from '../../../marketplace/users.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/common.js';
import { languageChoiceTexts } from './language-choice.js';

/** Todo lo que se lee en los comandos básicos. Modo HTML; aquí se escapa lo que escribe la gente. */

type CommandHelp = ReturnType<typeof en.commandsFor>[number];

const customerCommands: CommandHelp[] = [
  { command: 'offers', description: 'Ofertas de comida sobrante cerca de ti' },
  { command: 'myreservations', description: 'Tus reservas y códigos de recogida' },
  // Issue 14
  { command: 'following', description: 'Los locales que sigues (y dejar de seguirlos)' },
  { command: 'settings', description: 'Avisos de ofertas: silenciar, horas de silencio, búsqueda guardada' },
  { command: 'register', description: 'Vende tu comida sobrante: registra tu local' },
  // Issue 17
  { command: 'menu', description: 'Volver a mostrar los botones del menú' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Qué puedo hacer' },
];

const venueCommands: CommandHelp[] = [
  { command: 'newoffer', description: 'Publica una oferta nueva' },
  { command: 'myoffers', description: 'Tus ofertas y cuántas unidades quedan' },
  { command: 'reservations', description: 'Quién viene hoy: códigos, recogidas, totales' },
  { command: 'pickup', description: 'Confirma una recogida con su código' },
  { command: 'venue', description: 'Perfil, personal y ofertas recurrentes de tu local' },
  { command: 'staff', description: 'Invita o quita a tu personal' },
  { command: 'myratings', description: 'Cómo valoran tu local los clientes' },
  { command: 'offers', description: 'Ver todas las ofertas' },
  // Issue 17
  { command: 'menu', description: 'Volver a mostrar los botones del menú' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Qué puedo hacer' },
];

/** El personal atiende el mostrador: las reservas y recogidas del día, nunca las ofertas ni el local. */
const staffCommands: CommandHelp[] = [
  { command: 'reservations', description: 'Quién viene hoy: códigos, recogidas, totales' },
  { command: 'pickup', description: 'Confirma una recogida con su código' },
  { command: 'offers', description: 'Ver todas las ofertas' },
  // Issue 17
  { command: 'menu', description: 'Volver a mostrar los botones del menú' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Qué puedo hacer' },
];

const adminCommands: CommandHelp[] = [
  { command: 'pending', description: 'Locales pendientes de verificación' },
  { command: 'verify', description: 'Verificar un local: /verify <id>' },
  { command: 'reject', description: 'Rechazar un local: /reject <id> <motivo>' },
  // Issue 16: the rest of the admin console
  { command: 'venues', description: 'Buscar locales: /venues [estado] [nombre o dirección]' },
  { command: 'venue', description: 'Ficha, ofertas e historial de un local: /venue <id>' },
  { command: 'suspend', description: 'Suspender un local: /suspend <id> <motivo>' },
  { command: 'unsuspend', description: 'Reactivar un local: /unsuspend <id>' },
  { command: 'timezone', description: 'Zona horaria de un local: /timezone <id> <zona>' },
  { command: 'takedown', description: 'Retirar cualquier oferta: /takedown <id de oferta> <motivo>' },
  { command: 'block', description: 'Impedir que un cliente reserve: /block <id de usuario> <motivo>' },
  { command: 'unblock', description: 'Dejar que vuelva a reservar: /unblock <id de usuario>' },
  { command: 'stats', description: 'Cifras del marketplace: /stats [today|7d|30d]' },
  { command: 'audit', description: 'Historial: /audit <venue|offer|reservation|user> <id>' },
  { command: 'offers', description: 'Ver todas las ofertas' },
  // Issue 17
  { command: 'menu', description: 'Volver a mostrar los botones del menú' },
  { command: 'language', description: languageChoiceTexts.commandDescription },
  { command: 'help', description: 'Qué puedo hacer' },
];

const commandsByRole: Record<Role, CommandHelp[]> = {
  admin: adminCommands,
  venue: venueCommands,
  staff: staffCommands,
  customer: customerCommands,
};
export const commandsFor: typeof en.commandsFor = (role) => commandsByRole[role];

/** Sigue a «Tu local <b>…</b>». */
const statusLine: Record<NonNullable<Visitor['venue']>['status'], string> = {
  pending: 'está pendiente de verificación por nuestro equipo. Te escribiremos en cuanto lo revisemos.',
  changes_requested:
    'necesita algunos cambios antes de que nuestro equipo pueda verificarlo. Envía /register para hacerlos.',
  verified: 'está verificado. Publica una oferta con /newoffer.',
  rejected: 'no fue aprobado. Envía /register para corregir los datos y mandarlo a revisión de nuevo.',
  suspended: 'está suspendido. Escríbenos si crees que es un error.',
};

export const welcome: typeof en.welcome = (firstName, visitor) => {
  const hello = firstName ? `¡Hola, ${escapeHtml(firstName)}! 👋` : '¡Hola! 👋';
  if (visitor.role === 'admin') {
    return `${hello}\nEres <b>admin</b>. Revisa los locales con /pending y luego usa /verify o /reject.\nEn /help tienes todo lo demás.`;
  }
  if (visitor.role === 'staff' && visitor.venue) {
    return `${hello}\nTrabajas en <b>${escapeHtml(visitor.venue.name)}</b>. Mira quién viene con /reservations y confirma las recogidas ahí o con /pickup &lt;código&gt;.`;
  }
  if (visitor.venue) {
    return `${hello}\nTu local <b>${escapeHtml(visitor.venue.name)}</b> ${statusLine[visitor.venue.status]}\nEn /help ves todo lo que puedes hacer.`;
  }
  return `${hello}\nEncuentro para ti la comida que sobra en restaurantes y tiendas de tu zona, con descuento. Reservas en el chat y pagas al recoger.\n\n🍱 /offers — mira lo que hay ahora\n🏪 /register — vende tu propia comida sobrante`;
};

/** Issue 14: lo que hacen los botones y el modo inline, que el menú de comandos no puede contar. */
const buttonHelp: Partial<Record<Role, string>> = {
  customer:
    '\n\n<b>Botones</b>\n⭐ Seguir, en una oferta: las próximas ofertas de ese local te llegarán aquí (silencia los avisos o pon horas de silencio en /settings).\n' +
    '↗️ Compartir, en una oferta: envíasela a un amigo.\n🔔 en /offers, después de compartir tu ubicación: avisos de ofertas cerca de ti.\n' +
    'Después de recoger, toca las estrellas para valorar.\n\n<b>En cualquier chat</b>, escribe mi @usuario y una palabra (p. ej. pan) para compartir una oferta activa.',
  venue:
    '\n\n<b>Botones</b>\nSi un horario de recogida termina sin ninguna recogida confirmada, te pregunto por cada reserva: ✅ recogida o 🚫 no vino. ' +
    'Solo un «no vino» cuenta en contra del cliente.',
};

export const help: typeof en.help = (role) => {
  // /menu is in the menu but not in this list: the line /help ends with (menuTexts.helpLine) says what it does.
  const lines = commandsFor(role)
    .filter((c) => c.command !== 'menu')
    .map((c) => `/${c.command} — ${escapeHtml(c.description)}`);
  return `<b>Qué puedo hacer</b>\n${lines.join('\n')}${buttonHelp[role] ?? ''}\n\n/cancel detiene lo que estés haciendo.`;
};

export const texts: typeof en.texts = {
  unknownCommand: 'No conozco ese comando. Envía /help para ver qué puedo hacer.',
  privateOnly: 'Mejor háblame por chat privado. 🙂',
  genericError: 'Perdona, algo ha fallado por nuestra parte. Inténtalo de nuevo en un momento.',
  tryAgain: 'Ahora mismo no he podido acceder a mis datos. Inténtalo de nuevo en un momento.',
  slowDown: 'Vas un poco rápido. Espera un minuto y vuelve a intentarlo. 🙏',
  nothingToCancel: 'Ahora mismo no hay nada que cancelar.',
  staleButton: 'Este botón ya no es válido.',
};
