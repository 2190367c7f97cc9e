import { escapeHtml } from '../../html.js';
import type * as en from '../en/register-resume.js';

/**
 * Lo que lee el dueño cuando vuelve a responder el registro después de que un admin pidiera cambios: cada
 * pregunta muestra la respuesta actual, y «Mantener» la conserva. HTML.
 */
const e = escapeHtml;

export const resumeTexts: typeof en.resumeTexts = {
  intro: (name, note) =>
    `✏️ Vamos a actualizar <b>${e(name)}</b>.` +
    (note ? `\nNuestro equipo ha pedido: <i>${e(note)}</i>` : '') +
    '\nEn cada pregunta, envía la nueva respuesta o toca «↩️ Mantener» para dejarla como está.',
  now: (value) => `\nAhora: <i>${e(value)}</i>`,
  nowLocation: '\nAhora: hay una ubicación en el mapa.',
  nowNoLocation: '\nAhora: sin ubicación en el mapa.',
  nowPhoto: '\nAhora: hay una foto.',
  keep: '↩️ Mantener',
  done: (name) =>
    `✅ ¡Gracias! Hemos recibido los cambios de <b>${e(name)}</b>. Nuestro equipo lo revisará de nuevo y te escribirá.`,
};
